//! Splitting a sentence into the tokens readings are found in.

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    Word(String),
    Num(f64, bool),
    Slash,
    Percent,
    Degree,
}

/// Split into words, numbers (with whether they had a decimal point) and
/// the symbols that matter for readings. A run starting with a letter keeps
/// its digits ("spo2", "t1d"); one starting with a digit is a number
/// followed by a word ("38c", "20mg", "6wk").
pub(super) fn tokens(sentence: &str) -> Vec<Tok> {
    let chars: Vec<char> = sentence.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let decimal = i + 1 < chars.len()
                && matches!(chars[i], '.' | ',')
                && chars[i + 1].is_ascii_digit()
                && (chars[i] == '.' || i - start <= 2);
            if decimal {
                i += 1;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
            }
            // "140s over 80s": a decade is a number.
            if chars.get(i) == Some(&'s') && !chars.get(i + 1).is_some_and(|c| c.is_alphanumeric())
            {
                i += 1;
            }
            let end = if chars[i - 1] == 's' { i - 1 } else { i };
            let text: String = chars[start..end]
                .iter()
                .map(|&c| if c == ',' { '.' } else { c })
                .collect();
            out.push(Tok::Num(text.parse().unwrap_or(f64::NAN), decimal));
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_alphanumeric() {
                i += 1;
            }
            out.push(Tok::Word(chars[start..i].iter().collect()));
        } else {
            match c {
                '/' => out.push(Tok::Slash),
                '%' => out.push(Tok::Percent),
                '°' | 'º' => out.push(Tok::Degree),
                _ => {}
            }
            i += 1;
        }
    }
    out
}

/// Whether `t` is a word of `set`.
pub(super) fn is_word(t: Option<&Tok>, set: &[&str]) -> bool {
    matches!(t, Some(Tok::Word(w)) if set.contains(&w.as_str()))
}

/// Whether any token of `toks` is a word of `set`.
pub(super) fn has_word(toks: &[Tok], set: &[&str]) -> bool {
    toks.iter().any(|t| is_word(Some(t), set))
}
