//! Pages written for one sex ("Breast cancer in men"): when a question is
//! plainly about a woman or girl ("my mum") or a man or boy, a page for the
//! other sex gives way.

use super::detect::QueryWord;

/// Score taken from a page written for the other sex ("Breast cancer in
/// men" when the question is about "my mum").
pub(super) const OTHER_SEX_PENALTY: f32 = 10.0;

/// Whom the question is about, when its words say only one sex: `Some(true)`
/// for women and girls, `Some(false)` for men and boys.
pub(super) fn sex_of(words: &[QueryWord]) -> Option<bool> {
    const FEMALE: &[&str] = &[
        "mum",
        "mom",
        "mam",
        "mummi",
        "mommi",
        "mother",
        "she",
        "her",
        "wife",
        "daughter",
        "sister",
        "woman",
        "women",
        "girl",
        "aunt",
        "auntie",
        "nan",
        "nana",
        "gran",
        "grandma",
        "granni",
        "girlfriend",
        "niec",
        "granddaught",
        "ladi",
    ];
    const MALE: &[&str] = &[
        "dad",
        "da",
        "daddi",
        "father",
        "he",
        "his",
        "him",
        "husband",
        "son",
        "brother",
        "man",
        "men",
        "boy",
        "uncl",
        "grandad",
        "grandpa",
        "granddad",
        "boyfriend",
        "nephew",
        "grandson",
    ];
    let says = |list: &[&str]| words.iter().any(|w| list.contains(&w.stem.as_ref()));
    match (says(FEMALE), says(MALE)) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// Whom a page is written for, from its title: `Some(true)` for women
/// ("Breast cancer in women"), `Some(false)` for men, `None` otherwise.
/// Worked out once per resource when the index opens.
pub(super) fn written_for(title: &str) -> Option<bool> {
    let title = title.to_lowercase();
    let men = title.contains("in men") || title.contains("(men)") || title.contains("male ");
    let women =
        title.contains("in women") || title.contains("(women)") || title.contains("female ");
    match (women, men) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}
