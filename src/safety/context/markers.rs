//! Small markers that frame a sentence: planning ahead ("if my toddler
//! ever…"), fiction ("writing a scene where…"), a team's training, a past
//! year or season, recovery ("doing well now").

use super::{asks_in_general, word};

/// A question planning ahead: `what should i do if my toddler ever
/// swallows..`. Not `if he'll ever wake up` (a fear about now).
pub(super) fn supposes_ever(s: &[&str]) -> bool {
    asks_in_general(s)
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

/// Writing a story, scene, song or poem: "writing a scene where a character
/// overdoses" is about fiction, however vivid.
pub(super) fn creative_writing(s: &[&str]) -> bool {
    let writes = s.iter().any(|w| {
        matches!(
            *w,
            "writing"
                | "write"
                | "wrote"
                | "writes"
                | "drafting"
                | "plotting"
                | "directing"
                | "rehearsing"
                | "filming"
        )
    });
    writes && s.iter().any(|w| fiction_noun(w))
}

/// What a writer makes: "writing a story", "my character is bleeding out".
pub(super) fn fiction_noun(w: &str) -> bool {
    matches!(
        w,
        "story"
            | "stories"
            | "scene"
            | "scenes"
            | "song"
            | "songs"
            | "poem"
            | "poems"
            | "script"
            | "screenplay"
            | "chapter"
            | "character"
            | "characters"
            | "avatar"
            | "oc"
            | "novel"
            | "lyrics"
            | "book"
            | "play"
            | "fic"
            | "fanfiction"
            | "plot"
            | "campaign"
    )
}

/// "collapsed at training", "during training": a team's practice, not a
/// course ("in training to be a nurse", "training course" stay study).
pub(super) fn sport_training(s: &[&str], i: usize) -> bool {
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

/// `in 2019`, `since 2008`, `back in 1998`: a year before this one.
pub(super) fn past_year(s: &[&str]) -> bool {
    s.windows(2).any(|w| {
        matches!(w[0], "in" | "since" | "during" | "from")
            && w[1].len() == 4
            && w[1]
                .parse::<i32>()
                .is_ok_and(|y| (1950..this_year()).contains(&y))
    })
}

/// The current year (UTC), read once.
fn this_year() -> i32 {
    static YEAR: std::sync::OnceLock<i32> = std::sync::OnceLock::new();
    *YEAR.get_or_init(|| time::OffsetDateTime::now_utc().year())
}

/// A month's name: "in may", "back in february" tell when it happened.
pub(super) fn month(w: &str) -> bool {
    matches!(
        w,
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
    )
}

/// A day of the week.
pub(super) fn weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// `back in january`, `back in the summer`: told as over ("back in hospital"
/// is not).
pub(super) fn back_in_season(s: &[&str]) -> bool {
    s.windows(3).any(|w| {
        w[0] == "back"
            && w[1] == "in"
            && (month(w[2])
                || matches!(
                    w[2],
                    "summer"
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
                ))
            && !(w[2] == "the"
                && s.iter().any(|x| {
                    matches!(*x, "hospital" | "ambulance" | "er" | "ae" | "ward" | "room")
                }))
    })
}

/// Says someone is well again (`doing well now`, `fine now`).
pub(super) fn recovered_word(w: &str) -> bool {
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
            | "happy"
    )
}

/// A game or a role-play: "my character in our rp is about to jump",
/// "jumping off the bridge in gta".
pub(super) fn game_or_roleplay(s: &[&str]) -> bool {
    s.iter().any(|w| {
        matches!(
            *w,
            "rp" | "roleplay" | "roleplaying" | "dnd" | "npc" | "npcs"
        )
    }) || s.windows(2).enumerate().any(|(i, w)| {
        // "in game chat", "on the game server": the talk is real.
        let talk = s.get(i + 2).is_some_and(|x| {
            matches!(
                *x,
                "chat" | "server" | "discord" | "lobby" | "voice" | "vc" | "group" | "dms"
            )
        });
        !talk
            && matches!(w[0], "in" | "on")
            && matches!(
                w[1],
                "gta"
                    | "minecraft"
                    | "roblox"
                    | "fortnite"
                    | "sims"
                    | "skyrim"
                    | "valorant"
                    | "ranked"
                    | "game"
            )
    }) || s
        .windows(3)
        .any(|w| matches!(w, ["in", "the" | "this" | "a", "game"]))
        || s.windows(2).any(|w| {
            matches!(w[0], "play" | "plays" | "playing" | "played")
                && matches!(w[1], "game" | "games")
        })
        || s.windows(2)
            .any(|w| matches!(w[0], "my" | "his" | "her" | "their" | "the") && w[1] == "character")
}

/// Something seen on screen: "on the telly", "in the ad", "watched a show
/// where…" is about what was shown, not someone here.
pub(super) fn on_screen(s: &[&str]) -> bool {
    const SHOWN: &[&str] = &[
        "ad",
        "advert",
        "commercial",
        "film",
        "movie",
        "show",
        "series",
        "episode",
        "programme",
        "program",
        "drama",
        "soap",
    ];
    // "that episode of Casualty", "a news story", "a character was found".
    let named_show = s.windows(2).any(|w| {
        (matches!(w[0], "that" | "this" | "last" | "tonights" | "an" | "the")
            && matches!(w[1], "episode" | "ep"))
            || (w[0] == "news"
                && matches!(w[1], "story" | "article" | "report" | "item" | "segment"))
            || (matches!(w[0], "a" | "the" | "one" | "this" | "that") && w[1] == "character")
    });
    named_show
        || s.windows(3).any(|w| {
            (w[0] == "on" && w[1] == "the" && matches!(w[2], "telly" | "tv" | "news" | "radio"))
                || (w[0] == "the" && w[1] == "news" && matches!(w[2], "said" | "says" | "reported"))
        })
        // "in the show", "in the fantasy series I'm reading".
        || (0..s.len()).any(|i| {
            s[i] == "in"
                && matches!(word(s, i + 1), "the" | "a" | "an" | "this")
                && (SHOWN.contains(&word(s, i + 2)) || SHOWN.contains(&word(s, i + 3)))
        })
        || s.iter().enumerate().any(|(i, w)| {
            matches!(*w, "watched" | "watching" | "saw")
                && s[i + 1..].iter().take(3).any(|x| SHOWN.contains(x))
        })
}

/// "he's absolutely fine now": a recovery word within `reach` words, not negated.
pub(super) fn recovered_after(s: &[&str], i: usize, reach: usize) -> bool {
    let next = &s[i + 1..s.len().min(i + 1 + reach)];
    next.iter().any(|x| recovered_word(x))
        && !next
            .iter()
            .any(|x| matches!(*x, "not" | "isnt" | "never" | "no"))
}

/// A word that makes what follows a supposition, not a report.
pub(super) fn prev_is_if(prev: &str) -> bool {
    matches!(prev, "if" | "when" | "whether" | "unless")
}
