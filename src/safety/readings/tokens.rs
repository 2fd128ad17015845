//! Splitting a sentence into the tokens readings are found in.

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok<'a> {
    /// Borrowed from the sentence: no allocation per word.
    Word(&'a str),
    Num(f64, bool),
    Slash,
    Percent,
    Degree,
}

/// Split into words, numbers (with whether they had a decimal point) and
/// the symbols that matter for readings. A run starting with a letter keeps
/// its digits ("spo2", "t1d"); one starting with a digit is a number
/// followed by a word ("38c", "20mg", "6wk").
pub(super) fn tokens(sentence: &str) -> Vec<Tok<'_>> {
    // Byte positions, always on a character boundary: no copy of the
    // sentence as characters, and words borrowed from it.
    let s = sentence;
    let mut out = Vec::with_capacity(s.len() / 4 + 1);
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        if c.is_ascii_digit() {
            let (tok, next) = number(s, i);
            // A comma and a word right after a decimal end it as a reading
            // ("is 38.4, teething"): kept as a word so the bare value is
            // still read. Lists of numbers ("94, 92, 91") are left whole.
            let ends = matches!(tok, Tok::Num(_, true))
                && s[next..]
                    .strip_prefix(", ")
                    .is_some_and(|r| r.starts_with(char::is_alphabetic));
            out.push(tok);
            if ends {
                out.push(Tok::Word(","));
            }
            i = next;
        } else if c.is_alphabetic() {
            let start = i;
            while let Some(ch) = s[i..].chars().next()
                && ch.is_alphanumeric()
            {
                i += ch.len_utf8();
            }
            out.push(Tok::Word(&s[start..i]));
        } else {
            match c {
                '/' => out.push(Tok::Slash),
                '%' => out.push(Tok::Percent),
                '°' | 'º' => out.push(Tok::Degree),
                _ => {}
            }
            i += c.len_utf8();
        }
    }
    out
}

/// The number starting at byte `start` (a digit), with a decimal point or a
/// decimal comma after at most two digits ("7,2"), a trailing `s` dropped;
/// and the byte after it.
fn number(s: &str, start: usize) -> (Tok<'_>, usize) {
    let b = s.as_bytes();
    let digits = |mut i: usize| {
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        i
    };
    let mut i = digits(start);
    let decimal = i + 1 < b.len()
        && matches!(b[i], b'.' | b',')
        && b[i + 1].is_ascii_digit()
        && (b[i] == b'.' || i - start <= 2);
    if decimal {
        i = digits(i + 1);
    }
    // "140s over 80s": a decade is a number.
    if b.get(i) == Some(&b's') && !s[i + 1..].chars().next().is_some_and(char::is_alphanumeric) {
        i += 1;
    }
    let end = if b[i - 1] == b's' { i - 1 } else { i };
    let text = &s[start..end];
    let value = if text.contains(',') {
        text.replace(',', ".").parse()
    } else {
        text.parse()
    };
    (Tok::Num(value.unwrap_or(f64::NAN), decimal), i)
}

/// Whether `t` is a word of `set`.
pub(super) fn is_word(t: Option<&Tok>, set: &[&str]) -> bool {
    matches!(t, Some(Tok::Word(w)) if set.contains(w))
}

/// Whether any token of `toks` is a word of `set`.
pub(super) fn has_word(toks: &[Tok], set: &[&str]) -> bool {
    toks.iter().any(|t| is_word(Some(t), set))
}
