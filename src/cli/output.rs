//! How each view writes: JSON records, token lines and tables.

use std::io::{self, Write};

use zhen_extract::{Document, Extraction, InstitutionEntry, TokenKind};

/// One output line of `extract`, written straight from the records (no
/// intermediate JSON tree), fields in the order the README gives.
#[derive(serde::Serialize)]
struct Record<'a> {
    doc: &'a str,
    quantities: &'a [zhen_extract::Quantity],
    years: &'a [zhen_extract::YearMention],
    targets: &'a [zhen_extract::Target],
    institutions: &'a [zhen_extract::Institution],
}

/// Writes one document's record, then a line break.
pub fn record(out: &mut impl Write, doc: &str, ex: &Extraction, pretty: bool) -> io::Result<()> {
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
    out.write_all(b"\n")
}

/// The line standing for an input line that gave no record under
/// `--jsonl`, so that output lines stay one for one with input lines.
pub fn error_record(out: &mut impl Write, doc: &str, error: &str) -> io::Result<()> {
    #[derive(serde::Serialize)]
    struct Refused<'a> {
        doc: &'a str,
        error: &'a str,
    }
    serde_json::to_writer(&mut *out, &Refused { doc, error })?;
    out.write_all(b"\n")
}

/// The tokens of one document, one per line, tab-separated: DOC, start,
/// end, kind, text.
pub fn tokens(doc: &Document<'_>, name: &str) -> Vec<u8> {
    let text = doc.input();
    let mut out = Vec::new();
    for t in doc.tokens() {
        let kind = match t.kind {
            TokenKind::Han => "han",
            TokenKind::Latin => "latin",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
        };
        // writing to a Vec cannot fail
        let _ = writeln!(
            out,
            "{name}\t{}\t{}\t{kind}\t{}",
            t.span.start,
            t.span.end,
            &text[t.span.range()]
        );
    }
    out
}

/// A value as indented JSON, then a line break.
pub fn json(out: &mut impl Write, value: &impl serde::Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    out.write_all(b"\n")
}

/// The corpus's institutions as a plain-text table, one row per body: its
/// key, kind, mentions, the ways it was written and the documents it
/// appears in (with their mentions where more than one).
pub fn institutions(out: &mut impl Write, rows: &[InstitutionEntry]) -> io::Result<()> {
    writeln!(
        out,
        "{:<44} {:<12} {:>8} {:>4}  aliases  [documents]",
        "key", "kind", "mentions", "docs"
    )?;
    for r in rows {
        let kind = if r.generic {
            format!("{}*", r.kind.as_str())
        } else {
            r.kind.as_str().to_string()
        };
        let aliases: Vec<&str> = r.aliases.iter().map(|a| a.as_str()).collect();
        let docs: Vec<String> = r
            .documents
            .iter()
            .map(|d| {
                let n = r.occurrences.iter().filter(|o| &o.doc == d).count();
                if n > 1 {
                    format!("{d} ({n})")
                } else {
                    d.clone()
                }
            })
            .collect();
        writeln!(
            out,
            "{:<44} {:<12} {:>8} {:>4}  {}  [{}]",
            r.key,
            kind,
            r.occurrences.len(),
            r.documents.len(),
            aliases.join(" | ").replace('\n', " "),
            docs.join(", ")
        )?;
    }
    writeln!(out, "({} rows; * marks a category)", rows.len())
}
