//! What the benchmarks and the `frontline-bench` binary share: the seed articles of the
//! shared corpus, a generator of new articles from them (places, numbers and dates varied,
//! seeded), and readings of the process's memory and CPU time.
//!
//! The generator keeps each seed as a template: the spans of its place names (the ones
//! frontline itself spots as sites, regions and landmarks, not countries or people) and of
//! its numbers. A generated article is a template with every place replaced by a Syrian
//! place name from GeoNames (the same name for the same place within the article), every
//! number redrawn in its range (days of the month, counts, years) and a new publication
//! date, so relative dates ("mardi", "yesterday") resolve to other days too.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use frontline_core::Article;
use frontline_extract::{Extraction, Extractor};
use frontline_gazetteer::{Context, LoadReport};
use frontline_ingest::{IngestOptions, Outcome};
use frontline_lang::Packs;
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error("{path}: {message}")]
    Input { path: PathBuf, message: String },
    #[error("built-in language packs: {0}")]
    Packs(String),
    #[error("gazetteer: {0}")]
    Gazetteer(String),
}

/// `../shared` beside the repository, as the tests and the corpus expect it.
pub fn default_shared_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// The extraction engine as the command line builds it: built-in packs, and the built-in
/// gazetteer from its index cached on disk (built and cached on first use).
pub fn extractor() -> Result<Extractor, BenchError> {
    Ok(extractor_with_report()?.0)
}

/// [`extractor`], with how the gazetteer was loaded.
pub fn extractor_with_report() -> Result<(Extractor, LoadReport), BenchError> {
    let packs = Packs::builtin().map_err(|e| BenchError::Packs(e.to_string()))?;
    let cache = frontline_gazetteer::default_cache_dir();
    let (gazetteer, report) =
        frontline_gazetteer::load_or_build(&[], cache.as_deref()).map_err(|e| BenchError::Gazetteer(e.to_string()))?;
    Ok((Extractor::new(packs, gazetteer), report))
}

/// The extractor with frontline's own place tables only (governorates, countries,
/// exonyms; no GeoNames towns): a diagnostic, to see what the world gazetteer costs.
pub fn extractor_tables_only() -> Result<Extractor, BenchError> {
    let packs = Packs::builtin().map_err(|e| BenchError::Packs(e.to_string()))?;
    Ok(Extractor::new(packs, frontline_gazetteer::Gazetteer::tables_only()))
}

/// A small deterministic generator (SplitMix64): the same seed gives the same corpus.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// Uniform in `lo..=hi`.
    pub fn between(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }
}

/// The articles of the shared corpus (labelled and unlabelled), read as frontline reads them.
pub fn load_seeds(shared: &Path) -> Result<Vec<Article>, BenchError> {
    let corpus = shared.join("corpus");
    let (files, rejections) = frontline_ingest::discover(std::slice::from_ref(&corpus));
    if let Some(r) = rejections.first() {
        return Err(BenchError::Input { path: corpus, message: r.to_string() });
    }
    let mut seeds = Vec::new();
    for file in &files {
        frontline_ingest::read_file(file, &IngestOptions::default(), &mut |o| {
            if let Outcome::Article(a) = o {
                seeds.push(a);
            }
        });
    }
    if seeds.is_empty() {
        return Err(BenchError::Input { path: corpus, message: "no articles".into() });
    }
    Ok(seeds)
}

/// The names of the populated places of Syria in the shared GeoNames rows, spelled as the
/// press spells them: GeoNames' ASCII names without the transliteration marks (`` ` `` for
/// ʿayn), since "Al ‘Ashārah" is no spelling a news report uses.
pub fn syrian_place_names(shared: &Path) -> Result<Vec<String>, BenchError> {
    let path = shared.join("data/geonames/SY-cities500.txt");
    let input_error = |message: String| BenchError::Input { path: path.clone(), message };
    let file = std::fs::File::open(&path).map_err(|e| input_error(e.to_string()))?;
    let places = frontline_gazetteer::read_dump(std::io::BufReader::new(file), &path.display().to_string())
        .map_err(|e| input_error(e.to_string()))?;
    let mut names: Vec<String> =
        places.into_iter().filter(|p| p.country == "SY" && p.feature_class == 'P').map(press_spelling).collect();
    names.retain(|name| !name.is_empty());
    names.sort();
    names.dedup();
    if names.is_empty() {
        return Err(input_error("no Syrian populated places".into()));
    }
    Ok(names)
}

fn press_spelling(place: frontline_gazetteer::Place) -> String {
    let name = if place.ascii_name.is_empty() { place.name } else { place.ascii_name };
    name.replace('`', "").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The place names an extraction spotted (from its sentence traces), with their roles:
/// `(name, role)` such as `("Maar Shurin", "Site")`.
pub fn spotted_places(extraction: &Extraction) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for sentence in &extraction.sentences {
        for mention in &sentence.mentions {
            // Written as `place {text:?} as {role:?}`.
            let Some(rest) = mention.strip_prefix("place \"") else {
                continue;
            };
            let Some((quoted, role)) = rest.rsplit_once("\" as ") else {
                continue;
            };
            let name = quoted.replace("\\\"", "\"").replace("\\\\", "\\");
            let role = role.split(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
            out.push((name, role.to_owned()));
        }
    }
    out
}

/// Every place name frontline found in an article: spotted in a sentence, or the mention
/// and location of an event.
pub fn found_place_names(extraction: &Extraction) -> Vec<String> {
    let mut names: Vec<String> = spotted_places(extraction).into_iter().map(|(name, _)| name).collect();
    for e in &extraction.events {
        names.push(e.mention.clone());
        names.push(e.location.clone());
    }
    names.sort();
    names.dedup();
    names
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hole {
    /// The n-th distinct place of the template.
    Place(usize),
    /// A run of this many digits.
    Number(usize),
}

/// A seed article with the spans that the generator redraws.
#[derive(Debug, Clone)]
pub struct Template {
    pub seed_id: String,
    pub language: String,
    pub source: Option<String>,
    pub title: Option<String>,
    text: String,
    holes: Vec<(usize, usize, Hole)>,
    places: usize,
}

impl Template {
    /// Finds the places (as frontline spots them, those that resolve in Syria or nowhere)
    /// and the numbers of a seed.
    pub fn new(seed: &Article, extractor: &Extractor) -> Template {
        let extraction = extractor.explain(seed);
        let context = Context { country: Some("SY".into()), ..Context::default() };
        let mut names: Vec<String> = spotted_places(&extraction)
            .into_iter()
            .filter(|(_, role)| !matches!(role.as_str(), "Country" | "Person" | "Facility"))
            .map(|(name, _)| name)
            .filter(|name| name.chars().count() >= 3)
            .filter(|name| {
                let resolution = extractor.gazetteer().resolve(name, &context);
                resolution.place.is_none_or(|p| p.country == "SY")
            })
            .collect();
        // Longest first, so that "Maaret al-Numan" is taken before "Numan".
        names.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        names.dedup();
        let text = seed.text.clone();
        let mut holes: Vec<(usize, usize, Hole)> = Vec::new();
        let overlaps =
            |holes: &[(usize, usize, Hole)], s: usize, e: usize| holes.iter().any(|&(a, b, _)| s < b && a < e);
        for (slot, name) in names.iter().enumerate() {
            for (start, _) in text.match_indices(name.as_str()) {
                let end = start + name.len();
                if is_word_boundary(&text, start, end) && !overlaps(&holes, start, end) {
                    holes.push((start, end, Hole::Place(slot)));
                }
            }
        }
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_digit() {
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                // Keep decimals, ids and anything glued to letters ("M5", "46e") as written.
                let glued = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'.' || *b == b',');
                let before = start.checked_sub(1).and_then(|p| bytes.get(p));
                if !glued(before) && !glued(bytes.get(i)) && !overlaps(&holes, start, i) {
                    holes.push((start, i, Hole::Number(i - start)));
                }
            } else {
                i += 1;
            }
        }
        holes.sort_by_key(|h| h.0);
        Template {
            seed_id: seed.id.clone(),
            language: seed.language.clone(),
            source: seed.source.clone(),
            title: seed.title.clone(),
            text,
            places: names.len(),
            holes,
        }
    }

    /// How many distinct places and numbers the generator redraws.
    pub fn holes(&self) -> (usize, usize) {
        let numbers = self.holes.iter().filter(|h| matches!(h.2, Hole::Number(_))).count();
        (self.places, numbers)
    }

    /// The template's text with its holes filled.
    fn fill(&self, places: &[&str], rng: &mut Rng) -> String {
        let mut out = String::with_capacity(self.text.len() + 64);
        let mut at = 0;
        for &(start, end, hole) in &self.holes {
            out.push_str(&self.text[at..start]);
            match hole {
                Hole::Place(slot) => out.push_str(places[slot]),
                Hole::Number(1 | 2) => {
                    let _ = write!(out, "{}", rng.between(1, 28));
                }
                Hole::Number(3) => {
                    let _ = write!(out, "{}", rng.between(100, 999));
                }
                Hole::Number(4) => {
                    let _ = write!(out, "{}", rng.between(2011, 2024));
                }
                Hole::Number(n) => {
                    for _ in 0..n {
                        out.push(char::from(b'0' + rng.below(10) as u8));
                    }
                }
            }
            at = end;
        }
        out.push_str(&self.text[at..]);
        out
    }
}

fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// One generated article as a line of JSON Lines input (`frontline ingest feed.jsonl`).
/// The language is left out on purpose, so that ingest detects it.
#[derive(Debug, Clone, Serialize)]
pub struct GeneratedArticle {
    pub id: String,
    pub published: NaiveDate,
    pub source: Option<String>,
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
    /// The seed it was made from (ignored by ingest).
    pub seed: String,
}

impl GeneratedArticle {
    /// The readable text, HTML or not.
    pub fn body(&self) -> &str {
        self.text.as_deref().or(self.html.as_deref()).unwrap_or_default()
    }
}

/// Makes articles from templates, deterministically from a seed.
#[derive(Debug, Clone)]
pub struct Generator {
    templates: Vec<Template>,
    places: Vec<String>,
    rng: Rng,
    /// Every n-th article is a web page (0: none).
    pub html_every: u64,
    /// In reprint mode, the state the current story was drawn from: each copy draws it again.
    story: Option<(u64, Rng)>,
}

/// The outlets that reprint a story in reprint mode (no digits: a byline must not look like
/// a changed figure).
const OUTLETS: [&str; 12] = [
    "Levant Wire",
    "Orient Daily",
    "Damascus Monitor",
    "Al-Sham Network",
    "Euphrates Post",
    "Northern Syria Today",
    "Idlib Herald",
    "Agence Syrie Presse",
    "Le Courrier du Levant",
    "Middle East Dispatch",
    "Aleppo Voice",
    "Coastal News Service",
];

/// A reprint's own words around the story: a dateline with the outlet's name before it, a
/// credit line after it; one copy in ten updates the story (one number told anew).
fn reprint_of(text: &str, copy: u64) -> String {
    let outlet = outlet(copy);
    let mut story = text.to_owned();
    if copy % 10 == 5 {
        // A new toll (or day): the first number, raised.
        let bytes = story.as_bytes();
        if let Some(start) = bytes.iter().position(u8::is_ascii_digit) {
            let end = bytes[start..].iter().position(|b| !b.is_ascii_digit()).map_or(bytes.len(), |n| start + n);
            let value: u64 = story[start..end].parse().unwrap_or(0);
            story.replace_range(start..end, &(value + 1 + copy % 3).to_string());
        }
    }
    format!("({outlet}) — {story}\n\n© {outlet}")
}

/// The name of the copy-th outlet: a name of [`OUTLETS`], and past them, its editions.
fn outlet(copy: u64) -> String {
    const EDITIONS: [&str; 6] = ["", " Online", " Weekend", " International", " Evening", " Digital"];
    let (name, edition) = (copy as usize % OUTLETS.len(), copy as usize / OUTLETS.len());
    format!("{}{}", OUTLETS[name], EDITIONS[edition % EDITIONS.len()])
}

impl Generator {
    pub fn new(templates: Vec<Template>, places: Vec<String>, seed: u64) -> Generator {
        Generator { templates, places, rng: Rng::new(seed), html_every: 4, story: None }
    }

    /// From the shared corpus: its articles as templates and GeoNames' Syrian towns.
    pub fn from_shared(shared: &Path, extractor: &Extractor, seed: u64) -> Result<Generator, BenchError> {
        let templates = load_seeds(shared)?.iter().map(|a| Template::new(a, extractor)).collect();
        Ok(Generator::new(templates, syrian_place_names(shared)?, seed))
    }

    pub fn templates(&self) -> &[Template] {
        &self.templates
    }

    /// The n-th article in reprint mode: story n / `outlets`, as the (n % `outlets`)-th
    /// outlet prints it. The first prints it as generated; the others add their dateline
    /// and credit, and one in ten a new figure. Copies of a story come in a row, published
    /// the same day, the same page or not.
    pub fn reprint(&mut self, n: u64, outlets: u64) -> GeneratedArticle {
        let (story, copy) = (n / outlets.max(1), n % outlets.max(1));
        match &self.story {
            Some((s, rng)) if *s == story => self.rng = rng.clone(),
            _ => self.story = Some((story, self.rng.clone())),
        }
        let mut article =
            self.article_with(story, &|text| if copy == 0 { text.to_owned() } else { reprint_of(text, copy) });
        if copy > 0 {
            article.id = format!("gen-{story:07}-{copy:03}-{}", article.seed);
            article.source = Some(outlet(copy));
        }
        article
    }

    /// The n-th article (n counts from 0; articles go round the templates).
    pub fn article(&mut self, n: u64) -> GeneratedArticle {
        self.article_with(n, &|text| text.to_owned())
    }

    /// The n-th article, its text changed by `edit` before it is made a page.
    fn article_with(&mut self, n: u64, edit: &dyn Fn(&str) -> String) -> GeneratedArticle {
        let template = &self.templates[(n % self.templates.len() as u64) as usize];
        let places: Vec<&str> = (0..template.places)
            .map(|_| self.places[self.rng.below(self.places.len() as u64) as usize].as_str())
            .collect();
        let text = edit(&template.fill(&places, &mut self.rng));
        let base = NaiveDate::from_ymd_opt(2012, 1, 1).unwrap_or_default();
        let published = base + chrono::Duration::days(self.rng.below(13 * 365) as i64);
        let as_html = self.html_every > 0 && n % self.html_every == self.html_every - 1;
        let title = template.title.clone();
        let (text, html) = if as_html {
            (None, Some(html_page(&text, title.as_deref(), &template.language, &places)))
        } else {
            (Some(text), None)
        };
        GeneratedArticle {
            id: format!("gen-{n:07}-{}", template.seed_id),
            published,
            source: template.source.clone(),
            title,
            text,
            html,
            seed: template.seed_id.clone(),
        }
    }
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A news page around the text: site menu, the article in `<article>`, a "read also" list
/// of other headlines and a footer, all of which the cleaner must drop.
pub fn html_page(text: &str, title: Option<&str>, language: &str, places: &[&str]) -> String {
    let mut page = String::with_capacity(text.len() * 2 + 1024);
    let title = escape_html(title.unwrap_or("Syria"));
    let _ = write!(
        page,
        "<!DOCTYPE html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><title>{title}</title>\
         <script>var analytics = {{\"id\": 42}};</script><style>nav {{ color: red }}</style></head><body>\
         <header class=\"site-header\"><nav class=\"menu\"><ul><li><a href=\"/\">Home</a></li>\
         <li><a href=\"/world\">World</a></li><li><a href=\"/syria\">Syria</a></li></ul></nav></header>\
         <main><article><h1>{title}</h1>"
    );
    for paragraph in text.lines().filter(|l| !l.trim().is_empty()) {
        let _ = write!(page, "<p>{}</p>", escape_html(paragraph));
    }
    page.push_str("</article><aside class=\"related\"><h2>Read also</h2><ul>");
    for place in places.iter().take(3) {
        let _ = write!(
            page,
            "<li><a href=\"/news/{n}\">Airstrikes hit {p} as regime forces advance</a></li>",
            n = place.len(),
            p = escape_html(place)
        );
    }
    page.push_str(
        "</ul></aside></main><footer class=\"footer\"><p>© 2024 News site. All rights reserved.</p>\
         <div class=\"comments\">Leave a comment</div></footer></body></html>",
    );
    page
}

/// One line of /proc/self/status, in KiB ("VmHWM", "VmRSS").
fn status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find_map(|line| {
        let rest = line.strip_prefix(field)?.strip_prefix(':')?;
        rest.split_whitespace().next()?.parse().ok()
    })
}

/// Peak resident memory of this process (VmHWM), in KiB.
pub fn peak_rss_kib() -> Option<u64> {
    status_kib("VmHWM")
}

/// Current resident memory of this process (VmRSS), in KiB.
pub fn rss_kib() -> Option<u64> {
    status_kib("VmRSS")
}

/// User plus system CPU time of this process so far, in seconds (from /proc/self/stat,
/// at Linux's usual 100 ticks a second).
pub fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces, so cut at its last ')').
    let (_, rest) = stat.rsplit_once(')')?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after ')'.
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) as f64 / 100.0)
}

/// Counts of a run, by language and outcome.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Tally {
    pub articles: u64,
    pub rejected: u64,
    pub input_bytes: u64,
    pub text_bytes: u64,
    pub events: u64,
    pub stored: u64,
    pub languages: BTreeMap<String, u64>,
}

impl Tally {
    pub fn add(&mut self, other: &Tally) {
        self.articles += other.articles;
        self.rejected += other.rejected;
        self.input_bytes += other.input_bytes;
        self.text_bytes += other.text_bytes;
        self.events += other.events;
        self.stored += other.stored;
        for (k, v) in &other.languages {
            *self.languages.entry(k.clone()).or_default() += v;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rng_is_deterministic_and_in_range() {
        let mut a = Rng::new(3);
        let mut b = Rng::new(3);
        for _ in 0..1000 {
            let x = a.between(5, 9);
            assert_eq!(x, b.between(5, 9));
            assert!((5..=9).contains(&x));
        }
    }

    #[test]
    fn spotted_places_are_read_from_traces() {
        let extraction = Extraction {
            sentences: vec![frontline_extract::SentenceTrace {
                start: 0,
                end: 0,
                text: String::new(),
                kind: frontline_extract::SentenceKind::Body,
                mentions: vec![
                    "trigger \"repris\" (Regain)".into(),
                    "place \"Maar Shurin\" as Site".into(),
                    "place \"Idlib\" as Region { admin1: Some(\"Idlib\") }".into(),
                    "place \"Say \\\"X\\\"\" as Person".into(),
                ],
                events: vec![],
                notes: vec![],
                recording: true,
            }],
            ..Extraction::default()
        };
        assert_eq!(
            spotted_places(&extraction),
            vec![
                ("Maar Shurin".to_owned(), "Site".to_owned()),
                ("Idlib".to_owned(), "Region".to_owned()),
                ("Say \"X\"".to_owned(), "Person".to_owned()),
            ]
        );
    }

    #[test]
    fn the_generator_varies_places_numbers_and_dates_reproducibly() {
        let shared = default_shared_dir();
        let extractor = extractor().expect("extractor");
        let mut one = Generator::from_shared(&shared, &extractor, 1).expect("generator");
        let mut same = one.clone();
        let templates = one.templates().len();
        assert!(templates >= 7);
        for t in one.templates() {
            let (places, _) = t.holes();
            assert!(places > 0, "{} has no place to vary", t.seed_id);
        }
        let a = one.article(0);
        assert_eq!(a.body(), same.article(0).body());
        // The same template comes round again, with other places and numbers.
        let again = one.article(templates as u64);
        assert_eq!(a.seed, again.seed);
        assert_ne!(a.body(), again.body());
        assert_ne!(a.published, again.published);
        // Every fourth article is a page whose main text the cleaner finds.
        let page = one.article(3);
        let html = page.html.as_deref().expect("a page");
        let doc = frontline_ingest::html_main_text(html);
        assert!(!doc.text.contains("Read also") && !doc.text.contains("Home"));
        assert!(doc.text.len() > 500);
    }
}
