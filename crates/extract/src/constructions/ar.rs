//! Arabic constructions: verb-first clauses, clitics written joined to places and actors,
//! places announced by place nouns rather than capitals, Arabic-Indic digits.

use super::*;

fn ar(text: &str) -> Vec<Event> {
    read("ar", published(), text)
}

#[test]
fn russian_raids_on_a_town_in_rural_idlib_yesterday_with_a_toll() {
    // "Russian warplanes carried out raids on the town of Saraqib in rural Idlib yesterday,
    // killing three civilians."
    let events = ar("شنت طائرات حربية روسية غارات على بلدة سراقب بريف إدلب أمس، ما أدى إلى مقتل ثلاثة مدنيين.");
    let e = single(&events, SubEventType::AirDroneStrike);
    assert_eq!(e.mention, "سراقب");
    assert_town(e, "Idlib");
    assert_eq!(e.actor1_id, Some(actor("RUS")));
    assert_day(e, day(2020, 1, 29));
    assert_eq!(e.fatalities, 3);
}

#[test]
fn verb_first_take_with_a_joined_conjunction_is_a_government_gain() {
    // "And regime forces took control of the village of Kafr Nabl in southern Idlib."
    let events = ar("وسيطرت قوات النظام على قرية كفرنبل جنوبي إدلب.");
    let e = single(&events, SubEventType::GovernmentRegainsTerritory);
    assert_eq!(e.mention, "كفرنبل");
    assert_town(e, "Idlib");
    assert_eq!(e.actor1_id, Some(actor("SYR_GOV")));
}

#[test]
fn a_place_with_a_joined_preposition_and_arabic_indic_digits() {
    // "Shells fell on Saraqib (بسراقب: "in Saraqib") on Tuesday, killing ٤ (4) people."
    let events = ar("سقطت قذائف صاروخية بسراقب يوم الثلاثاء، ما أسفر عن مقتل ٤ أشخاص.");
    let e = single(&events, SubEventType::Shelling);
    assert_eq!(e.mention, "سراقب");
    assert_day(e, day(2020, 1, 28));
    assert_eq!(e.fatalities, 4);
}

#[test]
fn short_vowels_and_tatweel_do_not_hide_words() {
    // The same raid, written with short vowels, shadda and a stretched letter.
    let events = ar("شَنَّت الطائرات الحربيّة الروسـية غاراتٍ على بلدة سراقب أمس.");
    let e = single(&events, SubEventType::AirDroneStrike);
    assert_eq!(e.actor1_id, Some(actor("RUS")));
    assert_eq!(e.mention, "سراقب");
}

#[test]
fn a_threat_gives_nothing() {
    // "Turkey threatens to launch a military operation on Tal Rifaat."
    let events = ar("تهدد تركيا بشن عملية عسكرية على تل رفعت إذا لم تنسحب قسد منها.");
    assert!(events.is_empty(), "{}", summary(&events));
}

#[test]
fn a_town_taken_without_fighting_is_a_non_violent_transfer() {
    let events = ar("سيطر الجيش السوري على بلدة اللطامنة دون مواجهات يوم الثلاثاء.");
    let e = single(&events, SubEventType::NonViolentTransfer);
    assert_eq!(e.actor1_id, Some(actor("SYR_GOV")));
}

#[test]
fn villages_listed_after_wa_hiya_are_each_taken_even_when_known_only_by_latin_names() {
    // "Opposition factions announced that they took several villages in eastern rural Idlib,
    // namely Tal Fukhar and Tal Silmo." Neither village has an Arabic name in the gazetteer:
    // they are found by their consonants.
    let events = ar("وأعلنت فصائل المعارضة سيطرتها على عدة قرى في ريف إدلب الشرقي وهي تل فخار، تل سلمو.");
    assert_eq!(mentions(&events), ["تل فخار", "تل سلمو"]);
    for e in &events {
        assert_eq!(e.sub_event_type, SubEventType::NonStateActorOvertakesTerritory);
        assert_eq!(e.actor1_id, Some(actor("OPP")));
        // Placed in its governorate; the village's point is interpolated, hence precision 2.
        assert_eq!(e.admin1.as_deref(), Some("Idlib"));
    }
}
