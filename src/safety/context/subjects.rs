//! Who or what a sentence is about: an animal, a plant or a machine with
//! no person in it is not someone in danger ("the lamb stopped breathing",
//! "my pc is having a seizure").

/// About an animal or a plant, with no person in the sentence: "the lamb
/// we were bottle feeding stopped breathing", "our cat is pregnant and
/// bleeding a bit". Not when the animal is the attacker ("bitten by a
/// dog") or the writer speaks of themself.
pub(super) fn about_an_animal(s: &[&str]) -> bool {
    // "choking on a hot dog" is food, not a pet.
    let food = |i: usize| i > 0 && matches!(s[i - 1], "hot" | "corn");
    let animal = s.iter().enumerate().any(|(i, w)| {
        !(matches!(*w, "dog" | "dogs") && food(i))
            && matches!(
                *w,
                "hamster"
                    | "lamb"
                    | "lambs"
                    | "kitten"
                    | "kittens"
                    | "puppy"
                    | "puppies"
                    | "parrot"
                    | "budgie"
                    | "calf"
                    | "foal"
                    | "piglet"
                    | "hairball"
                    | "vet"
                    | "vets"
                    | "cat"
                    | "cats"
                    | "dog"
                    | "dogs"
                    | "pony"
                    | "horse"
                    | "rabbit"
                    | "bunny"
                    | "hen"
                    | "chickens"
                    | "goldfish"
                    | "ewe"
                    | "tortoise"
                    | "ferret"
                    | "cockatiel"
                    | "houseplant"
                    | "plant"
                    | "plants"
                    | "tomato"
                    | "tomatoes"
                    | "seedlings"
                    | "kelpie"
                    | "collie"
                    | "heeler"
                    | "sheepdog"
                    | "cow"
                    | "cows"
                    | "heifer"
                    | "bull"
                    | "sheep"
                    | "ewes"
                    | "goat"
                    | "pig"
                    | "chook"
                    | "chooks"
            )
    });
    animal && !mentions_person(s)
}

/// A machine is the subject ("my pc is having a seizure", "the laptop
/// keeps dying"), and no person is.
pub(super) fn about_a_device(s: &[&str]) -> bool {
    let device = |w: &str| {
        matches!(
            w,
            "pc" | "laptop"
                | "computer"
                | "phone"
                | "printer"
                | "router"
                | "wifi"
                | "xbox"
                | "playstation"
                | "ps5"
                | "console"
                | "tv"
                | "telly"
                | "fridge"
                | "server"
        )
    };
    let subject = s.windows(3).any(|w| {
        matches!(w[0], "my" | "the" | "our")
            && device(w[1])
            && matches!(
                w[2],
                "is" | "keeps" | "just" | "has" | "was" | "isnt" | "wont" | "having" | "started"
            )
    });
    subject
        && !mentions_person(s)
        && !s.iter().any(|w| {
            matches!(
                *w,
                "he" | "she" | "hes" | "shes" | "him" | "her" | "they" | "theyre" | "them"
            )
        })
}

/// The sentence names a person (not only an animal or a machine).
fn mentions_person(s: &[&str]) -> bool {
    // "my daughter's not making sense" reads "daughters" once the
    // apostrophe is gone: a possessive or plural is a person too.
    // "by friday ill be gone, sorted who gets the cat": "ill" before a
    // verb is "I'll" (not "the dog is ill").
    let i_will = |i: usize| {
        matches!(
            s.get(i + 1).copied(),
            Some("be" | "do" | "never" | "just" | "go" | "end" | "take" | "kill" | "make")
        )
    };
    s.iter()
        .enumerate()
        .any(|(i, w)| person_or_theirs(w) || (*w == "ill" && i_will(i)))
}

/// A person, or a person's ("daughters" once the apostrophe is gone). Short
/// words are taken as they are: "is" is not "i"'s.
pub(super) fn person_or_theirs(w: &str) -> bool {
    person_word(w) || (w.len() > 3 && w.strip_suffix('s').is_some_and(person_word))
}

pub(super) fn person_word(w: &str) -> bool {
    matches!(
        w,
        "i" | "im"
            | "ive"
            | "me"
            | "myself"
            | "son"
            | "daughter"
            | "baby"
            | "child"
            | "children"
            | "kid"
            | "toddler"
            | "husband"
            | "wife"
            | "partner"
            | "boyfriend"
            | "girlfriend"
            | "mum"
            | "mom"
            | "mam"
            | "mother"
            | "dad"
            | "father"
            | "nan"
            | "nana"
            | "gran"
            | "grandma"
            | "grandad"
            | "grandpa"
            | "brother"
            | "sister"
            | "friend"
            | "neighbour"
            | "neighbor"
            | "flatmate"
            | "roommate"
            | "housemate"
            | "cousin"
            | "uncle"
            | "aunt"
            | "auntie"
            | "niece"
            | "nephew"
            | "mate"
            | "man"
            | "woman"
            | "boy"
            | "girl"
            | "family"
            | "us"
            | "everyone"
            | "everybody"
            | "someone"
            | "somebody"
            | "person"
            | "bitten"
            | "attacked"
            | "mauled"
    )
}
