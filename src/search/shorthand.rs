//! Lay shorthand rewritten before a question's words are read.

use std::borrow::Cow;

/// "bp" and "b/p" in lower case are blood pressure, written as "BP": a
/// two-letter alias otherwise needs capitals ("ms" is also a title), but
/// patients write this one in lower case and it means nothing else to them.
pub(super) fn blood_pressure_shorthand(question: &str) -> Cow<'_, str> {
    let bytes = question.as_bytes();
    let boundary = |i: usize| bytes.get(i).is_none_or(|b| !b.is_ascii_alphanumeric());
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    // Jump from one "b" to the next: most questions have few.
    while let Some(at) = bytes[i..].iter().position(|&b| (b | 0x20) == b'b') {
        i += at;
        let starts = i == 0 || boundary(i - 1);
        let rest = |s: &[u8]| {
            bytes
                .get(i + 1..i + 1 + s.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(s))
                && boundary(i + 1 + s.len())
        };
        let len = match () {
            _ if starts && rest(b"p") => 2,
            _ if starts && rest(b"/p") => 3,
            _ => 0,
        };
        if len == 0 {
            i += 1;
            continue;
        }
        let s = out.get_or_insert_with(String::new);
        s.push_str(&question[copied..i]);
        s.push_str("BP");
        i += len;
        copied = i;
    }
    match out {
        Some(mut s) => {
            s.push_str(&question[copied..]);
            Cow::Owned(s)
        }
        None => Cow::Borrowed(question),
    }
}

#[cfg(test)]
mod tests {
    use super::blood_pressure_shorthand as bp;

    #[test]
    fn lower_case_bp_and_b_slash_p_become_capitals() {
        assert_eq!(bp("my bp is 150/95"), "my BP is 150/95");
        assert_eq!(bp("b/p high, Bp meds"), "BP high, BP meds");
        assert_eq!(bp("bpm, hbp and a bpd"), "bpm, hbp and a bpd");
        assert_eq!(bp("café bp"), "café BP");
        assert!(matches!(bp("no shorthand"), std::borrow::Cow::Borrowed(_)));
    }
}
