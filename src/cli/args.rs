//! The command line's grammar, on clap's derive API.
//!
//! This file is also compiled by `build.rs` (it generates the man page and
//! the shell completions from it), so it uses nothing but `clap` and `std`.

use std::num::NonZeroUsize;
use std::path::PathBuf;

use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};

/// What the exit status means, shown at the end of `--help`.
pub const EXIT_STATUS: &str = "\
Exit status: 0 on success; 1 if an input could not be read, is not UTF-8 \
text or holds nothing to read (the other inputs are still processed), or \
the output could not be written; 2 on bad usage; 141 when the reader of \
the output goes away (`| head`), as for any filter stopped by SIGPIPE.";

/// Extracts quantities, years, targets and institutions from science and
/// technology policy documents in simplified Chinese, traditional Chinese
/// and English, each record with its exact byte span.
///
/// Without a subcommand, extracts: `zhen-extract seeds/` is
/// `zhen-extract extract seeds/`.
#[derive(Debug, Parser)]
#[command(
    name = "zhen-extract",
    version,
    args_conflicts_with_subcommands = true,
    after_help = EXIT_STATUS,
    max_term_width = 100
)]
pub struct Cli {
    /// What to do (default: extract).
    #[command(subcommand)]
    pub command: Option<Command>,

    /// The default command's options, with the old view flags.
    #[command(flatten)]
    pub top: TopLevel,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print one JSON object per document (JSON Lines): the default.
    Extract(ExtractArgs),
    /// Print every figure of each metric_id across the documents, sorted
    /// by year.
    Timeline(ViewArgs),
    /// List the documents' institutions, one row per body however it is
    /// written (merged by canonical_id, else by normalised name).
    Institutions(ViewArgs),
    /// Print each document's tokens, one per line: document, start and
    /// end (bytes), kind, text.
    Tokens(TokensArgs),
    /// Write an HTML report: a chart per metric, the sentence behind every
    /// point, the institutions and the documents. One self-contained file.
    Report(ReportArgs),
}

/// Where the documents come from and how they are read; every command
/// takes these.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// A file, or a folder (its .txt files, any case, sorted by name; not
    /// its subfolders). No PATH, or `-`, reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Resolve relative years (今年, this year) against YEAR.
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1000..=9999))]
    pub reference_year: Option<i32>,

    /// Also emit bare numbers as quantities with unit `number`.
    #[arg(long)]
    pub all_numbers: bool,

    /// Read JSON Lines, the text of each document in the string FIELD of
    /// each line, and write one output line per input line (for Spark's
    /// `pipe`, Hadoop streaming). Spans are byte offsets into FIELD.
    #[arg(long, value_name = "FIELD")]
    pub jsonl: Option<String>,

    /// Documents read and extracted at once [default: the number of cores].
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<NonZeroUsize>,

    /// No progress bar and no summary line.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// Options of `extract`.
#[derive(Debug, Clone, Args)]
pub struct ExtractArgs {
    /// The inputs.
    #[command(flatten)]
    pub input: InputArgs,

    /// Indent the JSON (one object per document, not one per line).
    #[arg(long, conflicts_with = "jsonl")]
    pub pretty: bool,
}

/// Options of `timeline` and `institutions`.
#[derive(Debug, Clone, Args)]
pub struct ViewArgs {
    /// The inputs.
    #[command(flatten)]
    pub input: InputArgs,

    /// Print JSON, not a table.
    #[arg(long)]
    pub json: bool,
}

/// Options of `tokens`.
#[derive(Debug, Clone, Args)]
pub struct TokensArgs {
    /// The inputs.
    #[command(flatten)]
    pub input: InputArgs,
}

/// Options of `report`.
#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    /// The inputs.
    #[command(flatten)]
    pub input: InputArgs,

    /// The HTML file to write (`-`: standard output).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: PathBuf,
}

/// The command line without a subcommand: `extract`'s options, and the
/// view flags of the first versions, kept so that old invocations work.
#[derive(Debug, Clone, Args)]
#[command(group(ArgGroup::new("view").args(["timeline", "institutions", "tokens"])))]
#[command(group(ArgGroup::new("table_view").args(["timeline", "institutions"]).multiple(true)))]
pub struct TopLevel {
    /// `extract`'s options.
    #[command(flatten)]
    pub extract: ExtractArgs,

    /// The same as the `timeline` command.
    #[arg(
        long,
        help_heading = "Old spellings of the commands",
        conflicts_with = "pretty"
    )]
    pub timeline: bool,

    /// The same as the `institutions` command.
    #[arg(
        long,
        help_heading = "Old spellings of the commands",
        conflicts_with = "pretty"
    )]
    pub institutions: bool,

    /// The same as the `tokens` command.
    #[arg(
        long,
        help_heading = "Old spellings of the commands",
        conflicts_with = "pretty"
    )]
    pub tokens: bool,

    /// With --timeline or --institutions: print JSON, not a table.
    #[arg(
        long,
        help_heading = "Old spellings of the commands",
        requires = "table_view"
    )]
    pub json: bool,

    /// Print the man page or a shell's completion script (made at build
    /// time) and exit.
    #[arg(long, value_enum, value_name = "WHAT", exclusive = true)]
    pub generate: Option<Generated>,
}

/// The files the build generates from this grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Generated {
    /// The man page (roff), `zhen-extract.1`.
    Man,
    /// Completions for bash.
    Bash,
    /// Completions for zsh.
    Zsh,
    /// Completions for fish.
    Fish,
}
