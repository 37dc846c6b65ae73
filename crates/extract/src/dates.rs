//! Dates in a sentence, read against the article's publication date: explicit days
//! ("samedi 3 mars", "March 3rd"), days relative to publication ("hier", "yesterday"),
//! weekdays (the last one on or before publication: reports speak of the past), windows
//! ("depuis vendredi", "in recent days"). Without a publication date no year is invented:
//! only a date that gives its year is placed.

use chrono::{Datelike, Days, NaiveDate};
use frontline_lang::{LanguagePack, LexiconBits, Token, TokenKind, UnitOfTime};

/// The days an event may have happened on, and ACLED's time precision for them.
#[derive(Debug, Clone, PartialEq)]
pub struct DateWindow {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// 1 day, 2 within a week, 3 within a month or unknown.
    pub precision: u8,
    /// How the window was read, for `frontline explain`.
    pub rule: String,
    /// A stretch of a month or more back from publication ("over the past two years", "ces
    /// derniers mois", "خلال السنوات الماضية"): a deed told over it is a tally or a state of
    /// affairs, no episode of the news (docs/annotation.md §2, aggregates).
    pub period: bool,
}

impl DateWindow {
    fn day(day: NaiveDate, rule: String) -> DateWindow {
        DateWindow { start: Some(day), end: Some(day), precision: 1, rule, period: false }
    }

    fn span(start: NaiveDate, end: NaiveDate, rule: String) -> DateWindow {
        let days = (end - start).num_days();
        let precision = frontline_core::time_precision(days);
        DateWindow { start: Some(start), end: Some(end), precision, rule, period: false }
    }

    fn unknown(rule: &str) -> DateWindow {
        DateWindow { start: None, end: None, precision: 3, rule: rule.to_string(), period: false }
    }

    /// The same window, its end moved to a later day: what happened on or after its start.
    pub fn through(&self, end: NaiveDate, rule: &str) -> DateWindow {
        match self.start {
            Some(start) if start < end => DateWindow::span(start, end, format!("{}, {rule}", self.rule)),
            _ => self.clone(),
        }
    }

    /// The single best day: known only when the window is one day.
    pub fn day_of(&self) -> Option<NaiveDate> {
        match (self.start, self.end) {
            (Some(s), Some(e)) if s == e => Some(s),
            _ => None,
        }
    }
}

/// A date expression found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    /// Token range in the sentence.
    pub start: usize,
    pub end: usize,
    pub window: DateWindow,
    /// Higher is more specific: explicit day 4, relative day (and days back) 3, weekday (and
    /// weeks, months or years back) 2, since and a month of a year 1, recent 0.
    pub rank: u8,
    /// Where the relative clause it stands in opens, when a relative pronoun of the pack
    /// (`relative_pronouns`) comes a few words before it ("المدينة التي دخلها التنظيم في
    /// سبتمبر": the town which ISIS entered in September): it dates that clause, not a deed
    /// told before the pronoun.
    pub relative_clause: Option<usize>,
    /// For a stretch back from publication ("over the past 48 hours"), its days back: the
    /// stretch ends at the day the report is telling of, which may be before publication.
    pub stretch_days: Option<u64>,
    /// For a day counted from the narrative's day ("a day earlier", "la veille") that its
    /// sentence names no day before, its days from that day: it counts from the day the
    /// report is telling of, which may be before publication.
    pub days_from_reference: Option<i64>,
}

impl DateMention {
    /// A date read at tokens `start..end`, in no relative clause until one is found.
    fn new(start: usize, end: usize, window: DateWindow, rank: u8) -> DateMention {
        DateMention { start, end, window, rank, relative_clause: None, stretch_days: None, days_from_reference: None }
    }

    /// Its window, a stretch back ending at `reference` when the report is telling of a day
    /// before publication (a monitor's count "in the past 48 hours", given in a statement of
    /// a day named before): the stretch is counted back from the day it was said.
    pub fn anchored_at(&self, reference: Option<NaiveDate>) -> DateWindow {
        if let (Some(days), Some(reference)) = (self.days_from_reference, reference) {
            if let Some(day) = reference.checked_add_signed(chrono::Duration::days(days)) {
                return DateWindow::day(
                    day,
                    format!("{}, counted from the day the report is telling of", self.window.rule),
                );
            }
        }
        match (self.stretch_days, reference, self.window.end) {
            (Some(back), Some(reference), Some(end)) if reference < end => {
                match reference.checked_sub_days(Days::new(back)) {
                    Some(start) => DateWindow::span(
                        start,
                        reference,
                        format!("{}, counted back from the day the report is telling of", self.window.rule),
                    ),
                    None => self.window.clone(),
                }
            }
            _ => self.window.clone(),
        }
    }
}

/// A report that gives no date speaks of the days just before it was published.
pub fn default_window(published: Option<NaiveDate>) -> DateWindow {
    match published {
        Some(p) => DateWindow::span(p - Days::new(6), p, "no date in the sentence: the week before publication".into()),
        None => DateWindow::unknown("no date in the sentence and no publication date"),
    }
}

/// How many days before publication the news window opens: a report's events happened in
/// the week before it (docs/annotation.md, "Background"); what it dates earlier is background.
pub const NEWS_WINDOW_DAYS: u64 = 7;

/// Whether an event's window ends before the report's news window: background.
pub fn before_news_window(end: Option<NaiveDate>, published: Option<NaiveDate>) -> bool {
    match (end, published) {
        (Some(end), Some(p)) => end < p - Days::new(NEWS_WINDOW_DAYS),
        _ => false,
    }
}

/// How far before a date a relative pronoun still opens the clause it stands in.
const RELATIVE_CLAUSE_REACH: usize = 12;

/// The start of a relative pronoun a few words before `at`, in its sentence.
fn relative_clause_before(tokens: &[Token], at: usize, pack: &LanguagePack) -> Option<usize> {
    let from = at.saturating_sub(RELATIVE_CLAUSE_REACH);
    (from..at)
        .rev()
        .take_while(|&i| !pack.is_mark(&tokens[i], ".;!?"))
        .find(|&i| pack.relative_pronouns.match_at(tokens, i).is_some_and(|h| h.end <= at))
}

pub fn find_dates(tokens: &[Token], pack: &LanguagePack, published: Option<NaiveDate>) -> Vec<DateMention> {
    let mut found = Vec::new();
    let starts = DateStarts::of(pack);
    let mut i = 0;
    while i < tokens.len() {
        if !starts.may_start(tokens, i) {
            i += 1;
            continue;
        }
        match read_at(tokens, i, pack, published) {
            Some(mut mention) => {
                i = mention.end.max(i + 1);
                mention.relative_clause = relative_clause_before(tokens, mention.start, pack);
                found.push(mention);
            }
            None => i += 1,
        }
    }
    anchor_anaphoric_days(tokens, pack, published, &mut found);
    found
}

/// "late Tuesday ... earlier in the day", "vendredi ... la veille": a relative day that
/// refers to the day its sentence named before it counts from that day, not from
/// publication.
fn anchor_anaphoric_days(
    tokens: &[Token],
    pack: &LanguagePack,
    published: Option<NaiveDate>,
    found: &mut [DateMention],
) {
    let Some(p) = published else { return };
    for k in 0..found.len() {
        if pack.anaphoric_days.match_at(tokens, found[k].start).is_none() {
            continue;
        }
        let Some(own) = found[k].window.day_of() else { continue };
        let named = k.checked_sub(1).and_then(|before| found[before].window.day_of());
        match named.and_then(|named| named.checked_add_signed(own - p)) {
            Some(day) => {
                found[k].window =
                    DateWindow::day(day, format!("{}, counted from the day named before", found[k].window.rule));
            }
            // No day named before it in its sentence: it counts from the day the report is
            // telling of ("On August 16 ... protested against the abduction one day earlier").
            None => found[k].days_from_reference = Some((own - p).num_days()),
        }
    }
}

/// Where a date may start, as [`read_at`] reads one ([`DateStarts::may_start`]): most
/// tokens are not looked at further.
struct DateStarts {
    /// The bits of the lexicons of dates, joined; `None` when one has no bit, so that every
    /// word may start one of its phrases.
    words: Option<LexiconBits>,
    /// The bit of the months, `None` when they have none.
    months: Option<LexiconBits>,
}

impl DateStarts {
    fn of(pack: &LanguagePack) -> DateStarts {
        let lexicons = [
            pack.since.start_bit(),
            pack.recent.start_bit(),
            pack.relative_days.start_bit(),
            pack.previous_month.start_bit(),
            pack.weekdays.start_bit(),
            pack.months.start_bit(),
            pack.seasons.start_bit(),
            pack.ago_leads.start_bit(),
            pack.time_units.start_bit(),
            pack.span_leads.start_bit(),
            pack.year_leads.start_bit(),
            pack.number_words.start_bit(),
        ];
        DateStarts {
            words: lexicons.into_iter().try_fold(0, |bits, bit| bit.map(|bit| bits | bit)),
            months: pack.months.start_bit(),
        }
    }

    /// Whether a date may start at token `i`: a number may; a word or a mark when a lexicon
    /// of dates has a phrase starting with it (one test of its bits against the lexicons'
    /// together, rather than one per lexicon); and the bracket or comma before a date
    /// ("(12 mars)", ", 3 March") when a day or a month follows it.
    #[inline]
    fn may_start(&self, tokens: &[Token], i: usize) -> bool {
        let token = &tokens[i];
        match token.kind {
            TokenKind::Number => true,
            TokenKind::Word => self.starts_phrase(token),
            TokenKind::Punct => {
                self.starts_phrase(token)
                    || token.is_punct("(,")
                        && tokens.get(i + 1).is_some_and(|next| {
                            next.kind == TokenKind::Number || self.months.is_none_or(|bits| next.first_of & bits != 0)
                        })
            }
        }
    }

    /// Whether a phrase of a lexicon of dates may start with the token.
    #[inline]
    fn starts_phrase(&self, token: &Token) -> bool {
        self.words.is_none_or(|bits| token.first_of & bits != 0)
    }
}

fn read_at(tokens: &[Token], i: usize, pack: &LanguagePack, published: Option<NaiveDate>) -> Option<DateMention> {
    if let Some(hit) = pack.since.match_at(tokens, i) {
        // "منذ" is also "ago": what follows it may be no day to count from.
        let since = || {
            let next = read_at(tokens, hit.end, pack, published).or_else(|| year_since(tokens, hit.end, published))?;
            let from = next.window.start?;
            let to = published?;
            let window =
                DateWindow::span(from, to, format!("since {}: from that day to publication", next.window.rule));
            (from <= to).then(|| DateMention::new(i, next.end, as_period_when_long(window, from, to), 1))
        };
        if let Some(mention) = since() {
            return Some(mention);
        }
    }
    if let Some(span) = past_span(tokens, i, pack, published) {
        return Some(span);
    }
    if let Some(hit) = pack.recent.match_at(tokens, i) {
        let window = match published {
            Some(p) => DateWindow::span(p - Days::new(7), p, "recent days: the week before publication".into()),
            None => DateWindow::unknown("recent days, publication date unknown"),
        };
        return Some(DateMention::new(i, hit.end, window, 0));
    }
    if let Some(hit) = pack.previous_month.match_at(tokens, i) {
        let window = match published {
            Some(p) => {
                let month = if p.month() == 1 { 12 } else { p.month() - 1 };
                whole_month(year_of_last(month, p), month, "the month before the month of publication")?
            }
            None => DateWindow::unknown("last month, publication date unknown"),
        };
        return Some(DateMention::new(i, hit.end, window, 1));
    }
    if let Some(hit) = pack.relative_days.match_at(tokens, i) {
        let offset = *hit.value;
        let window = match published {
            Some(p) => DateWindow::day(
                p.checked_add_signed(chrono::Duration::days(offset))?,
                format!("{offset:+} day(s) from publication"),
            ),
            None => DateWindow::unknown("relative day, publication date unknown"),
        };
        return Some(DateMention::new(i, hit.end, window, 3));
    }
    if let Some(hit) = pack.weekdays.match_at(tokens, i) {
        if let Some(explicit) = explicit_date(tokens, hit.end, pack, published) {
            return Some(DateMention { start: i, ..explicit });
        }
        // "last Tuesday" in a report of a Tuesday is the Tuesday before: the word says the
        // day has passed.
        let past = (i..=hit.end).any(|at| at < tokens.len() && pack.past_qualifiers.match_at(tokens, at).is_some());
        let window = match published {
            Some(p) if past && last_weekday(p, *hit.value) == p => DateWindow::day(
                p - Days::new(7),
                format!("{}: said to be past, the one a week before publication", tokens[i].text),
            ),
            Some(p) => DateWindow::day(
                last_weekday(p, *hit.value),
                format!("{}: the last one on or before publication", tokens[i].text),
            ),
            None => DateWindow::unknown("weekday, publication date unknown"),
        };
        return Some(DateMention::new(i, hit.end, window, 2));
    }
    if let Some(hit) = pack.seasons.match_at(tokens, i) {
        return season_of_year(tokens, i, hit.end, *hit.value, pack);
    }
    if let Some(ago) = time_ago(tokens, i, pack, published) {
        return Some(ago);
    }
    if let Some(year) = year_alone(tokens, i, pack, published) {
        return Some(year);
    }
    explicit_date(tokens, i, pack, published)
}

/// The most words of a lead of a year alone ("in the year").
const YEAR_LEAD_WORDS: usize = 3;

/// "in 2018", "en 2018", "عام 2018": a year alone after a word that makes it a date is that
/// whole year, if before the year of publication ([`whole_year_before_publication`]).
fn year_alone(tokens: &[Token], i: usize, pack: &LanguagePack, published: Option<NaiveDate>) -> Option<DateMention> {
    let is_year = |t: &Token| t.value().is_some_and(|y| YEARS.contains(&y));
    // A year stands a few tokens on, or no lead is looked up: most words lead to none.
    if !tokens.iter().skip(i + 1).take(YEAR_LEAD_WORDS).any(is_year) {
        return None;
    }
    let lead = pack.year_leads.match_at(tokens, i)?;
    let year = tokens.get(lead.end).filter(|t| is_year(t)).and_then(|t| t.value())? as i32;
    // "in 2018 and 2019", "en 2018-2019" name more than the year.
    let more = tokens
        .get(lead.end + 1)
        .is_some_and(|t| t.value().is_some() || pack.months.match_at(tokens, lead.end + 1).is_some());
    if more {
        return None;
    }
    Some(DateMention::new(i, lead.end + 1, whole_year_before_publication(year, published)?, 1))
}

/// "since 2011", "depuis 2011", "منذ 2011": a year right after a word of "since" needs no
/// other lead; what has gone on since then is a period to publication.
fn year_since(tokens: &[Token], at: usize, published: Option<NaiveDate>) -> Option<DateMention> {
    let year = tokens.get(at)?.value().filter(|y| YEARS.contains(y))? as i32;
    Some(DateMention::new(at, at + 1, whole_year_before_publication(year, published)?, 1))
}

/// The numbers read as a year when a word makes them a date.
const YEARS: std::ops::RangeInclusive<u64> = 1900..=2200;

/// A year named alone, as "in 2018" and "since 2018" name it: the whole of it, when it is
/// before the year of publication (a year of publication alone says too little to date the
/// news it tells).
fn whole_year_before_publication(year: i32, published: Option<NaiveDate>) -> Option<DateWindow> {
    if published.is_none_or(|p| year >= p.year()) {
        return None;
    }
    Some(DateWindow::span(
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        NaiveDate::from_ymd_opt(year, 12, 31)?,
        "a year alone: the whole year".into(),
    ))
}

/// "three weeks ago", "il y a près de trois semaines", "قبل يومين": so long before
/// publication. A day back is that day; a longer unit is the stretch of that unit around
/// the point it names (three weeks ago: the week around the 21st day before).
fn time_ago(tokens: &[Token], i: usize, pack: &LanguagePack, published: Option<NaiveDate>) -> Option<DateMention> {
    let lead = pack.ago_leads.match_at(tokens, i);
    let at = lead.as_ref().map_or(i, |h| h.end);
    // "a few weeks ago", "il y a quelques mois": a vague count stands for its usual value.
    let vague = pack.vague_quantities.match_at(tokens, at);
    let (count, at) = match &vague {
        Some(vague) => (Some(*vague.value), vague.end),
        None => count_at(tokens, at, pack)?,
    };
    let unit = pack.time_units.match_at(tokens, at)?;
    let UnitOfTime { days: unit_days, hours, .. } = *unit.value;
    // "months ago", "قبل أشهر": a bare plural of a unit longer than the news window is at least
    // two, long enough to tell background. "Weeks ago" may be two or five (tried: more false
    // events than background told); "days ago" tells no day.
    let bare_plural = unit.value.plural && count.is_none() && unit_days > NEWS_WINDOW_DAYS;
    let count = units_counted(unit.value, count, true).or(bare_plural.then_some(2))?;
    let roughly = vague.is_some() || bare_plural;
    // "منذ عام 2011", "منذ يوم الثلاثاء": the unit names the date after it, no time back.
    if names_a_date(tokens, unit.end, pack) {
        return None;
    }
    let end = match lead {
        Some(_) => unit.end,
        None => pack.ago_follows.match_at(tokens, unit.end)?.end,
    };
    // Hours back ("il y a trois heures") count whole days only.
    let back = if unit_days == 0 { count.checked_mul(hours)? / 24 } else { count.checked_mul(unit_days)? };
    let Some(p) = published else {
        return Some(DateMention::new(i, end, DateWindow::unknown("time ago, publication date unknown"), 1));
    };
    let point = p.checked_sub_days(Days::new(back))?;
    let rule = format!("{back} day(s) before publication");
    let half = Days::new(unit_days / 2);
    // A lead that is also a word of "since" ("منذ أربعة أعوام") may tell how long something
    // has lasted as well as when it happened: from then to publication.
    let lasting = pack.since.match_at(tokens, i).is_some();
    let window = if lasting {
        DateWindow::span(point.checked_sub_days(half)?, p, format!("{rule}, to publication"))
    } else if roughly {
        // Between half and twice the usual count back: no day is told ("a few hours ago": the
        // day before publication or that day).
        let latest = p.checked_sub_days(Days::new(back / 2))?;
        let earliest = p.checked_sub_days(Days::new((2 * back).max(1)))?;
        DateWindow::span(earliest, latest, format!("{rule}, roughly"))
    } else if unit_days <= 1 {
        DateWindow::day(point, rule)
    } else {
        DateWindow::span(point.checked_sub_days(half)?, (point + half).min(p), rule)
    };
    Some(DateMention::new(i, end, window, if unit_days <= 1 && !roughly { 3 } else { 2 }))
}

/// The count at token `at` (a number, or number words) and where it ends; none, and `at`,
/// when no count stands there. `None` for a number token with no value.
fn count_at(tokens: &[Token], at: usize, pack: &LanguagePack) -> Option<(Option<u64>, usize)> {
    Some(match tokens.get(at) {
        Some(t) if t.kind == TokenKind::Number => (Some(t.value()?), at + 1),
        _ => pack.number_words.match_at(tokens, at).map_or((None, at), |h| (Some(*h.value), h.end)),
    })
}

/// How many of a unit of time a phrase counts: the count the unit carries itself (a dual),
/// else the one before it, else one for a singular unit standing bare where `bare_is_one`.
fn units_counted(unit: &UnitOfTime, count: Option<u64>, bare_is_one: bool) -> Option<u64> {
    match (count, unit.count) {
        (_, Some(carried)) => Some(carried),
        (Some(count), None) => Some(count),
        (None, None) if !unit.plural && bare_is_one => Some(1),
        (None, None) => None,
    }
}

/// Whether the token at `at` names a date (a number, a weekday, a month): after a unit of
/// time ("منذ عام 2011", "during the week of 3 March") the unit names that date.
fn names_a_date(tokens: &[Token], at: usize, pack: &LanguagePack) -> bool {
    tokens.get(at).is_some_and(|t| t.kind == TokenKind::Number)
        || pack.weekdays.match_at(tokens, at).is_some()
        || pack.months.match_at(tokens, at).is_some()
}

/// The longest stretch back from publication read as the days of its events.
const MAX_STRETCH_DAYS: u64 = 2;
/// The shortest stretch back from publication that is a period (`DateWindow::period`): a
/// month, four times the news window.
const PERIOD_DAYS: u64 = 30;

/// What has gone on since a day a month or more before publication ("since March 2019",
/// "منذ تشرين الأول 2019") is a state of affairs or a tally over a period
/// (`DateWindow::period`), as a stretch back of that length is.
fn as_period_when_long(window: DateWindow, from: NaiveDate, to: NaiveDate) -> DateWindow {
    let period = to.signed_duration_since(from).num_days() >= PERIOD_DAYS as i64;
    DateWindow { period, ..window }
}

/// "over the past two days", "in the last 24 hours", "au cours des 48 dernières heures",
/// "خلال 24 ساعة الماضية": a stretch of time that ends at publication, every day of it
/// (a day or 24 hours back is the day before and the day of publication). A plural with
/// no count ("in the past few days") is left to the words of recent days.
fn past_span(tokens: &[Token], i: usize, pack: &LanguagePack, published: Option<NaiveDate>) -> Option<DateMention> {
    let lead = pack.span_leads.match_at(tokens, i)?;
    // "the last" may stand before the count or after it ("les dernières 24 heures", "les
    // 24 dernières heures").
    let past = |at: usize| pack.span_follows.match_at(tokens, at).map_or(at, |h| h.end);
    let (count, at) = count_at(tokens, past(lead.end), pack)?;
    let at = past(at);
    let unit = pack.time_units.match_at(tokens, at)?;
    let UnitOfTime { days, hours, .. } = *unit.value;
    // "ces derniers mois": "the last" with no count makes the unit a plural: of months or
    // years, two or more ("in recent years") make a period; of days, recent days (below).
    let count = match units_counted(unit.value, count, at == lead.end) {
        Some(count) => count,
        None if days >= PERIOD_DAYS => 2,
        None => return None,
    };
    // "خلال عام 2019", "during the week of 3 March": the unit names a date, not a stretch.
    if names_a_date(tokens, unit.end, pack) {
        return None;
    }
    let end = past(unit.end);
    let Some(p) = published else {
        return Some(DateMention::new(
            i,
            end,
            DateWindow::unknown("a stretch to publication, publication date unknown"),
            1,
        ));
    };
    // A day or 24 hours back reaches into the day before publication.
    let back = if days == 0 { count.checked_mul(hours)?.div_ceil(24).max(1) } else { count.checked_mul(days)? };
    if back >= PERIOD_DAYS {
        let window = DateWindow::span(
            p.checked_sub_days(Days::new(back))?,
            p,
            format!("a period of {back} days to publication: a tally or a state of affairs, no episode"),
        );
        return Some(DateMention::new(i, end, DateWindow { period: true, ..window }, 1));
    }
    // A longer stretch is the period of a tally ("6,000 crossed in the past week", "13,000
    // in the last 10 days"), not the day of an episode: its events keep the day the report
    // is telling of.
    if back > MAX_STRETCH_DAYS {
        return None;
    }
    let window =
        DateWindow::span(p.checked_sub_days(Days::new(back))?, p, format!("a stretch of {back} day(s) to publication"));
    let mention = DateMention::new(i, end, window, 3);
    Some(DateMention { stretch_days: Some(back), ..mention })
}

/// "à l'automne 2011", "in the summer of 2012", "صيف عام 2012": a season and its year are
/// its three months (winter, season 0, the December before the year and its first two
/// months); a season without a year is no window.
fn season_of_year(
    tokens: &[Token],
    start: usize,
    after: usize,
    season: u32,
    pack: &LanguagePack,
) -> Option<DateMention> {
    let (year, end) = year_after(tokens, after, pack)?;
    let (first, last) = match season {
        0 => (NaiveDate::from_ymd_opt(year - 1, 12, 1)?, last_day_of(year, 2)?),
        s => (NaiveDate::from_ymd_opt(year, 3 * s, 1)?, last_day_of(year, 3 * s + 2)?),
    };
    let window = DateWindow::span(first, last, "a season and its year: its three months".into());
    Some(DateMention::new(start, end, window, 1))
}

/// "28 janvier [2020]", "January 28th[, 2020]", with an optional "(" between a weekday and it.
fn explicit_date(
    tokens: &[Token],
    mut i: usize,
    pack: &LanguagePack,
    published: Option<NaiveDate>,
) -> Option<DateMention> {
    let start = i;
    if tokens.get(i).is_some_and(|t| t.is_punct("(,")) {
        i += 1;
    }
    let (day, last_day, month, mut end) = if let Some(day) = day_number(tokens.get(i)) {
        // "9 et 10 août" joins at once; "1er au 2 mars" after the first day's suffix.
        let after_day = if pack.day_joiners.match_at(tokens, i + 1).is_some() {
            i + 1
        } else {
            after_ordinal_suffix(tokens, i + 1)
        };
        let (last_day, after_days) = joined_day(tokens, after_day, pack)
            .map_or((day, after_day), |(last, at)| (last, after_ordinal_suffix(tokens, at)));
        let month = pack.months.match_at(tokens, after_days)?;
        (day, last_day, *month.value, month.end)
    } else {
        let month = pack.months.match_at(tokens, i)?;
        let Some(day) = day_number(tokens.get(month.end)) else {
            return month_of_year(tokens, start, month.end, *month.value, pack)
                .or_else(|| last_month(tokens, start, month.end, *month.value, pack, published?))
                .or_else(|| bare_month(tokens, start, month.end, *month.value, pack, published?));
        };
        let end = after_ordinal_suffix(tokens, month.end + 1);
        // "January 9 and 10 civilians": a number before a lower-case word counts it.
        let (last_day, end) = joined_day(tokens, end, pack)
            .map(|(last, at)| (last, after_ordinal_suffix(tokens, at)))
            .filter(|&(_, at)| !tokens.get(at).is_some_and(|t| t.kind == TokenKind::Word && !t.is_capitalized()))
            .unwrap_or((day, end));
        (day, last_day, *month.value, end)
    };
    let mut year = None;
    let mut probe = end;
    if tokens.get(probe).is_some_and(|t| t.is_punct(",")) {
        probe += 1;
    }
    if let Some(y) = tokens.get(probe).and_then(|t| t.value()).filter(|y| YEARS.contains(y)) {
        year = Some(y as i32);
        end = probe + 1;
    }
    if tokens.get(end).is_some_and(|t| t.is_punct(")")) {
        end += 1;
    }
    let (year, why) = match (year, published) {
        (Some(y), _) => (y, "explicit date"),
        (None, Some(p)) => {
            // A day later than publication, without a year, is from the year before.
            let this_year = NaiveDate::from_ymd_opt(p.year(), month, last_day)?;
            (if this_year > p { p.year() - 1 } else { p.year() }, "explicit day and month, year of publication")
        }
        (None, None) => {
            let window = DateWindow::unknown("day and month without a year or publication date");
            return Some(DateMention::new(start, end, window, 4));
        }
    };
    let first = NaiveDate::from_ymd_opt(year, month, day)?;
    let window = match NaiveDate::from_ymd_opt(year, month, last_day) {
        Some(last) if last > first => DateWindow::span(first, last, format!("{why}: its days {day} to {last_day}")),
        _ => DateWindow::day(first, why.into()),
    };
    Some(DateMention::new(start, end, window, 4))
}

/// Past an ordinal suffix written apart from the number at `at - 1` ("28th", "1er").
fn after_ordinal_suffix(tokens: &[Token], at: usize) -> usize {
    let is_suffix = |t: &Token| t.kind == TokenKind::Word && t.norm.len() <= 2 && !t.is_capitalized();
    if tokens.get(at).is_some_and(is_suffix) {
        at + 1
    } else {
        at
    }
}

/// A later day of the same month joined to the one before `at` ("9 and 10", "du 9 au 12"):
/// that day and where it ends.
fn joined_day(tokens: &[Token], at: usize, pack: &LanguagePack) -> Option<(u32, usize)> {
    let joiner = pack.day_joiners.match_at(tokens, at)?;
    let day = day_number(tokens.get(joiner.end))?;
    Some((day, joiner.end + 1))
}

/// "novembre 2013", "in November 2013", "نوفمبر عام 2013": a month and its year, with no
/// day, is that whole month; a month without a year is no window (which year is a guess).
fn month_of_year(
    tokens: &[Token],
    start: usize,
    after_month: usize,
    month: u32,
    pack: &LanguagePack,
) -> Option<DateMention> {
    let (year, end) = year_after(tokens, after_month, pack)?;
    let window = whole_month(year, month, "a month and its year: the whole month")?;
    Some(DateMention::new(start, end, window, 1))
}

/// The year written at `at`, after a word that may stand before it ("عام", "of"), and
/// where it ends.
fn year_after(tokens: &[Token], at: usize, pack: &LanguagePack) -> Option<(i32, usize)> {
    let at = pack.year_words.match_at(tokens, at).map_or(at, |word| word.end);
    let year = tokens.get(at).and_then(|t| t.value()).filter(|y| YEARS.contains(y))?;
    Some((year as i32, at + 1))
}

/// The year of the last such month before the month of publication: this year's when the
/// month comes earlier in the year, else last year's.
fn year_of_last(month: u32, published: NaiveDate) -> i32 {
    if month < published.month() {
        published.year()
    } else {
        published.year() - 1
    }
}

/// Every day of a month of a year.
fn whole_month(year: i32, month: u32, why: &str) -> Option<DateWindow> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    Some(DateWindow::span(first, last_day_of(year, month)?, why.into()))
}

/// The last day of a month of a year.
fn last_day_of(year: i32, month: u32) -> Option<NaiveDate> {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    Some(next - Days::new(1))
}

/// "أيلول الماضي" (last September): the whole of the last such month before the month of
/// publication.
fn last_month(
    tokens: &[Token],
    start: usize,
    after_month: usize,
    month: u32,
    pack: &LanguagePack,
    published: NaiveDate,
) -> Option<DateMention> {
    let last = pack.last_month_words.match_at(tokens, after_month)?;
    let window = whole_month(year_of_last(month, published), month, "the last such month before publication")?;
    Some(DateMention::new(start, last.end, window, 1))
}

/// "in October", "en octobre", "في تشرين الأول": a month with no day or year, after a word
/// that makes it a time, is the last such month on or before publication, as a day and
/// month without a year is; the month of publication itself runs to publication.
fn bare_month(
    tokens: &[Token],
    start: usize,
    after_month: usize,
    month: u32,
    pack: &LanguagePack,
    published: NaiveDate,
) -> Option<DateMention> {
    pack.month_leads.match_ending_at(tokens, start, 4)?;
    let window = if month == published.month() {
        let first = NaiveDate::from_ymd_opt(published.year(), month, 1)?;
        DateWindow::span(first, published, "a month without a year: the month of publication, to publication".into())
    } else {
        let year = year_of_last(month, published);
        whole_month(year, month, "a month without a year: the last such month before publication")?
    };
    Some(DateMention::new(start, after_month, window, 1))
}

fn day_number(token: Option<&Token>) -> Option<u32> {
    let token = token?;
    if token.kind != TokenKind::Number || token.text.len() > 2 {
        return None;
    }
    token.value().map(|v| v as u32).filter(|d| (1..=31).contains(d))
}

/// The last `weekday` (0 = Monday) on or before `day`.
fn last_weekday(day: NaiveDate, weekday: u32) -> NaiveDate {
    let today = day.weekday().num_days_from_monday();
    let back = (today + 7 - weekday) % 7;
    day - Days::new(u64::from(back))
}

/// The mention that dates a trigger at token `at`: the most specific, then the nearest; not
/// one of a relative clause opened after the trigger.
pub fn best_for(mentions: &[DateMention], at: usize) -> Option<&DateMention> {
    mentions.iter().filter(|m| m.relative_clause.is_none_or(|opens| opens <= at)).max_by_key(|m| {
        let distance = if m.end <= at { at - m.end } else { m.start.saturating_sub(at) };
        (m.rank, std::cmp::Reverse(distance))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use frontline_lang::Packs;

    fn windows(code: &str, text: &str, published: Option<NaiveDate>) -> Vec<(Option<NaiveDate>, Option<NaiveDate>)> {
        let packs = Packs::builtin().expect("packs load");
        let pack = packs.get(code).expect("pack");
        let tokens = pack.tokenize(text);
        find_dates(&tokens, pack, published).into_iter().map(|m| (m.window.start, m.window.end)).collect()
    }

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    // 2021-03-10 is a Wednesday.
    fn wednesday() -> Option<NaiveDate> {
        d(2021, 3, 10)
    }

    #[test]
    fn a_part_of_a_year_dates_the_whole_year() {
        let year = [(d(2011, 1, 1), d(2011, 12, 31))];
        assert_eq!(windows("fr", "Fin 2011, des combats ont eu lieu.", wednesday()), year);
        assert_eq!(windows("fr", "Des combats ont eu lieu début 2011.", wednesday()), year);
        assert_eq!(windows("en", "In late 2011, fighting broke out.", wednesday()), year);
        assert_eq!(windows("en", "Fighting broke out by the end of 2011.", wednesday()), year);
    }

    #[test]
    fn days_joined_before_or_after_their_month_are_one_stretch() {
        let days = [(d(2021, 3, 1), d(2021, 3, 2))];
        assert_eq!(windows("en", "The village fell on March 1st and 2nd.", wednesday()), days);
        assert_eq!(windows("en", "The village fell on 1-2 March.", wednesday()), days);
        assert_eq!(windows("fr", "Le village est tombé dans la nuit du 1er au 2 mars.", wednesday()), days);
        assert_eq!(windows("fr", "Le village est tombé le 1er mars.", wednesday()), [(d(2021, 3, 1), d(2021, 3, 1))]);
        assert_eq!(windows("ar", "سقطت القرية يومي 1 و2 آذار.", wednesday()), days);
        // A number after a day and a joiner may count what follows it.
        assert_eq!(windows("en", "On March 1 and 20 civilians died.", wednesday()), [(d(2021, 3, 1), d(2021, 3, 1))]);
    }

    #[test]
    fn french_explicit_relative_and_weekday() {
        assert_eq!(
            windows("fr", "L'armée est entrée vendredi 5 mars dans la ville.", wednesday()),
            [(d(2021, 3, 5), d(2021, 3, 5))]
        );
        assert_eq!(windows("fr", "Hier, deux obus sont tombés.", wednesday()), [(d(2021, 3, 9), d(2021, 3, 9))]);
        assert_eq!(
            windows("fr", "Ce lundi soir, des raids ont visé le marché.", wednesday()),
            [(d(2021, 3, 8), d(2021, 3, 8))]
        );
        assert_eq!(windows("fr", "Ce mercredi matin, des combats.", wednesday()), [(d(2021, 3, 10), d(2021, 3, 10))]);
        assert_eq!(
            windows("fr", "Depuis samedi, les rebelles avancent.", wednesday()),
            [(d(2021, 3, 6), d(2021, 3, 10))]
        );
        assert_eq!(
            windows("fr", "Le 14 décembre, un convoi a été visé.", wednesday()),
            [(d(2020, 12, 14), d(2020, 12, 14))]
        );
    }

    #[test]
    fn english_explicit_relative_and_weekday() {
        assert_eq!(
            windows("en", "Troops on Monday (March 8th) entered the town.", wednesday()),
            [(d(2021, 3, 8), d(2021, 3, 8))]
        );
        assert_eq!(windows("en", "Shelling hit the market yesterday.", wednesday()), [(d(2021, 3, 9), d(2021, 3, 9))]);
        assert_eq!(
            windows("en", "Rebels have since Thursday taken four villages.", wednesday()),
            [(d(2021, 3, 4), d(2021, 3, 10))]
        );
        assert_eq!(windows("en", "Thousands fled in recent days.", wednesday()), [(d(2021, 3, 3), d(2021, 3, 10))]);
        assert_eq!(windows("en", "On February 2, 2019 the base fell.", wednesday()), [(d(2019, 2, 2), d(2019, 2, 2))]);
    }

    #[test]
    fn a_time_back_from_publication_in_each_language() {
        // Wednesday 10 March 2021: three days back is the 7th; two weeks back, the week
        // around the 24 February.
        for (code, text) in
            [("en", "He fled three days ago."), ("fr", "Il a fui il y a trois jours."), ("ar", "نزح قبل ثلاثة أيام.")]
        {
            assert_eq!(windows(code, text, wednesday()), [(d(2021, 3, 7), d(2021, 3, 7))], "{text}");
        }
        for (code, text) in [
            ("en", "The truce was agreed two weeks ago."),
            ("fr", "La trêve a été conclue il y a près de deux semaines."),
        ] {
            assert_eq!(windows(code, text, wednesday()), [(d(2021, 2, 21), d(2021, 2, 27))], "{text}");
        }
        // "منذ" is "since" too: how long it has lasted, from then to publication.
        assert_eq!(windows("ar", "تستمر الهدنة منذ أسبوعين.", wednesday()), [(d(2021, 2, 21), d(2021, 3, 10))]);
        // A plural with no count is no time back; "il y a" before no unit is "there are".
        assert!(windows("en", "Weeks ago the truce was agreed.", wednesday()).is_empty());
        assert!(windows("fr", "Il y a deux morts.", wednesday()).is_empty());
        assert!(windows("ar", "نزحوا قبل أيام.", wednesday()).is_empty());
        // The unit names the date after it: since 2011, since Tuesday.
        assert!(windows("ar", "نزحوا منذ عام 2011.", wednesday()).iter().all(|w| w.0 != d(2020, 3, 10)));
        assert_eq!(windows("ar", "نزحوا منذ يوم الثلاثاء.", wednesday()), [(d(2021, 3, 9), d(2021, 3, 9))]);
    }

    #[test]
    fn no_year_is_invented_without_publication_date() {
        assert_eq!(windows("fr", "Mardi 3 mars, des frappes ont tué six civils.", None), [(None, None)]);
        assert_eq!(windows("en", "On March 3, 2020 strikes killed six.", None), [(d(2020, 3, 3), d(2020, 3, 3))]);
        assert_eq!(default_window(None).start, None);
    }

    #[test]
    fn a_month_and_its_year_is_the_whole_month() {
        let november = [(d(2013, 11, 1), d(2013, 11, 30))];
        assert_eq!(windows("en", "In November 2013 a truce was agreed.", wednesday()), november);
        assert_eq!(windows("fr", "En novembre 2013, une trêve a été conclue.", wednesday()), november);
        assert_eq!(windows("ar", "في نوفمبر عام 2013 تم الاتفاق على هدنة.", wednesday()), november);
        assert_eq!(windows("fr", "En décembre 2013, rien.", wednesday()), [(d(2013, 12, 1), d(2013, 12, 31))]);
    }

    #[test]
    fn a_season_and_its_year_are_its_three_months() {
        let autumn = [(d(2011, 9, 1), d(2011, 11, 30))];
        assert_eq!(windows("fr", "Ils ont été arrêtés à l'automne 2011.", wednesday()), autumn);
        assert_eq!(windows("en", "They were arrested in the fall of 2011.", wednesday()), autumn);
        assert_eq!(windows("ar", "اعتقلوا في خريف عام 2011.", wednesday()), autumn);
        // Winter runs from the December before the year.
        assert_eq!(
            windows("en", "In the winter of 2012 the town fell.", wednesday()),
            [(d(2011, 12, 1), d(2012, 2, 29))]
        );
        // A season without a year is no window.
        assert!(windows("en", "In the summer the town fell.", wednesday()).is_empty());
    }

    #[test]
    fn a_month_without_a_year_after_a_time_word_is_the_last_such_month() {
        // Published Wednesday 10 March 2021.
        let november = [(d(2020, 11, 1), d(2020, 11, 30))];
        assert_eq!(windows("en", "In November a truce was agreed.", wednesday()), november);
        assert_eq!(windows("fr", "Fin novembre, une trêve a été conclue.", wednesday()), november);
        assert_eq!(windows("ar", "تم الاتفاق على هدنة في شهر تشرين الثاني.", wednesday()), november);
        // The month of publication runs to publication, not to its end.
        assert_eq!(windows("en", "The town fell in March.", wednesday()), [(d(2021, 3, 1), d(2021, 3, 10))]);
        // Without a word that makes it a time, a month name may be another word.
        assert!(windows("en", "Rebels may attack the town.", wednesday()).is_empty());
        assert!(windows("en", "November saw a truce.", wednesday()).is_empty());
    }

    #[test]
    fn a_stretch_back_from_publication_ends_at_it() {
        // Published Wednesday 10 March 2021: a day or 24 hours back reaches into the 9th.
        for (code, text) in [
            ("en", "Over the past day, the army took two villages."),
            ("en", "Rebels took two villages in the last 24 hours."),
            ("fr", "Les rebelles ont pris deux villages au cours des dernières 24 heures."),
            ("fr", "Les rebelles ont pris deux villages au cours des 24 dernières heures."),
            ("ar", "نزح ألف شخص خلال 24 ساعة الماضية."),
        ] {
            assert_eq!(windows(code, text, wednesday()), [(d(2021, 3, 9), d(2021, 3, 10))], "{text}");
        }
        assert_eq!(windows("fr", "24 villages en 48 heures.", wednesday()), [(d(2021, 3, 8), d(2021, 3, 10))]);
        assert_eq!(windows("ar", "نزح ألف شخص على مدى يومين.", wednesday()), [(d(2021, 3, 8), d(2021, 3, 10))]);
        // A week or more is the period of a tally, not a date.
        assert!(windows("en", "6,000 crossed in the past week.", wednesday()).is_empty());
        assert!(windows("en", "13,000 crossed in the last 10 days.", wednesday()).is_empty());
        // With no count, "the last" makes the unit a plural: of days, left to the words of
        // recent days; of months or years, a period.
        assert!(windows("fr", "Ces derniers jours, la ville a changé.", wednesday())
            .iter()
            .all(|w| w.0 == d(2021, 3, 3)));
        // The unit names a date: no stretch.
        assert!(windows("ar", "نزحوا خلال عام 2019.", wednesday()).iter().all(|w| w.1 != wednesday()));
        // Since a day a month or more back: a period too; since a day of the week before, none.
        let packs = Packs::builtin().expect("packs load");
        for (code, text, start, period) in [
            ("fr", "Ces derniers mois, la ville a changé.", d(2021, 1, 9), true),
            ("en", "Over the past two years, the town changed.", d(2019, 3, 11), true),
            ("en", "In recent months the town changed.", d(2021, 1, 9), true),
            ("ar", "خلال السنوات الماضية تغيرت المدينة.", d(2019, 3, 11), true),
            ("en", "The town has been protected by a truce since March 2020.", d(2020, 3, 1), true),
            ("fr", "Les rebelles contrôlent la ville depuis octobre 2019.", d(2019, 10, 1), true),
            ("ar", "تسيطر الفصائل على المدينة منذ تشرين الأول 2019.", d(2019, 10, 1), true),
            ("en", "Rebels have since Thursday taken four villages.", d(2021, 3, 4), false),
        ] {
            let pack = packs.get(code).expect("pack");
            let found = find_dates(&pack.tokenize(text), pack, wednesday());
            let periods: Vec<_> = found.iter().map(|m| (m.window.start, m.window.end, m.window.period)).collect();
            assert_eq!(periods, [(start, wednesday(), period)], "{text}");
        }
    }

    #[test]
    fn a_stretch_is_counted_back_from_the_day_the_report_tells_of() {
        let packs = Packs::builtin().expect("packs load");
        let pack = packs.get("en").expect("pack");
        let tokens = pack.tokenize("The monitor counted 96 dead in the past 48 hours.");
        let found = find_dates(&tokens, pack, wednesday());
        let stretch = found.first().expect("a stretch");
        // Told as of Friday 5 March: the two days before it.
        assert_eq!(
            (stretch.anchored_at(d(2021, 3, 5)).start, stretch.anchored_at(d(2021, 3, 5)).end),
            (d(2021, 3, 3), d(2021, 3, 5))
        );
        // Told as of publication, or with no day before it: to publication.
        assert_eq!(stretch.anchored_at(None).start, d(2021, 3, 8));
        assert_eq!(stretch.anchored_at(wednesday()).start, d(2021, 3, 8));
    }

    #[test]
    fn an_hour_back_is_a_day_back_only_past_24_hours() {
        assert_eq!(windows("en", "The strike came three hours ago.", wednesday()), [(wednesday(), wednesday())]);
        assert_eq!(
            windows("fr", "La frappe a eu lieu il y a 30 heures.", wednesday()),
            [(d(2021, 3, 9), d(2021, 3, 9))]
        );
    }

    #[test]
    fn a_relative_day_after_a_named_day_counts_from_it() {
        // Published Wednesday 10 March 2021: Monday is the 8th.
        assert_eq!(
            windows("en", "Strikes hit the base late Monday, after another attack earlier in the day.", wednesday()),
            [(d(2021, 3, 8), d(2021, 3, 8)), (d(2021, 3, 8), d(2021, 3, 8))]
        );
        assert_eq!(
            windows("fr", "Les rebelles sont entrés lundi dans la ville, prise la veille.", wednesday()),
            [(d(2021, 3, 8), d(2021, 3, 8)), (d(2021, 3, 7), d(2021, 3, 7))]
        );
        // With no day named before it, it counts from publication.
        assert_eq!(windows("fr", "La ville a été prise la veille.", wednesday()), [(d(2021, 3, 9), d(2021, 3, 9))]);
    }

    #[test]
    fn a_year_alone_is_not_a_window_but_since_a_year_is_a_period_to_publication() {
        assert!(windows("en", "The 2012 offensive on the town failed.", wednesday()).is_empty());
        for (code, text) in [
            ("en", "The town has been held by rebels since 2012."),
            ("fr", "La ville est tenue par les rebelles depuis 2012."),
            ("ar", "تسيطر الفصائل على البلدة منذ 2012."),
        ] {
            assert_eq!(windows(code, text, wednesday()), [(d(2012, 1, 1), d(2021, 3, 10))], "{text}");
        }
        // The year of publication itself says too little.
        assert!(windows("en", "The town has been held by rebels since 2021.", wednesday()).is_empty());
    }
}
