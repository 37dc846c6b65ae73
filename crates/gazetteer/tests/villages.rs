//! The default gazetteer against OCHA's table of Syrian communities, read from ../shared
//! where it lies: every community with coordinates and an English name the table holds
//! once must resolve by that name to within 3 km of its point, and by its Arabic name where
//! the table gives one.

use std::collections::HashMap;
use std::path::PathBuf;

use frontline_gazetteer::{distance_km, read_communities, Context, Gazetteer, GazetteerBuilder};

const WITHIN_KM: f64 = 3.0;

struct Community {
    pcode: String,
    name_en: String,
    name_ar: String,
    point: (f64, f64),
}

fn shared_communities() -> Vec<Community> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ocha-syria/syr_communities.csv");
    let mut reader = csv::Reader::from_path(&path)
        .unwrap_or_else(|e| panic!("{} must lie beside the repository: {e}", path.display()));
    let headers = reader.headers().expect("a header").clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap_or_else(|| panic!("column {name}"));
    let (pcode, name_en, name_ar, lat, lon) =
        (column("pcode"), column("name_en"), column("name_ar"), column("lat"), column("lon"));
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.expect("a CSV row");
        let number = |c: usize| record.get(c).and_then(|v| v.trim().parse::<f64>().ok());
        rows.push(Community {
            pcode: record[pcode].to_string(),
            name_en: record[name_en].trim().to_string(),
            name_ar: record[name_ar].trim().to_string(),
            point: match (number(lat), number(lon)) {
                (Some(a), Some(b)) => (a, b),
                _ => (f64::NAN, f64::NAN),
            },
        });
    }
    rows
}

/// The communities with a point whose English name the whole table holds once.
fn unique_named(rows: &[Community]) -> Vec<&Community> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for row in rows {
        *counts.entry(row.name_en.as_str()).or_default() += 1;
    }
    rows.iter().filter(|r| r.point.0.is_finite() && counts[r.name_en.as_str()] == 1).collect()
}

/// The share of communities that `name` resolves to within 3 km, and a few that did not.
fn share(gazetteer: &Gazetteer, rows: &[&Community], name: impl Fn(&Community) -> &str) -> (f64, Vec<String>) {
    let syria = Context { country: Some("SY".into()), ..Context::default() };
    let mut hits = 0;
    let mut misses = Vec::new();
    for row in rows {
        let place = gazetteer.resolve_place(name(row), &syria);
        match place.map(|p| distance_km(row.point, (p.latitude, p.longitude))) {
            Some(km) if km <= WITHIN_KM => hits += 1,
            other => misses.push(format!(
                "{} {} → {}",
                row.pcode,
                name(row),
                match (place, other) {
                    (Some(p), Some(km)) => format!("{} ({}) {km:.0} km off", p.name, p.admin1),
                    _ => "unresolved".into(),
                }
            )),
        }
    }
    (hits as f64 / rows.len().max(1) as f64, misses)
}

#[test]
fn every_unique_community_resolves_by_its_english_and_arabic_names() {
    let rows = shared_communities();
    assert_eq!(rows.len(), 7980, "the shared OCHA table");
    let unique = unique_named(&rows);
    let gazetteer = Gazetteer::builtin();
    let (english, misses) = share(&gazetteer, &unique, |r| &r.name_en);
    println!("English names: {:.1} % of {} communities within {WITHIN_KM} km", english * 100.0, unique.len());
    println!("  e.g. {:?}", &misses[..misses.len().min(15)]);
    let with_arabic: Vec<&Community> = unique.iter().copied().filter(|r| !r.name_ar.is_empty()).collect();
    let (arabic, misses) = share(&gazetteer, &with_arabic, |r| &r.name_ar);
    println!("Arabic names: {:.1} % of {} communities within {WITHIN_KM} km", arabic * 100.0, with_arabic.len());
    println!("  e.g. {:?}", &misses[..misses.len().min(15)]);
    assert!(english >= 0.95, "English share {english:.3}");
    assert!(arabic >= 0.90, "Arabic share {arabic:.3}");
}

fn is_arabic_script(name: &str) -> bool {
    name.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// Where no Arabic name is known, an Arabic mention still meets the Latin names by their
/// consonants: the OCHA communities with their Arabic names taken away, looked up by them.
#[test]
fn arabic_names_meet_latin_only_villages_by_their_consonants() {
    let rows = shared_communities();
    let unique = unique_named(&rows);
    let with_arabic: Vec<&Community> = unique.iter().copied().filter(|r| !r.name_ar.is_empty()).collect();
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ocha-syria/syr_communities.csv");
    let file = std::fs::File::open(&path).expect("the shared OCHA table");
    let mut places = read_communities(file, "syr_communities.csv").expect("the table reads");
    for place in &mut places {
        place.alternate_names.retain(|n| !is_arabic_script(n));
        place.geonameid = None;
    }
    let mut builder = GazetteerBuilder::new();
    builder.add_places(places);
    let latin_only = builder.build();
    let (share, misses) = share(&latin_only, &with_arabic, |r| &r.name_ar);
    println!(
        "Arabic names against Latin names only: {:.1} % of {} communities within {WITHIN_KM} km",
        share * 100.0,
        with_arabic.len()
    );
    println!("  e.g. {:?}", &misses[..misses.len().min(10)]);
    assert!(share >= 0.5, "consonant share {share:.3}");
}
