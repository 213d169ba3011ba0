//! A bounded, ordered pipeline: one thread hands out work in input order,
//! `jobs` workers do it (read a document, extract it), and the caller's
//! thread takes the results back in input order.
//!
//! At most `window` pieces of work are out at once (handed out and not yet
//! taken back), so memory stays flat however many documents a run reads:
//! the dispatcher waits for the consumer before it hands out more, and the
//! reordering buffer never holds more than `window` results.

use std::collections::BTreeMap;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::thread;

/// Runs `work` on every item of `items` on `jobs` threads and gives each
/// result to `sink` in the order of `items`. Stops at the first error
/// `sink` returns, and returns it.
///
/// `items` is read on a thread of its own, one item at a time as room
/// frees up, so it may read its input lazily (lines of standard input).
pub fn run<I, T, R, E>(
    jobs: usize,
    items: I,
    work: impl Fn(T) -> R + Send + Sync + 'static,
    mut sink: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    I: Iterator<Item = T> + Send + 'static,
    T: Send + 'static,
    R: Send + 'static,
{
    let jobs = jobs.max(1);
    let window = 2 * jobs;
    let (todo_tx, todo_rx) = mpsc::sync_channel::<(usize, T)>(jobs);
    let (done_tx, done_rx) = mpsc::channel::<(usize, R)>();
    let (room_tx, room_rx) = mpsc::channel::<()>();

    // the dispatcher: hands out item n once fewer than `window` are out
    thread::spawn(move || {
        for (n, item) in items.enumerate() {
            if n >= window && room_rx.recv().is_err() {
                return; // the consumer stopped
            }
            if todo_tx.send((n, item)).is_err() {
                return;
            }
        }
    });

    let todo_rx = Arc::new(Mutex::new(todo_rx));
    let work = Arc::new(work);
    for _ in 0..jobs {
        let (todo_rx, done_tx, work) = (todo_rx.clone(), done_tx.clone(), work.clone());
        thread::spawn(move || {
            while let Some((n, item)) = next(&todo_rx) {
                if done_tx.send((n, work(item))).is_err() {
                    return;
                }
            }
        });
    }
    drop(done_tx);

    let mut waiting = BTreeMap::new();
    let mut due = 0;
    for (n, result) in done_rx {
        waiting.insert(n, result);
        while let Some(result) = waiting.remove(&due) {
            sink(result)?;
            due += 1;
            // the dispatcher may be gone when every item is out
            let _ = room_tx.send(());
        }
    }
    Ok(())
}

/// The next piece of work, or `None` when the dispatcher is done.
fn next<T>(todo: &Mutex<Receiver<(usize, T)>>) -> Option<(usize, T)> {
    // a worker that panicked while holding the lock leaves it poisoned:
    // the queue itself is still sound
    let guard = todo.lock().unwrap_or_else(|e| e.into_inner());
    guard.recv().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    #[test]
    fn results_come_in_input_order_whatever_the_work_takes() {
        let mut seen = Vec::new();
        let done: Result<(), ()> = run(
            4,
            0..64u64,
            |n| {
                // later items finish first
                thread::sleep(Duration::from_micros((64 - n) * 50));
                n * 10
            },
            |r| {
                seen.push(r);
                Ok(())
            },
        );
        assert!(done.is_ok());
        assert_eq!(seen, (0..64).map(|n| n * 10).collect::<Vec<_>>());
    }

    #[test]
    fn no_more_than_the_window_is_out_at_once() {
        let out = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let (o, m) = (out.clone(), most.clone());
        let items = (0..200).inspect(move |_| {
            let now = o.fetch_add(1, Ordering::SeqCst) + 1;
            m.fetch_max(now, Ordering::SeqCst);
        });
        let _: Result<(), ()> = run(
            2,
            items,
            |n| n,
            |_| {
                // the consumer is slow: work piles up unless bounded
                thread::sleep(Duration::from_micros(200));
                out.fetch_sub(1, Ordering::SeqCst);
                Ok(())
            },
        );
        // the window, plus the one item the dispatcher holds while it
        // waits for room
        assert!(most.load(Ordering::SeqCst) <= 2 * 2 + 1, "{most:?}");
    }

    #[test]
    fn a_sink_error_stops_the_run() {
        let mut taken = 0;
        let done = run(
            2,
            0..1_000_000u64,
            |n| n,
            |n| {
                taken += 1;
                if n == 10 {
                    Err("closed")
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(done, Err("closed"));
        assert_eq!(taken, 11);
    }
}
