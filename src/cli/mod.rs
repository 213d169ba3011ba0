//! The command line: reads the arguments, streams the documents through
//! the extractor on `--jobs` threads, and writes what the command asks
//! for, each document's output as soon as it and those before it are done.

pub mod args;
mod inputs;
mod output;
mod pipeline;
mod progress;

use std::collections::VecDeque;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::Parser;
use zhen_extract::{Extraction, Extractor, InputError};

use args::{Cli, Command, Generated, InputArgs};
use inputs::{Entry, JsonLines};
use progress::{Progress, Tally};

/// The status of a run whose reader went away: what a shell reports for
/// a filter stopped by SIGPIPE (128 + 13).
const BROKEN_PIPE: u8 = 141;

/// Runs the program on the process's arguments.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    if let Some(what) = cli.top.generate {
        return print_generated(what);
    }
    let command = cli.command.unwrap_or_else(|| legacy(cli.top));
    run(command)
}

/// The command the top-level flags stand for (`--timeline` is the
/// `timeline` command, no flag is `extract`).
fn legacy(top: args::TopLevel) -> Command {
    let extract = top.extract;
    let view = || args::ViewArgs {
        input: extract.input.clone(),
        json: top.json,
    };
    if top.timeline {
        Command::Timeline(view())
    } else if top.institutions {
        Command::Institutions(view())
    } else if top.tokens {
        Command::Tokens(args::TokensArgs {
            input: extract.input.clone(),
        })
    } else {
        Command::Extract(extract)
    }
}

/// Prints clap's help, version or usage error and gives its status: 0
/// for help and version (1 if they could not be written), 2 for bad usage.
fn clap_exit(e: &clap::Error) -> ExitCode {
    let to_stdout = matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion);
    let written = e.print().and_then(|()| io::stdout().flush());
    if !to_stdout {
        return ExitCode::from(2);
    }
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => write_failed(&err),
    }
}

/// The status for output that could not be written, after saying why
/// (quietly for a reader that went away).
fn write_failed(e: &io::Error) -> ExitCode {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::from(BROKEN_PIPE);
    }
    let _ = writeln!(io::stderr(), "zhen-extract: cannot write output: {e}");
    ExitCode::FAILURE
}

fn print_generated(what: Generated) -> ExitCode {
    let text = match what {
        Generated::Man => include_str!(concat!(env!("OUT_DIR"), "/zhen-extract.1")),
        Generated::Bash => include_str!(concat!(env!("OUT_DIR"), "/zhen-extract.bash")),
        Generated::Zsh => include_str!(concat!(env!("OUT_DIR"), "/_zhen-extract")),
        Generated::Fish => include_str!(concat!(env!("OUT_DIR"), "/zhen-extract.fish")),
    };
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => write_failed(&e),
    }
}

/// One piece of work: a document to read, or a problem to report in its
/// place in the output.
struct Item {
    name: String,
    what: What,
    /// Bytes it takes in the input, for the progress bar.
    size: u64,
}

enum What {
    /// A whole file, or standard input.
    Read(Entry),
    /// A line of JSON Lines input, not yet parsed.
    Line(Vec<u8>),
    /// A PATH or a line that gives no document.
    Problem(String),
}

/// A piece of work done: the document's output, or why there is none.
struct Done<T> {
    name: String,
    size: u64,
    whole_file: bool,
    outcome: Result<T, String>,
}

/// The items of a run: one per entry, or one per line of each entry under
/// `--jsonl`, read as the pipeline asks for them.
struct Items {
    entries: VecDeque<Entry>,
    jsonl: bool,
    open: Option<JsonLines>,
}

impl Iterator for Items {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(lines) = &mut self.open {
                match lines.next_line() {
                    Some(Ok((name, bytes, size))) => {
                        return Some(Item {
                            name,
                            what: What::Line(bytes),
                            size,
                        })
                    }
                    Some(Err(e)) => {
                        self.open = None;
                        return Some(problem(format!("cannot read: {e}")));
                    }
                    None => self.open = None,
                }
            }
            let entry = self.entries.pop_front()?;
            let name = entry.name();
            match entry {
                Entry::Problem(p) => return Some(problem(p)),
                entry if self.jsonl => match JsonLines::open(&entry) {
                    Ok(lines) => self.open = Some(lines),
                    Err(e) => return Some(problem(format!("{name}: cannot read: {e}"))),
                },
                entry => {
                    let size = match &entry {
                        Entry::File(_, size) => *size,
                        _ => 0,
                    };
                    return Some(Item {
                        name,
                        what: What::Read(entry),
                        size,
                    });
                }
            }
        }
    }
}

fn problem(message: String) -> Item {
    Item {
        name: String::new(),
        what: What::Problem(message),
        size: 0,
    }
}

/// How an input error reads on standard error.
fn describe(err: &InputError) -> String {
    match err {
        InputError::NotUtf8 { offset } => {
            format!("not UTF-8 text (first bad byte at offset {offset})")
        }
        other => other.to_string(),
    }
}

/// Reads an item's text and hands it to `view`; problems pass through.
fn work<T>(
    item: Item,
    field: Option<&str>,
    view: impl Fn(&str, &[u8]) -> Result<T, InputError>,
) -> Done<T> {
    let Item { name, what, size } = item;
    let whole_file = matches!(what, What::Read(Entry::File(..)));
    let outcome = match what {
        What::Problem(p) => Err(p),
        What::Read(entry) => match inputs::read_entry(&entry) {
            Ok(bytes) => view(&name, &bytes).map_err(|e| format!("{name}: {}", describe(&e))),
            Err(e) => Err(format!("{name}: cannot read: {e}")),
        },
        What::Line(line) => inputs::json_field(&line, field.unwrap_or_default())
            .and_then(|text| view(&name, text.as_bytes()).map_err(|e| describe(&e)))
            .map_err(|e| format!("{name}: {e}")),
    };
    Done {
        name,
        size,
        whole_file,
        outcome,
    }
}

/// What every view shares: the extractor, the progress, the tally.
struct Run {
    extractor: Extractor,
    input: InputArgs,
    progress: Progress,
    tally: Tally,
    items: Items,
}

impl Run {
    fn new(input: InputArgs) -> Result<Run, ExitCode> {
        let mut builder = Extractor::builder();
        builder.all_numbers(input.all_numbers);
        if let Some(year) = input.reference_year {
            builder.reference_year(year);
        }
        let extractor = builder.build().map_err(|e| {
            let _ = writeln!(io::stderr(), "zhen-extract: {e}");
            ExitCode::from(2)
        })?;
        let listing = inputs::list(&input.paths);
        let progress = Progress::new(&listing, input.quiet);
        let items = Items {
            entries: listing.entries.into(),
            jsonl: input.jsonl.is_some(),
            open: None,
        };
        Ok(Run {
            extractor,
            input,
            progress,
            tally: Tally::default(),
            items,
        })
    }

    /// Streams the documents through `view` on the worker threads, and
    /// each outcome, in input order, through `sink`; error lines are
    /// printed as they come. Returns the status so far, or the status of
    /// a write that failed.
    fn stream<T: Send + 'static>(
        self,
        view: impl Fn(&Extractor, &str, &[u8]) -> Result<T, InputError> + Send + Sync + 'static,
        mut sink: impl FnMut(&str, Result<T, &str>, &mut Tally) -> io::Result<()>,
    ) -> (Tally, Progress, Result<(), io::Error>) {
        let Run {
            extractor,
            input,
            mut progress,
            mut tally,
            items,
        } = self;
        let jobs = input
            .jobs
            .map(|n| n.get())
            .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
            .unwrap_or(1);
        let field = input.jsonl.clone();
        let written = pipeline::run(
            jobs,
            items,
            move |item| {
                work(item, field.as_deref(), |name, bytes| {
                    view(&extractor, name, bytes)
                })
            },
            |done: Done<T>| {
                progress.advance(done.size, done.whole_file);
                match done.outcome {
                    Ok(t) => sink(&done.name, Ok(t), &mut tally),
                    Err(e) => {
                        tally.errors += 1;
                        progress.error(&e);
                        sink(&done.name, Err(&e), &mut tally)
                    }
                }
            },
        );
        (tally, progress, written)
    }
}

/// The exit status of a finished run.
fn finish(tally: &Tally, progress: &Progress, written: io::Result<()>) -> ExitCode {
    if let Err(e) = written {
        progress.abandon();
        return write_failed(&e);
    }
    progress.finish(tally);
    if tally.errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn run(command: Command) -> ExitCode {
    let input = match &command {
        Command::Extract(a) => &a.input,
        Command::Timeline(a) | Command::Institutions(a) => &a.input,
        Command::Tokens(a) => &a.input,
        Command::Report(a) => &a.input,
    };
    let run = match Run::new(input.clone()) {
        Ok(run) => run,
        Err(status) => return status,
    };
    let jsonl = run.input.jsonl.is_some();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match command {
        Command::Extract(args) => {
            let pretty = args.pretty;
            let (tally, progress, written) = run.stream(
                // the JSON is written on the worker threads: the writer
                // only copies bytes out, in order
                move |ex, name, bytes| {
                    let extraction = ex.extract_bytes(bytes)?;
                    let mut counts = Tally::default();
                    counts.add(&extraction);
                    let mut line = Vec::new();
                    // writing to a Vec fails only on a value serde cannot
                    // write, which the records never hold
                    let _ = output::record(&mut line, name, &extraction, pretty);
                    Ok((line, counts))
                },
                |name, outcome, tally| {
                    match outcome {
                        Ok((line, counts)) => {
                            tally.merge(&counts);
                            out.write_all(&line)?;
                        }
                        // one output line for every input line
                        Err(e) if jsonl => output::error_record(&mut out, name, e)?,
                        Err(_) => return Ok(()),
                    }
                    out.flush()
                },
            );
            finish(&tally, &progress, written)
        }
        Command::Tokens(_) => {
            let (tally, progress, written) = run.stream(
                |ex, name, bytes| Ok(output::tokens(&ex.analyze_bytes(bytes)?, name)),
                |_, outcome, tally| match outcome {
                    Ok(lines) => {
                        tally.documents += 1;
                        out.write_all(&lines)?;
                        out.flush()
                    }
                    Err(_) => Ok(()),
                },
            );
            finish(&tally, &progress, written)
        }
        Command::Timeline(ref args) | Command::Institutions(ref args) => {
            let timeline = matches!(command, Command::Timeline(_));
            let mut corpus: Vec<(String, Extraction)> = Vec::new();
            let (tally, progress, mut written) = run.stream(
                |ex, _, bytes| ex.extract_bytes(bytes),
                |name, outcome, tally| {
                    if let Ok(ex) = outcome {
                        tally.add(&ex);
                        corpus.push((name.to_string(), ex));
                    }
                    Ok(())
                },
            );
            if written.is_ok() {
                written = write_view(&mut out, &corpus, timeline, args.json);
            }
            finish(&tally, &progress, written)
        }
        Command::Report(args) => {
            let mut docs = Vec::new();
            let (tally, progress, mut written) = run.stream(
                |ex, _, bytes| {
                    let doc = ex.analyze_bytes(bytes)?;
                    let extraction = ex.extract_document(&doc);
                    Ok(crate::report::Material::of(&doc, extraction))
                },
                |name, outcome, tally| {
                    match outcome {
                        Ok(m) => {
                            tally.add(&m.extraction);
                            docs.push(crate::report::Source::done(name, m));
                        }
                        Err(e) => docs.push(crate::report::Source::failed(name, e)),
                    }
                    Ok(())
                },
            );
            if written.is_ok() {
                written = write_report(&args.output, &docs, &mut out);
            }
            finish(&tally, &progress, written)
        }
    }
}

/// The corpus view of `timeline` or `institutions`, as a table or JSON.
fn write_view(
    out: &mut impl Write,
    corpus: &[(String, Extraction)],
    timeline: bool,
    json: bool,
) -> io::Result<()> {
    let docs = || corpus.iter().map(|(d, e)| (d.as_str(), e));
    if timeline {
        let lines = zhen_extract::timeline(docs());
        if json {
            output::json(out, &lines)?;
        } else {
            write!(out, "{}", zhen_extract::TimelineTable(&lines))?;
        }
    } else {
        let rows = zhen_extract::institution_index(docs());
        if json {
            output::json(out, &rows)?;
        } else {
            output::institutions(out, &rows)?;
        }
    }
    out.flush()
}

/// Writes the report to `path` (`-`: standard output). A file is written
/// whole or not at all: to a temporary name beside it, then renamed.
fn write_report(
    path: &Path,
    docs: &[crate::report::Source],
    stdout: &mut impl Write,
) -> io::Result<()> {
    let html = crate::report::render(docs);
    if path.as_os_str() == "-" {
        stdout.write_all(html.as_bytes())?;
        return stdout.flush();
    }
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    std::fs::write(&partial, html)
        .and_then(|()| std::fs::rename(&partial, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&partial);
            io::Error::new(e.kind(), format!("{}: {e}", path.display()))
        })
}
