//! An emergency running now, told by its clock or its responders: "9
//! minutes in", "started at 4:02", "timer says 5 40", "6 mins and
//! counting", "the 000 lady keeps telling me faster", "mum's on to 000",
//! "911's on speaker", "paramedics are 10 mins away". Set 109
//! (docs/QUALITY.md) asked crises as general questions whose only sign of
//! now was such a detail. Neither a learner nor a story keeps a clock
//! running or has a call handler on the line.

use super::word;
use super::words::emergency_number;

/// Does sentence `s` keep a clock running or have help on its way or on
/// the line? Responders count only in a sentence told as now (`told`):
/// "what would you say to the 111 operator" asks in general. (The caller
/// rules out plans, study and fiction.)
pub(super) fn runs_now(s: &[&str], told: bool) -> bool {
    (0..s.len()).any(|i| clock_at(s, i) || (told && responder_at(s, i)))
}

fn number(w: &str) -> bool {
    !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit())
}

fn minutes(w: &str) -> bool {
    matches!(
        w,
        "min" | "mins" | "minute" | "minutes" | "secs" | "seconds"
    )
}

/// A clock on the emergency: a time of day it started ("at 4:02", "since
/// 6:45"), a timer, or minutes running ("9 minutes in", "4 minutes so
/// far", "6 mins and counting", "10 mins away", "been down 4 minutes").
fn clock_at(s: &[&str], i: usize) -> bool {
    let (prev, next) = (word(s, i.wrapping_sub(1)), word(s, i + 1));
    match s[i] {
        "at" | "since" => {
            time_of_day(next, word(s, i + 2)) || since_the_hour(s, i) || said_time(&s[i + 1..])
        }
        "timer" | "stopwatch" => s[i + 1..].iter().take(3).any(|w| number(w)),
        w if minutes(w) && number(prev) => match next {
            "in" => !matches!(
                word(s, i + 2),
                "the" | "a" | "an" | "my" | "your" | "his" | "her" | "their" | "our"
            ),
            "so" => word(s, i + 2) == "far",
            "and" => word(s, i + 2) == "counting",
            "now" | "already" | "away" => true,
            _ => s[i.saturating_sub(8)..i].contains(&"been"),
        },
        _ => false,
    }
}

/// "been sitting here since like 1", "been outside his place since 11",
/// "been waiting … since 6 and I'm not calming down": a bare hour after
/// "since", kept by someone still doing something (not "been on insulin
/// since 11", an age).
fn since_the_hour(s: &[&str], i: usize) -> bool {
    let mut h = i + 1;
    if matches!(word(s, h), "like" | "about" | "around" | "abt") {
        h += 1;
    }
    let hour = clock_hour(word(s, h));
    let ends = matches!(
        word(s, h + 1),
        "" | "and" | "am" | "pm" | "oclock" | "ish" | "tonight" | "now"
    );
    let doing = (i.saturating_sub(10)..i).any(|b| {
        s[b] == "been" && {
            let v = word(s, b + 1);
            v.ends_with("ing")
                || matches!(v, "here" | "there" | "outside" | "out" | "parked" | "awake")
        }
    });
    hour && ends && doing
}

/// A time said in words: "half 4", "quarter to 5", "ten past nine".
fn said_time(after: &[&str]) -> bool {
    let hour = |w: &str| {
        clock_hour(w)
            || matches!(
                w,
                "one"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "six"
                    | "seven"
                    | "eight"
                    | "nine"
                    | "ten"
                    | "eleven"
                    | "twelve"
            )
    };
    let minutes = |w: &str| hour(w) || matches!(w, "quarter" | "twenty" | "half");
    match after {
        ["half", h, ..] => hour(h),
        [m, "past" | "to", h, ..] => minutes(m) && hour(h),
        _ => false,
    }
}

/// An hour on a twelve-hour clock, in digits ("1" to "12").
fn clock_hour(w: &str) -> bool {
    w.parse::<u8>().is_ok_and(|n| (1..=12).contains(&n))
}

/// "4 02", "9 30" as the cleaned text holds "4:02", "9:30".
fn time_of_day(hour: &str, min: &str) -> bool {
    let h: Option<u8> = hour.parse().ok().filter(|_| hour.len() <= 2);
    h.is_some_and(|h| h <= 23) && min.len() == 2 && min.parse::<u8>().is_ok_and(|m| m <= 59)
}

/// Someone is on the line or on the way: "the 000 lady", "911s on
/// speaker", "111 are on their way", "on to 000", "on the phone to 999",
/// "ambulance is on the way", "paramedics are coming".
fn responder_at(s: &[&str], i: usize) -> bool {
    let next = word(s, i + 1);
    match s[i] {
        w if emergency_number(w) => {
            matches!(
                next,
                "lady"
                    | "guy"
                    | "man"
                    | "woman"
                    | "operator"
                    | "dispatcher"
                    | "call"
                    | "on"
                    | "are"
                    | "is"
                    | "says"
                    | "said"
                    | "keeps"
                    | "told"
                    | "telling"
                    | "person"
            ) || (matches!(word(s, i.wrapping_sub(1)), "to" | "with")
                && s[i.saturating_sub(4)..i].contains(&"on"))
        }
        "ambulance" | "ambulances" | "paramedics" | "paramedic" | "ambos" | "ambo" | "ems"
        | "medics" => s[i + 1..].iter().take(4).any(|w| {
            matches!(
                *w,
                "way" | "coming" | "route" | "arriving" | "minutes" | "mins"
            )
        }),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` as the screener reads it: "9:30" is the words "9 30".
    fn runs(text: &str) -> bool {
        super::super::test_views(text)
            .iter()
            .any(|s| runs_now(s, true))
    }

    #[test]
    fn clocks_and_responders_run_now() {
        for text in [
            "9 minutes in and my wrists are gone",
            "dad went stiff at 9 30",
            "timer says 5 40",
            "6 mins and counting",
            "coworkers been down on the warehouse floor 4 minutes so far",
            "the 000 lady keeps telling me faster",
            "grandma. 911s on speaker",
            "mums on to 000",
            "111 are on their way",
            "the ambulance is on its way",
            "paramedics are 10 mins away",
            "been sitting here since like 1",
            "been outside his place since 11",
            "been doing it in my room like 15 min",
            "mine started at half 4",
            "been like that since ten past nine",
        ] {
            assert!(runs(text), "{text}");
        }
    }

    #[test]
    fn plain_times_and_numbers_do_not() {
        for text in [
            "how many compressions per minute",
            "microwave it for 5 minutes in the bowl",
            "do you keep going till the paramedics arrive",
            "what number do you call, 999 or 111",
            "I take it at 8 in the morning",
            "it takes 10 minutes to work",
            "ive been on insulin since 11",
            "at half time",
        ] {
            assert!(!runs(text), "{text}");
        }
    }
}
