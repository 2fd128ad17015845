//! Sentence context: is a sentence talking *about* a crisis rather than
//! reporting one happening now?
//!
//! A sentence is informational when it asks a general question (starts with
//! `what`, `how`, `why`, `is`, `can`...), asks what a word means, mentions
//! study or teaching (`research`, `training`, `dissertation`, `leaflet`,
//! `moderator`, `first aid`...), or is framed in the past (`when i was 17`,
//! `years ago`, `used to`, `last year`, `3 years clean`). Such a sentence
//! does not fire, not even on explicit phrases, UNLESS it also carries a
//! first-person-now signal: `i`/`im`/`me`/`myself` in the present (not
//! `i was`, `i used to`, `im a nurse`), `my X is/has/wont/keeps`, `right
//! now`, `tonight`, `rn`, `just`, `anymore`, `please help`, `help me`.
//! In the past-framed case a bare `i`/`me` is not enough (`when i was 17 i
//! tried to kill myself`). Questions asking how to die or for a lethal
//! amount are never informational. Recall stays first: other sentences of
//! the message are screened as usual.

/// A word list as a set built once: the lists are read for every word of
/// every message, and one hash beats comparing against each entry.
macro_rules! word_list {
    ($(#[$doc:meta])* $name:ident = [$($w:literal),* $(,)?]) => {
        $(#[$doc])*
        fn $name(w: &str) -> bool {
            static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
                std::sync::OnceLock::new();
            SET.get_or_init(|| [$($w),*].into_iter().collect()).contains(w)
        }
    };
}

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
    "research",
    "researching",
    "researcher",
    "training",
    "trainee",
    "teaching",
    "teacher",
    "lecture",
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
    "statistics",
    "stats",
    "evidence",
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

/// How a sentence is framed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// Something may be happening to someone now: screen it.
    Now,
    /// Only about the past: screen it only for categories where the past
    /// matters (a past assault still deserves specialist support).
    Past,
    /// A general question, study or teaching: do not screen it.
    General,
}

/// Frame a sentence: general, past, or possibly happening now.
pub fn frame(sentence: &[&str]) -> Frame {
    if asks_for_method(sentence) {
        Frame::Now
    } else if supposes_ever(sentence) {
        Frame::General
    } else if past_framed(sentence) {
        if happening_now(sentence) {
            Frame::Now
        } else {
            Frame::Past
        }
    } else if (asks_in_general(sentence) || mentions_study(sentence))
        && !happening_now(sentence)
        && !speaks_for_self(sentence)
    {
        Frame::General
    } else {
        Frame::Now
    }
}

/// Does the sentence talk about a crisis in general, in study or in the past,
/// with nothing that says it is happening to someone now?
#[cfg(test)]
pub fn is_informational(sentence: &[&str]) -> bool {
    frame(sentence) != Frame::Now
}

/// Asks how to die or a lethal amount (`how many would kill`, `painless
/// way`, `lethal dose`): a warning sign however impersonal, unless it is
/// about numbers of people.
fn asks_for_method(s: &[&str]) -> bool {
    let asks = s.iter().enumerate().any(|(i, w)| match *w {
        "painless" | "lethal" | "fatal" | "surest" => true,
        "how" | "way" | "ways" | "method" | "methods" | "many" | "much" => s[i + 1..]
            .iter()
            .take(6)
            .any(|x| matches!(*x, "die" | "kill")),
        _ => false,
    });
    asks && !s
        .iter()
        .any(|w| matches!(*w, "people" | "deaths" | "rates" | "statistics"))
}

/// A question planning ahead: `what should i do if my toddler ever
/// swallows..`. Not `if he'll ever wake up` (a fear about now).
fn supposes_ever(s: &[&str]) -> bool {
    s.first().is_some_and(|w| question_start(w))
        && s.iter().enumerate().any(|(i, w)| {
            *w == "if"
                && !s.get(i + 1).is_some_and(|n| {
                    matches!(
                        *n,
                        "hell"
                            | "shell"
                            | "theyll"
                            | "ill"
                            | "youll"
                            | "itll"
                            | "will"
                            | "would"
                            | "wont"
                            | "could"
                            | "can"
                    )
                })
                && s[i + 1..].iter().take(4).any(|x| *x == "ever")
        })
}

/// Starts with a question word.
fn asks_in_general(s: &[&str]) -> bool {
    s.first().is_some_and(|w| question_start(w))
}

/// Mentions study, teaching, moderation, a first aid course, or what a word means.
fn mentions_study(s: &[&str]) -> bool {
    // "no training", "without any first aid": a bystander, not a student.
    let denied = |i: usize| {
        s[i.saturating_sub(2)..i]
            .iter()
            .any(|x| matches!(*x, "no" | "without" | "never" | "any"))
    };
    let study = s
        .iter()
        .enumerate()
        .any(|(i, w)| study_word(w) && !denied(i) && !sport_training(s, i));
    let first_aid = s
        .windows(2)
        .enumerate()
        .any(|(i, w)| w == ["first", "aid"] && !denied(i));
    study || first_aid || asks_meaning(s) || creative_writing(s)
}

/// Writing a story, scene, song or poem: "writing a scene where a character
/// overdoses" is about fiction, however vivid.
fn creative_writing(s: &[&str]) -> bool {
    let writes = s.iter().any(|w| {
        matches!(
            *w,
            "writing" | "write" | "wrote" | "writes" | "drafting" | "plotting"
        )
    });
    writes
        && s.iter().any(|w| {
            matches!(
                *w,
                "story"
                    | "stories"
                    | "scene"
                    | "scenes"
                    | "song"
                    | "songs"
                    | "poem"
                    | "poems"
                    | "script"
                    | "chapter"
                    | "character"
                    | "characters"
                    | "lyrics"
                    | "book"
                    | "play"
                    | "fic"
                    | "fanfiction"
                    | "plot"
            )
        })
}

/// "collapsed at training", "during training": a team's practice, not a
/// course ("in training to be a nurse", "training course" stay study).
fn sport_training(s: &[&str], i: usize) -> bool {
    s[i] == "training"
        && i > 0
        && matches!(
            s[i - 1],
            "at" | "in"
                | "during"
                | "after"
                | "soccer"
                | "football"
                | "footy"
                | "rugby"
                | "netball"
                | "hockey"
                | "cricket"
                | "basketball"
                | "swim"
                | "swimming"
                | "gym"
                | "team"
                | "hurling"
                | "gaelic"
                | "league"
                | "athletics"
                | "dance"
                | "ballet"
                | "boxing"
                | "karate"
                | "gymnastics"
                | "squad"
                | "club"
        )
        && !s.get(i + 1).is_some_and(|n| {
            matches!(
                *n,
                "to" | "course" | "session" | "day" | "on" | "for" | "as"
            )
        })
}

/// Asks what a word means (`what does sepsis mean`, `does that mean`), not
/// "saying spoon when he means phone".
fn asks_meaning(s: &[&str]) -> bool {
    s.iter().enumerate().any(|(i, w)| {
        matches!(*w, "mean" | "means")
            && s[i.saturating_sub(4)..i]
                .iter()
                .any(|x| matches!(*x, "what" | "does" | "did" | "do"))
    })
}

/// Framed in the past: `years ago`, `used to`, `when i was`, `last year`,
/// `in the past`, `3 years clean`.
fn past_framed(s: &[&str]) -> bool {
    const SPANS: &[&str] = &["year", "years", "month", "months", "yrs"];
    s.windows(2).any(|w| {
        let (a, b) = (w[0], w[1]);
        (SPANS.contains(&a) && matches!(b, "ago" | "clean" | "free" | "sober"))
            || (a == "used" && b == "to")
            || (a == "last"
                && matches!(
                    b,
                    "year" | "summer" | "winter" | "christmas" | "spring" | "autumn" | "month"
                ))
    }) || has_seq(s, &["in", "the", "past"])
        || back_in_season(s)
        || not_for_ages(s)
        || s.windows(3).any(|w| {
            w[0] == "when"
                && matches!(w[1], "i" | "he" | "she" | "they" | "we")
                && matches!(w[2], "was" | "were")
        })
        || s.windows(4).any(|w| {
            w[0] == "when"
                && matches!(w[1], "my" | "our" | "his" | "her" | "their")
                && matches!(w[3], "was" | "were")
        })
        || past_year(s)
}

/// `in 2019`, `since 2008`, `back in 1998`: a year before this one.
fn past_year(s: &[&str]) -> bool {
    s.windows(2).any(|w| {
        matches!(w[0], "in" | "since" | "during" | "from")
            && w[1].len() == 4
            && w[1]
                .parse::<u32>()
                .is_ok_and(|y| (1950..=2025).contains(&y))
    })
}

/// `back in january`, `back in the summer`: told as over ("back in hospital"
/// is not).
fn back_in_season(s: &[&str]) -> bool {
    s.windows(3).any(|w| {
        w[0] == "back"
            && w[1] == "in"
            && matches!(
                w[2],
                "january"
                    | "february"
                    | "march"
                    | "april"
                    | "may"
                    | "june"
                    | "july"
                    | "august"
                    | "september"
                    | "october"
                    | "november"
                    | "december"
                    | "summer"
                    | "winter"
                    | "spring"
                    | "autumn"
                    | "the"
                    | "school"
                    | "uni"
                    | "college"
                    | "high"
                    | "primary"
                    | "covid"
                    | "lockdown"
            )
            && !(w[2] == "the"
                && s.iter().any(|x| {
                    matches!(*x, "hospital" | "ambulance" | "er" | "ae" | "ward" | "room")
                }))
    })
}

/// `havent .. for years`, `never .. in months`: a negation followed by a
/// long span says it is over.
fn not_for_ages(s: &[&str]) -> bool {
    const SPANS: &[&str] = &["years", "months", "ages", "yrs"];
    let is_span = |i: usize| s.get(i).is_some_and(|w| SPANS.contains(w));
    (0..s.len()).any(|i| {
        matches!(s[i], "for" | "in")
            && (is_span(i + 1) || is_span(i + 2))
            && s[i.saturating_sub(4)..i]
                .iter()
                .any(|x| matches!(*x, "havent" | "hadnt" | "never" | "not"))
    })
}

/// Something is happening now: `im` (not `im a nurse`), `i feel|want|need..`,
/// `my X is|has|wont..`, `hes`/`shes`, `now`, `tonight`, `rn`, `just`, `please`, `help me`.
fn happening_now(s: &[&str]) -> bool {
    s.iter().enumerate().any(|(i, w)| {
        let next = s.get(i + 1).map_or("", |x| *x);
        let prev = if i > 0 { s[i - 1] } else { "" };
        match *w {
            // "im in a much better place now": recovery, not now.
            "im" => !not_now_after_i(next) && !s[i + 1..].iter().take(4).any(|x| recovered_word(x)),
            "i" | "ive" | "ill" => present_after_i(next),
            "my" => s[i + 1..].iter().take(4).any(|x| present_after_my(x)),
            // "doing well now", "better now": recovery, not a crisis now.
            "now" => {
                !prev.chars().all(|c| c.is_ascii_digit())
                    && !s[i.saturating_sub(3)..i].iter().any(|x| recovered_word(x))
            }
            "right" => next == "now",
            "please" | "pls" | "plz" => true,
            // "he's this drowsy": someone's state now, unless supposed ("if he's").
            // ("if someone says they're suicidal": still a supposition.)
            "hes" | "shes" | "theyre" => !s[i.saturating_sub(3)..i].iter().any(|x| prev_is_if(x)),
            "help" => {
                matches!(next, "me" | "us" | "now" | "pls" | "please")
                    || matches!(prev, "someone" | "somebody" | "anyone" | "anybody")
            }
            _ => now_word(w),
        }
    })
}

/// Says someone is well again (`doing well now`, `fine now`).
fn recovered_word(w: &str) -> bool {
    matches!(
        w,
        "well"
            | "better"
            | "fine"
            | "ok"
            | "okay"
            | "good"
            | "great"
            | "recovered"
            | "stable"
            | "grand"
            | "thriving"
    )
}

/// A word that makes what follows a supposition, not a report.
fn prev_is_if(prev: &str) -> bool {
    matches!(prev, "if" | "when" | "whether" | "unless")
}

/// The writer speaks about themself (`how do i..`, `would it kill me`): a
/// question in the first person is treated as personal.
fn speaks_for_self(s: &[&str]) -> bool {
    s.iter().enumerate().any(|(i, w)| {
        let next = s.get(i + 1).map_or("", |x| *x);
        match *w {
            "i" | "ive" | "id" | "ill" => !not_now_after_i(next),
            "me" | "myself" => true,
            _ => false,
        }
    }) || ["normal", "ok", "okay", "bad", "wrong", "weird"]
        .iter()
        .any(|w| has_seq(s, &["is", "it", w]))
}

/// Does `words` appear consecutively in `s`?
fn has_seq(s: &[&str], words: &[&str]) -> bool {
    s.windows(words.len())
        .any(|w| w.iter().zip(words).all(|(a, b)| a == b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(s: &str) -> bool {
        let t: Vec<&str> = s.split_whitespace().collect();
        is_informational(&t)
    }

    #[test]
    fn general_questions_are_informational() {
        assert!(info("can sertraline cause suicidal thoughts in teenagers"));
        assert!(info("how do hospitals treat a paracetamol overdose"));
        assert!(info("why do people say unalive instead of the real word"));
        assert!(info("whats the evidence for dbt in reducing self harm"));
    }

    #[test]
    fn study_and_past_framing_are_informational() {
        assert!(info("researching suicidal ideation for my dissertation"));
        assert!(info(
            "im a moderator whats the best way to respond to self harm posts"
        ));
        assert!(info("i used to think about suicide a lot"));
        assert!(info("when i was 17 i tried to kill myself"));
        assert!(info("took an overdose 5 years ago"));
        assert!(info(
            "he asks if ive had suicidal thoughts though i havent for years"
        ));
        assert!(info("not self harmed in 2 years"));
        assert!(info(
            "what do they cover about seizures in training to be a lifeguard"
        ));
        assert!(info(
            "writing a scene where a character overdoses on heroin"
        ));
        assert!(info("she was really floppy back in january"));
        assert!(!info("hes back in the ward and fitting again"));
        assert!(info(
            "what should i do if my toddler ever swallows a battery"
        ));
        assert!(!supposes_ever(&[
            "how", "do", "i", "know", "if", "hell", "ever", "wake", "up"
        ]));
        assert!(info("he survived a cardiac arrest in 2019"));
        assert!(info("when my son was a baby he had a rash like that"));
        assert!(info(
            "had suicidal thoughts years ago but im doing well now"
        ));
        assert!(info(
            "had suicidal thoughts last year but im in a much better place now"
        ));
        assert!(info(
            "whats the best way to respond if someone says theyre suicidal"
        ));
    }

    #[test]
    fn sport_training_is_not_study() {
        assert!(!info(
            "my teammate collapsed at training and isnt breathing"
        ));
        assert!(!info("he went down during training and is fitting"));
    }

    #[test]
    fn first_person_now_keeps_the_alarm() {
        assert!(!info("how do i kill myself"));
        assert!(!info("how many paracetamol would kill me"));
        assert!(!info(
            "when i was 17 i tried and im going to do it again tonight"
        ));
        assert!(!info("is it normal my dad is unresponsive"));
        assert!(!info("what do i do he took 30 pills"));
        assert!(!info("used to cut but i want to cut right now"));
        assert!(!info("can someone help my dad collapsed"));
        assert!(!info("is it normal to want to die every day"));
        assert!(!info("whats the most painless way to go"));
        assert!(!info("how many paracetamol would kill you"));
        assert!(info("how many people kill themselves each year"));
    }

    #[test]
    fn someones_state_now_keeps_the_alarm_but_a_supposition_does_not() {
        assert!(!info("is it safe to give him a drink hes barely awake"));
        assert!(info("what should you do if hes choking"));
    }

    #[test]
    fn plain_statements_are_not_informational() {
        assert!(!info("he took 30 pills"));
        assert!(!info("face is drooping"));
        assert!(!info("she is 10 now"));
    }
}
