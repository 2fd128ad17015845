//! Whether a message says the person hurt is a child: "my friend (12)",
//! "15 and my mum's boyfriend just choked me", "a man dragged a little girl
//! by the hair". Abuse of a child needs the child line beside the
//! emergency number, even when the words are those of domestic abuse.

use super::word;

/// Does some sentence name a child: a kid, a toddler, a little girl or
/// boy, or an age under 16 ("9 year old", "15yo", "I'm 15", "my friend 12")?
pub fn names_a_child(views: &[Vec<&str>]) -> bool {
    views.iter().any(|s| (0..s.len()).any(|i| child_at(s, i)))
}

fn child_at(s: &[&str], i: usize) -> bool {
    let at = |j: usize| word(s, j);
    match s[i] {
        "kid" | "kids" | "child" | "children" | "toddler" | "toddlers" | "moko" => true,
        "little" | "lil" => matches!(
            at(i + 1),
            "girl" | "boy" | "one" | "fella" | "brother" | "sister" | "cousin" | "kid"
        ),
        w => young_age(w) && age_context(s, i),
    }
}

/// "15yo", "9yr" written as one word, or a bare number from 1 to 15.
fn young_age(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let unit = &w[digits.len()..];
    matches!(unit, "" | "yo" | "yr" | "yrs")
        && digits.parse::<u32>().is_ok_and(|n| (1..=15).contains(&n))
}

/// The number is an age: "9 year old", "15yo", "I'm 15", "my friend 12",
/// "15 and my mum's boyfriend…" (not "15 minutes", "2 drinks").
fn age_context(s: &[&str], i: usize) -> bool {
    let at = |j: usize| word(s, j);
    let after = at(i + 1);
    let before = at(i.wrapping_sub(1));
    s[i].ends_with(|c: char| c.is_ascii_alphabetic())
        || matches!(after, "year" | "years" | "yr" | "yrs" | "yo")
        || matches!(before, "im" | "shes" | "hes" | "is" | "aged" | "age")
        || (i == 0 && after == "and")
        || matches!(
            before,
            "friend" | "cousin" | "sister" | "brother" | "niece" | "nephew" | "son" | "daughter"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn child(s: &str) -> bool {
        let words: Vec<&str> = s.split_whitespace().collect();
        names_a_child(&[words])
    }

    #[test]
    fn names_children() {
        assert!(child("my friend 12 just texted me her dads drunk"));
        assert!(child(
            "15 and my mums boyfriend just pinned me against the wall"
        ));
        assert!(child("a man drag a little girl by the hair"));
        assert!(child("my 9 year old moko"));
        assert!(child("is it ok for a 15yo to be kicked out"));
    }

    #[test]
    fn numbers_that_are_not_ages() {
        assert!(!child("he hit me 15 minutes ago"));
        assert!(!child("i only had 2 drinks"));
        assert!(!child("my 19yo came home"));
        assert!(!child("my partner hit me again"));
    }
}
