//! The documents a run reads: PATH arguments expanded into files (folders
//! into their `.txt` files), standard input, and, under `--jsonl`, one
//! document per line. Listing is done up front (names and sizes only);
//! reading is left to the workers, one document at a time.

use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One entry of the expanded PATH list.
#[derive(Debug)]
pub enum Entry {
    /// Standard input.
    Stdin,
    /// A file, with its size where it could be read.
    File(PathBuf, u64),
    /// A PATH that gives no document, and why (an empty folder, a broken
    /// link): reported in its place in the output order.
    Problem(String),
}

impl Entry {
    /// The name a document from this entry goes by in the output.
    pub fn name(&self) -> String {
        match self {
            Entry::Stdin => "-".to_string(),
            Entry::File(p, _) => p.display().to_string(),
            Entry::Problem(_) => String::new(),
        }
    }
}

/// What the listing found: the entries, their count of files and bytes.
#[derive(Debug, Default)]
pub struct Listing {
    /// Every entry, in the order the documents come out.
    pub entries: Vec<Entry>,
    /// Number of files (standard input not counted).
    pub files: u64,
    /// Their bytes, as the file system gives them.
    pub bytes: u64,
}

/// True for a name the folder listing takes: `.txt` in any case.
fn is_text_file_name(path: &Path) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| x.eq_ignore_ascii_case("txt"))
}

/// Expands the PATH arguments: folders to their `.txt` files, sorted by
/// name; no PATH is standard input.
pub fn list(paths: &[PathBuf]) -> Listing {
    let mut listing = Listing::default();
    if paths.is_empty() {
        listing.entries.push(Entry::Stdin);
        return listing;
    }
    for path in paths {
        if path.as_os_str() == "-" {
            listing.entries.push(Entry::Stdin);
        } else if path.is_dir() {
            list_folder(path, &mut listing);
        } else {
            // a missing or unreadable file is reported when it is read
            let size = std::fs::metadata(path).map_or(0, |m| m.len());
            listing.push_file(path.clone(), size);
        }
    }
    listing
}

impl Listing {
    fn push_file(&mut self, path: PathBuf, size: u64) {
        self.files += 1;
        self.bytes += size;
        self.entries.push(Entry::File(path, size));
    }
}

fn list_folder(folder: &Path, listing: &mut Listing) {
    let shown = folder.display();
    let read = match std::fs::read_dir(folder) {
        Ok(r) => r,
        Err(e) => {
            listing
                .entries
                .push(Entry::Problem(format!("{shown}: cannot read folder: {e}")));
            return;
        }
    };
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut skipped = 0usize;
    for entry in read {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                problems.push(format!("{shown}: cannot read an entry: {e}"));
                continue;
            }
        };
        let path = entry.path();
        if !is_text_file_name(&path) {
            skipped += 1;
            continue;
        }
        // follows links: a link to a text file is read as the file
        match std::fs::metadata(&path) {
            Ok(m) if m.is_file() => files.push((path, m.len())),
            Ok(_) => skipped += 1,
            Err(e) if path.symlink_metadata().is_ok_and(|m| m.is_symlink()) => {
                problems.push(format!("{}: broken symbolic link: {e}", path.display()))
            }
            Err(e) => problems.push(format!("{}: cannot read: {e}", path.display())),
        }
    }
    problems.sort();
    files.sort();
    if files.is_empty() && problems.is_empty() {
        let what = if skipped == 0 {
            "the folder is empty".to_string()
        } else {
            format!("no .txt file in the folder ({skipped} other entries)")
        };
        problems.push(format!("{shown}: {what}"));
    }
    listing
        .entries
        .extend(problems.into_iter().map(Entry::Problem));
    for (path, size) in files {
        listing.push_file(path, size);
    }
}

/// Reads a whole file or standard input.
pub fn read_entry(entry: &Entry) -> io::Result<Vec<u8>> {
    match entry {
        Entry::Stdin => {
            let mut buf = Vec::new();
            io::stdin().lock().read_to_end(&mut buf)?;
            Ok(buf)
        }
        Entry::File(path, _) => std::fs::read(path),
        Entry::Problem(_) => Ok(Vec::new()),
    }
}

/// The lines of a JSON Lines input, read one at a time.
pub struct JsonLines {
    name: String,
    reader: Box<dyn BufRead + Send>,
    line: usize,
}

impl JsonLines {
    /// Opens an entry for reading line by line.
    pub fn open(entry: &Entry) -> io::Result<JsonLines> {
        let reader: Box<dyn BufRead + Send> = match entry {
            Entry::Stdin => Box::new(BufReader::new(io::stdin())),
            Entry::File(path, _) => Box::new(BufReader::new(std::fs::File::open(path)?)),
            Entry::Problem(_) => Box::new(io::empty()),
        };
        Ok(JsonLines {
            name: entry.name(),
            reader,
            line: 0,
        })
    }

    /// The next line as (its name `PATH:LINE`, its bytes without the line
    /// break, the bytes it took in the input), or `None` at the end.
    pub fn next_line(&mut self) -> Option<io::Result<(String, Vec<u8>, u64)>> {
        let mut buf = Vec::new();
        match self.reader.read_until(b'\n', &mut buf) {
            Ok(0) => None,
            Ok(n) => {
                self.line += 1;
                if buf.last() == Some(&b'\n') {
                    buf.pop();
                    if buf.last() == Some(&b'\r') {
                        buf.pop();
                    }
                }
                Some(Ok((format!("{}:{}", self.name, self.line), buf, n as u64)))
            }
            Err(e) => Some(Err(e)),
        }
    }
}

/// The text of one JSON Lines line: the string in `field` of the object.
pub fn json_field(line: &[u8], field: &str) -> Result<String, String> {
    let value: serde_json::Value =
        serde_json::from_slice(line).map_err(|e| format!("not a JSON line: {e}"))?;
    match value.get(field) {
        Some(serde_json::Value::String(s)) => Ok(s.clone()),
        Some(_) => Err(format!("field {field:?} is not a string")),
        None if value.is_object() => Err(format!("no field {field:?}")),
        None => Err("not a JSON object".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_files_in_any_case() {
        assert!(is_text_file_name(Path::new("a/b.txt")));
        assert!(is_text_file_name(Path::new("B.TXT")));
        assert!(is_text_file_name(Path::new("c.Txt")));
        assert!(!is_text_file_name(Path::new("d.md")));
        assert!(!is_text_file_name(Path::new("txt")));
    }

    #[test]
    fn the_field_of_a_json_line() {
        assert_eq!(
            json_field(r#"{"id":1,"text":"2025年"}"#.as_bytes(), "text"),
            Ok("2025年".into())
        );
        assert!(json_field(br#"{"id":1}"#, "text")
            .unwrap_err()
            .contains("no field"));
        assert!(json_field(br#"{"text":3}"#, "text")
            .unwrap_err()
            .contains("not a string"));
        assert!(json_field(b"[1]", "text")
            .unwrap_err()
            .contains("not a JSON object"));
        assert!(json_field(b"{", "text")
            .unwrap_err()
            .contains("not a JSON line"));
    }
}
