//! English number words: cardinals (`two hundred and fifty`,
//! `twenty-five`, `twenty  five`), scales after words or digits (`ten
//! thousand`, `50 billion`, `5 hundred and 40`, `hundred thousand`),
//! articles (`a thousand`), halves and quarters with a scale (`two and a
//! half million`, `half a million`, `6 billion and a half`), fractions
//! (`two thirds`, `one-third`, `a fifth`, `one over four`), decimals
//! (`three point five`) and signs (`minus 4`).

use super::arabic;
use super::decimal::Dec;
use super::{Miss, NumberForm, NumberMatch, NumberRules};

/// A token of an English number.
#[derive(Clone, Debug)]
enum Tok {
    Word(String),
    Digits { value: Dec, plain: bool },
}

/// What the last token was.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Last {
    Start,
    Article,
    Unit(i64),
    Ten,
    Scale(i64),
    And,
    Fraction,
    Half,
    Point,
    PointDigit,
    Digits,
}

/// The reader's state.
#[derive(Clone, Copy, Debug)]
struct St {
    /// Closed groups (times a thousand and up).
    total: Dec,
    /// The open group, below a thousand (possibly times a hundred).
    current: Dec,
    /// Fractional parts, already scaled.
    total_frac: f64,
    group_frac: f64,
    last: Last,
    /// The group before `and` where a fraction follows (`two and three
    /// fifths`).
    whole: Option<(Dec, f64)>,
    /// The scale an `and` follows (`6 billion and a half`).
    and_scale: Option<i64>,
    point: Option<(Dec, i32)>,
    scaled: bool,
    fraction: bool,
}

impl St {
    fn new() -> St {
        St {
            total: Dec::ZERO,
            current: Dec::ZERO,
            total_frac: 0.0,
            group_frac: 0.0,
            last: Last::Start,
            whole: None,
            and_scale: None,
            point: None,
            scaled: false,
            fraction: false,
        }
    }

    /// The value where the tokens so far end a number.
    fn value(&self) -> Option<Result<f64, Miss>> {
        let ends = matches!(
            self.last,
            Last::Unit(_)
                | Last::Ten
                | Last::Fraction
                | Last::Half
                | Last::PointDigit
                | Last::Digits
                | Last::Scale(_)
        );
        if !ends || self.whole.is_some() {
            return None;
        }
        let mut v = self.total.add(self.current);
        if let Some((p, _)) = self.point {
            v = v.and_then(|v| v.add(p));
        }
        Some(
            v.and_then(|v| v.to_f64())
                .map(|v| v + self.total_frac + self.group_frac)
                .map_err(Miss::from),
        )
    }
}

/// The token at `p`: a word of letters (lower-cased) or Arabic digits.
fn token_at(text: &str, p: usize, limit: usize) -> Option<(Tok, usize)> {
    let b = text.as_bytes();
    if p >= limit {
        return None;
    }
    if b[p].is_ascii_digit() {
        let lit = arabic::literal(text, p, limit).ok()?;
        return Some((
            Tok::Digits {
                value: lit.value,
                plain: lit.plain,
            },
            lit.end,
        ));
    }
    let len = b[p..limit]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    if len == 0 || (p + len < limit && b[p + len].is_ascii_digit()) {
        return None;
    }
    Some((Tok::Word(text[p..p + len].to_ascii_lowercase()), p + len))
}

/// Where the next token starts after `end`: one or two spaces, or a
/// hyphen with or without spaces around it.
fn next_start(text: &str, end: usize, limit: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = end;
    let mut spaces = 0;
    while i < limit && b[i] == b' ' && spaces < 3 {
        i += 1;
        spaces += 1;
    }
    if i < limit && b[i] == b'-' && spaces <= 1 {
        i += 1;
        if i < limit && b[i] == b' ' && spaces == 1 {
            i += 1;
        }
    } else if spaces == 0 || spaces > 2 {
        return None;
    }
    (i < limit && b[i].is_ascii_alphanumeric()).then_some(i)
}

/// Reads an English number at `at`, from words alone.
pub(super) fn read(
    r: &NumberRules,
    text: &str,
    at: usize,
    limit: usize,
) -> Result<NumberMatch, Miss> {
    // a word boundary on the left
    if text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric())
    {
        return Err(Miss::None);
    }
    let (tok, end) = token_at(text, at, limit).ok_or(Miss::None)?;
    if let Tok::Word(w) = &tok {
        if r.en_minus.contains(w) {
            let next = next_start(text, end, limit).ok_or(Miss::None)?;
            let mut m = r.read(text, next, limit)?;
            m.start = at;
            m.value = -m.value;
            return Ok(m);
        }
    }
    let (m, _) = walk(r, text, at, limit, St::new(), false)?.ok_or(Miss::None)?;
    Ok(m)
}

/// Reads English scale words after Arabic digits (`50 billion`, `5
/// hundred and 40`); `None` where no scale word follows.
pub(super) fn after_digits(
    r: &NumberRules,
    text: &str,
    at: usize,
    value: Dec,
    end: usize,
    limit: usize,
) -> Result<Option<NumberMatch>, Miss> {
    let Some(next) = next_start(text, end, limit) else {
        return Ok(None);
    };
    let is_scale = matches!(token_at(text, next, limit), Some((Tok::Word(w), _)) if r.en_scales.contains_key(&w));
    if !is_scale {
        return Ok(None);
    }
    let mut st = St::new();
    st.current = value;
    st.last = Last::Digits;
    let Some((mut m, _)) = walk(r, text, next, limit, st, true)? else {
        return Ok(None);
    };
    m.start = at;
    Ok(Some(m))
}

/// Walks tokens from `at` with state `st`, returning the longest number
/// and its state.
fn walk(
    r: &NumberRules,
    text: &str,
    at: usize,
    limit: usize,
    mut st: St,
    needs_scale: bool,
) -> Result<Option<(NumberMatch, St)>, Miss> {
    let mut p = at;
    let mut best: Option<(usize, f64, St)> = None;
    while let Some((tok, end)) = token_at(text, p, limit) {
        let Some(next) = step(r, text, &st, &tok, end, limit)? else {
            break;
        };
        match next {
            Step::Go(s) => st = *s,
            Step::Done(m) => {
                return Ok(Some((m.with_start(at), st)));
            }
        }
        if let Some(v) = st.value() {
            if !needs_scale || st.scaled {
                best = Some((end, v?, st));
            }
        }
        match next_start(text, end, limit) {
            Some(n) => p = n,
            None => break,
        }
    }
    Ok(best.map(|(end, value, st)| {
        (
            NumberMatch {
                start: at,
                end,
                value,
                form: NumberForm::English,
                decimals: st.point.map_or(0, |(_, k)| k as usize),
                scaled: st.scaled,
                more: false,
                // a scaled amount with a half in it is no fraction
                fraction: st.fraction && !st.scaled,
            },
            st,
        )
    }))
}

enum Step {
    Go(Box<St>),
    /// A fraction read to its end (`one over four`).
    Done(NumberMatch),
}

impl NumberMatch {
    fn with_start(mut self, start: usize) -> NumberMatch {
        self.start = start;
        self
    }
}

/// One token's effect on the state, or `None` where it ends the number.
fn step(
    r: &NumberRules,
    text: &str,
    st: &St,
    tok: &Tok,
    end: usize,
    limit: usize,
) -> Result<Option<Step>, Miss> {
    let mut s = *st;
    let after_scale = matches!(st.last, Last::Scale(_));
    let word = match tok {
        Tok::Digits { value, plain } => {
            // 5 hundred and 40: Arabic digits after `and` below the scale
            let ok = *plain
                && st.last == Last::And
                && st
                    .and_scale
                    .is_some_and(|sc| value.below_pow10((sc as f64).log10().round() as i32));
            if !ok {
                return Ok(None);
            }
            s.current = s.current.add(*value)?;
            s.last = Last::Digits;
            return Ok(Some(Step::Go(Box::new(s))));
        }
        Tok::Word(w) => w.as_str(),
    };
    let next_is_scale = || {
        next_start(text, end, limit)
            .and_then(|n| token_at(text, n, limit))
            .is_some_and(|(t, _)| matches!(t, Tok::Word(w) if r.en_scales.contains_key(&w)))
    };
    if let Some(&v) = r.en_units.get(word) {
        if matches!(st.last, Last::Point | Last::PointDigit) {
            let (frac, k) = st.point.expect("in point mode");
            if v > 9 {
                return Ok(None);
            }
            s.point = Some((frac.add(Dec::int(v).shift(-(k + 1))?)?, k + 1));
            s.last = Last::PointDigit;
            return Ok(Some(Step::Go(Box::new(s))));
        }
        let ok = match st.last {
            Last::Start | Last::Scale(_) | Last::And => true,
            Last::Ten => (1..=9).contains(&v),
            _ => false,
        };
        if !ok {
            return Ok(None);
        }
        s.current = s.current.add(Dec::int(v))?;
        s.last = Last::Unit(v);
    } else if let Some(&v) = r.en_tens.get(word) {
        if !matches!(st.last, Last::Start | Last::Scale(_) | Last::And) {
            return Ok(None);
        }
        s.current = s.current.add(Dec::int(v))?;
        s.last = Last::Ten;
    } else if let Some(&v) = r.en_scales.get(word) {
        let ok = match st.last {
            Last::Unit(_)
            | Last::Ten
            | Last::Article
            | Last::Digits
            | Last::Fraction
            | Last::Half
            | Last::PointDigit => true,
            Last::Scale(prev) => v > prev,
            Last::Start => next_is_scale(),
            _ => false,
        };
        if !ok || st.whole.is_some() {
            return Ok(None);
        }
        if let Some((p, _)) = s.point.take() {
            s.current = s.current.add(p)?;
        }
        let mult = Dec::int(v);
        let group_empty = s.current.is_zero() && s.group_frac == 0.0;
        if let (Last::Scale(_), true) = (st.last, group_empty) {
            // compound scales: thousand million
            s.total = s.total.mul(mult)?;
            s.total_frac *= v as f64;
        } else {
            if group_empty {
                s.current = Dec::ONE;
            }
            if v >= 1000 {
                s.total = s.total.add(s.current.mul(mult)?)?;
                s.total_frac += s.group_frac * v as f64;
                s.current = Dec::ZERO;
                s.group_frac = 0.0;
            } else {
                s.current = s.current.mul(mult)?;
                s.group_frac *= v as f64;
            }
        }
        s.last = Last::Scale(v);
        s.scaled = true;
    } else if word == "and" {
        match st.last {
            Last::Scale(v) => s.and_scale = Some(v),
            Last::Unit(_) | Last::Ten | Last::Digits => {
                s.whole = Some((s.current, s.group_frac));
                s.current = Dec::ZERO;
                s.group_frac = 0.0;
            }
            _ => return Ok(None),
        }
        s.last = Last::And;
    } else if r.en_articles.contains(word) {
        match st.last {
            Last::Start | Last::And | Last::Half => {}
            _ => return Ok(None),
        }
        // (half a million: the article joins the two, and the half waits
        // for its scale)
        s.last = Last::Article;
    } else if let Some(&d) = r.en_fractions.get(word) {
        // a fraction word is no fraction in a compound (a third-party)
        let compound = text[end..limit].starts_with('-')
            && text[end + 1..limit].starts_with(|c: char| c.is_ascii_alphabetic());
        if compound {
            return Ok(None);
        }
        let numerator = match st.last {
            Last::Article => Dec::ONE,
            Last::Unit(_) | Last::Ten | Last::Digits => s.current,
            // half, alone or before a scale (half a million)
            Last::Start if d == 2 => {
                s.group_frac = 0.5;
                s.last = Last::Half;
                s.fraction = true;
                return Ok(Some(Step::Go(Box::new(s))));
            }
            _ => return Ok(None),
        };
        let part = numerator.to_f64()? / d as f64;
        if let Some((whole, frac)) = s.whole.take() {
            s.current = whole;
            s.group_frac = frac + part;
        } else if let (Some(sc), Last::Article) = (st.and_scale, st.last) {
            s.total_frac += part * sc as f64;
            s.current = Dec::ZERO;
        } else {
            s.current = Dec::ZERO;
            s.group_frac += part;
        }
        s.last = Last::Fraction;
        s.fraction = true;
    } else if r.en_points.contains(word) {
        if !matches!(st.last, Last::Unit(_) | Last::Ten) || st.whole.is_some() {
            return Ok(None);
        }
        s.point = Some((Dec::ZERO, 0));
        s.last = Last::Point;
    } else if let Some(over) = r.en_over.iter().find(|o| o.split(' ').next() == Some(word)) {
        // one over four, one out of three: word numbers on both sides
        if !matches!(st.last, Last::Unit(_) | Last::Ten) || after_scale || st.total != Dec::ZERO {
            return Ok(None);
        }
        let mut e = end;
        for part in over.split(' ').skip(1) {
            let Some(n) = next_start(text, e, limit) else {
                return Ok(None);
            };
            match token_at(text, n, limit) {
                Some((Tok::Word(w), we)) if w == part => e = we,
                _ => return Ok(None),
            }
        }
        let Some(n) = next_start(text, e, limit) else {
            return Ok(None);
        };
        if !text.as_bytes()[n].is_ascii_alphabetic() {
            return Ok(None);
        }
        let Some((den, _)) = walk(r, text, n, limit, St::new(), false)? else {
            return Ok(None);
        };
        if den.value < 1.0 || den.fraction {
            return Ok(None);
        }
        return Ok(Some(Step::Done(NumberMatch {
            start: 0,
            end: den.end,
            value: s.current.to_f64()? / den.value,
            form: NumberForm::English,
            decimals: 0,
            scaled: false,
            more: false,
            fraction: true,
        })));
    } else {
        return Ok(None);
    }
    Ok(Some(Step::Go(Box::new(s))))
}
