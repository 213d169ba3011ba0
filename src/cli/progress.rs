//! What a run tells the person watching it on standard error: a progress
//! bar on long work, error lines as they happen, a summary line at the
//! end. Nothing but the error lines when standard error is not a terminal
//! or under `--quiet`.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::inputs::Listing;

/// More files than this, or more bytes, and the run shows a bar.
const FEW_FILES: u64 = 4;
const FEW_BYTES: u64 = 16 << 20;

/// The counts the summary line gives.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Tally {
    /// Documents extracted.
    pub documents: u64,
    /// Records of each kind.
    pub quantities: u64,
    pub years: u64,
    pub targets: u64,
    pub institutions: u64,
    /// Inputs refused or unreadable.
    pub errors: u64,
}

impl Tally {
    /// Counts one document's records.
    pub fn add(&mut self, ex: &zhen_extract::Extraction) {
        self.documents += 1;
        self.quantities += ex.quantities.len() as u64;
        self.years += ex.years.len() as u64;
        self.targets += ex.targets.len() as u64;
        self.institutions += ex.institutions.len() as u64;
    }

    /// Adds the counts of `other`.
    pub fn merge(&mut self, other: &Tally) {
        self.documents += other.documents;
        self.quantities += other.quantities;
        self.years += other.years;
        self.targets += other.targets;
        self.institutions += other.institutions;
        self.errors += other.errors;
    }

    /// The summary line, without the program's name.
    pub fn line(&self, took: Duration) -> String {
        let plural =
            |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut line = format!(
            "{}: {} quantities, {} years, {} targets, {} institutions; {}",
            plural(self.documents, "document", "documents"),
            self.quantities,
            self.years,
            self.targets,
            self.institutions,
            plural(self.errors, "error", "errors"),
        );
        let _ = write!(line, "; {:.1} s", took.as_secs_f64());
        line
    }
}

/// The run's voice on standard error.
#[derive(Debug)]
pub struct Progress {
    bar: Option<ProgressBar>,
    summary: bool,
    started: Instant,
    files_total: u64,
    files_done: u64,
}

impl Progress {
    /// A bar for a run over `listing` when it is long, standard error is
    /// a terminal and the run is not quiet.
    pub fn new(listing: &Listing, quiet: bool) -> Progress {
        let terminal = !quiet && std::io::stderr().is_terminal();
        let long = listing.files > FEW_FILES || listing.bytes > FEW_BYTES;
        let bar = (terminal && long).then(|| bar(listing));
        Progress {
            bar,
            summary: terminal,
            started: Instant::now(),
            files_total: listing.files,
            files_done: 0,
        }
    }

    /// Says that a document of `bytes` bytes was done; `whole_file` when it
    /// was a file (not a line of one).
    pub fn advance(&mut self, bytes: u64, whole_file: bool) {
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
            if whole_file {
                self.files_done += 1;
                bar.set_message(format!("{}/{} files", self.files_done, self.files_total));
            }
        }
    }

    /// Prints one error line now, above the bar.
    pub fn error(&self, line: &str) {
        let print = || {
            // a closed or full standard error loses the line, and nothing else
            let _ = writeln!(std::io::stderr(), "zhen-extract: {line}");
        };
        match &self.bar {
            Some(bar) => bar.suspend(print),
            None => print(),
        }
    }

    /// Clears the bar and, on a terminal, prints the summary line.
    pub fn finish(&self, tally: &Tally) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        if self.summary {
            let _ = writeln!(
                std::io::stderr(),
                "zhen-extract: {}",
                tally.line(self.started.elapsed())
            );
        }
    }

    /// Clears the bar without a summary (the run stopped).
    pub fn abandon(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

fn bar(listing: &Listing) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(listing.bytes), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {msg}, {bytes}/{total_bytes} ({bytes_per_sec}, ETA {eta})",
    )
    .expect("the template is valid")
    .progress_chars("=> ");
    bar.set_style(style);
    bar.set_message(format!("0/{} files", listing.files));
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_line_counts_every_kind() {
        let mut t = Tally::default();
        let ex = zhen_extract::Extractor::new()
            .extract("到2025年，研发投入强度达到2.6%。")
            .unwrap();
        t.add(&ex);
        t.errors = 2;
        let line = t.line(Duration::from_millis(1500));
        assert!(line.starts_with("1 document: "), "{line}");
        assert!(
            line.contains(&format!("{} quantities", ex.quantities.len())),
            "{line}"
        );
        assert!(
            line.contains(&format!("{} targets", ex.targets.len())),
            "{line}"
        );
        assert!(line.ends_with("2 errors; 1.5 s"), "{line}");
    }
}
