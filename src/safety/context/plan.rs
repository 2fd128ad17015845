//! A plan with its means in place, asked as a general question:
//! "hypothetically, if someone had written letters to their family and is
//! standing on a motorway bridge…", "what would happen to someone who
//! poisons their partner's coffee? the antifreeze is already out". The
//! details are too concrete for curiosity: the sentence is read as now.

/// Does the sentence set out a farewell beside the means, or a weapon
/// beside the person and the time or place?
pub(super) fn plan_in_place(s: &[&str]) -> bool {
    let any = |f: fn(&str) -> bool| s.iter().any(|w| f(w));
    // "a letter to my GP about my pills" is admin, not a farewell.
    let admin = any(|w| {
        matches!(
            w,
            "gp" | "doctor"
                | "doctors"
                | "nurse"
                | "pharmacist"
                | "pharmacy"
                | "council"
                | "school"
                | "insurance"
                | "landlord"
                | "prescription"
                | "referral"
        )
    });
    let farewell = !admin && (0..s.len()).any(|i| farewell_at(s, i));
    (farewell && any(means)) || (any(weapon) && any(target) && any(when_or_where))
}

/// Putting affairs in order: goodbyes, a note or letters written or left
/// (not "a letter to my GP"), means stockpiled.
fn farewell_at(s: &[&str], i: usize) -> bool {
    let written = || {
        s[i.saturating_sub(4)..i].iter().any(|w| {
            matches!(
                *w,
                "written" | "wrote" | "writing" | "left" | "suicide" | "goodbye"
            )
        })
    };
    match s[i] {
        "goodbye" | "goodbyes" | "stockpiled" | "stockpiling" | "hoarded" | "hoarding" => true,
        "note" | "notes" | "letter" | "letters" => written(),
        _ => false,
    }
}

/// The means of ending a life, or a place to do it.
pub(super) fn means(w: &str) -> bool {
    matches!(
        w,
        "rope"
            | "noose"
            | "pills"
            | "meds"
            | "tablets"
            | "bridge"
            | "cliff"
            | "cliffs"
            | "tracks"
            | "ledge"
            | "gun"
            | "blade"
            | "razor"
            | "insulin"
            | "hose"
    )
}

/// A weapon or poison got ready.
fn weapon(w: &str) -> bool {
    matches!(
        w,
        "knife"
            | "knives"
            | "gun"
            | "petrol"
            | "gasoline"
            | "antifreeze"
            | "poison"
            | "bat"
            | "machete"
            | "rifle"
            | "shotgun"
            | "crowbar"
    )
}

/// Someone the writer could hurt.
fn target(w: &str) -> bool {
    matches!(
        w,
        "ex" | "exs"
            | "partner"
            | "partners"
            | "roommate"
            | "flatmate"
            | "teacher"
            | "teachers"
            | "boss"
            | "neighbour"
            | "neighbor"
            | "him"
            | "her"
            | "stepdad"
            | "brother"
    )
}

/// When or where they will be: a shift's end, a time, outside their place.
fn when_or_where(w: &str) -> bool {
    matches!(
        w,
        "shift"
            | "finishes"
            | "leaves"
            | "outside"
            | "tonight"
            | "works"
            | "lives"
            | "already"
            | "counter"
            | "bag"
            | "coffee"
            | "dinner"
            | "waiting"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(s: &str) -> bool {
        plan_in_place(&s.split_whitespace().collect::<Vec<_>>())
    }

    #[test]
    fn a_plan_with_its_means() {
        assert!(plan(
            "hypothetically if someone had written letters to their family and is standing on a motorway bridge"
        ));
        assert!(plan(
            "if a person had a knife in their bag and knew where their ex works"
        ));
        assert!(plan(
            "if someone is sitting outside their exs place with a can of petrol"
        ));
    }

    #[test]
    fn not_a_plan() {
        assert!(!plan("how do i write a letter to my gp about my pills"));
        assert!(!plan("whats the best knife for cutting bread"));
        assert!(!plan("can i bring a knife in my bag on a plane"));
        assert!(!plan("i wrote a letter to my gp about my pills"));
        // Stockpiling alone is no plan: it needs the means beside it.
        assert!(!plan("is it bad that ive stockpiled loo roll"));
    }
}
