//! `zhen-extract`: the command-line front end of the `zhen_extract` library.
//!
//! Reads documents (files, folders of `.txt` files, or standard input) and
//! writes one JSON object per document (JSON Lines). Run with `--help` for
//! the options.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use zhen_extract::{
    institution_index, timeline, Extraction, Extractor, InputError, InstitutionEntry, TimelineTable,
};

const USAGE: &str = "\
usage: zhen-extract [OPTIONS] [PATH ...]

Extracts quantities, years, targets and institutions from policy documents
and prints one JSON object per document (JSON Lines):
  {\"doc\": PATH, \"quantities\": [...], \"years\": [...], \"targets\": [...], \"institutions\": [...]}
Spans are byte offsets into the file.

PATH is a file or a folder (its .txt files, sorted by name); no PATH or `-`
reads standard input.

options:
  --pretty               indent the JSON (one object per document, not one per line)
  --reference-year YEAR  resolve relative years (今年, this year) against YEAR
  --all-numbers          also emit bare numbers as quantities with unit `number`
  --institutions         instead of one line per document, list the corpus's
                         institutions, one row per body (merged by canonical_id,
                         else by normalised name) with its aliases and mentions
  --timeline             instead of one line per document, print every figure
                         of each metric_id across the documents, sorted by year
  --json                 with --institutions or --timeline: print JSON, not a table
  --tokens               instead of extracting, print each document's tokens, one
                         per line: DOC, start, end (bytes), kind, text
  -h, --help             print this help
  -V, --version          print the version

exit status: 0 on success, 1 if an input could not be read or is not
UTF-8 text (the other inputs are still processed), 2 on bad usage.";

/// What the command line asked for.
#[derive(Debug, Default)]
struct Options {
    pretty: bool,
    reference_year: Option<i32>,
    all_numbers: bool,
    view: View,
    json: bool,
    paths: Vec<String>,
}

/// What the run prints.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum View {
    /// One JSON object per document.
    #[default]
    Records,
    /// The corpus's institutions, merged.
    Institutions,
    /// The figures of each metric across the corpus.
    Timeline,
    /// The tokens of each document, as the recognizers read them.
    Tokens,
}

/// The outcome of reading the command line.
enum Command {
    Run(Options),
    Help,
    Version,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut opts = Options::default();
    let mut args = args.into_iter();
    let mut only_paths = false;
    while let Some(arg) = args.next() {
        if only_paths || arg == "-" || !arg.starts_with('-') {
            opts.paths.push(arg);
            continue;
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        if inline.is_some() && flag != "--reference-year" {
            return Err(format!("option {flag} takes no value"));
        }
        match flag.as_str() {
            "--" => only_paths = true,
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--pretty" => opts.pretty = true,
            "--all-numbers" => opts.all_numbers = true,
            "--institutions" => opts.view = View::Institutions,
            "--timeline" => opts.view = View::Timeline,
            "--tokens" => opts.view = View::Tokens,
            "--json" => opts.json = true,
            "--reference-year" => {
                let value = inline
                    .or_else(|| args.next())
                    .ok_or("--reference-year needs a YEAR")?;
                let year = value
                    .parse::<i32>()
                    .ok()
                    .filter(|y| (1000..=9999).contains(y))
                    .ok_or_else(|| format!("--reference-year: {value:?} is not a year"))?;
                opts.reference_year = Some(year);
            }
            _ => return Err(format!("unknown option {arg:?}")),
        }
    }
    if opts.json && matches!(opts.view, View::Records | View::Tokens) {
        return Err("--json goes with --institutions or --timeline".into());
    }
    Ok(Command::Run(opts))
}

/// One document to read: a file, or standard input.
enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    fn name(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(p) => p.display().to_string(),
        }
    }

    fn read(&self) -> io::Result<Vec<u8>> {
        match self {
            Source::Stdin => {
                let mut buf = Vec::new();
                io::stdin().lock().read_to_end(&mut buf)?;
                Ok(buf)
            }
            Source::File(p) => std::fs::read(p),
        }
    }
}

/// Expands the PATH arguments: folders to their `.txt` files, sorted.
fn sources(paths: &[String], errors: &mut Vec<String>) -> Vec<Source> {
    if paths.is_empty() {
        return vec![Source::Stdin];
    }
    let mut out = Vec::new();
    for path in paths {
        if path == "-" {
            out.push(Source::Stdin);
            continue;
        }
        let p = Path::new(path);
        if !p.is_dir() {
            out.push(Source::File(p.to_path_buf()));
            continue;
        }
        match std::fs::read_dir(p) {
            Ok(entries) => {
                let mut files: Vec<PathBuf> = entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|f| f.is_file() && f.extension().is_some_and(|x| x == "txt"))
                    .collect();
                files.sort();
                out.extend(files.into_iter().map(Source::File));
            }
            Err(e) => errors.push(format!("{path}: cannot read folder: {e}")),
        }
    }
    out
}

fn describe(err: &InputError) -> String {
    match err {
        InputError::NotUtf8 { offset } => {
            format!("not UTF-8 text (first bad byte at offset {offset})")
        }
        other => other.to_string(),
    }
}

fn write_record(
    out: &mut impl Write,
    doc: &str,
    ex: &Extraction,
    pretty: bool,
) -> serde_json::Result<()> {
    /// One output line, written straight from the records (no
    /// intermediate JSON tree), fields in the order the README gives.
    #[derive(serde::Serialize)]
    struct Record<'a> {
        doc: &'a str,
        quantities: &'a [zhen_extract::Quantity],
        years: &'a [zhen_extract::YearMention],
        targets: &'a [zhen_extract::Target],
        institutions: &'a [zhen_extract::Institution],
    }
    let record = Record {
        doc,
        quantities: &ex.quantities,
        years: &ex.years,
        targets: &ex.targets,
        institutions: &ex.institutions,
    };
    if pretty {
        serde_json::to_writer_pretty(&mut *out, &record)?;
    } else {
        serde_json::to_writer(&mut *out, &record)?;
    }
    out.write_all(b"\n").map_err(serde_json::Error::io)
}

/// Why a document's tokens could not be printed.
enum TokensError {
    Input(InputError),
    Io(io::Error),
}

/// The tokens of one document, one per line, tab-separated.
fn write_tokens(
    out: &mut impl Write,
    extractor: &Extractor,
    name: &str,
    bytes: &[u8],
) -> Result<(), TokensError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        TokensError::Input(InputError::NotUtf8 {
            offset: e.valid_up_to(),
        })
    })?;
    let doc = extractor.analyze(text).map_err(TokensError::Input)?;
    for t in doc.tokens() {
        let kind = match t.kind {
            zhen_extract::TokenKind::Han => "han",
            zhen_extract::TokenKind::Latin => "latin",
            zhen_extract::TokenKind::Number => "number",
            zhen_extract::TokenKind::Punct => "punct",
        };
        writeln!(
            out,
            "{name}\t{}\t{}\t{kind}\t{}",
            t.span.start,
            t.span.end,
            &text[t.span.range()]
        )
        .map_err(TokensError::Io)?;
    }
    Ok(())
}

fn write_json(out: &mut impl Write, value: &impl serde::Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// The corpus's institutions as a plain-text table, one row per body.
fn write_institutions(out: &mut impl Write, rows: &[InstitutionEntry]) -> io::Result<()> {
    writeln!(
        out,
        "{:<44} {:<12} {:>8} {:>4}  aliases",
        "key", "kind", "mentions", "docs"
    )?;
    for r in rows {
        let docs: std::collections::BTreeSet<&str> =
            r.occurrences.iter().map(|o| o.doc.as_str()).collect();
        let kind = if r.generic {
            format!("{}*", r.kind.as_str())
        } else {
            r.kind.as_str().to_string()
        };
        let aliases: Vec<&str> = r.aliases.iter().map(|a| a.as_str()).collect();
        writeln!(
            out,
            "{:<44} {:<12} {:>8} {:>4}  {}",
            r.key,
            kind,
            r.occurrences.len(),
            docs.len(),
            aliases.join(" | ").replace('\n', " ")
        )?;
    }
    writeln!(out, "({} rows; * marks a category)", rows.len())
}

fn run(opts: Options) -> ExitCode {
    let mut builder = Extractor::builder();
    builder.all_numbers(opts.all_numbers);
    if let Some(year) = opts.reference_year {
        builder.reference_year(year);
    }
    let extractor = match builder.build() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("zhen-extract: {e}");
            return ExitCode::from(2);
        }
    };
    let mut errors = Vec::new();
    let sources = sources(&opts.paths, &mut errors);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut corpus: Vec<(String, Extraction)> = Vec::new();
    for src in &sources {
        let name = src.name();
        let bytes = match src.read() {
            Ok(b) => b,
            Err(e) => {
                errors.push(format!("{name}: cannot read: {e}"));
                continue;
            }
        };
        if opts.view == View::Tokens {
            if let Err(e) = write_tokens(&mut out, &extractor, &name, &bytes) {
                match e {
                    TokensError::Input(e) => errors.push(format!("{name}: {}", describe(&e))),
                    TokensError::Io(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                        return ExitCode::SUCCESS
                    }
                    TokensError::Io(e) => {
                        eprintln!("zhen-extract: cannot write output: {e}");
                        return ExitCode::FAILURE;
                    }
                }
            }
            continue;
        }
        match extractor.extract_bytes(&bytes) {
            Ok(ex) if opts.view != View::Records => corpus.push((name, ex)),
            Ok(ex) => {
                if let Err(e) = write_record(&mut out, &name, &ex, opts.pretty) {
                    // a closed pipe (`| head`) ends the run quietly
                    if e.io_error_kind() == Some(io::ErrorKind::BrokenPipe) {
                        return ExitCode::SUCCESS;
                    }
                    eprintln!("zhen-extract: cannot write output: {e}");
                    return ExitCode::FAILURE;
                }
            }
            Err(e) => errors.push(format!("{name}: {}", describe(&e))),
        }
    }
    let docs = || corpus.iter().map(|(d, e)| (d.as_str(), e));
    let written = match opts.view {
        View::Records | View::Tokens => Ok(()),
        View::Institutions => {
            let rows = institution_index(docs());
            if opts.json {
                write_json(&mut out, &rows)
            } else {
                write_institutions(&mut out, &rows)
            }
        }
        View::Timeline => {
            let lines = timeline(docs());
            if opts.json {
                write_json(&mut out, &lines)
            } else {
                write!(out, "{}", TimelineTable(&lines))
            }
        }
    };
    {
        if let Err(e) = written {
            if e.kind() != io::ErrorKind::BrokenPipe {
                eprintln!("zhen-extract: cannot write output: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    if let Err(e) = out.flush() {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("zhen-extract: cannot write output: {e}");
            return ExitCode::FAILURE;
        }
    }
    for e in &errors {
        eprintln!("zhen-extract: {e}");
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn main() -> ExitCode {
    match parse_args(std::env::args().skip(1)) {
        Ok(Command::Run(opts)) => run(opts),
        Ok(Command::Help) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Command::Version) => {
            println!("zhen-extract {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("zhen-extract: {msg}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Command, String> {
        parse_args(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn options_and_paths() {
        let Ok(Command::Run(o)) = parse(&["--pretty", "--reference-year", "2024", "a.txt", "-"])
        else {
            panic!("should parse")
        };
        assert!(o.pretty && !o.all_numbers);
        assert_eq!(o.reference_year, Some(2024));
        assert_eq!(o.paths, ["a.txt", "-"]);
        let Ok(Command::Run(o)) = parse(&["--reference-year=2023", "--", "--all-numbers"]) else {
            panic!("should parse")
        };
        assert_eq!(o.reference_year, Some(2023));
        assert_eq!(o.paths, ["--all-numbers"]);
    }

    #[test]
    fn bad_usage_is_an_error() {
        assert!(parse(&["--frobnicate"]).is_err());
        assert!(parse(&["--reference-year"]).is_err());
        assert!(parse(&["--reference-year", "soon"]).is_err());
        assert!(parse(&["--pretty=yes"]).is_err());
    }
}
