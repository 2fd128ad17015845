//! Unit tests for sentence framing.
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
    assert!(info("my brother overdosed a few years back"));
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
        "my character in our rp is about to jump off the castle tower"
    ));
    assert!(info(
        "jumping off the bridge in gta is my favourite pastime"
    ));
    assert!(info(
        "whats the best way to respond if someone says theyre suicidal"
    ));
}

#[test]
fn any_book_is_study_but_no_training_is_not() {
    assert!(info(
        "any good books on understanding self harm for parents"
    ));
    assert!(!info(
        "i dont have any first aid training and hes not breathing"
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
fn a_result_dated_last_week_does_not_make_the_sentence_past() {
    assert!(!info(
        "pregnant positive test last week severe one sided pain"
    ));
    assert!(!info("had chemo last week fever 38 7 shaking chills"));
    assert!(info("i had a miscarriage last week"));
    assert!(info("had a tiny bleed after my smear test last week"));
}

#[test]
fn a_streak_just_broken_is_now_not_past() {
    assert!(info("3 years clean from self harm"));
    assert!(info("clean 40 days and proud"));
    assert!(!info("got the blades out again after 6 months clean"));
    assert!(!info("relapsed after being clean 40 days"));
}

#[test]
fn plain_statements_are_not_informational() {
    assert!(!info("he took 30 pills"));
    assert!(!info("face is drooping"));
    assert!(!info("she is 10 now"));
}

#[test]
fn screens_games_greetings_and_a_while_clean_are_not_now() {
    assert!(info(
        "watched a show on the telly last night where they brought a bloke back after his heart stopped"
    ));
    assert!(info("in the ad they show a man whose face is drooping"));
    assert!(info(
        "in the game my character is bleeding out and needs a bandage"
    ));
    assert!(info(
        "my son play game where character hurt himself to get power"
    ));
    assert!(info(
        "hello what distraction techniques help with urges to self harm"
    ));
    assert!(info("i stop hurting myself 6 month now"));
    assert!(info(
        "doing cpr recert for ski patrol whats the compression rate again"
    ));
    // Still now: someone here, not on screen; a greeting before a report.
    assert!(!info(
        "hello my dad collapsed in front of the tv and isnt breathing"
    ));
    assert!(!info(
        "hi is this a stroke my mums face is drooping right now"
    ));
    assert!(!info("im 32 weeks now and bleeding heavily"));
}

#[test]
fn animals_and_plants_are_not_people() {
    assert!(info(
        "the lamb we were bottle feeding stopped breathing and we couldnt bring it back"
    ));
    assert!(info(
        "our cat is pregnant and bleeding a bit vet says its normal before birth"
    ));
    assert!(info("my puppy is floppy and sleepy after his vaccines"));
    // A person in the sentence, or an animal that attacked: still now.
    assert!(!info("the dog knocked my nan over and shes not breathing"));
    assert!(!info("got bitten by a dog and it wont stop bleeding"));
    assert!(!info("i found my dog and my son both not breathing"));
    // Food named after an animal is not one.
    assert!(!info("4yo choking on hot dog no sound"));
    // "is" is not a person ("i" + s).
    assert!(info(
        "our lamb isnt feeding and is floppy the vets coming out"
    ));
    // A family is people.
    assert!(!info(
        "whole family has headache and vomiting and the dog is sleepy we use the generator inside"
    ));
    // A possessive person beside a sick pet.
    assert!(!info(
        "the dogs sick too the gas heaters been on all night my daughters not making sense"
    ));
}

#[test]
fn recovered_and_ages_are_not_now() {
    assert!(info(
        "grandad collapsed playing bowls last spring and they shocked him hes absolutely fine now"
    ));
    assert!(info(
        "was unconscious for 30 seconds when i was 17 im 40 now"
    ));
    assert!(!info(
        "he collapsed last spring and hes not fine now hes blue"
    ));
    assert!(!info("im not ok at all tonight"));
}

#[test]
fn asking_whether_it_is_worrying_is_personal() {
    assert!(!info(
        "is wheezing and a swollen face after a wasp sting something to worry about"
    ));
    assert!(!info(
        "would it be overreacting to call about his lips going blue"
    ));
    assert!(info("what are the early signs of sepsis in older people"));
}

#[test]
fn stories_shows_and_school_days_are_not_now() {
    // Asking how to write a scene is about the writing, even in the first person.
    assert!(info(
        "my novel has a character who is a survivor of sexual assault how do i write her"
    ));
    assert!(info(
        "that episode of casualty where the bloke collapsed had me shouting at the telly"
    ));
    assert!(info("read a news story about opioid overdoses rising"));
    assert!(info("had a bad asthma attack in secondary school"));
    assert!(info("been out 3 years and im finally happy"));
    // What is happening now still wins.
    assert!(!info("shes in high school and shes cutting herself again"));
    assert!(!info("my brother is not breathing right and wont wake up"));
    assert!(!info(
        "my husband had a tia last year and its happening again arm weak"
    ));
}

#[test]
fn a_report_after_a_general_question_makes_it_personal() {
    let w = |s: &'static str| s.split_whitespace().collect::<Vec<_>>();
    assert!(reports_now(&w(
        "my sister just did and shes crying in her room"
    )));
    assert!(reports_now(&w("hes barely moving right now")));
    assert!(!reports_now(&w(
        "my therapist says im safe i just want to understand"
    )));
    assert!(!reports_now(&w("i want to show my flatmate just in case")));
    assert!(!reports_now(&w("my friend did it years ago")));
}

#[test]
fn just_as_a_filler_is_not_now() {
    assert!(info(
        "watched a tv drama where they did cpr on someone with no pulse is that realistic or just telly stuff"
    ));
    assert!(!info("my dad just collapsed and isnt breathing"));
}

#[test]
fn machines_and_games_are_not_people() {
    fn t(s: &str) -> Vec<&str> {
        s.split_whitespace().collect()
    }
    assert!(not_about_people(&t("my pc is having a seizure rn")));
    assert!(not_about_people(&t(
        "gonna destroy this guy in ranked tonight"
    )));
    assert!(!not_about_people(&t(
        "sugar 2.1 and dropping can barely hold the phone"
    )));
    assert!(!not_about_people(&t(
        "my phone is dead and hes not breathing"
    )));
    assert!(!not_about_people(&t(
        "bleeding heaps from a dog bite on my arm"
    )));
}

#[test]
fn a_content_warning_is_a_label_not_a_crisis() {
    assert!(info("tw sh"));
    assert!(info("cw sewerslide in media"));
    assert!(info("trigger warning sa mention"));
    assert!(!info("tw sh i just cut again and its deep"));
}
