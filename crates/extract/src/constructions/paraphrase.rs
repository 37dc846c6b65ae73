//! The same facts written five ways, in English and in French: the active sentence, the
//! passive, the place fronted, the actor named in the sentence before, and a hard-wrapped
//! line. Each way must give the same events (type, place, actor1, day).

use super::*;

/// What must come out of each wording: (sub-event type, place, actor1, day).
type Fact = (SubEventType, &'static str, &'static str, NaiveDate);

/// One fact and its five wordings in one language.
struct Paraphrases {
    language: &'static str,
    fact: Fact,
    ways: [&'static str; 5],
}

fn table() -> Vec<Paraphrases> {
    let regain = (SubEventType::GovernmentRegainsTerritory, "Sarāqib", "SYR_GOV", day(2020, 1, 28));
    let strike = (SubEventType::AirDroneStrike, "Kafranbel", "RUS", day(2020, 1, 27));
    let clash = (SubEventType::ArmedClash, "Sarmīn", "SYR_GOV", day(2020, 1, 29));
    vec![
        Paraphrases {
            language: "en",
            fact: regain,
            ways: [
                "Syrian government forces recaptured the town of Saraqib on Tuesday.",
                "The town of Saraqib was recaptured by Syrian government forces on Tuesday.",
                "In Saraqib, Syrian government forces regained control of the town on Tuesday.",
                "Syrian government forces pressed their offensive in Idlib province. On Tuesday they recaptured the town of Saraqib.",
                "Syrian government forces recaptured the town\nof Saraqib on Tuesday, a war monitor said.",
            ],
        },
        Paraphrases {
            language: "en",
            fact: strike,
            ways: [
                "Russian warplanes struck the village of Kafr Nabl on Monday.",
                "The village of Kafr Nabl was struck by Russian warplanes on Monday.",
                "In Kafr Nabl, Russian warplanes carried out air strikes on Monday.",
                "Russian warplanes were seen over southern Idlib. On Monday they struck the village of Kafr Nabl.",
                "Russian warplanes struck the\nvillage of Kafr Nabl on Monday, rescuers said.",
            ],
        },
        Paraphrases {
            language: "en",
            fact: clash,
            ways: [
                "Syrian government forces clashed with rebels in Sarmin yesterday.",
                "Clashes broke out yesterday in Sarmin between Syrian government forces and rebels.",
                "In Sarmin, Syrian government forces clashed with rebels yesterday.",
                "Syrian government forces moved east overnight. Yesterday they clashed with rebels in Sarmin.",
                "Syrian government forces clashed with\nrebels in Sarmin yesterday, activists said.",
            ],
        },
        Paraphrases {
            language: "fr",
            fact: regain,
            ways: [
                "Les forces gouvernementales syriennes ont repris la ville de Saraqeb mardi.",
                "La ville de Saraqeb a été reprise par les forces gouvernementales syriennes mardi.",
                "À Saraqeb, les forces gouvernementales syriennes ont repris le contrôle de la ville mardi.",
                "Les forces gouvernementales syriennes poursuivent leur offensive dans la province d'Idleb. Mardi, elles ont repris la ville de Saraqeb.",
                "Les forces gouvernementales syriennes ont repris la\nville de Saraqeb mardi, selon une ONG.",
            ],
        },
        Paraphrases {
            language: "fr",
            fact: strike,
            ways: [
                "L'aviation russe a frappé le village de Kafr Nabl lundi.",
                "Le village de Kafr Nabl a été frappé par l'aviation russe lundi.",
                "À Kafr Nabl, l'aviation russe a mené des frappes aériennes lundi.",
                "L'aviation russe a survolé le sud d'Idleb. Lundi, elle a frappé le village de Kafr Nabl.",
                "L'aviation russe a frappé le\nvillage de Kafr Nabl lundi, selon les secouristes.",
            ],
        },
        Paraphrases {
            language: "fr",
            fact: clash,
            ways: [
                "Les forces gouvernementales syriennes se sont affrontées hier avec les rebelles à Sarmin.",
                "Des affrontements ont opposé hier à Sarmin les forces gouvernementales syriennes aux rebelles.",
                "À Sarmin, les forces gouvernementales syriennes se sont affrontées hier avec les rebelles.",
                "Les forces gouvernementales syriennes ont avancé vers l'est. Hier, elles se sont affrontées avec les rebelles à Sarmin.",
                "Les forces gouvernementales syriennes se sont affrontées\nhier avec les rebelles à Sarmin, selon des militants.",
            ],
        },
    ]
}

fn facts_of(events: &[Event]) -> Vec<(SubEventType, String, Option<ActorId>, Option<NaiveDate>)> {
    let mut facts: Vec<_> =
        events.iter().map(|e| (e.sub_event_type, e.location.clone(), e.actor1_id, e.event_date)).collect();
    facts.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    facts
}

#[test]
fn the_same_facts_written_five_ways_give_the_same_events() {
    let mut failures = Vec::new();
    for case in table() {
        let (sub, place, actor1, date) = case.fact;
        let expected = facts_of(&read(case.language, published(), case.ways[0]));
        let wanted = (sub, actor(actor1), date);
        let first_ok = expected.len() == 1
            && (expected[0].0, expected[0].2, expected[0].3) == (wanted.0, Some(wanted.1), Some(wanted.2))
            && expected[0].1 == place;
        if !first_ok {
            failures.push(format!("{} {place}: the active sentence gives {expected:?}", case.language));
        }
        for way in &case.ways[1..] {
            let got = facts_of(&read(case.language, published(), way));
            if got != expected {
                failures.push(format!("{} {way:?}: {got:?}, not {expected:?}", case.language));
            }
        }
    }
    assert!(failures.is_empty(), "{} wordings differ:\n{}", failures.len(), failures.join("\n"));
}
