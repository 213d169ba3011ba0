//! The map from shadow bytes back to original bytes, run-length coded.
//!
//! Most of a text is copied into the shadow character by character at the
//! same byte length (traditional characters fold to simplified ones of the
//! same length), so a run of such characters needs one entry: where it
//! starts in the shadow and in the original. Characters that fold to
//! another length (full-width `，` to `,`, an entity `&amp;` to `&`, a tag
//! read as one space) form runs of their own, one entry for as many such
//! characters of the same lengths as follow each other. The map takes a
//! few bytes per run where a byte-by-byte map took eight per shadow byte.

/// A run of the map: shadow bytes from `shadow` up to the next run's.
#[derive(Clone, Copy, Debug)]
struct Run {
    /// The run's first shadow byte.
    shadow: u32,
    /// The original start of the run's first character.
    orig: u32,
    /// [`SAME_LENGTH`]: every character came from as many original bytes
    /// as it has. Else each character of the run (all of one shadow
    /// length) came from this many original bytes, right after the
    /// previous character's.
    orig_len: u32,
}

/// [`Run::orig_len`] of a run of characters copied at their own length.
const SAME_LENGTH: u32 = u32::MAX;

/// The shadow's offset map.
#[derive(Clone, Debug, Default)]
pub(super) struct OffsetMap {
    runs: Vec<Run>,
}

/// Length of the character of `text` that starts at `at`.
fn char_len(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(1, char::len_utf8)
}

impl OffsetMap {
    /// Records that the character about to be pushed at shadow offset
    /// `shadow` (of `len` bytes, in `text` before it is pushed) came from
    /// the original bytes `start..end`.
    pub(super) fn push(&mut self, text: &str, shadow: usize, len: usize, start: usize, end: usize) {
        let orig_len = end - start;
        if let Some(last) = self.runs.last() {
            let (run_shadow, run_orig) = (last.shadow as usize, last.orig as usize);
            if last.orig_len == SAME_LENGTH {
                if orig_len == len && run_orig + (shadow - run_shadow) == start {
                    return;
                }
            } else if last.orig_len as usize == orig_len
                && char_len(text, run_shadow) == len
                && run_orig + (shadow - run_shadow) / len * orig_len == start
            {
                return;
            }
        }
        self.runs.push(Run {
            shadow: shadow as u32,
            orig: start as u32,
            orig_len: if orig_len == len {
                SAME_LENGTH
            } else {
                orig_len as u32
            },
        });
    }

    /// Frees the room the runs were given to grow in.
    pub(super) fn finish(&mut self) {
        self.runs.shrink_to_fit();
    }

    /// The original span of the character of `text` (the whole shadow)
    /// that holds shadow byte `at`.
    pub(super) fn source(&self, text: &str, at: usize) -> (usize, usize) {
        let i = self.runs.partition_point(|r| r.shadow as usize <= at) - 1;
        let run = self.runs[i];
        let (run_shadow, run_orig) = (run.shadow as usize, run.orig as usize);
        if run.orig_len == SAME_LENGTH {
            let mut c = at;
            while !text.is_char_boundary(c) {
                c -= 1;
            }
            let start = run_orig + (c - run_shadow);
            (start, start + char_len(text, c))
        } else {
            let orig_len = run.orig_len as usize;
            let start = run_orig + (at - run_shadow) / char_len(text, run_shadow) * orig_len;
            (start, start + orig_len)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a shadow from `(shadow char, original start, original end)`
    /// and checks every shadow byte maps to its character's source.
    fn check(chars: &[(char, usize, usize)]) -> usize {
        let mut text = String::new();
        let mut map = OffsetMap::default();
        let mut want = Vec::new();
        for &(c, start, end) in chars {
            map.push(&text, text.len(), c.len_utf8(), start, end);
            text.push(c);
            want.extend(std::iter::repeat_n((start, end), c.len_utf8()));
        }
        map.finish();
        for (at, w) in want.iter().enumerate() {
            assert_eq!(map.source(&text, at), *w, "byte {at} of {text:?}");
        }
        map.runs.len()
    }

    #[test]
    fn same_length_characters_are_one_run() {
        // `研發 2025` copied as `研发2025`: the space dropped starts a run
        let runs = check(&[
            ('研', 0, 3),
            ('发', 3, 6),
            ('2', 7, 8),
            ('0', 8, 9),
            ('2', 9, 10),
            ('5', 10, 11),
        ]);
        assert_eq!(runs, 2);
    }

    #[test]
    fn folded_lengths_make_runs_of_their_own() {
        // `１２，&amp;a`: full-width digits, a full-width comma, an entity
        let runs = check(&[
            ('1', 0, 3),
            ('2', 3, 6),
            (',', 6, 9),
            ('&', 9, 14),
            ('a', 14, 15),
            ('b', 15, 16),
        ]);
        assert_eq!(runs, 3);
    }

    #[test]
    fn a_long_region_read_as_one_space() {
        let runs = check(&[
            ('a', 0, 1),
            (' ', 1, 400),
            ('b', 400, 401),
            ('中', 401, 404),
        ]);
        assert_eq!(runs, 3);
    }
}
