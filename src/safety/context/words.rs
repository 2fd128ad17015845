//! The word lists that frame a sentence: question openers, study words,
//! words that mark the present.

word_list! {
    /// First words of a general question.
    question_start = [
    "what", "whats", "how", "hows", "why", "when", "is", "are", "can", "could", "does", "do",
    "should", "would",
    ]
}

word_list! {
    /// Words that frame a sentence as study, teaching or moderation.
    study_word = [
    // "hypothetically, if someone's heart stopped…": a supposition, unless
    // the message says it is real (`real.rs`).
    "hypothetically",
    "hypothetical",
    "theoretically",
    "research",
    "researching",
    "researcher",
    "training",
    "trainee",
    "teaching",
    "teacher",
    "lecture",
    "lectures",
    "quiz",
    "learn",
    "lesson",
    "essay",
    "dissertation",
    "thesis",
    "assignment",
    "coursework",
    "leaflet",
    "leaflets",
    "moderator",
    "moderators",
    "moderating",
    "mod",
    "mods",
    "psychology",
    "sociology",
    "statistics",
    "stats",
    "studies",
    "curriculum",
    "module",
    "exam",
    "exams",
    "documentary",
    "doco",
    "docu",
    "article",
    "podcast",
    "expedition",
    "meaning",
    "define",
    "definition",
    "course",
    "novel",
    "fiction",
    "screenplay",
    "fanfic",
    "storyline",
    "book",
    "books",
    "gcse",
    "gcses",
    "dreamt",
    "dreamed",
    "dreaming",
    "recert",
    "recertification",
    "refresher",
    "workshop",
    "parenting",
    "antenatal",
    "prenatal",
    "seminar",
    "webinar",
    ]
}

word_list! {
    /// Present-time words that mark something happening now.
    now_word = [
    "rn",
    "tonight",
    "atm",
    "currently",
    "anymore",
    "asap",
    "urgent",
    "urgently",
    "just",
    ]
}

word_list! {
    /// Words after `i`/`im`/`ive` that make the clause past or a role, not a
    /// present crisis (`i was`, `im a nurse`, `im just wondering`).
    not_now_after_i = [
    "was",
    "used",
    "had",
    "havent",
    "hadnt",
    "never",
    "a",
    "an",
    "the",
    "writing",
    "researching",
    "studying",
    "asking",
    "wondering",
    "curious",
    "interested",
    "training",
    "teaching",
    "doing",
    "know",
    "knew",
    "remember",
    "say",
    "dreamt",
    "dreamed",
    "ask",
    "approach",
    "broach",
    "raise",
    "read",
    "heard",
    "saw",
    "watched",
    "wonder",
    "forgot",
    "forgotten",
    "covered",
    "learned",
    "learnt",
    "wanted",
    ]
}

word_list! {
    /// Present verbs after `i`/`ive`/`ill` that report a state now.
    present_after_i = [
    "am",
    "feel",
    "want",
    "need",
    "keep",
    "cant",
    "dont",
    "have",
    "think",
    "hate",
    "just",
    "still",
    "really",
    "wont",
    "will",
    "can",
    "do",
    "got",
    "been",
    "literally",
    "honestly",
    "actually",
    "m",
    ]
}

word_list! {
    /// Present verbs after `my X` that report a situation now.
    present_after_my = [
    "is",
    "isnt",
    "has",
    "hasnt",
    "wont",
    "cant",
    "keeps",
    "looks",
    "seems",
    "doesnt",
    "just",
    "started",
    "hes",
    "shes",
    "collapsed",
    "took",
    "taken",
    "swallowed",
    "fell",
    "stopped",
    "turned",
    "turning",
    "going",
    "having",
    "now",
    ]
}

/// An emergency number as the screener reads it. Words are normalised
/// before framing (`normalize_word`): a digit run of three counts twice
/// ("999" → "99", "000" → "00", "111" → "11") and digits in a word with
/// letters are read as letters ("911's" → "9iis", "000's" → "oos").
/// Hand-written checks that spelled only "999" never matched before
/// 2026-12-04. The written forms are kept for text read without
/// normalising (unit tests).
pub(super) fn emergency_number(w: &str) -> bool {
    matches!(
        w,
        "999"
            | "000"
            | "111"
            | "99"
            | "911"
            | "00"
            | "112"
            | "11"
            | "99s"
            | "9iis"
            | "oos"
            | "iis"
            | "ii2s"
            | "999s"
            | "911s"
            | "000s"
            | "111s"
            | "112s"
    )
}
