//! The small phrase language of `safety.toml`.
//!
//! A phrase is a sequence of words matched whole-word against the cleaned
//! message. `word*` matches any word starting with `word`; `a|b` matches
//! either; `_` matches any one word; `..` allows up to three words in
//! between and `...` up to eight. A leading `!` marks an explicit phrase that informational
//! wording never cancels. Words of six or more letters also match with one
//! typo after their first two letters (not when the message word is itself an
//! everyday English word: "table" is not a typo of `tablet`), and long runs of one letter count
//! twice (`killlll` = `kill`), so common misspellings are caught without
//! listing them.

use std::borrow::Cow;

use crate::text::osa_distance;

/// Longest run of words a `..` may skip.
const GAP_WORDS: usize = 3;
/// Longest run of words a `...` may skip (symptoms listed with commas).
const LONG_GAP_WORDS: usize = 8;
/// Words at least this long tolerate one typo.
pub const FUZZY_MIN_CHARS: usize = 6;

/// One compiled phrase.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub elems: Vec<Elem>,
    /// Never cancelled by `unless` phrases.
    pub explicit: bool,
}

/// One position in a phrase.
#[derive(Debug, Clone)]
pub enum Elem {
    Word(Vec<Alt>),
    Any,
    /// Skip up to this many words.
    Gap(usize),
}

/// One alternative spelling of a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Alt {
    Exact(String),
    Prefix(String),
}

impl Pattern {
    /// Parse a phrase; the error says what is wrong with it.
    pub fn parse(raw: &str) -> Result<Pattern, String> {
        const MAX_GAPS: usize = 4;
        let (explicit, body) = match raw.trim().strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, raw.trim()),
        };
        let mut elems = Vec::new();
        for part in body.split_whitespace() {
            elems.push(match part {
                ".." => Elem::Gap(GAP_WORDS),
                "..." => Elem::Gap(LONG_GAP_WORDS),
                "_" => Elem::Any,
                _ => Elem::Word(parse_word(part)?),
            });
        }
        let gaps = elems.iter().filter(|e| matches!(e, Elem::Gap(_))).count();
        if gaps > MAX_GAPS {
            // Each gap multiplies the ways a long message can be tried
            // (fuzzing found a phrase taking 16 s on one message).
            return Err(format!(
                "has {gaps} gaps (`..` or `...`); at most {MAX_GAPS}: split it into shorter phrases"
            ));
        }
        match (elems.first(), elems.last()) {
            (None, _) => Err("is empty".into()),
            (Some(Elem::Word(_)), Some(Elem::Word(_))) => Ok(Pattern { elems, explicit }),
            _ => Err("must start and end with a word, not `..` or `_`".into()),
        }
    }

    /// Does the phrase match starting at token `start`? The plain,
    /// string-comparing matcher: the screener runs the compiled one
    /// (`super::compiled`), and tests check the two agree.
    pub fn matches_at(&self, tokens: &[String], start: usize) -> bool {
        match_from(&self.elems, tokens, start)
    }
}

/// The two halves of a `together` pair (`"A + B"`), trimmed. Each half is
/// an ordinary phrase; `+` appears nowhere else in the phrase language.
pub fn split_pair(raw: &str) -> Result<(&str, &str), String> {
    let mut halves = raw.split('+').map(str::trim);
    match (halves.next(), halves.next(), halves.next()) {
        (Some(a), Some(b), None) if !a.is_empty() && !b.is_empty() => Ok((a, b)),
        _ => Err("must be two phrases joined by one `+` (`\"A + B\"`)".into()),
    }
}

fn parse_word(part: &str) -> Result<Vec<Alt>, String> {
    part.split('|')
        .map(|alt| {
            let (body, prefix) = match alt.strip_suffix('*') {
                Some(b) => (b, true),
                None => (alt, false),
            };
            if body.is_empty() || !body.chars().all(char::is_alphanumeric) {
                return Err(format!(
                    "has a word `{alt}` with characters other than letters and digits"
                ));
            }
            let norm = normalize_word(&body.to_lowercase()).into_owned();
            Ok(if prefix {
                Alt::Prefix(norm)
            } else {
                Alt::Exact(norm)
            })
        })
        .collect()
}

fn match_from(elems: &[Elem], tokens: &[String], pos: usize) -> bool {
    let Some((first, rest)) = elems.split_first() else {
        return true;
    };
    match first {
        Elem::Gap(max) => (0..=*max)
            .any(|skip| pos + skip <= tokens.len() && match_from(rest, tokens, pos + skip)),
        Elem::Any => pos < tokens.len() && match_from(rest, tokens, pos + 1),
        Elem::Word(alts) => {
            pos < tokens.len()
                && alts.iter().any(|a| a.matches(&tokens[pos]))
                && match_from(rest, tokens, pos + 1)
        }
    }
}

impl Alt {
    /// Does the word match without a typo?
    pub fn matches_exactly(&self, token: &str) -> bool {
        match self {
            Alt::Exact(w) => token == w,
            Alt::Prefix(p) => token.starts_with(p.as_str()),
        }
    }

    /// Does one (normalised) message word match this alternative?
    pub fn matches(&self, token: &str) -> bool {
        self.matches_exactly(token) || self.matches_with_typo(token) || self.person_s(token)
    }

    /// "hubbys" for `hubby`: see [`short_person`].
    fn person_s(&self, token: &str) -> bool {
        matches!(self, Alt::Exact(w) if short_person(w) && token.strip_suffix('s') == Some(w))
    }

    /// One typo after the first two letters, in a word of six or more.
    fn matches_with_typo(&self, token: &str) -> bool {
        match self {
            Alt::Exact(w) => {
                w.len() >= FUZZY_MIN_CHARS
                    && token.len() + 1 >= w.len()
                    && same_start(token, w)
                    && osa_distance(token, w, 1) <= 1
            }
            Alt::Prefix(p) => {
                p.len() >= FUZZY_MIN_CHARS
                    && token.len() >= p.len()
                    && same_start(token, p)
                    && token.is_char_boundary(p.len())
                    && osa_distance(&token[..p.len()], p, 1) <= 1
            }
        }
    }
}

/// Typos are tolerated after the first two letters only: people rarely get
/// the start of a word wrong, and allowing it makes everyday words collide
/// (`cooking` would match `choking`, `faking` `taking`).
fn same_start(a: &str, b: &str) -> bool {
    a.chars().take(2).eq(b.chars().take(2))
}

/// Normalise one message word: digits used as letters (`k1ll`) are read as
/// letters, and a letter repeated three or more times counts twice
/// (`killlll` = `kill`, `sooo` = `soo`).
pub fn normalize_word(word: &str) -> Cow<'_, str> {
    let mixed = word.chars().any(|c| c.is_ascii_digit()) && word.chars().any(char::is_alphabetic);
    let long_run = word
        .as_bytes()
        .windows(3)
        .any(|w| w[0] == w[1] && w[1] == w[2]);
    if !mixed && !long_run && word.is_ascii() {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    let mut run = (None, 0);
    for c in word.chars() {
        let c = if mixed { unleet(c) } else { c };
        run = if Some(c) == run.0 {
            (run.0, run.1 + 1)
        } else {
            (Some(c), 1)
        };
        if run.1 <= 2 {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn unleet(c: char) -> char {
    match c {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        other => other,
    }
}

/// A short word for a person whose `'s` form ("hubbys", "exs") should match
/// it: family words under six letters. Not "he" or "she" ("hes never hit
/// me", "a little bruise, hes fine": phrases name `hes` where they mean it)
/// nor "kid" ("dangerous for kids if swallowed" is general), nor a
/// parent ("hits me when mum's at work" is about the writer, not mum).
pub(crate) fn short_person(w: &str) -> bool {
    matches!(
        w,
        "hubby"
            | "wife"
            | "ex"
            | "bf"
            | "gf"
            | "son"
            | "baby"
            | "bub"
            | "nan"
            | "nana"
            | "gran"
            | "bro"
            | "sis"
            | "uncle"
            | "aunt"
            | "mate"
            | "man"
            | "guy"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        s.split_whitespace()
            .map(|w| normalize_word(w).into_owned())
            .collect()
    }

    fn hit(p: &str, s: &str) -> bool {
        let p = Pattern::parse(p).unwrap();
        let t = toks(s);
        (0..t.len()).any(|i| p.matches_at(&t, i))
    }

    #[test]
    fn words_prefixes_alternatives_and_gaps() {
        assert!(hit("kill myself", "i want to kill myself"));
        assert!(hit("kill myself", "i want to k1llll myself"));
        assert!(hit("suicid*", "feeling suicidal"));
        assert!(hit("took|swallowed .. pills", "took all my pills"));
        assert!(!hit(
            "took|swallowed .. pills",
            "took the dog out and forgot my pills"
        ));
        assert!(hit("face _ droop*", "face is drooping"));
        assert!(!hit(
            "chest ... sweating",
            "chest a b c d e f g h i sweating"
        ));
        assert!(hit("chest ... sweating", "chest a b c d e f g h sweating"));
        assert!(!hit("chest .. sweating", "chest a b c d sweating"));
    }

    #[test]
    fn one_typo_in_long_words() {
        assert!(hit("suicidal", "im sucidal"));
        assert!(!hit("kms", "kmz"));
        assert!(!hit("choking", "cooking"), "first two letters must match");
        assert!(!hit("choking", "hoking"));
        assert!(hit("choking", "chocking"));
        assert!(!hit("suicid*", "uicidal"));
    }

    #[test]
    fn bad_phrases_are_rejected() {
        assert!(Pattern::parse("").is_err());
        assert!(Pattern::parse(".. end").is_err());
        assert!(Pattern::parse("end ...").is_err());
        assert!(Pattern::parse("a-b").is_err());
        assert!(Pattern::parse("!kill myself").unwrap().explicit);
        assert!(Pattern::parse("a .. b .. c .. d ... e").is_ok());
        let slow = Pattern::parse("a .. b .. c .. d .. e ... f").unwrap_err();
        assert!(slow.contains("at most 4"), "{slow}");
    }
}
