//! English constructions.

use super::*;

fn en(text: &str) -> Vec<Event> {
    read("en", published(), text)
}

// Territory

#[test]
fn recaptured_with_weekday_and_explicit_day_is_a_government_gain() {
    let text = "Syrian government forces recaptured the town of Khan Shaykhun on Saturday (January 25th), the Syrian Observatory for Human Rights said.";
    let events = en(text);
    let e = single(&events, SubEventType::GovernmentRegainsTerritory);
    assert_eq!(e.mention, "Khan Shaykhun");
    assert_town(e, "Idlib");
    assert_eq!(e.actor1_id, Some(actor("SYR_GOV")));
    assert_control(e, "SYR_GOV", Some("OPP"), Extent::Full);
    assert_day(e, day(2020, 1, 25));
    assert_eq!((e.evidence_start, e.evidence_end), (0, text.len()));
}

#[test]
fn seized_by_rebels_yesterday_is_an_opposition_gain_from_the_government() {
    let events = en("Rebel fighters seized Saraqib yesterday after heavy fighting.");
    let e = single(&events, SubEventType::NonStateActorOvertakesTerritory);
    assert_eq!(e.mention, "Saraqib");
    assert_town(e, "Idlib");
    assert_eq!(e.actor1_id, Some(actor("OPP")));
    assert_control(e, "OPP", Some("SYR_GOV"), Extent::Full);
    assert_day(e, day(2020, 1, 29));
}

#[test]
fn a_participle_of_taking_before_a_place_describes_it_and_reports_no_take() {
    for text in [
        "Rebels shelled the newly captured town of Saraqib on Tuesday.",
        "A car bomb exploded on Tuesday in the recently liberated city of Saraqib.",
    ] {
        let events = en(text);
        assert!(events.iter().all(|e| !e.sub_event_type.is_territorial()), "{text}: {}", summary(&events));
        assert!(events.iter().any(|e| e.mention == "Saraqib"), "{text}: {}", summary(&events));
    }
}

#[test]
fn took_control_of_a_list_gives_one_event_per_town() {
    let events =
        en("Regime forces took control of Kafranbel, Hish and Kafr Wadiha, as well as Ayn Qudayra, on Wednesday.");
    assert_eq!(mentions(&events), ["Kafranbel", "Hish", "Kafr Wadiha", "Ayn Qudayra"]);
    for e in &events {
        assert_eq!(e.sub_event_type, SubEventType::GovernmentRegainsTerritory);
        assert_eq!(e.actor1_id, Some(actor("SYR_GOV")));
        assert_control(e, "SYR_GOV", Some("OPP"), Extent::Full);
        assert_day(e, day(2020, 1, 29));
    }
    assert_town(at(&events, "Kafranbel"), "Idlib");
    // An invented village: kept by name, at the town named before it in the list.
    assert_situated_by(at(&events, "Kafr Wadiha"), at(&events, "Hish"));
}

#[test]
fn fell_to_gives_the_town_to_the_actor_after_the_verb() {
    let events = en("The town of Ariha fell to regime forces on Monday.");
    let e = single(&events, SubEventType::GovernmentRegainsTerritory);
    assert_eq!(e.mention, "Ariha");
    assert_town(e, "Idlib");
    assert_eq!(e.actor1_id, Some(actor("SYR_GOV")));
    assert_control(e, "SYR_GOV", Some("OPP"), Extent::Full);
    assert_day(e, day(2020, 1, 27));
}

#[test]
fn withdrew_from_is_a_non_violent_transfer_to_the_other_side() {
    // Published on a Thursday: "Friday" is the last Friday before, six days back.
    let events = en("Rebels withdrew from Khan Shaykhun on Friday, a local commander said.");
    let e = single(&events, SubEventType::NonViolentTransfer);
    assert_eq!(e.mention, "Khan Shaykhun");
    assert_town(e, "Idlib");
    assert_eq!(e.actor1_id, Some(actor("OPP")));
    assert_control(e, "SYR_GOV", Some("OPP"), Extent::Full);
    assert_day(e, day(2020, 1, 24));
}

#[test]
fn most_of_a_town_is_a_partial_gain() {
    let events = en("Regime forces took control of most of Sarmin on Wednesday.");
    let e = single(&events, SubEventType::GovernmentRegainsTerritory);
    assert_eq!(e.mention, "Sarmin");
    assert_control(e, "SYR_GOV", Some("OPP"), Extent::Partial);
}

#[test]
fn previously_held_by_names_the_loser() {
    let events =
        en("Opposition fighters took control of the village of Tell Kharruba, previously held by the Islamic State.");
    let e = single(&events, SubEventType::NonStateActorOvertakesTerritory);
    assert_eq!(e.mention, "Tell Kharruba");
    assert_eq!(e.actor1_id, Some(actor("OPP")));
    // Without the clause the loser would be the government.
    assert_control(e, "OPP", Some("ISIS"), Extent::Full);
}

// Remote violence

#[test]
fn joint_warplanes_strike_with_toll_breakdown_and_wounded() {
    let events = en("Russian and Syrian warplanes struck the town of Ariha this morning, killing twelve civilians, including five children, and wounding twenty others.");
    let e = single(&events, SubEventType::AirDroneStrike);
    assert_eq!(e.mention, "Ariha");
    assert_town(e, "Idlib");
    assert_eq!(e.actor1_id, Some(actor("RUS")));
    assert_eq!(e.assoc_actor_1.as_deref(), Some(actor("SYR_GOV").display_name()));
    assert_eq!(
        (e.fatalities, e.civilian_fatalities, e.child_fatalities, e.injuries),
        (12, Some(12), Some(5), Some(20))
    );
    assert_day(e, day(2020, 1, 30));
    assert!(e.control.is_none());
}

#[test]
fn attackers_named_in_the_trigger_or_before_it() {
    let strike = en("Russian airstrikes hit the town of Sarmin yesterday.");
    let e = single(&strike, SubEventType::AirDroneStrike);
    assert_eq!(e.mention, "Sarmin");
    assert_eq!(e.actor1_id, Some(actor("RUS")));
    assert_day(e, day(2020, 1, 29));

    let shelling = en("Regime artillery shelled the town of Kafranbel on Saturday.");
    let e = single(&shelling, SubEventType::Shelling);
    assert_eq!(e.mention, "Kafranbel");
    assert_eq!(e.actor1_id, Some(actor("SYR_GOV")));
    assert_day(e, day(2020, 1, 25));
}

#[test]
fn damage_after_an_air_strike_is_that_attack_at_the_damaged_town() {
    let first = "Russian warplanes carried out air strikes on the town of Ariha on Tuesday.";
    let second = "A school in the town of Sarmin was badly damaged.";
    let text = format!("{first} {second}");
    let events = en(&text);
    assert_eq!(mentions(&events), ["Ariha", "Sarmin"]);
    let e = at(&events, "Sarmin");
    assert_eq!(e.sub_event_type, SubEventType::AirDroneStrike);
    assert_eq!(e.actor1_id, Some(actor("RUS")));
    assert_town(e, "Idlib");
    assert_eq!(e.evidence, second);
    assert_eq!(e.evidence_start, first.len() + 1);
}

#[test]
fn aircraft_that_shell_strike_from_the_air() {
    let events = en("Russian warplanes shelled the town of Kafr Zeita on Monday.");
    assert_eq!(single(&events, SubEventType::AirDroneStrike).mention, "Kafr Zeita");
    assert!(of_type(&events, SubEventType::Shelling).is_empty(), "{}", summary(&events));
    // Warplanes and artillery together: a strike from the air and shelling from the ground.
    let both = en("Russian warplanes and regime artillery shelled the town of Kafr Zeita on Monday.");
    let types: Vec<SubEventType> = both.iter().map(|e| e.sub_event_type).collect();
    assert_eq!(types, [SubEventType::AirDroneStrike, SubEventType::Shelling], "{}", summary(&both));
    assert!(both.iter().all(|e| e.mention == "Kafr Zeita"), "{}", summary(&both));
}

#[test]
fn each_kind_of_event_told_in_one_plain_sentence() {
    use SubEventType::*;
    let table: &[PlainSentence] = &[
        ("A bomb planted in a car exploded in Saraqib on Monday.", RemoteExplosive, "Saraqib", None),
        ("Two children were killed by regime shelling in Saraqib on Monday.", Shelling, "Saraqib", Some("SYR_GOV")),
        ("Security forces launched an arrest campaign in Saraqib on Monday.", Arrests, "Saraqib", Some("SYR_GOV")),
        ("Protesters gathered in the main square of Saraqib on Monday.", PeacefulProtest, "Saraqib", Some("PROT")),
        ("A man was shot dead by unknown gunmen in Saraqib on Monday.", Attack, "Saraqib", None),
        ("Residents of Saraqib fled their homes on Monday.", Displacement, "Saraqib", None),
        // Fighters leaving under a deal: the deal taking effect there (docs/annotation.md §12).
        (
            "Rebels began evacuating Daraya on Monday as part of an agreement with the government.",
            Agreement,
            "Daraya",
            None,
        ),
        // Fighters leave with their families only under a deal, named or not.
        ("Hundreds of militants and their families left Daraya on Monday.", Agreement, "Daraya", None),
        // A surrender or a settlement of status is the deal it carries out.
        ("Two hundred gunmen in Daraya laid down their arms on Monday.", Agreement, "Daraya", None),
        // An attack foiled was fought off; a bomb foiled never went off.
        ("The army foiled an attack by militants on Saraqib on Monday.", ArmedClash, "Saraqib", None),
        ("Police foiled a car bomb attack in Saraqib on Monday.", DisruptedWeaponsUse, "Saraqib", None),
        // One child killed by a side is an attack on people.
        ("Regime forces killed a child in Saraqib on Monday.", Attack, "Saraqib", Some("SYR_GOV")),
        ("Fighters burned homes in Saraqib on Monday.", Looting, "Saraqib", None),
        // "between" sets the sides of the fighting, not a road's ends: the place is the
        // locative's.
        ("Clashes erupted between rival factions in Saraqib on Monday.", ArmedClash, "Saraqib", None),
        // Fire traded between armed men.
        ("Regime forces and rebels traded fire in Saraqib on Monday.", ArmedClash, "Saraqib", None),
        ("A gun battle broke out between rival factions in Saraqib on Monday.", ArmedClash, "Saraqib", None),
        // Homes or land seized are looted, not ground won.
        ("Armed factions seized the homes of residents in Saraqib on Monday.", Looting, "Saraqib", None),
        // What is downed on its way is downed by the place it was heading for.
        (
            "The army downed two drones launched by militants towards Hmeimim on Monday.",
            DisruptedWeaponsUse,
            "Hmeimim",
            Some("SYR_GOV"),
        ),
    ];
    assert_plain_sentences(en, table, day(2020, 1, 27));
}

// Clashes

#[test]
fn clash_names_both_sides() {
    let events = en("Regime forces clashed with Hayat Tahrir al-Sham fighters in the town of Atarib on Wednesday.");
    let e = single(&events, SubEventType::ArmedClash);
    assert_eq!(e.mention, "Atarib");
    assert_town(e, "Aleppo");
    assert_eq!((e.actor1_id, e.actor2_id), (Some(actor("SYR_GOV")), Some(actor("HTS"))));
    assert_day(e, day(2020, 1, 29));
}

#[test]
fn every_item_of_a_list_of_destinations_is_where_goods_were_taken_not_looted() {
    let events =
        en("Regime forces looted homes in Saraqib on Monday and transported the stolen goods to Aleppo and Damascus.");
    assert_eq!(mentions(&events), ["Saraqib"], "{}", summary(&events));
    assert_eq!(events[0].sub_event_type, SubEventType::Looting);
}

#[test]
fn a_locative_set_off_by_a_comma_places_the_fighting_before_it() {
    let events = en(
        "Clashes broke out on Wednesday between ISIS on the one hand, and regime forces on the other, in the vicinity of Atarib.",
    );
    let e = single(&events, SubEventType::ArmedClash);
    assert_eq!(e.mention, "Atarib");
    assert_eq!(e.actor1_id, Some(actor("ISIS")));
    // A clause after the comma is another deed's, and its place is not the fighting's.
    let events = en("Clashes broke out on Wednesday between ISIS and regime forces, and warplanes struck Atarib.");
    assert!(of_type(&events, SubEventType::ArmedClash).is_empty(), "{}", summary(&events));
}

#[test]
fn an_assault_is_fighting_when_the_aircraft_of_its_sentence_carry_another_attack() {
    // The warplanes bombed Saraqib; the rebels' attack on Kafranbel names no aircraft of
    // its own: it is fighting, not an air strike.
    let events = en("Warplanes bombed Saraqib on Tuesday, while rebels attacked army positions in Kafranbel.");
    let clashes = of_type(&events, SubEventType::ArmedClash);
    assert_eq!(clashes.len(), 1, "{}", summary(&events));
    assert_eq!(clashes[0].mention, "Kafranbel");
    assert_eq!(clashes[0].actor1_id, Some(actor("OPP")));
    assert_eq!(at(&events, "Saraqib").sub_event_type, SubEventType::AirDroneStrike);
}

#[test]
fn an_attack_of_its_kind_after_an_air_strike_is_that_strike() {
    let events = en("Israeli warplanes struck Kisweh on Tuesday, the second attack of its kind this month.");
    let e = single(&events, SubEventType::AirDroneStrike);
    assert_eq!(e.mention, "Kisweh");
    assert_eq!(e.actor1_id, Some(actor("ISR")));
}

#[test]
fn an_offensive_is_a_campaign_not_a_fight_at_a_place() {
    // The offensive on Saraqib names an operation of days; the clashes in Kafranbel are the
    // fighting of the day.
    let events = en("Regime forces pressed on Tuesday their offensive on the town of Saraqib, while fierce clashes went on in Kafranbel.");
    let e = single(&events, SubEventType::ArmedClash);
    assert_eq!(e.mention, "Kafranbel");
}

#[test]
fn fighting_told_after_a_taking_is_fought_where_the_taking_was() {
    let events =
        en("Rebels captured the town of Saraqib on Tuesday and were engaged in heavy clashes with government troops.");
    let clashes = of_type(&events, SubEventType::ArmedClash);
    assert_eq!(clashes.iter().map(|e| e.mention.as_str()).collect::<Vec<_>>(), ["Saraqib"], "{}", summary(&events));
    // Fighting the taking came after is how it was won, no event of its own.
    let events = en("Rebels captured the town of Saraqib on Tuesday after heavy clashes with government troops.");
    assert!(of_type(&events, SubEventType::ArmedClash).is_empty(), "{}", summary(&events));
}

#[test]
fn a_battle_given_a_name_is_an_operation_not_a_fight_at_a_place() {
    let named = en("Rebels launched on Tuesday a battle dubbed \"Dawn of Freedom\" near Saraqib.");
    assert!(of_type(&named, SubEventType::ArmedClash).is_empty(), "{}", summary(&named));
    // Unnamed, the battle is fighting there.
    let unnamed = en("Rebels launched on Tuesday a battle near Saraqib.");
    assert_eq!(single(&unnamed, SubEventType::ArmedClash).mention, "Saraqib");
}

#[test]
fn a_capture_that_failed_is_an_attack_repelled() {
    let events = en("Rebels failed to capture Saraqib on Tuesday.");
    let e = single(&events, SubEventType::ArmedClash);
    assert_eq!(e.mention, "Saraqib");
    assert_eq!(e.actor1_id, Some(actor("OPP")));
    assert_day(e, day(2020, 1, 28));
}

#[test]
fn a_raid_told_with_a_storming_or_an_abduction_is_on_the_ground() {
    let stormed =
        en("Israeli forces stormed army posts in the village of Khan Arnabah on Tuesday in an overnight raid.");
    assert!(of_type(&stormed, SubEventType::AirDroneStrike).is_empty(), "{}", summary(&stormed));
    assert_eq!(single(&stormed, SubEventType::ArmedClash).mention, "Khan Arnabah");
    let abducted = en("Rebels carried out raids on the town of Saraqib on Tuesday and abducted three men.");
    assert_eq!(single(&abducted, SubEventType::Abduction).mention, "Saraqib");
}

#[test]
fn an_imminent_assault_has_not_happened_but_the_flight_from_it_has() {
    let events =
        en("Thousands of civilians fled Saraqib on Tuesday, fearing an imminent assault by regime forces on the town.");
    assert_eq!(single(&events, SubEventType::Displacement).mention, "Saraqib");
    // Without the adjective, the assault is told as done.
    let events =
        en("Thousands of civilians fled Saraqib on Tuesday, fearing an assault by regime forces on rebel positions in the town.");
    assert_eq!(of_type(&events, SubEventType::ArmedClash).len(), 1, "{}", summary(&events));
}

#[test]
fn where_a_victim_is_originally_from_is_not_where_the_strike_hit() {
    let events =
        en("A commander of the SDF who is originally from Amuda was killed on Tuesday in a Turkish drone strike.");
    assert!(events.is_empty(), "{}", summary(&events));
}

#[test]
fn clashes_between_protesters_and_forces_are_no_armed_clash() {
    let events = en("Clashes broke out on Tuesday in Binnish between protesters and Tahrir al-Sham forces.");
    assert!(of_type(&events, SubEventType::ArmedClash).is_empty(), "{}", summary(&events));
    assert!(mentions(&events).contains(&"Binnish"), "{}", summary(&events));
}

#[test]
fn targeting_with_artillery_is_shelling_whoever_fires() {
    // Israel strikes mostly from the air; the means named with the verb decide.
    let events = en("The Israeli army targeted the outskirts of Saraqib with artillery shells on Tuesday.");
    let e = single(&events, SubEventType::Shelling);
    assert_eq!(e.mention, "Saraqib");
    assert_eq!(e.actor1_id, Some(actor("ISR")));
}

#[test]
fn a_city_a_suburb_is_said_to_be_of_is_no_second_place_of_the_event() {
    // "X, a suburb of Y": the city situates the town; the deed happened in the town.
    let events = en("Gunmen abducted a priest in Qatana, a suburb of Damascus, on Monday.");
    let e = single(&events, SubEventType::Abduction);
    assert_eq!(e.mention, "Qatana");
}

#[test]
fn an_attack_a_weapon_word_qualifies_is_the_weapon_s_attack_and_no_fighting() {
    for (text, sub_event_type) in [
        ("A rocket attack on Saraqib killed three people on Saturday.", SubEventType::Shelling),
        ("A mortar attack on Saraqib killed three people on Saturday.", SubEventType::Shelling),
    ] {
        let events = en(text);
        assert_eq!(single(&events, sub_event_type).mention, "Saraqib", "{text}");
    }
}

#[test]
fn where_evacuees_came_from_is_not_where_their_convoy_was_struck() {
    let events =
        en("On Saturday, a car bomb attack on a convoy of evacuees from Kafraya killed 126 people in Rashidin.");
    let e = single(&events, SubEventType::RemoteExplosive);
    assert_eq!(e.mention, "Rashidin");
}

#[test]
fn a_tank_destroyed_with_a_missile_is_no_work_of_the_earlier_air_strike() {
    let events = en("Russian warplanes struck Kafranbel on Monday. On Tuesday, rebels destroyed a regime tank in Saraqib, targeting it with an anti-tank missile.");
    let at_saraqib: Vec<&Event> = events.iter().filter(|e| e.mention == "Saraqib").collect();
    assert_eq!(at_saraqib.len(), 1, "{}", summary(&events));
    assert_eq!(at_saraqib[0].sub_event_type, SubEventType::Shelling);
    assert_eq!(at_saraqib[0].actor1_id, Some(actor("OPP")));
}

#[test]
fn an_assault_rifle_is_a_weapon_not_an_assault() {
    let events = en("Hundreds of rebels in Douma handed in their assault rifles on Tuesday.");
    assert!(of_type(&events, SubEventType::ArmedClash).is_empty(), "{}", summary(&events));
}

#[test]
fn two_sides_that_fought_at_a_place_clashed_there() {
    for text in
        ["Regime forces and rebels fought in Saraqib on Monday.", "Regime forces battled rebels in Saraqib on Monday."]
    {
        let events = en(text);
        let e = single(&events, SubEventType::ArmedClash);
        assert_eq!(e.mention, "Saraqib", "{text}");
        assert_day(e, day(2020, 1, 27));
    }
}

#[test]
fn an_attack_repelled_has_its_attacker_as_actor1() {
    // docs/annotation.md §3: the side the report names as attacking comes first.
    let events = en("Rebels repelled a regime attack on Saraqib on Monday.");
    let e = single(&events, SubEventType::ArmedClash);
    assert_eq!(e.mention, "Saraqib");
    assert_eq!(e.actor1_id, Some(actor("SYR_GOV")));
}

// Casualties

#[test]
fn digits_killed_including_children_and_wounded() {
    let events = en("Regime shelling killed 14 people, including 4 children, and wounded 23 in the town of Jisr al-Shughur on Sunday.");
    let e = single(&events, SubEventType::Shelling);
    assert_eq!(e.mention, "Jisr al-Shughur");
    assert_eq!(e.actor1_id, Some(actor("SYR_GOV")));
    assert_eq!(
        (e.fatalities, e.civilian_fatalities, e.child_fatalities, e.injuries),
        (14, Some(14), Some(4), Some(23))
    );
    assert_day(e, day(2020, 1, 26));
}

#[test]
fn a_toll_over_the_last_ten_days_is_no_event() {
    // The same report for one day is an event...
    let one_day = en("37 civilians were killed in air strikes on Ariha and Saraqib on Monday.");
    assert_eq!(at(&one_day, "Ariha").fatalities, 37);
    // ...the aggregate is a figure, not an event.
    let aggregate = en("Since the start of the month, 37 civilians were killed in air strikes on Ariha and Saraqib.");
    assert!(aggregate.is_empty(), "{}", summary(&aggregate));
}

#[test]
fn fire_on_protesters_told_with_no_place_qualifies_the_protest_told_before() {
    let events = en("Hundreds of people demonstrated on Sunday in the city of Sweida against the cost of living. \
         Security forces later opened fire on the protesters.");
    let e = single(&events, SubEventType::ProtestWithIntervention);
    assert_eq!(e.mention, "Sweida");
    assert_day(e, day(2020, 1, 26));
    // An intervention on another day leaves the protest as it was.
    let apart = en("Hundreds of people demonstrated on Sunday in the city of Sweida. \
         On Wednesday, security forces opened fire on protesters.");
    assert!(of_type(&apart, SubEventType::PeacefulProtest).len() == 1, "{}", summary(&apart));
}

#[test]
fn a_raid_then_an_arrest_told_with_no_place_is_an_arrest_where_the_raid_was() {
    let events = en("Security forces raided the house of a media activist in the town of Saraqib on Monday. \
         They arrested him and confiscated his equipment.");
    let e = single(&events, SubEventType::Arrests);
    assert_eq!(e.mention, "Saraqib");
    assert_day(e, day(2020, 1, 27));
}

// Displacement

#[test]
fn the_families_who_fled_as_a_side_advanced_are_displaced() {
    // ISIS is named before the relative clause, whose subject is "the families".
    let events = en("The advance of ISIS on Saraqib caused panic among the families who fled the town on Monday.");
    assert_eq!(single(&events, SubEventType::Displacement).mention, "Saraqib");
    assert!(of_type(&events, SubEventType::NonViolentTransfer).is_empty(), "{events:#?}");
}

#[test]
fn fled_a_named_town_since_friday() {
    let events = en("Thousands of residents have fled the town of Maarat al-Numan since Friday.");
    let e = single(&events, SubEventType::Displacement);
    assert_eq!(e.mention, "Maarat al-Numan");
    assert_town(e, "Idlib");
    assert_eq!(
        (e.event_date, e.date_start, e.date_end, e.time_precision),
        (None, Some(day(2020, 1, 24)), Some(day(2020, 1, 30)), 2)
    );
}

// Dates

#[test]
fn no_year_is_invented_without_a_publication_date() {
    for text in [
        "On Tuesday (January 28th), regime forces recaptured the town of Kafranbel.",
        "Regime forces recaptured the town of Kafranbel yesterday.",
    ] {
        let events = read("en", None, text);
        let e = single(&events, SubEventType::GovernmentRegainsTerritory);
        assert_eq!(e.mention, "Kafranbel");
        assert_eq!((e.event_date, e.date_start, e.date_end), (None, None, None), "{text}");
    }
}

// Not events

#[test]
fn a_pluperfect_in_a_relative_clause_is_background_whatever_the_day_of_the_main_clause() {
    // The day is the killing's; the deal was signed before.
    let events =
        en("Three rebels, who had signed reconciliation agreements with the regime, were killed in Tafas on Monday.");
    assert!(of_type(&events, SubEventType::Agreement).is_empty(), "{events:#?}");
}

#[test]
fn an_infinitive_of_taking_is_a_purpose_unless_the_taking_was_achieved() {
    let events = en("The army launched an offensive to retake Saraqib on Monday.");
    assert!(of_type(&events, SubEventType::GovernmentRegainsTerritory).is_empty(), "{events:#?}");
    let events = en("The army managed to retake Saraqib on Monday.");
    assert_eq!(single(&events, SubEventType::GovernmentRegainsTerritory).mention, "Saraqib");
}

#[test]
fn a_headline_without_final_punctuation_gives_nothing() {
    let heading = "Regime forces recapture Saraqib";
    let events = en(&format!("{heading}\nRegime forces recaptured the town of Ariha on Tuesday."));
    let e = single(&events, SubEventType::GovernmentRegainsTerritory);
    assert_eq!(e.mention, "Ariha");
    assert_eq!(e.evidence_start, heading.len() + 1);
}

#[test]
fn a_photo_caption_gives_nothing() {
    let caption = "Children walk past a building destroyed by air strikes in Saraqib.";
    // As prose the line would report a strike...
    assert_eq!(mentions(&en(caption)), ["Saraqib"]);
    // ...as a caption it reports nothing.
    let events = en(&format!("{caption} [Photo by a local reporter]"));
    assert!(events.is_empty(), "{}", summary(&events));
}

#[test]
fn a_hypothetical_gain_gives_nothing() {
    let events = en("The capture of Saraqib would bring regime forces closer to taking control of Ariha.");
    assert!(events.is_empty(), "{}", summary(&events));
    // The same capture stated as fact is an event.
    let fact = en("The capture of Saraqib brought regime forces to the gates of Ariha.");
    assert_eq!(mentions(&fact), ["Saraqib"]);
}

#[test]
fn towns_named_as_ends_of_a_highway_are_not_hit() {
    let events = en("Shells landed on Tuesday on the highway linking Ariha to Jisr al-Shughur, residents said.");
    assert!(events.is_empty(), "{}", summary(&events));
    let town = en("Shells landed on Tuesday on the town of Ariha, residents said.");
    assert_eq!(single(&town, SubEventType::Shelling).mention, "Ariha");
}

#[test]
fn near_places_an_attack_at_precision_two_but_takes_no_territory() {
    let strike = en("Air strikes hit positions near Sarmin on Monday, killing four people.");
    let e = single(&strike, SubEventType::AirDroneStrike);
    assert_eq!(e.mention, "Sarmin");
    assert_eq!(e.geo_precision, 2);
    assert_eq!(e.fatalities, 4);
    assert_day(e, day(2020, 1, 27));

    let hills = en("Regime forces took control of several hills near Binnish on Tuesday.");
    assert!(hills.is_empty(), "{}", summary(&hills));
}

#[test]
fn north_of_a_town_places_a_strike_near_it_but_no_change_of_ground() {
    // docs/annotation.md §12: what the text locates by a bearing from a town is placed at the
    // town, near it; hills north of it are not the town changing hands.
    let hills = en("Regime forces took control of several hills north of Saraqib on Tuesday.");
    assert!(hills.is_empty(), "{}", summary(&hills));
    let events = en("Air strikes hit positions north of Saraqib on Tuesday.");
    let e = single(&events, SubEventType::AirDroneStrike);
    assert_eq!((e.mention.as_str(), e.geo_precision), ("Saraqib", 2));
}

// Places the gazetteer lacks

#[test]
fn an_unknown_village_in_southern_rural_idlib_is_placed_in_idlib() {
    let events = en("Regime forces recaptured the village of Tell Zurayqat in southern rural Idlib on Tuesday.");
    let e = single(&events, SubEventType::GovernmentRegainsTerritory);
    assert_eq!((e.mention.as_str(), e.location.as_str(), e.geonameid), ("Tell Zurayqat", "Tell Zurayqat", None));
    assert_eq!(e.admin1.as_deref(), Some("Idlib"));
    assert_eq!(e.geo_precision, 3);
    assert!(in_syria(e));
    assert_day(e, day(2020, 1, 28));
}

// Constructions found wrong by the first review of these tests, then mended in the engine.

#[test]
fn a_list_before_fell_to_gives_one_event_per_town() {
    let events = en("Ariha and Binnish fell to regime forces on Monday.");
    assert_eq!(mentions(&events), ["Ariha", "Binnish"]);
    for e in &events {
        assert_control(e, "SYR_GOV", Some("OPP"), Extent::Full);
        assert_day(e, day(2020, 1, 27));
    }
}

#[test]
fn residents_of_a_town_fled() {
    let events = en("Some 40,000 residents of Sarmin fled towards the Turkish border on Tuesday.");
    let e = single(&events, SubEventType::Displacement);
    assert_eq!(e.mention, "Sarmin");
    assert_day(e, day(2020, 1, 28));
}

#[test]
fn damage_takes_the_day_of_the_attack_it_follows() {
    let events = en("Russian warplanes carried out air strikes on the town of Ariha on Tuesday. The school in the town of Sarmin was badly damaged.");
    let e = at(&events, "Sarmin");
    assert_eq!(e.sub_event_type, SubEventType::AirDroneStrike);
    assert_day(e, day(2020, 1, 28));
}

#[test]
fn an_unknown_village_is_not_forced_onto_a_close_spelling_elsewhere() {
    let events = en("Regime forces recaptured the village of Khirbet Sawwan in southern rural Idlib on Tuesday.");
    let e = single(&events, SubEventType::GovernmentRegainsTerritory);
    assert_eq!(
        (e.mention.as_str(), e.geonameid, e.geo_precision, e.admin1.as_deref()),
        ("Khirbet Sawwan", None, 3, Some("Idlib"))
    );
}

#[test]
fn an_aggregate_figure_is_the_toll_not_the_days() {
    let article = article(
        "en",
        published(),
        "Since the start of the month, 37 civilians were killed in air strikes on Ariha and Saraqib.",
    );
    let extraction = extractor().explain(&article);
    assert!(extraction.events.is_empty());
    assert_eq!(extraction.figures.first().and_then(|f| f.killed), Some(37));
}

#[test]
fn a_hypothetical_in_another_clause_leaves_the_fact() {
    let events = en("Regime forces recaptured Kafranbel on Tuesday, and they could take Saraqib next.");
    assert_eq!(mentions(&events), ["Kafranbel"]);
}

#[test]
fn a_nationality_before_the_weapon_names_the_attacker_and_the_object_is_the_target() {
    let events =
        en("Turkish drones struck SDF positions near Kobani on Sunday, killing three fighters, a war monitor said.");
    let e = single(&events, SubEventType::AirDroneStrike);
    assert_eq!((e.actor1_id, e.actor2_id), (Some(actor("TUR")), Some(actor("SDF"))));
    assert_eq!((e.geo_precision, e.fatalities), (2, 3));
}

#[test]
fn bombing_is_an_air_strike_only_when_aircraft_carry_it() {
    let ground = en("Regime forces bombed the town of Ariha on Monday.");
    single(&ground, SubEventType::Shelling);
    let air = en("Regime warplanes bombed the town of Ariha on Monday.");
    single(&air, SubEventType::AirDroneStrike);
}

#[test]
fn an_attack_on_soldiers_is_a_clash_and_the_toll_counts_people() {
    let events = en(
        "Islamic State militants attacked an army checkpoint in the town of Sukhnah on Friday, killing 12 soldiers.",
    );
    let e = single(&events, SubEventType::ArmedClash);
    assert_eq!(e.actor1_id, Some(actor("ISIS")));
    assert_eq!(e.fatalities, 12, "not the 'an' of 'an army checkpoint'");
}

#[test]
fn a_town_in_its_governorate_is_one_event_at_the_town() {
    let events = en("Russian warplanes struck the town of Saraqib in Idlib on Monday.");
    let e = single(&events, SubEventType::AirDroneStrike);
    assert_eq!(e.mention, "Saraqib");
}

#[test]
fn a_village_is_placed_with_its_district_and_sub_district_where_the_sentence_says() {
    let events = en("Russian warplanes struck Ras al-Ain in the eastern countryside of Hama on Monday.");
    let e = single(&events, SubEventType::AirDroneStrike);
    assert_town(e, "Hama");
    assert_eq!(
        (e.pcode.as_deref(), e.admin2.as_deref(), e.admin3.as_deref()),
        (Some("C3067"), Some("Hama"), Some("Hamra"))
    );
    let events = en("Russian warplanes struck Ras al-Ain in the southern countryside of Idlib on Monday.");
    let e = single(&events, SubEventType::AirDroneStrike);
    assert_town(e, "Idlib");
    assert_eq!((e.pcode.as_deref(), e.admin2.as_deref()), (Some("C3902"), Some("Idleb")));
}

// Events a word names on its own

#[test]
fn a_roadside_bomb_in_a_town_is_a_remote_explosive() {
    let events = en("A roadside bomb exploded in Saraqib on Tuesday, killing two soldiers.");
    let e = single(&events, SubEventType::RemoteExplosive);
    assert_eq!(e.mention, "Saraqib");
    assert_day(e, day(2020, 1, 28));
    assert_eq!(e.fatalities, 2);
}

#[test]
fn an_air_defence_that_shoots_down_a_drone_is_actor1_of_a_disrupted_weapons_use() {
    let events = en("Syrian air defences shot down a drone over Masyaf on Tuesday, state media said.");
    let e = single(&events, SubEventType::DisruptedWeaponsUse);
    assert_eq!(e.actor1_id, Some(actor("SYR_GOV")));
    assert_eq!(e.mention, "Masyaf");
}

#[test]
fn protesters_dispersed_with_live_ammunition_are_a_protest_with_intervention() {
    let events = en("Security forces dispersed a protest in Daraa with live ammunition on Friday.");
    let e = single(&events, SubEventType::ProtestWithIntervention);
    assert_eq!(e.actor1_id, Some(actor("PROT")));
    assert_day(e, day(2020, 1, 24));
    let calm = en("Hundreds of people held a protest in Daraa on Friday.");
    assert_eq!(single(&calm, SubEventType::PeacefulProtest).actor1_id, Some(actor("PROT")));
}

#[test]
fn a_protest_told_calm_then_dispersed_the_same_day_is_one_protest_with_intervention() {
    let events = en("Hundreds of people protested in Daraa on Friday. \
         Security forces later dispersed the protest in Daraa with tear gas on Friday.");
    let e = single(&events, SubEventType::ProtestWithIntervention);
    assert_eq!(e.mention, "Daraa");
    assert_day(e, day(2020, 1, 24));
}

#[test]
fn protesters_attacked_make_a_protest_with_intervention_and_a_protest_against_attacks_does_not() {
    let active = en("Regime loyalists attacked the demonstrators in Daraa on Friday.");
    assert_eq!(single(&active, SubEventType::ProtestWithIntervention).mention, "Daraa");
    let passive = en("Participants in the demonstration in Daraa were attacked by security forces on Friday.");
    assert_eq!(single(&passive, SubEventType::ProtestWithIntervention).mention, "Daraa");
    let against = en("Hundreds held a protest in Daraa on Friday condemning the attacks on the city.");
    assert_eq!(single(&against, SubEventType::PeacefulProtest).mention, "Daraa");
}

#[test]
fn protesters_wounded_or_killed_make_a_protest_with_intervention() {
    let events = en("Security forces wounded four protesters in Daraa on Friday.");
    assert_eq!(single(&events, SubEventType::ProtestWithIntervention).mention, "Daraa");
    let killed = en("Two protesters were killed in Daraa on Friday.");
    assert_eq!(single(&killed, SubEventType::ProtestWithIntervention).mention, "Daraa");
}

#[test]
fn an_unknown_name_makes_a_place_only_when_a_place_noun_or_a_list_of_places_says_so() {
    // A name no gazetteer holds, in a protest's sentence: the man the protesters named.
    let events = en("Protesters in Daraa chanted against Hamid Zulfaqarov on Friday.");
    assert_eq!(mentions(&events), ["Daraa"]);
    // The same kind of name announced as a village is one.
    let village = en("Artillery shelled the village of Zulfaqarov on Friday.");
    assert_eq!(single(&village, SubEventType::Shelling).mention, "Zulfaqarov");
    // Or listed with villages the gazetteer names but for their vowels (Kafr Nobol).
    let listed = en("Rebels captured Zulfaqarov, Tal Hamdun and Kafr Nabul on Friday.");
    assert!(mentions(&listed).contains(&"Zulfaqarov"), "{:?}", mentions(&listed));
}

#[test]
fn troops_entering_a_town_after_a_deal_is_a_non_violent_transfer() {
    let events = en("Footage showed Syrian troops entering the town of Saraqib after a deal was reached on Monday.");
    let e = single(&events, SubEventType::NonViolentTransfer);
    assert_eq!(e.mention, "Saraqib");
    assert_eq!(e.actor1_id, Some(actor("SYR_GOV")));
}

#[test]
fn a_verb_of_gaining_and_a_noun_of_control_are_a_take_whatever_stands_between() {
    for text in [
        "Rebel fighters won total control of Saraqib on Tuesday.",
        "Rebel fighters expanded control over Saraqib on Tuesday.",
        "Rebel fighters imposed their full control over the town of Saraqib on Tuesday.",
    ] {
        let events = en(text);
        let e = single(&events, SubEventType::NonStateActorOvertakesTerritory);
        assert_eq!(e.mention, "Saraqib", "{text}");
        assert_eq!(e.actor1_id, Some(actor("OPP")), "{text}");
    }
    // Losing control is no gain of it.
    assert!(en("Rebel fighters lost control of Saraqib on Tuesday.").iter().all(|e| e.actor1_id != Some(actor("OPP"))));
}

#[test]
fn a_town_taken_under_an_agreement_is_a_non_violent_transfer() {
    for text in [
        "Army units imposed full control over the town of Saraqib after a peace agreement with the militants on Tuesday.",
        "Army units entered Saraqib under a Russian-brokered deal on Tuesday.",
    ] {
        let events = en(text);
        let e = single(&events, SubEventType::NonViolentTransfer);
        assert_eq!(e.mention, "Saraqib", "{text}");
        assert_eq!(e.actor1_id, Some(actor("SYR_GOV")), "{text}");
    }
}

#[test]
fn a_date_set_off_by_commas_does_not_part_the_subject_from_its_verb() {
    let events = en("Russian warplanes carried out, on Tuesday, dozens of raids on the town of Saraqib.");
    let e = single(&events, SubEventType::AirDroneStrike);
    assert_eq!(e.actor1_id, Some(actor("RUS")));
    assert_day(e, day(2020, 1, 28));
}

#[test]
fn a_noun_of_a_groups_kind_stands_for_the_group_the_report_named() {
    let events =
        en("Islamic State fighters seized Saraqib on Monday. On Tuesday the jihadists stormed army posts in the town of Ariha.");
    assert_eq!(at(&events, "Ariha").actor1_id, Some(actor("ISIS")));
    // Named first, the noun keeps its own reading.
    let alone = en("On Tuesday the jihadists stormed army posts in the town of Ariha.");
    assert_ne!(at(&alone, "Ariha").actor1_id, Some(actor("ISIS")));
}

#[test]
fn a_verb_of_concluding_and_a_noun_of_agreement_are_an_agreement() {
    for text in [
        "The Syrian government reached a deal with the SDF in Hasakah on Tuesday.",
        "The Syrian government signed a ceasefire agreement with the SDF in Hasakah on Tuesday.",
        "The Syrian government and the SDF struck a deal in Hasakah on Tuesday.",
    ] {
        let events = en(text);
        let e = single(&events, SubEventType::Agreement);
        assert_eq!(e.mention, "Hasakah", "{text}");
    }
    // Talks to reach one are no agreement yet.
    assert!(en("Talks to reach a deal in Hasakah resumed on Tuesday.").is_empty());
    assert!(en("Talks to reach a ceasefire in Hasakah resumed on Tuesday.").is_empty());
}

#[test]
fn what_a_lapse_of_days_runs_from_is_background() {
    for text in [
        "Rebel fighters took over the city of Hama on Thursday, days after capturing Aleppo.",
        "Rebel fighters took over the city of Hama on Thursday, one day after capturing Aleppo.",
    ] {
        assert_eq!(mentions(&en(text)), ["Hama"], "{text}");
    }
}

#[test]
fn what_a_deal_provides_for_has_not_happened() {
    let events =
        en("The deal, which provides for the withdrawal of the militants from Saraqib, was signed on Tuesday.");
    assert!(events.iter().all(|e| !e.sub_event_type.is_territorial()), "{}", summary(&events));
}

#[test]
fn an_attack_repelled_is_a_battle() {
    let events = en("The army repelled a rebel attack on the town of Saraqib on Tuesday.");
    assert_eq!(single(&events, SubEventType::ArmedClash).mention, "Saraqib");
}

#[test]
fn a_shouted_name_and_a_dash_is_a_dateline_wherever_it_stands() {
    let events = en("date 2020-01-28 ALEPPO – Warplanes struck the town of Saraqib on Tuesday.");
    assert_eq!(mentions(&events), ["Saraqib"]);
}

#[test]
fn a_dateline_in_title_case_names_where_the_report_was_filed() {
    for text in [
        "Damascus: Warplanes struck the town of Saraqib on Tuesday.",
        "Damascus, Syria (AP) — Warplanes struck the town of Saraqib on Tuesday.",
        "Damascus, January 28, 2020 — Warplanes struck the town of Saraqib on Tuesday.",
        "(Damascus) Warplanes struck the town of Saraqib on Tuesday.",
    ] {
        assert_eq!(mentions(&en(text)), ["Saraqib"], "{text}");
    }
    // A headline's kicker names its subject's place.
    let events = en("Saraqib: warplanes strike the town on Tuesday");
    assert_eq!(mentions(&events), ["Saraqib"]);
}

#[test]
fn a_sentence_after_a_province_wide_deed_says_where_in_the_province_it_was() {
    let events = en("Rebels shot down a government helicopter in Hama province on Tuesday. \
         It came down near the town of Kafr Zita, the rebels said.");
    assert_eq!(single(&events, SubEventType::DisruptedWeaponsUse).mention, "Kafr Zita");
    // A town of another governorate is no detail of the deed.
    let events = en("Rebels shot down a government helicopter in Hama province on Tuesday. \
         The rebels also hold the town of Saraqib.");
    assert!(events.iter().all(|e| e.mention != "Saraqib"), "{}", summary(&events));
}

#[test]
fn who_holds_the_target_and_an_unknown_doer_are_no_attacker() {
    let events = en("Syrian troops shelled neighbourhoods held by rebels in the town of Saraqib on Tuesday.");
    assert_eq!(single(&events, SubEventType::Shelling).actor1_id, Some(actor("SYR_GOV")));
    let events = en("Two former rebels were shot dead in the town of Saraqib by unknown gunmen on Tuesday.");
    assert_eq!(single(&events, SubEventType::Attack).actor1_id, None);
}

#[test]
fn the_dead_of_a_side_named_with_its_acronym_did_not_plant_the_bomb() {
    let events = en(
        "Two members of the Syrian Democratic Forces (SDF) were killed on Tuesday when a roadside bomb exploded near Manbij.",
    );
    let e = single(&events, SubEventType::RemoteExplosive);
    assert_ne!(e.actor1_id, Some(actor("SDF")), "{}", summary(&events));
}

#[test]
fn the_dead_told_before_the_fighting_are_no_side_of_it() {
    let events =
        en("At least 13 members of the security forces were killed in clashes in the town of Jableh on Tuesday.");
    assert_eq!(single(&events, SubEventType::ArmedClash).actor1_id, None);
    let events = en("Government forces clashed with rebels in the town of Jableh on Tuesday.");
    assert_eq!(single(&events, SubEventType::ArmedClash).actor1_id, Some(actor("SYR_GOV")));
}

#[test]
fn a_year_alone_before_publication_dates_background() {
    let events = en("Government forces took control of the town of Saraqib in 2016 under a deal brokered by Russia.");
    assert!(events.is_empty(), "{}", summary(&events));
    // The year of publication alone dates nothing: the sentence keeps the week before.
    let events = en("Government forces took control of the town of Saraqib in 2020.");
    assert_eq!(single(&events, SubEventType::GovernmentRegainsTerritory).mention, "Saraqib");
}

#[test]
fn a_list_of_places_with_commas_is_one_clause() {
    let events =
        en("On Tuesday, residents fled the towns and villages of Kafr Nabl, Hass, Kafr Sajna, and Maarat Harma.");
    assert_eq!(mentions(&events), ["Kafr Nabl", "Hass", "Kafr Sajna", "Maarat Harma"]);
}

#[test]
fn a_governorate_named_by_a_region_of_it_is_no_village() {
    // The Golan shares its name with a village near Kobani; as a governorate's name that is
    // no name of its seat, it is the region.
    let events = en("Mortar shells fired from Syria landed on the Golan on Tuesday.");
    let e = single(&events, SubEventType::Shelling);
    assert_eq!((e.location.as_str(), e.geo_precision), ("Quneitra", 3));
}

#[test]
fn a_raid_then_arrests_told_with_no_place_are_arrests_there_under_a_headline() {
    // The headline is no prose sentence: the arrests are told in the sentence right after
    // the raid's all the same.
    let events = en("Regime forces raid villages in Daraa\n\n\
         Members of the Air Force Intelligence raided the towns of Sour and Asim on Thursday. \
         They arrested more than 25 young men.");
    assert_eq!(of_type(&events, SubEventType::Arrests).len(), 2, "{}", summary(&events));
    assert!(of_type(&events, SubEventType::ArmedClash).is_empty(), "{}", summary(&events));
}

#[test]
fn a_side_that_killed_civilians_made_an_attack_and_a_toll_alone_makes_none() {
    let active = en("Syrian government forces killed three civilians in Nawa on Monday.");
    let e = single(&active, SubEventType::Attack);
    assert_eq!((e.mention.as_str(), e.actor1_id), ("Nawa", Some(actor("SYR_GOV"))));
    let passive = en("Three civilians were killed by regime forces in Nawa on Monday.");
    assert_eq!(single(&passive, SubEventType::Attack).actor1_id, Some(actor("SYR_GOV")));
    let toll = en("Three civilians were killed in Nawa on Monday.");
    assert!(toll.is_empty(), "{}", summary(&toll));
    let fighters = en("Syrian government forces killed three militants in Nawa on Monday.");
    assert!(of_type(&fighters, SubEventType::Attack).is_empty(), "{}", summary(&fighters));
}

#[test]
fn an_infiltration_attempt_is_fighting_at_the_place() {
    let events = en("Militants made an infiltration attempt on army posts near Morek on Monday.");
    assert_eq!(single(&events, SubEventType::ArmedClash).mention, "Morek");
}

#[test]
fn a_region_word_written_with_a_capital_makes_the_name_before_it_a_region() {
    for text in [
        "Air defences shot down a drone over Hama Governorate on Monday.",
        "Air defences shot down a drone over Hama Province on Monday.",
    ] {
        let events = en(text);
        let e = single(&events, SubEventType::DisruptedWeaponsUse);
        assert_eq!((e.mention.as_str(), e.geo_precision, e.admin1.as_deref()), ("Hama", 3, Some("Hama")), "{text}");
    }
}

#[test]
fn an_arrest_campaign_names_the_arresting_force() {
    let events = en("Regime forces arrested twelve young men in Saraqib on Tuesday.");
    let e = single(&events, SubEventType::Arrests);
    assert_eq!(e.actor1_id, Some(actor("SYR_GOV")));
}

#[test]
fn a_town_taken_without_a_fight_is_a_non_violent_transfer() {
    let events = en("Government forces entered and took control of Saraqib without a fight on Tuesday.");
    let e = single(&events, SubEventType::NonViolentTransfer);
    assert_eq!(e.actor1_id, Some(actor("SYR_GOV")));
    assert_control(e, "SYR_GOV", Some("OPP"), Extent::Full);
}

#[test]
fn a_backer_is_the_associate_not_the_subject() {
    let events = en("Rebel fighters backed by Turkey captured the town of Tal Rifaat on Tuesday.");
    let e = single(&events, SubEventType::NonStateActorOvertakesTerritory);
    assert_eq!(e.actor1_id, Some(actor("OPP")));
}

#[test]
fn a_capitalised_first_word_is_no_place_and_the_centre_of_a_town_is_the_town() {
    // "Meanwhile" opens the sentence with a capital; "the centre of Manbij" is in Manbij.
    let events = en("Meanwhile, regime forces took control of the centre of Manbij on Tuesday.");
    let e = single(&events, SubEventType::GovernmentRegainsTerritory);
    assert_eq!(e.mention, "Manbij");
}

#[test]
fn a_town_and_its_governorate_on_one_day_are_one_place_but_two_unknown_villages_are_two() {
    // The city of Idlib from the gazetteer and "Idlib province" placed at its seat: one
    // shelling, with the toll of either reading.
    let events = en("Regime artillery shelled the city of Idlib on Tuesday. Later on Tuesday, regime artillery shelled Idlib province again, killing two civilians.");
    let e = single(&events, SubEventType::Shelling);
    assert_eq!(e.fatalities, 2);
    // Two villages the gazetteer lacks both stand at their governorate's seat: still two.
    let events = en("Regime artillery shelled the village of Kafr Zamzam on Tuesday. On Tuesday, regime artillery also shelled the village of Kafr Zimbar in Idlib province.");
    assert_eq!(mentions(&events), ["Kafr Zamzam", "Kafr Zimbar"]);
}

#[test]
fn shooting_at_a_protest_is_its_intervention_not_an_attack_of_its_own() {
    let events = en("Protesters gathered in the town of Jableh on Tuesday, and gunmen opened fire on them.");
    let e = single(&events, SubEventType::ProtestWithIntervention);
    assert_eq!(e.mention, "Jableh");
    assert_eq!(events.len(), 1, "{}", summary(&events));
}

#[test]
fn a_bombardment_with_no_attacker_of_its_own_goes_on_with_the_air_strike_before_it() {
    let events = en("Russian warplanes carried out air strikes on Idlib province on Tuesday. The bombardment hit the town of Kafr Nabl, killing three civilians.");
    let e = at(&events, "Kafr Nabl");
    assert_eq!(e.sub_event_type, SubEventType::AirDroneStrike);
    assert_eq!(e.actor1_id, Some(actor("RUS")));
    assert_eq!(e.fatalities, 3);
}

#[test]
fn an_attack_on_protesters_tells_of_the_protest_too() {
    let events = en("Security forces attacked protesters in the town of Binnish on Friday.");
    let e = single(&events, SubEventType::ProtestWithIntervention);
    assert_eq!(e.mention, "Binnish");
}

#[test]
fn the_army_unqualified_is_the_syrian_army_and_a_qualified_one_its_own() {
    let events = en("The town of Kafranbel was shelled by the army on Monday.");
    assert_eq!(single(&events, SubEventType::Shelling).actor1_id, Some(actor("SYR_GOV")));
    let events = en("The Turkish army shelled the town of Tal Rifaat on Monday.");
    assert_eq!(single(&events, SubEventType::Shelling).actor1_id, Some(actor("TUR")));
}

#[test]
fn what_a_report_dates_before_its_news_window_is_background() {
    // Published 2020-01-30: a strike in December 2019, or a month ago to the day, is recalled.
    assert!(en("In December 2019 regime warplanes bombed the town of Kafranbel.").is_empty());
    assert!(en("On December 30, 2019 regime warplanes bombed the town of Kafranbel.").is_empty());
    let events = en("On January 27, 2020 regime warplanes bombed the town of Kafranbel.");
    assert_eq!(single(&events, SubEventType::AirDroneStrike).date_start, Some(day(2020, 1, 27)));
}

#[test]
fn a_stretch_to_publication_dates_its_sentence_and_is_counted_from_the_day_told_of() {
    // Published Thursday 30 January 2020: the past day reaches into the 29th.
    let events = en("Over the past day, regime forces took control of the town of Kafranbel.");
    let taken = single(&events, SubEventType::GovernmentRegainsTerritory);
    assert_eq!((taken.date_start, taken.date_end), (Some(day(2020, 1, 29)), Some(day(2020, 1, 30))));
    // A monitor's count told as of Monday: the 48 hours before Monday.
    let events = en("On Monday the monitor reported clashes in Saraqib. \
         It counted 40 dead in the past 48 hours as fierce clashes continued in Maarat al-Numan.");
    let clashes = of_type(&events, SubEventType::ArmedClash);
    let later = clashes.iter().find(|e| e.mention == "Maarat al-Numan").expect("the clash counted");
    assert_eq!((later.date_start, later.date_end), (Some(day(2020, 1, 25)), Some(day(2020, 1, 27))));
}

#[test]
fn each_place_takes_the_day_written_after_it() {
    // Published Thursday 30 January 2020: Saturday the 25th, Tuesday the 28th.
    let events = en("Security forces arrested dozens of suspects in Latakia on Saturday, and in Hama on Tuesday.");
    assert_day(at(&events, "Latakia"), day(2020, 1, 25));
    assert_day(at(&events, "Hama"), day(2020, 1, 28));
}

#[test]
fn a_tally_over_the_past_week_dates_no_episode_after_it() {
    // A week's tally is no date: it and the sentence after it keep the day told before.
    let events = en("Regime artillery shelled Kafranbel on Tuesday. \
         More than 6,000 people fled in the past week. \
         Russian warplanes also bombed Saraqib.");
    let strikes = of_type(&events, SubEventType::AirDroneStrike);
    assert_eq!(strikes.len(), 1, "{}", summary(&events));
    assert_day(strikes[0], day(2020, 1, 28));
}

// Places referred back to ("the town")

#[test]
fn the_town_in_a_later_sentence_is_the_town_named_before() {
    let events = en("Russian jets bombed Taftanaz on Tuesday. Hours later, government artillery shelled the town, killing two civilians.");
    let shelling: Vec<&Event> = of_type(&events, SubEventType::Shelling);
    assert_eq!(shelling.len(), 1, "{}", summary(&events));
    assert_eq!(shelling[0].mention, "Taftanaz");
    assert_town(shelling[0], "Idlib");
    assert_eq!((shelling[0].actor1_id, shelling[0].fatalities), (Some(actor("SYR_GOV")), 2));
}

#[test]
fn the_same_area_is_the_place_named_before() {
    // "In the same area" refers back to the last place named; "at the same time" to none.
    let events = en("Russian jets bombed Taftanaz on Tuesday. Hours later, a roadside bomb exploded in the same area.");
    let bombs: Vec<&str> = of_type(&events, SubEventType::RemoteExplosive).iter().map(|e| e.mention.as_str()).collect();
    assert_eq!(bombs, ["Taftanaz"], "{}", summary(&events));
    assert_day(of_type(&events, SubEventType::RemoteExplosive)[0], day(2020, 1, 28));
    let time = en("Russian jets bombed Taftanaz on Tuesday. At the same time, a roadside bomb exploded.");
    assert!(of_type(&time, SubEventType::RemoteExplosive).is_empty(), "{}", summary(&time));
}

#[test]
fn the_village_refers_to_the_place_called_a_village_in_its_sentence() {
    // Two places in one sentence: the one the text called a village answers "the village".
    let events = en("Rebels attacked the village of Hish near Maarat al-Numan on Monday. On Tuesday, regime artillery pounded the village.");
    let shelling = of_type(&events, SubEventType::Shelling);
    assert_eq!(shelling.len(), 1, "{}", summary(&events));
    assert_eq!(shelling[0].mention, "Hish");
    assert_day(shelling[0], day(2020, 1, 28));
}

#[test]
fn an_indefinite_noun_or_a_noun_with_its_name_refers_to_no_earlier_town() {
    // "a village" is another place; "the town of Binnish" names its own.
    let indefinite = en("Russian jets bombed Taftanaz on Tuesday. Government artillery also shelled a village nearby.");
    assert!(
        !indefinite.iter().any(|e| e.sub_event_type == SubEventType::Shelling && e.mention == "Taftanaz"),
        "{}",
        summary(&indefinite)
    );
    let named = en("Russian jets bombed Taftanaz on Tuesday. Government artillery also shelled the town of Binnish.");
    let shelling: Vec<&str> = of_type(&named, SubEventType::Shelling).iter().map(|e| e.mention.as_str()).collect();
    assert_eq!(shelling, ["Binnish"], "{}", summary(&named));
}

#[test]
fn the_town_after_two_towns_or_far_back_refers_to_neither() {
    // Two towns answer "the town" equally; a town named five sentences back is out of the
    // episode.
    let two = en("Russian jets bombed Sarmin and Binnish on Tuesday. Hours later, artillery shelled the town.");
    assert!(!two.iter().any(|e| e.sub_event_type == SubEventType::Shelling), "{}", summary(&two));
    let far = en("Russian jets bombed Taftanaz on Tuesday. The Observatory gave no toll. Residents said they were afraid. Schools were closed. Aid groups asked for calm. Artillery shelled the town on Wednesday.");
    assert!(!far.iter().any(|e| e.sub_event_type == SubEventType::Shelling), "{}", summary(&far));
}

#[test]
fn the_town_after_a_town_of_its_own_sentence_is_that_town() {
    // "the town" in the sentence that names Sarmin is Sarmin, not Taftanaz named before.
    let events = en("Russian jets bombed Taftanaz on Tuesday. In Sarmin, artillery shells hit the market of the town.");
    let shelling: Vec<&str> = of_type(&events, SubEventType::Shelling).iter().map(|e| e.mention.as_str()).collect();
    assert_eq!(shelling, ["Sarmin"], "{}", summary(&events));
}

#[test]
fn by_names_the_agent_of_a_passive_some_words_after_the_deed() {
    let events = en("Rockets launched on Tuesday by the rebels landed in the town of Ariha.");
    let e = single(&events, SubEventType::Shelling);
    assert_eq!((e.mention.as_str(), e.actor1_id), ("Ariha", Some(actor("OPP"))));
}

#[test]
fn a_participial_clause_takes_the_main_subject() {
    let events = en("The rebels broke the calm on Tuesday, firing mortar shells at the town of Sarmin.");
    let e = single(&events, SubEventType::Shelling);
    assert_eq!((e.mention.as_str(), e.actor1_id), ("Sarmin", Some(actor("OPP"))));
    // "alleging they attacked": a clause with a subject of its own.
    let own = en("The army said on Tuesday, alleging they shelled the town of Sarmin.");
    assert!(own.iter().all(|e| e.actor1_id != Some(actor("SYR_GOV"))), "{}", summary(&own));
}

#[test]
fn troops_deployed_in_a_town_with_no_fighting_told_are_a_non_violent_transfer() {
    let events = en("Syrian army troops deployed in the town of Manbij on Tuesday.");
    let e = single(&events, SubEventType::NonViolentTransfer);
    assert_eq!((e.mention.as_str(), e.actor1_id), ("Manbij", Some(actor("SYR_GOV"))));
}

#[test]
fn towns_that_came_under_a_sides_control_fell_to_that_side() {
    let events = en("The towns of Hish and Kafr Nabl came under regime control on Tuesday.");
    assert_eq!(mentions(&events), ["Hish", "Kafr Nabl"]);
    for e in &events {
        assert_eq!(e.sub_event_type, SubEventType::GovernmentRegainsTerritory);
        assert_eq!(e.actor1_id, Some(actor("SYR_GOV")));
    }
    // Fire is no control.
    assert!(en("The town of Hish came under fire from regime forces on Tuesday.")
        .iter()
        .all(|e| e.sub_event_type != SubEventType::GovernmentRegainsTerritory));
}

#[test]
fn towns_handed_over_to_the_government_are_a_non_violent_transfer() {
    let events = en("The towns of Hish and Kafr Nabl were handed over to the government on Tuesday.");
    assert_eq!(mentions(&events), ["Hish", "Kafr Nabl"]);
    for e in &events {
        assert_eq!((e.sub_event_type, e.actor1_id), (SubEventType::NonViolentTransfer, Some(actor("SYR_GOV"))));
    }
}

// Bearings

#[test]
fn a_bearing_from_a_town_places_the_event_near_it_and_from_a_governorate_in_its_region() {
    let events = en(
        "A roadside bomb exploded on Tuesday on a farm road east of the town of Khan Shaykhun, wounding four soldiers.",
    );
    let e = single(&events, SubEventType::RemoteExplosive);
    assert_eq!((e.mention.as_str(), e.geo_precision, e.admin1.as_deref()), ("Khan Shaykhun", 2, Some("Idlib")));
    let events = en("Regime artillery shelled villages north of Hama on Tuesday, a monitor said.");
    let e = single(&events, SubEventType::Shelling);
    assert_eq!((e.admin1.as_deref(), e.geo_precision), (Some("Hama"), 3));
}

#[test]
fn a_month_without_a_year_dates_the_event_and_an_earlier_one_is_background() {
    // Published Thursday 30 January 2020.
    let events = en("Rebel fighters seized Saraqib in January.");
    let e = single(&events, SubEventType::NonStateActorOvertakesTerritory);
    assert_eq!((e.date_start, e.date_end), (Some(day(2020, 1, 1)), Some(day(2020, 1, 30))));
    // Last March: long before the news window.
    assert!(en("Regime forces shelled Kafr Nabl in March.").is_empty());
}

#[test]
fn villages_listed_before_emptied_of_their_residents_are_each_a_displacement() {
    let events = en("The villages of Hish, Kafr Nabl and Maarat Hurma were emptied of their residents on Monday.");
    assert_eq!(mentions(&events), ["Hish", "Kafr Nabl", "Maarat Hurma"]);
    for e in &events {
        assert_eq!(e.sub_event_type, SubEventType::Displacement);
        assert_day(e, day(2020, 1, 27));
    }
}

#[test]
fn control_established_over_a_town_is_a_change_of_ground() {
    for text in [
        "The Syrian army established full control over the town of Saraqib on Monday.",
        "The Syrian army imposed its control over the town of Saraqib on Monday.",
    ] {
        let events = en(text);
        let e = single(&events, SubEventType::GovernmentRegainsTerritory);
        assert_eq!(e.mention, "Saraqib", "{text}");
    }
}

#[test]
fn an_air_force_by_name_only_carries_no_air_strike() {
    let events = en("Members of the Air Force Intelligence raided the town of Saraqib on Monday.");
    assert!(of_type(&events, SubEventType::AirDroneStrike).is_empty(), "{}", summary(&events));
    assert!(events.iter().all(|e| e.actor1_id == Some(actor("SYR_GOV"))), "{}", summary(&events));
}

#[test]
fn a_name_before_forces_or_regime_names_their_owner_not_a_place() {
    let events = en("Assad forces and their allies launched a bombing campaign on Monday, targeting mainly civilians.");
    assert!(events.is_empty(), "{}", summary(&events));
    let events = en("Assad forces shelled the town of Saraqib on Monday.");
    assert_eq!(mentions(&events), ["Saraqib"]);
}

#[test]
fn a_gain_promised_prepared_or_foreseen_gives_nothing() {
    for text in [
        "Regime forces are preparing to storm Saraqib.",
        "Turkish-backed fighters vowed to capture Saraqib.",
        "The army will retake Saraqib within days, a commander said.",
    ] {
        assert!(en(text).is_empty(), "{text}");
    }
}

#[test]
fn a_generic_fighter_noun_after_a_named_group_is_that_groups_fighters() {
    let events = en("The army killed ten members of Jabhat al-Nusra terrorist groups that attacked the village of Kafr Nabl on Monday.");
    let e = at(&events, "Kafr Nabl");
    assert_eq!(e.actor1_id, Some(actor("HTS")), "{}", summary(&events));
}

#[test]
fn a_purpose_clause_tells_what_a_side_aims_at_not_what_it_did() {
    let events = en("Regime forces massed troops near Idlib on Monday in order to recapture Saraqib.");
    assert!(of_type(&events, SubEventType::GovernmentRegainsTerritory).is_empty(), "{}", summary(&events));
}

#[test]
fn a_passive_take_with_a_date_before_its_agent_goes_to_the_agent() {
    let events = en("Held by rebels since 2012, Kafranbel was recaptured last Tuesday by the Syrian army.");
    let e = single(&events, SubEventType::GovernmentRegainsTerritory);
    assert_eq!(e.mention, "Kafranbel");
    assert_eq!(e.actor1_id, Some(actor("SYR_GOV")));
    assert_day(e, day(2020, 1, 28));
}

#[test]
fn the_villages_refer_back_to_the_list_last_named() {
    // The list is named in one sentence, the taking told of "the villages" in the next.
    let events = en("Rebels had held Kafranbel, Hass and Kafr Sajna for years. \
                     On Tuesday the Syrian army recaptured the villages.");
    let taken = of_type(&events, SubEventType::GovernmentRegainsTerritory);
    assert_eq!(taken.len(), 3, "{}", summary(&events));
}

#[test]
fn entering_a_place_unopposed_is_a_non_violent_transfer() {
    let events = en("Syrian army troops entered the town of Kafranbel on Tuesday.");
    assert_eq!(single(&events, SubEventType::NonViolentTransfer).mention, "Kafranbel");
    // Told with fighting, the same entry is a taking.
    let events = en("Syrian army troops entered the town of Kafranbel on Tuesday after heavy fighting with rebels.");
    assert_eq!(single(&events, SubEventType::GovernmentRegainsTerritory).mention, "Kafranbel", "{}", summary(&events));
}

#[test]
fn a_purpose_clause_marks_what_follows_it_not_the_deed_before_it() {
    // The arrest happened; the conscription is its aim.
    let events =
        en("Kurdish Asayish forces arrested dozens of young men in Qamishli on Tuesday in order to conscript them.");
    let e = single(&events, SubEventType::Arrests);
    assert_day(e, day(2020, 1, 28));
    // What the purpose clause names did not happen.
    let events = en("Rebels launched an offensive on Tuesday in order to take control of Saraqib.");
    assert!(of_type(&events, SubEventType::NonStateActorOvertakesTerritory).is_empty(), "{}", summary(&events));
}

#[test]
fn the_ruling_familys_name_is_no_village() {
    let events = en("Hundreds protested in Sweida on Tuesday, chanting against Assad.");
    assert!(!mentions(&events).iter().any(|m| m.contains("Assad")), "{}", summary(&events));
    assert!(mentions(&events).contains(&"Sweida"), "{}", summary(&events));
}

#[test]
fn a_village_the_gazetteer_lacks_near_a_town_stands_at_the_town_and_alone_at_its_governorate() {
    let town = en("Turkish artillery shelled Ain Issa on Tuesday.");
    let town = single(&town, SubEventType::Shelling);
    let events = en("Turkish artillery shelled the village of Kafr Zamzam, near Ain Issa, on Tuesday.");
    assert_situated_by(at(&events, "Kafr Zamzam"), town);
    // Situated by nothing but its governorate: at the governorate's seat.
    let events = en("Turkish artillery shelled the village of Kafr Zamzam in Raqqa province on Tuesday.");
    let e = single(&events, SubEventType::Shelling);
    assert_eq!((e.location.as_str(), e.geo_precision, e.admin1.as_deref()), ("Kafr Zamzam", 3, Some("Raqqa")));
}

#[test]
fn a_province_wide_strike_with_its_towns_named_is_coded_at_the_towns() {
    let events = en("Regime warplanes carried out air strikes across Idlib province on Tuesday. The strikes hit the town of Saraqib, killing three civilians.");
    let e = single(&events, SubEventType::AirDroneStrike);
    assert_eq!(e.mention, "Saraqib");
    // A town of another governorate leaves the province-wide reading standing.
    let events = en("Regime warplanes carried out air strikes across Idlib province on Tuesday. The strikes also hit the town of Jableh, killing three civilians.");
    assert_eq!(mentions(&events), ["Idlib", "Jableh"]);
}

#[test]
fn a_reminder_to_the_reader_without_a_date_is_background() {
    assert!(en("It is worth noting that regime artillery shelled the town of Kafr Nabl.").is_empty());
    let dated = en("It is worth noting that regime artillery shelled the town of Kafr Nabl on Tuesday.");
    assert_eq!(single(&dated, SubEventType::Shelling).mention, "Kafr Nabl");
}

#[test]
fn the_pluperfect_without_a_date_is_background_unless_reported_or_dated() {
    assert!(en("Regime artillery had shelled the town of Kafr Nabl.").is_empty());
    let dated = en("Regime artillery had shelled the town of Kafr Nabl on Tuesday.");
    assert_day(single(&dated, SubEventType::Shelling), day(2020, 1, 28));
    // Reported speech shifts the tense: what activists said had happened is news.
    let reported = en("Activists said that regime artillery had shelled the town of Kafr Nabl.");
    assert_eq!(single(&reported, SubEventType::Shelling).mention, "Kafr Nabl");
}

#[test]
fn struck_tells_an_air_strike_only_when_aircraft_strike() {
    let events = en("Russian warplanes struck the town of Kafr Nabl on Tuesday.");
    assert_eq!(single(&events, SubEventType::AirDroneStrike).mention, "Kafr Nabl");
    // An earthquake strikes, and a deal is struck: no attack, nor damage tied to one.
    assert!(
        en("A powerful earthquake struck the city of Aleppo on Tuesday. Many homes have been destroyed.").is_empty()
    );
    assert!(en("A truce deal was struck in the town of Kafr Nabl on Tuesday.")
        .iter()
        .all(|e| e.sub_event_type == SubEventType::Agreement));
}

#[test]
fn the_day_the_lead_states_holds_until_the_text_states_another() {
    let events = en("Regime artillery shelled the town of Kafr Nabl on Tuesday, a monitor said. Residents said the town had been without power for weeks. Russian warplanes also struck the village of Hish. On Friday, rebels shelled the town of Saraqib. Regime warplanes then struck the town of Maarat Hurma.");
    for (mention, expected) in [("Kafr Nabl", 28), ("Hish", 28), ("Saraqib", 24), ("Maarat Hurma", 24)] {
        assert_day(at(&events, mention), day(2020, 1, expected));
    }
}

#[test]
fn where_people_are_sent_is_no_place_of_the_event() {
    let events =
        en("An agreement was reached on Tuesday for the fighters to leave the town of Saraqib and go to Jarablos.");
    assert_eq!(single(&events, SubEventType::Agreement).mention, "Saraqib");
}

#[test]
fn missiles_and_rockets_are_an_air_strike_when_aircraft_fire_them() {
    let events = en("Russian warplanes fired missiles at the town of Kafr Nabl on Tuesday.");
    assert_eq!(single(&events, SubEventType::AirDroneStrike).mention, "Kafr Nabl");
    let events = en("Regime helicopters fired rockets at the village of Hish on Tuesday.");
    assert_eq!(single(&events, SubEventType::AirDroneStrike).mention, "Hish");
    let events = en("Rebel fighters fired rockets at the town of Kafr Nabl on Tuesday.");
    assert_eq!(single(&events, SubEventType::Shelling).mention, "Kafr Nabl");
}

#[test]
fn aircraft_that_only_support_an_operation_strike_nothing() {
    // Drones named as an operation's support, with no word of striking: no air strike.
    let events = en("The operation, supported by coalition drones, passed through Shaddadi and Markada on Tuesday.");
    assert!(of_type(&events, SubEventType::AirDroneStrike).is_empty(), "{}", summary(&events));
    // A drone that hits something still does.
    let events = en("A Turkish drone targeted a car near Qamishli on Tuesday.");
    let e = single(&events, SubEventType::AirDroneStrike);
    assert_eq!(e.actor1_id, Some(actor("TUR")));
}

#[test]
fn a_village_the_gazetteer_lacks_after_a_paragraph_on_a_town_stands_at_that_town() {
    let town = en("Turkish artillery shelled Ain Issa in Raqqa province on Tuesday.");
    let town = single(&town, SubEventType::Shelling);
    let events = en("Turkish artillery shelled Ain Issa in Raqqa province on Tuesday. \
        On Wednesday it shelled the village of Kafr Zamzam in Raqqa province.");
    assert_situated_by(at(&events, "Kafr Zamzam"), town);
    // A town of another governorate situates nothing.
    let events = en("Turkish artillery shelled Ain Issa on Tuesday. \
        On Wednesday it shelled the village of Kafr Zamzam in Aleppo province.");
    let e = at(&events, "Kafr Zamzam");
    assert_eq!((e.geo_precision, e.admin1.as_deref()), (3, Some("Aleppo")));
}

#[test]
fn rural_damascus_holds_the_towns_of_its_countryside() {
    // "Rural Damascus" names the city's governorate and Rif Dimashq alike: Jeroud, in Rif
    // Dimashq, stays the town the tables know.
    let events = en("Regime forces detained nine men in the town of Jeroud in rural Damascus on Tuesday.");
    let e = single(&events, SubEventType::Arrests);
    assert_town(e, "Rif Dimashq");
}

#[test]
fn a_bombing_told_without_a_place_is_placed_by_the_sentence_that_says_where_it_hit() {
    let events = en("A suicide car bomb killed four people at a checkpoint in northeast Syria on Tuesday. \
        The monitor said the blast hit a checkpoint near the town of Amuda.");
    let e = single(&events, SubEventType::SuicideBomb);
    assert_eq!(e.mention, "Amuda");
    assert_day(e, day(2020, 1, 28));
    // With no bombing before it, a blast that hit somewhere is no event of its own.
    assert!(en("The monitor said the blast hit a checkpoint near the town of Amuda.").is_empty());
}

#[test]
fn an_event_that_took_place_somewhere_is_the_one_told_before_on_its_day() {
    // The second sentence dates what has gone on for months there, not the blast.
    let events = en("A roadside bomb killed two children in eastern Syria on Tuesday. \
        The explosion took place in the town of Al-Mayadin, where fighting has gone on for months.");
    let bombings = of_type(&events, SubEventType::RemoteExplosive);
    assert_eq!(bombings.len(), 1, "{}", summary(&events));
    assert_eq!(bombings[0].mention, "Al-Mayadin");
    assert_day(bombings[0], day(2020, 1, 28));
    // With no event told before it, the noun refers to nothing: no event.
    assert!(en("The explosion took place in the town of Al-Mayadin.").is_empty());
}

#[test]
fn a_capitalised_direction_is_no_part_of_a_name() {
    // "Northern Hama" is a part of Hama governorate, not a place of that name; "South-East"
    // alone is no place at all.
    let events = en("Regime forces shelled the town of Kafr Zita in Northern Hama on Tuesday.");
    assert_eq!(single(&events, SubEventType::Shelling).mention, "Kafr Zita");
    let events = en("Regime forces shelled villages in Northern Hama and South-East on Tuesday.");
    let e = single(&events, SubEventType::Shelling);
    assert_eq!((e.admin1.as_deref(), e.geo_precision), (Some("Hama"), 3));
}

#[test]
fn gunmen_are_who_acts_not_an_attack() {
    // Gunmen named with no deed of violence are no attack.
    let events =
        en("The army imposed control over the village of Kafr Zita on Tuesday after the withdrawal of the gunmen.");
    assert!(of_type(&events, SubEventType::Attack).is_empty(), "{}", summary(&events));
    // Gunmen who shoot people dead are.
    let events = en("Gunmen shot dead two men in the town of Kafr Zita on Tuesday.");
    assert_eq!(single(&events, SubEventType::Attack).mention, "Kafr Zita");
}

#[test]
fn a_general_strike_is_no_air_strike() {
    let events = en("Shops in the town of Kafr Zita closed on Tuesday in a general strike against the arrests.");
    assert!(of_type(&events, SubEventType::AirDroneStrike).is_empty(), "{}", summary(&events));
}

#[test]
fn a_side_that_strikes_from_the_air_does_not_when_its_troops_act() {
    // Israel's strikes are air strikes; its troops raiding a village are not.
    let events = en("Israeli troops raided the village of Kafr Zita on Tuesday.");
    assert!(of_type(&events, SubEventType::AirDroneStrike).is_empty(), "{}", summary(&events));
    let events = en("Israeli forces bombed the village of Kafr Zita on Tuesday.");
    assert_eq!(single(&events, SubEventType::AirDroneStrike).mention, "Kafr Zita");
}

#[test]
fn a_raid_to_arrest_is_the_arrest_not_a_battle() {
    let events =
        en("Regime security forces raided a house in the town of Kafr Zita on Tuesday and arrested two young men.");
    assert_eq!(single(&events, SubEventType::Arrests).mention, "Kafr Zita");
    // A storming that ends in abductions is how they were carried out.
    let events = en("ISIS fighters stormed the village of Kafr Zita on Tuesday and abducted twenty men.");
    assert!(of_type(&events, SubEventType::ArmedClash).is_empty(), "{}", summary(&events));
    assert_eq!(single(&events, SubEventType::Abduction).mention, "Kafr Zita");
}

#[test]
fn the_side_that_claimed_a_bombing_did_it() {
    let events = en("A car bomb exploded in the town of Azaz on Tuesday. ISIS later claimed responsibility.");
    assert_eq!(single(&events, SubEventType::RemoteExplosive).actor1_id, Some(actor("ISIS")));
    // No group named, no doer.
    let events = en("A car bomb exploded in the town of Azaz on Tuesday. No group claimed responsibility.");
    assert_eq!(single(&events, SubEventType::RemoteExplosive).actor1_id, None);
}

#[test]
fn the_residents_of_a_town_who_flee_flee_that_town() {
    let events =
        en("On Tuesday thousands of residents of Saraqib, most of them families of fighters, were seen fleeing north.");
    assert_eq!(single(&events, SubEventType::Displacement).mention, "Saraqib");
}

#[test]
fn fighting_in_a_province_with_no_town_named_is_one_clash_in_that_province() {
    let events = en("A rebel was killed on Tuesday in clashes with regime forces in the southern province of Daraa.");
    let e = single(&events, SubEventType::ArmedClash);
    assert_eq!((e.admin1.as_deref(), e.geo_precision), (Some("Daraa"), 3), "{}", summary(&events));
    // A town named: the clash is there, not in the province too.
    let events = en("Rebels clashed with regime forces on Tuesday in the town of Nawa in the province of Daraa.");
    assert_eq!(mentions(&events), ["Nawa"], "{}", summary(&events));
    // An ambush in a province is one side's move, no clash of the province's.
    let events = en("Gunmen ambushed a patrol on Tuesday in the province of Daraa.");
    assert!(of_type(&events, SubEventType::ArmedClash).is_empty(), "{}", summary(&events));
}

#[test]
fn a_border_village_named_with_the_towns_of_the_governorate_next_door_is_that_village() {
    // "the countryside of Idlib" names Idlib, but al-Atarib, a few kilometres across the
    // border in rural Aleppo, is the town meant: not another al-Atarib no table has.
    let events =
        en("Protests broke out on Friday in the countryside of Idlib, in the towns of Binnish, Sarmada and al-Atarib.");
    assert_town(at(&events, "al-Atarib"), "Aleppo");
    assert_town(at(&events, "Binnish"), "Idlib");
}

#[test]
fn what_happened_months_ago_is_background() {
    // "months ago" counts no months, but at least two: older than the report's news window.
    let events = en("The rebels in Daraya signed a truce with the government months ago.");
    assert!(events.is_empty(), "{}", summary(&events));
    let events = en("The rebels in Daraya signed a truce with the government two days ago.");
    assert_eq!(single(&events, SubEventType::Agreement).mention, "Daraya");
    // A vague count stands for about three: "a few weeks ago" is background too, "a few days
    // ago" the days between one and six back (published Thursday 30 January 2020).
    let events = en("The rebels in Daraya signed a truce with the government a few weeks ago.");
    assert!(events.is_empty(), "{}", summary(&events));
    let events = en("The rebels in Daraya signed a truce with the government a few days ago.");
    let e = single(&events, SubEventType::Agreement);
    assert_eq!((e.date_start, e.date_end), (Some(day(2020, 1, 24)), Some(day(2020, 1, 29))));
    // "a few hours ago": the day before publication or that day, never a window that ends
    // before it starts.
    let events = en("The rebels in Daraya signed a truce with the government a few hours ago.");
    let e = single(&events, SubEventType::Agreement);
    assert_eq!((e.date_start, e.date_end), (Some(day(2020, 1, 29)), Some(day(2020, 1, 30))));
}

#[test]
fn a_direction_before_a_place_noun_qualifies_the_settlement() {
    // "the northern town of Saraqib" is the town, not a part of a governorate; "villages in
    // northern Hama" stays a part of Hama governorate.
    let events = en("Rebels attacked an army checkpoint in the northern town of Saraqib on Tuesday.");
    let e = single(&events, SubEventType::ArmedClash);
    assert_eq!((e.mention.as_str(), e.geo_precision), ("Saraqib", 1));
    let events = en("Regime forces shelled villages in northern Hama on Tuesday.");
    assert_eq!(single(&events, SubEventType::Shelling).geo_precision, 3);
}

#[test]
fn a_name_written_with_a_non_breaking_hyphen_and_an_ayn_mark_is_the_place() {
    // Transliterations write "Raʾs al‑ʿAyn" with the non-breaking hyphen (U+2011) and the
    // hamza and ayn marks: the same town as "Ras al-Ain".
    let events = en("Fighters clashed in Ra\u{2be}s al\u{2011}\u{2bf}Ayn on Tuesday.");
    let e = single(&events, SubEventType::ArmedClash);
    assert_eq!(e.geonameid, Some(165509));
}

#[test]
fn a_stretch_of_time_makes_background_only_of_the_deed_it_governs() {
    // The bombardment went on for weeks (or a week, or two); the taking is the news.
    for stretch in ["weeks", "a week", "two weeks", "10 days"] {
        let events =
            en(&format!("After {stretch} of bombardment, regime forces recaptured the town of Kafranbel on Tuesday."));
        assert_eq!(single(&events, SubEventType::GovernmentRegainsTerritory).mention, "Kafranbel");
        assert!(of_type(&events, SubEventType::Shelling).is_empty(), "{stretch}: {}", summary(&events));
    }
}

#[test]
fn a_body_that_tells_no_event_leaves_it_to_the_headline() {
    let events = en("Regime warplanes strike the town of Kafranbel\n\nMore details were not immediately available.");
    assert_eq!(single(&events, SubEventType::AirDroneStrike).mention, "Kafranbel", "{}", summary(&events));
    // A body that tells the event is read alone: the headline adds nothing.
    let events = en("Regime warplanes strike Kafranbel\n\nRegime warplanes struck the town of Hish on Tuesday.");
    assert_eq!(mentions(&events), ["Hish"]);
}

#[test]
fn a_bombardment_made_with_barrel_bombs_is_one_air_strike() {
    let events = en("Regime forces bombarded Kafr Nabl with barrel bombs on Monday.");
    assert_eq!(events.len(), 1, "{}", summary(&events));
    assert_eq!(single(&events, SubEventType::AirDroneStrike).mention, "Kafr Nabl");
}

#[test]
fn villages_named_after_their_count_and_a_comma_are_taken() {
    let events = en("Government forces captured two villages, Kafr Nabl and Hish, on Wednesday.");
    assert_eq!(mentions(&events), ["Kafr Nabl", "Hish"], "{}", summary(&events));
    assert!(events.iter().all(|e| e.sub_event_type == SubEventType::GovernmentRegainsTerritory));
}

#[test]
fn force_used_on_a_protest_in_a_sentence_without_a_place_is_met_where_the_protest_was() {
    let events = en("Hundreds of residents demonstrated in Amuda on Monday against conscription. \
                     Security forces dispersed the demonstration with live fire.");
    assert_eq!(single(&events, SubEventType::ProtestWithIntervention).mention, "Amuda", "{}", summary(&events));
    assert!(of_type(&events, SubEventType::PeacefulProtest).is_empty(), "{}", summary(&events));
}

#[test]
fn fighting_amid_which_people_fled_is_the_setting_of_the_flight() {
    let events = en("Thousands of civilians fled Maarat al-Numan on Tuesday amid fierce clashes.");
    assert_eq!(mentions(&events), ["Maarat al-Numan"], "{}", summary(&events));
    assert_eq!(single(&events, SubEventType::Displacement).mention, "Maarat al-Numan");
    // Told alone, the fighting is the event.
    let events = en("Three fighters were killed on Tuesday amid fierce clashes in Maarat al-Numan.");
    assert_eq!(single(&events, SubEventType::ArmedClash).mention, "Maarat al-Numan", "{}", summary(&events));
}

#[test]
fn a_deal_a_side_refused_is_no_agreement() {
    let events = en("Rebels in Saraqib refused a ceasefire agreement with government forces on Tuesday.");
    assert!(of_type(&events, SubEventType::Agreement).is_empty(), "{}", summary(&events));
}

#[test]
fn a_dated_event_told_without_a_place_in_a_report_on_one_town_is_in_that_town() {
    let events = en("Government forces shelled Kafranbel on Monday, killing two civilians. \
                     On Tuesday, helicopters dropped barrel bombs, killing five more.");
    let strikes = of_type(&events, SubEventType::AirDroneStrike);
    assert_eq!(strikes.len(), 1, "{}", summary(&events));
    assert_eq!(strikes[0].mention, "Kafranbel");
    assert_day(strikes[0], day(2020, 1, 28));
    // A report on two towns does not say which one.
    let events = en("Government forces shelled Kafranbel and Saraqib on Monday. \
                     On Tuesday, helicopters dropped barrel bombs, killing five.");
    assert!(of_type(&events, SubEventType::AirDroneStrike).is_empty(), "{}", summary(&events));
}

#[test]
fn places_in_slogans_quoted_after_a_word_of_chanting_are_no_places_of_events() {
    let events = en("Hundreds of residents protested in Atarib on Friday, raising banners reading, \
                     “Idlib is free,” and “Aleppo will not be forgotten.”");
    assert_eq!(mentions(&events), ["Atarib"], "{}", summary(&events));
}

#[test]
fn an_arrest_that_names_no_force_is_made_by_the_armed_side_last_named() {
    let events = en("Israeli forces entered the village of Jubata al-Khashab in rural Quneitra on Tuesday. \
         Three young men were arrested in the village, residents said.");
    let arrests = of_type(&events, SubEventType::Arrests);
    assert_eq!(arrests.len(), 1, "{}", summary(&events));
    assert_eq!(arrests[0].actor1_id, Some(actor("ISR")));
    // Protesters named last detain no one: the arrest keeps no actor.
    let events = en("Protesters gathered in the town of Jasim on Tuesday. Three of them were arrested in the town.");
    let arrests = of_type(&events, SubEventType::Arrests);
    assert_eq!(arrests.len(), 1, "{}", summary(&events));
    assert_eq!(arrests[0].actor1_id, None);
}

#[test]
fn fighting_whose_sentence_names_no_side_was_fought_by_the_armed_side_last_named() {
    let events = en("Hezbollah fighters massed near the border on Monday. \
         Heavy fighting raged in the town of Qusayr on Tuesday, residents said.");
    assert_eq!(single(&events, SubEventType::ArmedClash).actor1_id, Some(actor("HEZ")));
}

#[test]
fn an_attack_whose_sentence_names_no_doer_was_made_by_the_side_last_named_that_could() {
    let events = en("Turkish troops deployed near the town of Tal Tamr on Monday. \
         Artillery shells hit the village of Um al-Keif on Tuesday, killing two civilians.");
    assert_eq!(single(&events, SubEventType::Shelling).actor1_id, Some(actor("TUR")));
    // Only states fly aircraft: the group named before strikes from the air is not their doer.
    let events = en("Islamic State fighters gathered in the desert on Monday. \
         Air strikes hit the town of Palmyra on Tuesday, killing two civilians.");
    assert_eq!(single(&events, SubEventType::AirDroneStrike).actor1_id, None);
}

#[test]
fn a_deal_whose_sentence_names_no_party_is_the_armed_side_last_named() {
    let events = en("Government forces surrounded the town of Kanaker on Monday. \
         On Tuesday a reconciliation agreement was reached in the town of Kanaker.");
    assert_eq!(single(&events, SubEventType::Agreement).actor1_id, Some(actor("SYR_GOV")));
}

#[test]
fn a_name_written_with_an_ayn_mark_before_its_capital_is_a_name() {
    let events = en("Demonstrations were held on Friday in the towns of ʿAmudah and ad‑Darbasiyah.");
    assert_eq!(mentions(&events), ["ʿAmudah", "ad‑Darbasiyah"], "{}", summary(&events));
}

#[test]
fn a_day_earlier_counts_from_the_day_the_report_is_telling_of() {
    // Published on Thursday the 30th: Tuesday is the 28th, and a day earlier the 27th, not
    // the day before publication.
    let events = en("On Tuesday, regime shelling hit the town of Kafr Nabl. \
         A day earlier, artillery shells hit the village of Has.");
    assert_day(at(&events, "Kafr Nabl"), day(2020, 1, 28));
    assert_day(at(&events, "Has"), day(2020, 1, 27));
}

#[test]
fn the_side_of_the_wounded_did_not_shell() {
    // The fighter's side is named before the deed, as a subject would be; the word for the
    // victim after it and the wounding before the shelling make it the side hit.
    let events = en("An SDF fighter was wounded on Monday by shelling on the village of Ain Issa.");
    let e = single(&events, SubEventType::Shelling);
    assert_ne!(e.actor1_id, Some(actor("SDF")), "{}", summary(&events));
}

#[test]
fn the_side_named_after_the_killing_still_struck() {
    // "troops were killed in Israeli strikes": the deed stands between the victims and the
    // name, which is the strikes' side.
    let events = en("At least six Syrian army troops were killed in Israeli strikes near Kisweh on Tuesday.");
    let e = single(&events, SubEventType::AirDroneStrike);
    assert_eq!(e.actor1_id, Some(actor("ISR")), "{}", summary(&events));
}

#[test]
fn occupation_forces_after_a_nationality_are_that_states() {
    let events = en("Turkish occupation forces shelled the village of Tal Jumaa near Tal Tamr on Monday.");
    let e = single(&events, SubEventType::Shelling);
    assert_eq!(e.actor1_id, Some(actor("TUR")), "{}", summary(&events));
}

#[test]
fn a_fronted_clause_shares_the_main_clauses_subject() {
    // The shelling's doer is named only after the comma, as the subject of the main clause.
    let events =
        en("After heavily shelling the village of Kafr Nabl on Monday, the Syrian army launched a ground assault.");
    let shelling = of_type(&events, SubEventType::Shelling);
    assert_eq!(shelling.len(), 1, "{}", summary(&events));
    assert_eq!(shelling[0].actor1_id, Some(actor("SYR_GOV")), "{}", summary(&events));
}

#[test]
fn the_side_of_the_means_a_deed_was_done_with_did_it() {
    // No side before the deed; the drone it was done with is Israel's.
    let events = en(
        "A man was killed on Friday when his house was targeted with an Israeli drone in the village of Beit Saber.",
    );
    let e = single(&events, SubEventType::AirDroneStrike);
    assert_eq!(e.actor1_id, Some(actor("ISR")), "{}", summary(&events));
}

#[test]
fn a_region_found_by_a_close_spelling_states_no_governorate() {
    // "Sheikh Barakat mountain" only resembles a village of Idlib: that guess must not send
    // the villages listed with it, spelled their own way, out of Aleppo's countryside where
    // the list's other village lies.
    let events = en("On Monday, HTS captured Sheikh Barakat mountain, Kafrantin, Bilinta and Makalbis after clashes with the Zenki movement.");
    for mention in ["Bilinta", "Makalbis"] {
        assert_town(at(&events, mention), "Aleppo");
    }
}

#[test]
fn the_side_a_report_blames_did_the_deeds_told_after_without_a_doer() {
    let events =
        en("The opposition blamed the regime for the massacre. Shelling hit the village of Kafr Nabl on Friday.");
    let e = single(&events, SubEventType::Shelling);
    assert_eq!(e.actor1_id, Some(actor("SYR_GOV")), "{}", summary(&events));
}

#[test]
fn fighting_a_place_has_seen_or_a_side_is_waging_is_background() {
    for text in [
        "Quneitra has seen heavy fighting between government forces and rebels.",
        "The SDF is battling ISIS for control of Raqqa.",
    ] {
        let events = en(text);
        assert!(of_type(&events, SubEventType::ArmedClash).is_empty(), "{text}: {}", summary(&events));
    }
    // Dated, the fighting is the day's news.
    let events = en("Quneitra has seen heavy fighting between government forces and rebels since Monday.");
    assert!(!of_type(&events, SubEventType::ArmedClash).is_empty(), "{}", summary(&events));
}

#[test]
fn an_actor_s_name_and_an_initial_are_no_places() {
    // "Hay’at" (with the hamza's apostrophe) is the first word of HTS's name; the "U" and "S"
    // of "U.S.-led" are initials.
    for text in [
        "Russian jets launched airstrikes on Kabani, which has served as the headquarters of Hay’at Tahrir al-Sham, on Monday.",
        "On Monday, U.S.-led coalition airstrikes hit Kabani, where ISIS fighters were based.",
    ] {
        let events = en(text);
        assert_eq!(mentions(&events), ["Kabani"], "{text}: {}", summary(&events));
    }
    // An initial is no site that keeps a dated sentence from the one town the report names.
    let events = en("Government forces shelled the city of Raqqa on Monday. \
         On Tuesday, militants clashed with the U.S-backed SDF before blowing themselves up.");
    let bombings = of_type(&events, SubEventType::SuicideBomb);
    assert_eq!(bombings.len(), 1, "{}", summary(&events));
    assert_eq!(bombings[0].mention, "Raqqa", "{}", summary(&events));
}

#[test]
fn weapons_seized_or_found_are_no_attack() {
    for text in [
        "Security forces seized weapons including rockets and mortar shells in the town of Saraqib on Tuesday.",
        "Troops found a cache of artillery shells in Saraqib on Tuesday.",
    ] {
        let events = en(text);
        assert!(of_type(&events, SubEventType::Shelling).is_empty(), "{text}: {}", summary(&events));
    }
}

#[test]
fn a_raid_into_a_place_is_on_the_ground() {
    let events = en("Israeli forces carried out a raid into the village of Khan Arnabah on Tuesday.");
    assert!(of_type(&events, SubEventType::AirDroneStrike).is_empty(), "{}", summary(&events));
}

#[test]
fn security_restored_to_towns_is_the_state_s_retaking() {
    // State media's formula for a retaking.
    let events = en("Army units restored security and stability to the town of Khan Shaykhun in Idlib on Tuesday.");
    let e = single(&events, SubEventType::GovernmentRegainsTerritory);
    assert_eq!(e.mention, "Khan Shaykhun");
    assert_eq!(e.actor1_id, Some(actor("SYR_GOV")));
}

#[test]
fn a_sentence_naming_no_governorate_goes_on_in_the_one_named_just_before() {
    // The article names Daraa most; the villages the army captured are in Hama, which the
    // sentence before them names.
    let events = en("Rebels shelled Daraa city in Daraa province on Monday. Clashes went on in Daraa province. \
         The army advanced in the northern countryside of Hama on Tuesday. \
         Regime forces captured the villages of Zour Jadidd and Tallet Beijo on Tuesday.");
    for village in ["Zour Jadidd", "Tallet Beijo"] {
        assert_eq!(at(&events, village).admin1.as_deref(), Some("Hama"), "{}", summary(&events));
    }
}

#[test]
fn places_joined_to_where_the_guns_stand_are_not_what_they_shelled() {
    let events = en("Regime artillery stationed in the town of Morek and the village of Souran shelled the town of Kafr Zita on Monday.");
    assert_eq!(mentions(&events), ["Kafr Zita"], "{}", summary(&events));
}

#[test]
fn where_the_guns_fired_from_their_positions_is_not_where_they_hit() {
    let events = en("Regime forces shelled the town of Kafr Zita from their positions in Halfaya on Monday.");
    assert_eq!(mentions(&events), ["Kafr Zita"], "{}", summary(&events));
}

#[test]
fn where_fire_came_from_the_direction_of_is_not_where_it_fell() {
    let events = en(
        "Army units clashed with militants who attacked the village of Maan from the direction of Souran on Monday.",
    );
    assert_eq!(mentions(&events), ["Maan"], "{}", summary(&events));
}

#[test]
fn a_group_romanised_with_the_article_assimilated_is_the_group() {
    let events = en("Jabhat an\u{2011}Nusrah fighters kidnapped three men in Saraqib on Monday.");
    let e = single(&events, SubEventType::Abduction);
    assert_eq!(e.mention, "Saraqib", "{}", summary(&events));
    assert_eq!(e.actor1_id, Some(actor("HTS")), "{}", summary(&events));
}

#[test]
fn fire_on_ground_a_side_holds_that_names_no_doer_is_its_enemys() {
    let events = en("Shells hit the rebel-held town of Douma on Monday, killing five people.");
    assert_eq!(single(&events, SubEventType::Shelling).actor1_id, Some(actor("SYR_GOV")), "{}", summary(&events));
    let events = en("Mortar shells landed on government-held neighbourhoods of Aleppo on Monday.");
    assert_eq!(single(&events, SubEventType::Shelling).actor1_id, Some(actor("OPP")), "{}", summary(&events));
}

#[test]
fn a_deed_dated_next_weekday_is_planned_not_done() {
    let events = en("The evacuation of civilians from Foua under the deal begins next Saturday.");
    assert!(events.is_empty(), "{}", summary(&events));
    // The coming day dates nothing else: the capture is Monday's.
    let events = en("Rebels took control of Saraqib on Monday, and talks are due next Saturday.");
    assert_day(single(&events, SubEventType::NonStateActorOvertakesTerritory), day(2020, 1, 27));
}

#[test]
fn the_battle_named_by_its_place_is_a_campaign_not_a_day_of_fighting() {
    let events = en("Hezbollah lost dozens of fighters in the battle of Qusayr.");
    assert!(of_type(&events, SubEventType::ArmedClash).is_empty(), "{}", summary(&events));
}

#[test]
fn places_each_after_its_own_in_are_each_a_place() {
    let events = en("On Monday, further shootouts occurred both in Saraqib and in Binnish.");
    assert_eq!(mentions(&events), ["Saraqib", "Binnish"], "{}", summary(&events));
    // A place in a place that a place is in only situates it.
    let events = en("A suicide bomber struck a camp in the village of Taqad in the Atarib district on Monday.");
    assert_eq!(mentions(&events), ["Taqad"], "{}", summary(&events));
}

#[test]
fn a_quarter_no_table_has_is_an_event_in_its_city() {
    let events =
        en("Regime forces shelled Aleppo on Monday, hitting the neighbourhood of al-Shaar al-Gharbi in Aleppo.");
    let e = single(&events, SubEventType::Shelling);
    assert_eq!(e.location, "Aleppo");
}

#[test]
fn a_quarter_no_table_has_is_in_the_city_the_report_told_of_last() {
    let events =
        en("Regime forces shelled the city of Homs on Monday. Regime tanks also shelled the neighbourhood of al-Shaar al-Gharbi on Monday.");
    let e = single(&events, SubEventType::Shelling);
    assert_eq!(e.location, "Homs");
}

#[test]
fn a_quarter_is_no_village_of_its_name_far_from_its_city() {
    // The tables' only Dweila is a village of Idlib; the quarter is in Damascus, whether the
    // noun that calls it one comes before the name or after it.
    for text in [
        "A suicide bomber blew himself up at a church in the Dweila neighborhood of Damascus on Sunday.",
        "A suicide bomber blew himself up at a church in the neighbourhood of Dweila in Damascus on Sunday.",
    ] {
        let events = en(text);
        let e = single(&events, SubEventType::SuicideBomb);
        assert_town(e, "Damascus");
    }
}

#[test]
fn a_place_noun_in_apposition_says_what_a_name_is() {
    // Neither name is in the tables: the noun after the comma makes each a place, as one
    // before it would ("the village of X"); the quarter is placed at its city.
    let events = en("Regime forces shelled Zawr Qabr, a village in the countryside of Hama, on Monday.");
    let e = single(&events, SubEventType::Shelling);
    assert_eq!((e.mention.as_str(), e.admin1.as_deref()), ("Zawr Qabr", Some("Hama")));
    let events = en("Regime shelling killed a civilian in Bab Hud, a neighbourhood of Homs, on Monday.");
    let e = single(&events, SubEventType::Shelling);
    assert_eq!(e.mention, "Bab Hud");
    assert_town(e, "Homs");
}

#[test]
fn protesters_who_storm_a_building_fight_no_clash() {
    let events = en("On Monday, protesters stormed the governorate building in the city of As-Suwayda.");
    assert!(of_type(&events, SubEventType::ArmedClash).is_empty(), "{}", summary(&events));
    assert_eq!(single(&events, SubEventType::PeacefulProtest).mention, "As-Suwayda");
}

#[test]
fn people_an_armed_sides_attack_displaced_fled_it() {
    let events = en("An ISIS attack on Hasaka has displaced 60,000 people, the United Nations said on Friday.");
    let fled: Vec<&str> = of_type(&events, SubEventType::Displacement).iter().map(|e| e.mention.as_str()).collect();
    assert_eq!(fled, ["Hasaka"], "{}", summary(&events));
    assert!(of_type(&events, SubEventType::NonViolentTransfer).is_empty(), "{}", summary(&events));
}

#[test]
fn a_bomb_terrorists_planted_has_no_identified_planter() {
    let events = en(
        "On Sunday, a roadside bomb planted by terrorist groups exploded near the town of Khabab, killing a soldier.",
    );
    assert_eq!(single(&events, SubEventType::RemoteExplosive).actor1_id, None, "{}", summary(&events));
}

#[test]
fn a_take_without_meeting_any_resistance_is_a_non_violent_transfer() {
    let events = en("On Wednesday the army took control of Kafr Zita without meeting any resistance.");
    assert_eq!(single(&events, SubEventType::NonViolentTransfer).mention, "Kafr Zita", "{}", summary(&events));
}

#[test]
fn places_a_list_word_introduces_after_a_long_object_are_taken() {
    let events = en(
        "On Wednesday the army took control of all the towns and small villages of the besieged northern pocket, including Kafr Zita and Latamneh.",
    );
    assert_eq!(mentions(&events), ["Kafr Zita", "Latamneh"], "{}", summary(&events));
}

#[test]
fn is_in_capitals_is_the_islamic_state_and_in_lower_case_a_verb() {
    let events = en("On Monday IS fighters retook the village of Abu Hamam, which is east of the Euphrates.");
    let e = single(&events, SubEventType::NonStateActorOvertakesTerritory);
    assert_eq!(e.actor1_id, Some(actor("ISIS")), "{}", summary(&events));
    let events = en("On Monday the army retook the village of Abu Hamam, which is east of the Euphrates.");
    assert_eq!(single(&events, SubEventType::GovernmentRegainsTerritory).actor1_id, Some(actor("SYR_GOV")));
}

#[test]
fn a_car_bomb_a_suicide_bomber_set_off_is_one_suicide_bombing() {
    let events = en("A suicide bomber killed four fighters on Monday when he detonated his car bomb at a checkpoint in the town of Manbij.");
    let e = single(&events, SubEventType::SuicideBomb);
    assert_eq!(e.mention, "Manbij", "{}", summary(&events));
    assert_eq!(e.fatalities, 4, "{}", summary(&events));
}

#[test]
fn a_takeover_of_a_town_is_a_take() {
    let events = en("Rebels announced on Sunday their takeover of the town of Nawa.");
    let e = single(&events, SubEventType::NonStateActorOvertakesTerritory);
    assert_eq!(e.mention, "Nawa", "{}", summary(&events));
}

#[test]
fn fighters_leaving_a_town_under_a_deal_is_an_agreement() {
    let events =
        en("Hundreds of fighters have begun leaving the town of Madaya under a deal with the government on Monday.");
    let e = single(&events, SubEventType::Agreement);
    assert_eq!(e.mention, "Madaya", "{}", summary(&events));
}

#[test]
fn the_first_party_of_a_deal_is_the_first_named_after_between() {
    let events = en("Rebels began leaving Daraya on Friday under a deal between the Syrian army and the rebels.");
    let e = single(&events, SubEventType::Agreement);
    assert_eq!(e.actor1_id, Some(actor("SYR_GOV")));
}

#[test]
fn a_capital_named_as_the_doer_of_a_passive_is_the_government_not_a_place() {
    let events = en("Kafranbel, shelled by Damascus for months, was shelled again on Tuesday.");
    assert_eq!(mentions(&events), ["Kafranbel"], "{}", summary(&events));
}

#[test]
fn a_deal_named_after_despite_is_the_background_of_the_deed() {
    let events = en("Government forces shelled Kafranbel on Tuesday despite the ceasefire.");
    assert!(of_type(&events, SubEventType::Agreement).is_empty(), "{}", summary(&events));
    assert_eq!(of_type(&events, SubEventType::Shelling).len(), 1, "{}", summary(&events));
}

#[test]
fn a_region_fire_came_from_is_no_place_it_struck() {
    let events = en(
        "Israeli warplanes fired missiles from the direction of the occupied Golan at targets in the Damascus countryside on Monday.",
    );
    assert_eq!(single(&events, SubEventType::AirDroneStrike).mention, "Damascus", "{}", summary(&events));
}

#[test]
fn an_attack_named_after_despite_is_the_background_of_the_deed() {
    let events = en("Rebels entered Kafranbel on Tuesday despite heavy shelling by the regime.");
    assert!(of_type(&events, SubEventType::Shelling).is_empty(), "{}", summary(&events));
}

#[test]
fn displaced_before_a_noun_of_people_names_people_displaced_before() {
    let events = en(
        "Around 170,000 displaced Kurds from Afrin are living in Tal Rifaat, where displaced families lack support.",
    );
    assert!(of_type(&events, SubEventType::Displacement).is_empty(), "{}", summary(&events));
    // Told as a deed, displacement is an event.
    let events = en("Thousands of civilians were displaced from Tal Rifaat on Monday.");
    assert_eq!(single(&events, SubEventType::Displacement).mention, "Tal Rifaat");
}

#[test]
fn the_period_of_an_initial_ends_no_clause() {
    let events = en("Rebels clashed with U.S.-backed forces in Kafranbel on Tuesday.");
    assert_eq!(single(&events, SubEventType::ArmedClash).mention, "Kafranbel", "{}", summary(&events));
}

#[test]
fn an_assault_that_meets_no_defender_is_no_clash() {
    let events = en("Militiamen stormed the village of Kafranbel on Tuesday.");
    assert!(of_type(&events, SubEventType::ArmedClash).is_empty(), "{}", summary(&events));
    // Posts or men of an armed side assailed, or killed in it, are the other side.
    for text in [
        "Gunmen attacked a checkpoint in Kafranbel on Tuesday.",
        "Thirteen soldiers were killed in an ambush in Kafranbel on Tuesday.",
    ] {
        let events = en(text);
        assert_eq!(single(&events, SubEventType::ArmedClash).mention, "Kafranbel", "{text}: {}", summary(&events));
    }
}

#[test]
fn a_deed_that_recurs_is_background() {
    let events = en("Regime warplanes carry out daily air strikes on Kafranbel.");
    assert!(of_type(&events, SubEventType::AirDroneStrike).is_empty(), "{}", summary(&events));
}

#[test]
fn a_deed_told_over_months_is_a_tally_and_a_weekday_dates_an_episode() {
    for text in [
        "Over the past two years, regime forces shelled the town of Saraqib.",
        "In recent months, Russian warplanes have struck the town of Kafranbel.",
    ] {
        let events = en(text);
        assert!(events.is_empty(), "{text}: {}", summary(&events));
    }
    let events = en("On Tuesday, Russian warplanes carried out the heaviest strikes in recent months on Kafranbel.");
    assert_day(single(&events, SubEventType::AirDroneStrike), day(2020, 1, 28));
}

#[test]
fn a_deed_told_as_going_on_since_a_month_or_more_back_is_background() {
    for text in [
        "Turkish-backed forces have held Ras al-Ain since October 2019, when they seized the town from the SDF.",
        "Idlib has been protected by a ceasefire since March 2019.",
    ] {
        let events = en(text);
        assert!(events.is_empty(), "{text}: {}", summary(&events));
    }
    let events = en("Rebels have since Monday captured the town of Saraqib.");
    assert_eq!(mentions(&events), ["Saraqib"], "{}", summary(&events));
}

#[test]
fn a_holy_month_and_an_institution_name_no_place() {
    for text in [
        "Syrian troops and rebels in Kafranbel agreed on Friday on a truce during the holy month of Ramadan.",
        "A media worker with the Civil Defense Center said a bomb exploded in Kafranbel on Tuesday.",
    ] {
        let events = en(text);
        assert_eq!(mentions(&events), ["Kafranbel"], "{text}: {}", summary(&events));
    }
}

#[test]
fn the_ruling_familys_name_before_its_forces_names_the_government() {
    for text in [
        "Three civilians were killed by the Assad shells in Kafranbel on Tuesday.",
        "Assad militias attacked rebel positions in Kafranbel on Tuesday.",
    ] {
        let events = en(text);
        assert!(!events.is_empty(), "{text}");
        assert!(events.iter().all(|e| e.actor1_id == Some(actor("SYR_GOV"))), "{text}: {}", summary(&events));
    }
}

#[test]
fn the_side_a_hedge_names_after_the_deed_is_its_likely_doer() {
    let events = en("Airstrikes believed to be Russian hit Kafranbel on Tuesday, killing two civilians.");
    assert_eq!(single(&events, SubEventType::AirDroneStrike).actor1_id, Some(actor("RUS")), "{}", summary(&events));
}

#[test]
fn fighting_after_which_a_town_was_taken_is_the_taking() {
    let events = en(
        "Government forces took control of the town of Morek on Tuesday after fierce clashes with rebels in the town.",
    );
    assert_eq!(single(&events, SubEventType::GovernmentRegainsTerritory).mention, "Morek", "{}", summary(&events));
    assert!(of_type(&events, SubEventType::ArmedClash).is_empty(), "{}", summary(&events));
}

#[test]
fn a_name_before_an_outlet_noun_is_the_outlet_not_a_town() {
    let events =
        en("A Turkish drone struck a car in the village of Himo on Tuesday, the local Hawar News Agency reported.");
    assert_eq!(mentions(&events), ["Himo"], "{}", summary(&events));
}

#[test]
fn a_deed_denied_just_before_it_did_not_happen() {
    for text in [
        "Government troops entered the town of Saraqib on Tuesday without any clashes with the rebels.",
        "The army denied shelling the town of Saraqib on Tuesday.",
    ] {
        let events = en(text);
        assert!(of_type(&events, SubEventType::ArmedClash).is_empty(), "{text}: {}", summary(&events));
        assert!(of_type(&events, SubEventType::Shelling).is_empty(), "{text}: {}", summary(&events));
    }
}

#[test]
fn what_a_protest_is_against_is_no_event_of_its_own() {
    let events = en("Medics held a protest in the town of Atarib on Wednesday against abductions of medical workers.");
    assert_eq!(single(&events, SubEventType::PeacefulProtest).mention, "Atarib", "{}", summary(&events));
}

#[test]
fn what_a_deal_is_meant_to_end_is_no_new_event() {
    let events = en("A ceasefire deal was agreed on Tuesday to end fighting in the town of Saraqib.");
    assert_eq!(single(&events, SubEventType::Agreement).mention, "Saraqib", "{}", summary(&events));
}

#[test]
fn what_a_side_has_been_trying_for_long_to_take_is_not_taken() {
    let events = en("Government forces have been trying for weeks to retake the town of Saraqib.");
    assert!(events.iter().all(|e| !e.sub_event_type.is_territorial()), "{}", summary(&events));
}

#[test]
fn an_assault_told_only_by_the_side_whose_men_it_killed_names_no_assailant() {
    // The dead are of the side the assault struck; who assailed them is untold, and no side
    // the report usually finds carrying out attacks stands in for it.
    for text in [
        "Three soldiers of the Syrian army were killed on Tuesday in an attack on a checkpoint in Kafranbel.",
        "Several Syrian regime officers were killed and injured on Tuesday in an attack on a checkpoint near Kafranbel.",
    ] {
        let events = en(text);
        let e = single(&events, SubEventType::ArmedClash);
        assert_eq!(e.actor1_id, None, "{text}: {}", summary(&events));
        assert_eq!(e.actor2_id, Some(actor("SYR_GOV")), "{text}: {}", summary(&events));
    }
}

#[test]
fn the_side_of_men_a_bomb_killed_did_not_plant_it() {
    // A description may stand between the dead and their side's name.
    let events = en("At least twelve members of the hardline Islamist group Hayat Tahrir al-Sham were killed on Monday when a car bomb exploded in Saraqib.");
    let e = single(&events, SubEventType::RemoteExplosive);
    assert_eq!(e.actor1_id, None, "{}", summary(&events));
}

#[test]
fn a_partner_in_a_deed_is_the_associate_of_its_doer() {
    let events = en("The SDF in cooperation with the US-led coalition arrested five men in Kafranbel on Tuesday.");
    let e = single(&events, SubEventType::Arrests);
    assert_eq!(e.actor1_id, Some(actor("SDF")), "{}", summary(&events));
}

#[test]
fn names_after_a_plural_noun_of_provinces_are_provinces() {
    let events = en("Government forces detained ten people in the provinces of Daraa and Damascus on Tuesday.");
    assert!(events.iter().all(|e| e.mention != "Damascus"), "{}", summary(&events));
}

#[test]
fn people_named_with_where_they_come_from_are_not_placed_there() {
    for (text, sub_event_type, place) in [
        (
            "About 80 people from the villages of Kafrnuran and Termanin took part in a demonstration in al-Atarib on Tuesday.",
            SubEventType::PeacefulProtest,
            "al-Atarib",
        ),
        ("Government forces killed three civilians from the town of Nawa in Tafas on Tuesday.", SubEventType::Attack, "Tafas"),
    ] {
        let events = en(text);
        assert_eq!(single(&events, sub_event_type).mention, place, "{text}: {}", summary(&events));
    }
}

#[test]
fn a_vehicle_seized_in_a_town_is_property_taken_not_the_town() {
    let events = en("Tahrir al-Sham gunmen seized a car belonging to a relief worker in Saraqib on Tuesday.");
    assert!(events.iter().all(|e| !e.sub_event_type.is_territorial()), "{}", summary(&events));
    assert_eq!(single(&events, SubEventType::Looting).mention, "Saraqib", "{}", summary(&events));
}

#[test]
fn a_facility_named_after_its_town_is_placed_at_the_town() {
    // A facility's noun written with a capital ends the town's name, as a region word does.
    let events = en("Syrian air defences shot down two drones over the Hama Military Airport on Tuesday.");
    assert_eq!(single(&events, SubEventType::DisruptedWeaponsUse).mention, "Hama", "{}", summary(&events));
}

#[test]
fn a_speaker_named_before_a_verb_of_telling_is_no_place() {
    // "Abu Ammar" is a village's name too: told as the speaker, it is a person.
    let events = en("“Warplanes bombed the market all night,” Abu Ammar tells Syria Direct.");
    assert!(events.is_empty(), "{}", summary(&events));
}

#[test]
fn bombs_found_or_seized_are_arms_not_a_bombing() {
    let events = en("Syrian troops discovered a car bomb workshop in the town of Yabroud on Tuesday.");
    assert!(events.is_empty(), "{}", summary(&events));
    let events = en("A car bomb exploded in the town of Yabroud on Tuesday.");
    assert_eq!(single(&events, SubEventType::RemoteExplosive).mention, "Yabroud");
}

#[test]
fn bringing_down_an_aircraft_is_a_disrupted_weapon_use_and_its_missile_the_means() {
    // The verb and the aircraft make the event with words between them; the missile it was
    // brought down with is its means, no attack of its own.
    let events = en("Rebels brought down an army helicopter on Tuesday with a guided missile near Saraqib.");
    let downed = single(&events, SubEventType::DisruptedWeaponsUse);
    assert_eq!(downed.mention, "Saraqib", "{}", summary(&events));
    assert_eq!(events.len(), 1, "{}", summary(&events));
    // The verb alone tells no downing.
    let fallen = en("Rebels brought down the statue of the former president in Saraqib on Tuesday.");
    assert!(of_type(&fallen, SubEventType::DisruptedWeaponsUse).is_empty(), "{}", summary(&fallen));
}

#[test]
fn a_name_alone_in_a_bracket_tells_whose_forces_words_of_any_side_name() {
    // "the internal security forces (Asayish)": the bracket names the forces again, and
    // tells whose they are.
    let events = en("Clashes broke out on Tuesday in Qamishli between the internal security forces (Asayish) and the National Defence Forces.");
    let e = single(&events, SubEventType::ArmedClash);
    assert_eq!(e.actor1_id, Some(actor("SDF")), "{}", summary(&events));
}

#[test]
fn the_town_with_adjectives_before_its_noun_refers_back_to_the_last_named() {
    // "The besieged northern town" refers back as "the town" does; "the other town" is
    // another one.
    let events =
        en("Jets struck the town of Saraqib on Tuesday. On Thursday, shelling hit the besieged northern town.");
    assert_eq!(
        of_type(&events, SubEventType::Shelling).iter().map(|e| e.mention.as_str()).collect::<Vec<_>>(),
        ["Saraqib"],
        "{}",
        summary(&events)
    );
    let other = en("Jets struck the town of Saraqib on Tuesday. On Thursday, shelling hit the other town.");
    assert!(of_type(&other, SubEventType::Shelling).is_empty(), "{}", summary(&other));
}

#[test]
fn a_region_named_after_a_village_does_not_say_which_village_it_is() {
    // "The Aqraba area": Aqraba is a village of Aleppo and one of Rif Dimashq; the area's
    // name cannot situate itself, and "southeast of Damascus" puts it by the capital.
    let events = en("Israeli strikes hit Iranian positions in the Aqraba area, southeast of Damascus, on Tuesday.");
    let strike = single(&events, SubEventType::AirDroneStrike);
    assert_eq!(strike.admin1.as_deref(), Some("Rif Dimashq"), "{}", summary(&events));
}

#[test]
fn a_participle_before_a_noun_qualifies_it_and_tells_no_deed() {
    // "The downed drone", "a kidnapped man": the deed is one told before or taken as known;
    // the same verb telling the deed is an event.
    for text in [
        "The report said the downed drone belonged to a rebel faction active in Saraqib.",
        "On Monday, rebels released a kidnapped man in Saraqib.",
    ] {
        let events = en(text);
        assert!(
            of_type(&events, SubEventType::DisruptedWeaponsUse).is_empty()
                && of_type(&events, SubEventType::Abduction).is_empty(),
            "{text}: {}",
            summary(&events)
        );
    }
    let told = en("On Monday, gunmen kidnapped a man in Saraqib.");
    assert_eq!(single(&told, SubEventType::Abduction).mention, "Saraqib", "{}", summary(&told));
}

#[test]
fn a_governorate_named_with_its_word_after_a_place_near_which_is_the_region() {
    // "A village near Ras al-Ain, Hasakah province": the bombing was by Ras al-Ain, in the
    // province; the province's seat is no second place near which it happened.
    let events = en("A car bomb hit a village near Ras al-Ain, Hasakah province, on Tuesday.");
    let bombing = single(&events, SubEventType::RemoteExplosive);
    assert_eq!(bombing.mention, "Ras al-Ain", "{}", summary(&events));
}

#[test]
fn an_assault_that_took_the_place_is_its_taking() {
    for text in [
        "Rebels launched an assault on Kafranbel on Tuesday and took control of the town.",
        "Rebels attacked army positions in Kafranbel on Tuesday. Hours later they took control of Kafranbel.",
    ] {
        let events = en(text);
        let e = single(&events, SubEventType::NonStateActorOvertakesTerritory);
        assert_eq!(e.mention, "Kafranbel");
        assert_eq!(events.len(), 1, "{text}: {}", summary(&events));
    }
}

#[test]
fn the_items_of_a_list_of_places_are_neighbours() {
    // Khalidiya names villages across the country: the one listed with Khan Touman is the
    // one by Khan Touman, whichever comes first.
    for text in [
        "Rebels captured the villages of Khalidiya and Khan Touman on Friday.",
        "Rebels captured the villages of Khan Touman and Khalidiya on Friday.",
    ] {
        let events = en(text);
        let takes = of_type(&events, SubEventType::NonStateActorOvertakesTerritory);
        assert_eq!(takes.len(), 2, "{text}: {}", summary(&events));
        let point = |e: &Event| (e.latitude.unwrap_or_default(), e.longitude.unwrap_or_default());
        let km = frontline_gazetteer::distance_km(point(takes[0]), point(takes[1]));
        assert!(km < 10.0, "{text}: the two villages lie {km:.0} km apart: {}", summary(&events));
    }
}

#[test]
fn last_weekday_in_a_report_of_that_weekday_is_a_week_before() {
    // Published on Thursday 30 January: "Thursday" is that day, "last Thursday" the 23rd.
    let events = en("Regime warplanes bombed the town of Kafranbel last Thursday.");
    assert_eq!(single(&events, SubEventType::AirDroneStrike).date_start, Some(day(2020, 1, 23)));
    let events = en("Regime warplanes bombed the town of Kafranbel on Thursday.");
    assert_eq!(single(&events, SubEventType::AirDroneStrike).date_start, Some(day(2020, 1, 30)));
    let events = en("Regime warplanes bombed the town of Kafranbel last Tuesday.");
    assert_eq!(single(&events, SubEventType::AirDroneStrike).date_start, Some(day(2020, 1, 28)));
}

#[test]
fn the_town_that_situates_a_village_is_the_one_in_the_named_governorate() {
    // Two villages are called al-Hara, in Latakia and in Daraa: "in the Daraa countryside"
    // says which one the unknown village stands by.
    let events = en("Regime forces shelled the village of Qurnafa, near al-Hara in the Daraa countryside, on Tuesday.");
    let e = single(&events, SubEventType::Shelling);
    assert_eq!((e.location.as_str(), e.geo_precision, e.admin1.as_deref()), ("Qurnafa", 2, Some("Daraa")));
    assert!(e.latitude.is_some_and(|lat| lat < 33.5), "{:?}", (e.latitude, e.longitude));
}

#[test]
fn an_aircraft_brought_down_in_the_passive_is_a_disrupted_weapon() {
    let events = en(
        "A drone carrying explosives was brought down by the Syrian army near the town of Khan Sheikhoun on Tuesday.",
    );
    let e = single(&events, SubEventType::DisruptedWeaponsUse);
    assert_eq!((e.actor1_id, e.date_start), (Some(actor("SYR_GOV")), Some(day(2020, 1, 28))));
}

#[test]
fn a_village_by_a_named_governorates_seat_is_across_its_border() {
    // Um Walad is Daraa's, a few kilometres west of Sweida: "west of Sweida" names it by the
    // seat across the border, not a namesake in Sweida's governorate.
    let events = en("Regime forces shelled the village of Um Walad, west of Sweida, on Tuesday.");
    assert_town(single(&events, SubEventType::Shelling), "Daraa");
}

#[test]
fn each_deed_of_a_sentence_of_regions_is_in_its_own_region() {
    let events =
        en("Russian jets bombed the southern Idlib countryside on Tuesday, while regime forces shot down a drone in the Latakia countryside.");
    assert_eq!(events.len(), 2, "{}", summary(&events));
    assert_eq!(of_type(&events, SubEventType::AirDroneStrike)[0].admin1.as_deref(), Some("Idlib"));
    assert_eq!(of_type(&events, SubEventType::DisruptedWeaponsUse)[0].admin1.as_deref(), Some("Latakia"));
}

#[test]
fn a_truce_watched_kept_or_discussed_is_no_agreement_made() {
    for text in [
        "United Nations observers arrived in Homs on Tuesday to monitor the ceasefire.",
        "Russian officers met rebel leaders in Daraa on Tuesday to shore up the truce.",
        "The army and the rebels were discussing a ceasefire in Douma on Tuesday.",
    ] {
        let events = en(text);
        assert!(of_type(&events, SubEventType::Agreement).is_empty(), "{text}: {}", summary(&events));
    }
    // The deal itself, reached, is one.
    let events = en("The army and the rebels reached a ceasefire agreement in Douma on Tuesday.");
    assert_eq!(of_type(&events, SubEventType::Agreement).len(), 1, "{}", summary(&events));
}

#[test]
fn what_a_report_dates_last_month_is_background() {
    // Published on 30 January: "last month" is December, before the news window.
    assert!(en("Regime forces arrested 15 young men in Daraa last month.").is_empty());
    assert_eq!(en("Regime forces arrested 15 young men in Daraa on Tuesday.").len(), 1);
}

#[test]
fn a_governorate_goods_were_heading_to_does_not_situate_the_ambush_on_the_way() {
    // Daraa and Suwayda each have a Jidya.
    let events =
        en("Authorities in Daraa province said gunmen abducted the drivers of trucks carrying fuel to Suwayda \
                     province near the village of Jidya on Tuesday.");
    let e = single(&events, SubEventType::Abduction);
    assert_eq!(e.mention, "Jidya");
    assert_eq!(e.admin1.as_deref(), Some("Daraa"), "{}", summary(&events));
}

#[test]
fn a_name_in_a_bracket_after_a_place_is_the_same_place() {
    let events = en("A Turkish drone struck a car on Tuesday in the town of Qamishlo (Qamishli).");
    let e = single(&events, SubEventType::AirDroneStrike);
    assert_town(e, "Al-Hasakah");
    // A governorate in the bracket situates the place: Daraa's Jidya, not Suwayda's.
    let events = en("Gunmen abducted two men on Tuesday in the village of Jidya (Daraa).");
    assert_eq!(single(&events, SubEventType::Abduction).admin1.as_deref(), Some("Daraa"), "{}", summary(&events));
}

#[test]
fn an_article_written_as_its_vowel_alone_is_an_article() {
    // "e-Zor": the article before a sun letter, as some outlets write it.
    let events =
        en("Gunmen abducted two men on Tuesday in the village of al-Dahla in the eastern Deir e-Zor countryside.");
    let e = single(&events, SubEventType::Abduction);
    assert_eq!(e.admin1.as_deref(), Some("Deir ez-Zor"), "{}", summary(&events));
    assert!(e.pcode.is_some(), "al-Dahla is Dahleh: {}", summary(&events));
}

#[test]
fn a_colon_or_a_dash_introduces_the_places_taken_in_a_region() {
    for text in [
        "The army retook three villages in the Jabal al-Akrad region on Tuesday: Kinsabba, Shalaf and Kabani.",
        "The army retook three villages in the Jabal al-Akrad region on Tuesday—Kinsabba, Shalaf and Kabani.",
    ] {
        let events = en(text);
        assert_eq!(mentions(&events), ["Kinsabba", "Shalaf", "Kabani"], "{text}");
    }
}

#[test]
fn a_name_the_report_shows_to_be_a_persons_is_no_place_anywhere_in_it() {
    // "Omar" is also a village's name, in Aleppo.
    let events =
        en("Omar lost two brothers on Tuesday when a shell struck their house in al-Dahla, in the Deir ez-Zor \
                     countryside. \"We buried them at night,\" Omar said.");
    let e = single(&events, SubEventType::Shelling);
    assert_ne!(e.mention, "Omar");
    assert_eq!(e.admin1.as_deref(), Some("Deir ez-Zor"));
}

#[test]
fn the_authorities_unqualified_are_the_state_and_qualified_their_own_side() {
    for (text, side) in [
        ("The authorities detained dozens of young men in the town of Jableh on Sunday.", "SYR_GOV"),
        ("Kurdish authorities arrested dozens of young men in the town of Amuda on Sunday.", "SDF"),
        ("Turkish authorities arrested dozens of young men in the town of Ras al-Ain on Sunday.", "TUR"),
    ] {
        let events = en(text);
        let e = single(&events, SubEventType::Arrests);
        assert_eq!(e.actor1_id, Some(actor(side)), "{text}: {}", summary(&events));
    }
}

#[test]
fn fighting_told_since_a_year_is_the_war_at_large_not_an_event() {
    let events = en("Tartus had largely escaped the fighting that has ravaged the country since 2012.");
    assert!(events.is_empty(), "{}", summary(&events));
}

#[test]
fn gunmen_the_text_does_not_name_are_no_ones_actor_and_take_no_ground() {
    // "Gunmen", bare: a doer the report does not know (actor1 null), not the side of the
    // sentence before, whose checkpoint they attack.
    let events =
        en("Regime forces shelled Saraqib on Sunday. On Monday gunmen attacked an army checkpoint in Kafr Zeita.");
    let e = at(&events, "Kafr Zeita");
    assert_eq!((e.sub_event_type, e.actor1_id), (SubEventType::ArmedClash, None), "{}", summary(&events));
    // Tied to a side named after them, they are that side's.
    let events = en("Gunmen loyal to the regime shot dead two men in Kafr Zeita on Monday.");
    let e = single(&events, SubEventType::Attack);
    assert_eq!(e.actor1_id, Some(actor("SYR_GOV")), "{}", summary(&events));
    // Entering a village is no change of hands when nobody knows whose men they were.
    let events = en("Gunmen entered the village of Kafr Zeita on Monday and kidnapped twenty women.");
    let e = single(&events, SubEventType::Abduction);
    assert_eq!((e.mention.as_str(), e.actor1_id), ("Kafr Zeita", None), "{}", summary(&events));
}

#[test]
fn an_air_force_striking_a_village_is_an_air_strike_there() {
    // The participle of "struck" targets as the verb does; the force written as one word
    // ("airforce") tells the means.
    let events = en("Warplanes killed nine people on Monday, striking the town of Saraqib.");
    assert_eq!(single(&events, SubEventType::AirDroneStrike).mention, "Saraqib");
    let events = en("The Turkish airforce struck the village of Tal Rifaat on Monday, killing four civilians.");
    let e = single(&events, SubEventType::AirDroneStrike);
    assert_eq!((e.mention.as_str(), e.actor1_id), ("Tal Rifaat", Some(actor("TUR"))));
}

#[test]
fn the_side_a_place_is_handed_over_to_gains_it() {
    // The mark of the ayn starts the name's words; the side after "to" is who took over.
    let events = en("Kurdish fighters handed over the town of ‘Ayn ‘Issa to the Syrian army on Sunday.");
    let e = single(&events, SubEventType::NonViolentTransfer);
    assert_eq!((e.mention.as_str(), e.actor1_id), ("‘Ayn ‘Issa", Some(actor("SYR_GOV"))));
    assert_control(e, "SYR_GOV", Some("SDF"), Extent::Full);
    // With no side named to receive it, the side that withdrew is the actor.
    let events = en("Kurdish fighters withdrew from the town of Manbij on Sunday.");
    assert_eq!(single(&events, SubEventType::NonViolentTransfer).actor1_id, Some(actor("SDF")));
}

#[test]
fn gunmen_opening_fire_in_a_village_attack_it() {
    // "opened fire" with no "on" after it still tells a shooting, at the place it names.
    let events = en("Unknown gunmen on a motorcycle opened fire in the village of Kafr Zeita on Monday.");
    let e = single(&events, SubEventType::Attack);
    assert_eq!((e.mention.as_str(), e.actor1_id), ("Kafr Zeita", None), "{}", summary(&events));
}

#[test]
fn a_suicide_bomber_who_opens_fire_first_is_one_suicide_bombing() {
    let events = en(
        "A suicide bomber opened fire inside a church in Homs on Sunday before blowing himself up, killing 15 people.",
    );
    let e = single(&events, SubEventType::SuicideBomb);
    assert_eq!((e.mention.as_str(), e.fatalities), ("Homs", 15), "{}", summary(&events));
}

#[test]
fn a_deal_a_deed_was_done_under_is_no_event_of_its_own_unless_people_leave_under_it() {
    let events =
        en("Regime forces withdrew from the village of Umm al-Mayadhin on Tuesday under a reconciliation agreement.");
    let e = single(&events, SubEventType::NonViolentTransfer);
    assert_eq!(e.mention, "Umm al-Mayadhin");
    // Fighters leaving under it are the deal taking effect.
    let events = en("Hundreds of rebels left the district of al-Waer on Wednesday under a ceasefire agreement.");
    assert!(!of_type(&events, SubEventType::Agreement).is_empty(), "{}", summary(&events));
}

#[test]
fn fire_named_as_what_backed_an_assault_is_no_bombardment_of_its_own() {
    let events =
        en("Rebel factions, backed by heavy artillery and air strikes, captured the village of Kafr Zeita on Monday.");
    let e = single(&events, SubEventType::NonStateActorOvertakesTerritory);
    assert_eq!(e.mention, "Kafr Zeita");
    // Fire told beside an air raid, with no assault, is fire of its own.
    let events = en(
        "Warplanes launched air raids on the town of Talbiseh on Monday, in conjunction with artillery shelling targeting it.",
    );
    assert_eq!(of_type(&events, SubEventType::Shelling).len(), 1, "{}", summary(&events));
}

#[test]
fn took_takes_a_place_unless_it_took_place_there() {
    let events = en("Islamic State fighters took the village of Kafr Zeita on Monday.");
    let e = single(&events, SubEventType::NonStateActorOvertakesTerritory);
    assert_eq!((e.mention.as_str(), e.actor1_id), ("Kafr Zeita", Some(actor("ISIS"))));
    let events = en("A protest took place in the town of Kafr Zeita on Monday.");
    assert_eq!(single(&events, SubEventType::PeacefulProtest).mention, "Kafr Zeita");
}

#[test]
fn the_centre_of_a_city_that_shares_its_governorates_name_is_the_city() {
    let events =
        en("Syrian rebel forces announced on Saturday that they have seized control of a prison in central Homs.");
    let e = single(&events, SubEventType::NonStateActorOvertakesTerritory);
    assert_eq!(e.mention, "Homs");
    assert_town(e, "Homs");
}

#[test]
fn what_happens_on_a_road_between_two_towns_is_placed_at_the_first() {
    let events = en(
        "Unknown gunmen abducted a doctor on Wednesday on the road between Taqad and Bilanta in western rural Aleppo.",
    );
    let e = single(&events, SubEventType::Abduction);
    assert_eq!(e.mention, "Taqad");
    assert_eq!(e.admin1.as_deref(), Some("Aleppo"));
}

#[test]
fn a_quarter_named_alone_is_placed_at_its_city() {
    let events = en("Regime forces shelled Baba Amr on Tuesday.");
    let e = single(&events, SubEventType::Shelling);
    assert_eq!((e.mention.as_str(), e.location.as_str()), ("Baba Amr", "Homs"));
    assert_town(e, "Homs");
}

#[test]
fn a_quarter_and_its_city_are_one_town_of_the_report() {
    // The one town the report has named is the news of a sentence that names no place, though
    // the report names it once by a quarter of it.
    let events = en("Rebels shelled Ramouseh in Aleppo on Saturday, the army said.\n\nA shell fell near an army checkpoint on Sunday.");
    let shelling = of_type(&events, SubEventType::Shelling);
    assert_eq!(shelling.len(), 2, "{}", summary(&events));
    assert!(shelling.iter().all(|e| e.admin1.as_deref() == Some("Aleppo")), "{}", summary(&events));
}
