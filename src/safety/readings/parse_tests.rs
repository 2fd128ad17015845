//! Finding readings in sentences.

use super::*;

fn all(s: &str) -> Vec<Reading> {
    readings(s, &mut Carry::default())
        .iter()
        .map(|f| f.reading)
        .collect()
}

fn one(s: &str) -> Reading {
    let r = all(s);
    assert_eq!(r.len(), 1, "{s}: {r:?}");
    r[0]
}

#[test]
fn glucose_in_either_unit() {
    assert_eq!(one("my sugar is 2.9").value, Some(2.9));
    assert_eq!(one("bg 3,1 and shaky").value, Some(3.1));
    let mg = one("sugar level is 45 and im shaky");
    assert!((mg.value.unwrap() - 2.5).abs() < 1e-9);
    assert!((one("55 mg/dl").value.unwrap() - 55.0 / 18.0).abs() < 1e-9);
    assert_eq!(one("2.8mmol").value, Some(2.8));
    let band = one("his sugar was 30");
    assert_eq!(band.value, Some(30.0));
    assert!((band.other_unit.unwrap() - 30.0 / 18.0).abs() < 1e-9);
}

#[test]
fn a_diabetic_number_is_blood_sugar() {
    let mut carry = Carry::default();
    assert!(readings("i am diabetic", &mut carry).is_empty());
    let r = readings("my number is 2", &mut carry);
    assert_eq!(r[0].reading.measure, Measure::Glucose);
    assert_eq!(r[0].reading.value, Some(2.0));
    // Without diabetes named, "number" is nobody's sugar; nor is a level.
    assert!(all("my number is 2").is_empty());
    let mut carry = Carry::default();
    readings("im diabetic", &mut carry);
    assert!(readings("my pain level is 3", &mut carry).is_empty());
}

#[test]
fn blood_pressure_pairs_and_single_numbers() {
    let r = one("bp 210/125 and a headache");
    assert_eq!((r.value, r.diastolic), (Some(210.0), Some(125.0)));
    let r = one("blood pressure is 190 over 125");
    assert_eq!((r.value, r.diastolic), (Some(190.0), Some(125.0)));
    assert_eq!(one("b/p 182/124").value, Some(182.0));
    assert_eq!(one("top number 185").value, Some(185.0));
    assert_eq!(one("diastolic 121").diastolic, Some(121.0));
    assert!(all("see you 10/12 at 3").is_empty());
}

#[test]
fn temperatures_and_oxygen() {
    assert_eq!(one("temp 38.2").value, Some(38.2));
    assert_eq!(one("its 38.5c").value, Some(38.5));
    assert!((one("100.4 f").value.unwrap() - 38.0).abs() < 1e-9);
    assert!((one("a temp of 101").value.unwrap() - 38.333).abs() < 0.01);
    assert_eq!(one("sats 91%").value, Some(91.0));
    assert_eq!(one("spo2 89").value, Some(89.0));
    assert_eq!(one("oxygen level is 88").value, Some(88.0));
    assert_eq!(one("3.3 on the meter").value, Some(3.3));
    assert_eq!(one("pulse ox we borrowed reads 91").value, Some(91.0));
    let range = all("pulse oximeter and it reads 87-89%");
    assert_eq!(
        range.last().map(|r| (r.measure, r.value)),
        Some((Measure::Oxygen, Some(89.0)))
    );
    assert_eq!(one("3.4 and shaky").value, Some(3.4));
    assert!((one("rectal temp, its 100.4").value.unwrap() - 38.0).abs() < 1e-12);
    let r = one("sys 181 dia 95");
    assert_eq!((r.value, r.diastolic), (Some(181.0), Some(95.0)));
    assert_eq!(one("now 140s over 80s").value, Some(140.0));
}

#[test]
fn numbers_that_are_not_readings() {
    for s in [
        "im 45 and on 20mg of citalopram",
        "38 weeks pregnant",
        "50% chance of rain",
        "cholesterol 5.2 and hba1c 48",
        "took 2 paracetamol at 3",
        "ferritin 890 and transferrin sat 72%",
    ] {
        assert!(all(s).is_empty(), "{s}: {:?}", all(s));
    }
}
