//! Many documents on a few threads: each worker takes the next document
//! not yet taken, longest first, so that one long document does not start
//! last; the results come back in the order of the inputs.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The number of threads a batch runs on when the caller does not say:
/// the cores this process may use.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// `work` applied to every item, on `threads` threads (the calling thread
/// alone for one), in the order of `items`. `size` orders the work,
/// largest first. A panic in `work` is resumed on the calling thread once
/// every worker has stopped (PyO3 raises it as `PanicException`, as it
/// does any panic).
pub fn run<T, R, F>(items: &[T], threads: usize, size: impl Fn(&T) -> usize, work: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 {
        return items.iter().map(work).collect();
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(size(&items[i])));
    let next = AtomicUsize::new(0);
    let worker = || {
        let mut done = Vec::new();
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            let Some(&i) = order.get(k) else { break };
            done.push((i, work(&items[i])));
        }
        done
    };
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    let joined: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads).map(|_| scope.spawn(worker)).collect();
        handles.into_iter().map(|h| h.join()).collect()
    });
    for done in joined {
        match done {
            Ok(done) => done.into_iter().for_each(|(i, r)| slots[i] = Some(r)),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
    // every index was taken by exactly one worker, and every worker joined
    slots.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_of_the_inputs() {
        let items: Vec<usize> = (0..100).map(|i| (i * 37) % 101).collect();
        for threads in [1, 2, 3, 8, 200] {
            let out = run(&items, threads, |&n| n, |&n| n * 2);
            assert_eq!(out, items.iter().map(|n| n * 2).collect::<Vec<_>>());
        }
        assert!(run(&Vec::<usize>::new(), 4, |&n| n, |&n| n).is_empty());
    }

    #[test]
    fn a_worker_panic_reaches_the_caller_after_every_worker_stopped() {
        let items = vec![1usize, 2, 3, 4, 5, 6];
        let finished = AtomicUsize::new(0);
        let caught = std::panic::catch_unwind(|| {
            run(
                &items,
                3,
                |&n| n,
                |&n| {
                    if n % 3 == 0 {
                        panic!("item {n}");
                    }
                    finished.fetch_add(1, Ordering::Relaxed);
                },
            )
        });
        let panic = caught.unwrap_err();
        let message = panic.downcast_ref::<String>().unwrap();
        assert!(message.starts_with("item "), "{message}");
        // the workers that did not panic ran their items to the end
        assert!(finished.load(Ordering::Relaxed) >= 1);
    }
}
