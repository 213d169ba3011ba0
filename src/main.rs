//! `zhen-extract`: the command-line front end of the `zhen_extract` library.
//!
//! Reads documents (files, folders of `.txt` files, standard input or JSON
//! Lines) and writes one JSON object per document, a corpus view
//! (timeline, institutions, tokens) or an HTML report. Run with `--help`
//! for the commands and options.

mod cli;
mod report;

fn main() -> std::process::ExitCode {
    cli::main()
}
