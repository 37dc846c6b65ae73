//! Spotting, in one sentence's tokens, the mentions events are built from: triggers, actors,
//! named sources, place names (with the role their surroundings give them), numbers, dates
//! and the markers that change a reading (hypothetical, aggregate, claims).

use chrono::NaiveDate;
use frontline_core::{ActorId, SubEventType};
use frontline_gazetteer::Gazetteer;
use frontline_lang::{
    is_hyphen, starts_with_capital, Hit, LanguagePack, Lexicon, LexiconBits, RegionSide, Starts, Token, TokenKind,
    Trigger, TriggerKind,
};

use crate::dates::{find_dates, DateMention};
use crate::place::HOME_COUNTRY;

#[derive(Debug, Clone, PartialEq)]
pub struct ActorMention {
    pub start: usize,
    pub end: usize,
    pub id: ActorId,
    pub text: String,
    /// A second actor named jointly ("Syrian and Russian jets"): actor1's associate.
    pub joint: Option<ActorId>,
    /// Allies named with it ("and their allied militias").
    pub allies: Option<String>,
    /// The text says who they are is not known ("unknown gunmen"): an armed party, but no
    /// one's actor id.
    pub unidentified: bool,
}

impl ActorMention {
    /// The actor a trigger's own word names ("protest" its protesters, "barrel bombs" the
    /// only side that drops them), spanning that word.
    pub(crate) fn named_by(trigger: &TriggerMention, id: ActorId) -> ActorMention {
        ActorMention {
            start: trigger.start,
            end: trigger.end,
            id,
            text: trigger.text.clone(),
            joint: None,
            allies: None,
            unidentified: false,
        }
    }
}

/// What the words around a place name make of it.
#[derive(Debug, Clone, PartialEq)]
pub enum PlaceRole {
    /// Where something may happen.
    Site,
    /// A region ("rural Idlib", "the Jabal Akrad region"), with the governorate it names.
    Region { admin1: Option<String> },
    /// Close to where something happens ("near X", "à l'extérieur de X").
    Near,
    /// A reference point ("north of X", "the road linking X to Y").
    Landmark,
    /// Where an actor comes from ("based in X").
    Origin,
    /// A country.
    Country,
    /// A building's name ("Al-Rahma hospital").
    Facility,
    /// A person or source ("Khalil said").
    Person,
}

impl PlaceRole {
    /// The governorate a region names ("Hasakah province", "ريف إدلب"), if it names one.
    pub(crate) fn governorate(&self) -> Option<&str> {
        match self {
            PlaceRole::Region { admin1: Some(a) } => Some(a),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    pub start: usize,
    pub end: usize,
    /// As the article wrote it.
    pub text: String,
    pub role: PlaceRole,
    /// Announced by a place noun ("the town of", "la ville de").
    pub after_place_noun: bool,
    /// For a definite place noun ("the town") standing for a settlement named before it, and
    /// whose name `text` then is: what the discourse knew of that settlement.
    pub referent: Option<Referent>,
}

/// What the discourse knew of the settlement a place noun refers back to.
#[derive(Debug, Clone, PartialEq)]
pub struct Referent {
    /// The governorate the sentence that named it gave (else the article's): the place is
    /// the one resolved there, whatever region the later sentence speaks of.
    pub admin1: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TriggerMention {
    pub start: usize,
    pub end: usize,
    pub trigger: Trigger,
    pub text: String,
}

impl TriggerMention {
    /// Whether the word names a protest, peaceful or met with force.
    pub(crate) fn names_a_protest(&self) -> bool {
        matches!(
            self.trigger.sub_event_type,
            Some(SubEventType::PeacefulProtest | SubEventType::ProtestWithIntervention)
        )
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    pub start: usize,
    pub end: usize,
    pub value: u64,
}

/// Everything spotted in one sentence.
#[derive(Debug, Clone)]
pub struct Spotted<'t> {
    pub tokens: Vec<Token<'t>>,
    /// Where each lexicon's phrases may start in `tokens`: every scan of the sentence reads
    /// it ([`Lexicon::spans_at`]) rather than test each token's bits again.
    pub starts: Starts,
    pub actors: Vec<ActorMention>,
    pub places: Vec<PlaceMention>,
    pub triggers: Vec<TriggerMention>,
    pub numbers: Vec<NumberMention>,
    pub dates: Vec<DateMention>,
    /// Token ranges of named sources ("SANA", "the Observatory").
    pub sources: Vec<(usize, usize)>,
    /// Token ranges of claim markers ("said", "selon").
    pub claims: Vec<(usize, usize)>,
    /// Token ranges of hypothetical markers ("would", "pourrait", conditional verbs).
    pub hypothetical: Vec<(usize, usize)>,
    /// Where purpose clauses open ("in order to", "بهدف"): they mark what follows them only.
    pub purposes: Vec<(usize, usize)>,
    /// Token ranges of phrases in which a trigger or means word has another sense ("military
    /// rally", "Air Force Intelligence").
    pub other_senses: Vec<(usize, usize)>,
    /// The sentence counts over a period ("in the past two weeks"): figures, not events.
    pub aggregate: bool,
    /// Where stretches of time before a deed end ("weeks of| bombardment").
    pub duration_ends: Vec<usize>,
    /// The sentence says a place changed hands without a fight ("without a fight", "دون
    /// مواجهات").
    pub unopposed: bool,
}

/// Spots the mentions of a sentence, given its text and its tokens.
pub fn spot<'t>(
    text: &'t str,
    tokens: Vec<Token<'t>>,
    pack: &LanguagePack,
    gazetteer: &Gazetteer,
    published: Option<NaiveDate>,
) -> Spotted<'t> {
    // Without capitals, a name is found by the gazetteer; its first word may carry clitics
    // ("وبسراقب"), which come off when what remains starts a name it knows.
    let tokens = if pack.cased {
        tokens
    } else {
        let tokens = names_with_an_inflected_form(tokens, pack, gazetteer);
        pack.split_clitics_where(
            text,
            tokens,
            |word| gazetteer.country_named(word).is_some(),
            |word| gazetteer.knows_name(word) || gazetteer.knows_name_starting_with(word),
        )
    };
    // The lexicons a phrase of which may start in the sentence: the others are not scanned.
    let starts = Starts::of(&tokens);
    let scan = |lexicon: &Lexicon<()>| spans_in(lexicon, &tokens, &starts);
    let mut dates = find_dates(&tokens, pack, published);
    let sources: Vec<(usize, usize)> = scan(&pack.organisations);
    let actors = spot_actors(&tokens, pack, &sources, &starts);
    // "without a fight", "دون مواجهات": the fight these name did not happen.
    let denied: Vec<(usize, usize)> = scan(&pack.non_violent);
    // "military gatherings": the trigger word is there in a sense that tells no event.
    let other_senses: Vec<(usize, usize)> = scan(&pack.other_senses);
    let actor_spans: Vec<(usize, usize)> = actors.iter().map(|a| (a.start, a.end)).collect();
    let mut trigger_hits = hits_in(&pack.triggers, &tokens, &starts);
    trigger_hits.extend(verbs_across_adverbs(&pack.triggers, &tokens, pack, &trigger_hits));
    trigger_hits.sort_by_key(|h| h.start);
    // Fire named as backing supported the assault or the taking the sentence tells; the
    // words of backing are looked for only in a sentence that tells both fire and one.
    let kinds_told = |kinds: &[TriggerKind]| trigger_hits.iter().any(|h| kinds.contains(&h.value.kind));
    let backings = if kinds_told(&BACKED_FIRE) && kinds_told(&BACKED_DEEDS) { scan(&pack.backing) } else { Vec::new() };
    let triggers: Vec<TriggerMention> = trigger_hits
        .into_iter()
        .filter(|h| {
            !inside_any(h.start, h.end, &sources)
                && !inside_any(h.start, h.end, &denied)
                && !inside_any(h.start, h.end, &other_senses)
        })
        // A group's name tells no change of ground ("هيئة تحرير الشام": the Organisation for
        // the Liberation of the Levant); the means in an actor's name still act ("مدفعية
        // النظام": the regime's artillery).
        .filter(|h| !(h.value.kind.is_territorial() && inside_any(h.start, h.end, &actor_spans)))
        .filter(|h| !means_of_a_backing(h.start, h.value.kind, &backings, &actor_spans))
        .map(|h| TriggerMention {
            start: h.start,
            end: h.end,
            trigger: *h.value,
            text: span_text(text, &tokens, h.start, h.end),
        })
        .collect();
    let gain_of_control = VerbNoun {
        verbs: &pack.control_verbs,
        nouns: &pack.control_nouns,
        trigger: Trigger { kind: TriggerKind::Take, confidence: CONTROL_CONFIDENCE, sub_event_type: None, actor: None },
        excluded: &[&sources, &denied, &other_senses],
        verb_only: false,
        passive: false,
    };
    // "came under regime control": the verb is the trigger, so that the side named after it
    // is the one the place fell to.
    let passing_under = VerbNoun {
        verbs: &pack.yielding_verbs,
        nouns: &pack.control_nouns,
        trigger: Trigger { kind: TriggerKind::Fall, confidence: CONTROL_CONFIDENCE, sub_event_type: None, actor: None },
        excluded: &[&sources, &denied, &other_senses],
        verb_only: true,
        passive: false,
    };
    let agreement_concluded = VerbNoun {
        verbs: &pack.concluding_verbs,
        nouns: &pack.accord_nouns,
        trigger: Trigger {
            kind: TriggerKind::Incident,
            confidence: AGREEMENT_CONFIDENCE,
            sub_event_type: Some(SubEventType::Agreement),
            actor: None,
        },
        // A deal struck is an agreement, though "struck" has another sense in "struck a deal".
        excluded: &[&sources],
        verb_only: false,
        passive: false,
    };
    // "ont abattu mardi un hélicoptère": bringing down what flies disrupts a weapon's use,
    // whatever stands between the verb and the aircraft or missile.
    let weapon_downed = VerbNoun {
        verbs: &pack.downing_verbs,
        nouns: &pack.airborne_weapons,
        trigger: Trigger {
            kind: TriggerKind::Incident,
            confidence: DOWNING_CONFIDENCE,
            sub_event_type: Some(SubEventType::DisruptedWeaponsUse),
            actor: None,
        },
        excluded: &[&sources, &denied, &other_senses],
        verb_only: false,
        passive: true,
    };
    let mut triggers = with_constructions(
        triggers,
        text,
        &tokens,
        pack,
        &starts,
        &[gain_of_control, passing_under, agreement_concluded, weapon_downed],
    );
    let under_an_accord = done_under_an_accord(&tokens, pack, &starts);
    if under_an_accord || armed_men_with_families(&tokens, pack, &starts, &actor_spans) {
        triggers.extend(evacuation_under_an_accord(text, &tokens, pack, &starts, &triggers));
        triggers.sort_by_key(|t| t.start);
    }
    let claims: Vec<(usize, usize)> = scan(&pack.claim_markers);
    let mut blocked = vec![false; tokens.len()];
    for (s, e) in sources
        .iter()
        .copied()
        .chain(actors.iter().map(|a| (a.start, a.end)))
        .chain(dates.iter().map(|d| (d.start, d.end)))
    {
        blocked[s..e].iter_mut().for_each(|b| *b = true);
    }
    // Months, weekdays, and nouns of time, measure and kind ("حتى الساعة العاشرة": until ten
    // o'clock) are no names.
    let not_names =
        [spans_in(&pack.months, &tokens, &starts), spans_in(&pack.weekdays, &tokens, &starts), scan(&pack.not_names)];
    for (start, end) in not_names.into_iter().flatten() {
        blocked[start..end].iter_mut().for_each(|b| *b = true);
    }
    // A number is no name ("ثلاثة أيام": three days).
    let numbers = spot_numbers(&tokens, pack);
    for number in &numbers {
        blocked[number.start..number.end].iter_mut().for_each(|b| *b = true);
    }
    let spans = if pack.cased {
        // Every sentence's first word is capitalised: alone, it is a name only if the
        // gazetteer knows it ("Furthermore, ...", "Auparavant, ...").
        // A dateline ("BEIRUT (AP) —", "QUSAIR, Syria —") names where the report was
        // filed, not where anything happened.
        let first_word = tokens.iter().position(|t| t.kind == TokenKind::Word);
        let mut spans = name_spans(&tokens, pack, &blocked);
        // "Assad forces", "the Baath regime": a name before the head noun of an armed or
        // ruling body names whose it is, not where anything happened.
        spans.retain(|&(_, e)| pack.actor_heads.match_at(&tokens, e).is_none());
        spans.retain(|&(s, e)| {
            let shouted =
                tokens[s..e].iter().all(|t| t.text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase));
            // A shouted name and a dash is a dateline wherever the page left it ("date
            // 2020-02-25 DAMASCUS – ...").
            if shouted && tokens.get(e).is_some_and(|t| t.is_punct("-–—")) {
                return false;
            }
            if is_dateline(&tokens, s, e, pack) {
                return false;
            }
            if Some(s) != first_word {
                return true;
            }
            let dateline = shouted && tokens.get(e).is_some_and(|t| t.kind == TokenKind::Punct);
            !dateline && (e > s + 1 || gazetteer.knows_name(span_str(text, &tokens, s, e)))
        });
        spans
    } else {
        uncased_name_spans(text, &tokens, pack, gazetteer, &blocked)
    };
    let slogans = quoted_slogans(&tokens, pack);
    let mut places: Vec<PlaceMention> = spans
        .into_iter()
        .filter(|&(s, e)| !inside_any(s, e, &slogans))
        .map(|(s, e)| place_mention(text, &tokens, s, e, pack, gazetteer, &claims))
        .collect();
    // A word a place noun announces as a name is that name, not a trigger it also spells.
    // The places are asked directly: a vector of their spans cost an allocation.
    let announced =
        |t: &TriggerMention| places.iter().any(|p| p.after_place_noun && overlap((t.start, t.end), (p.start, p.end)));
    let triggers: Vec<TriggerMention> = triggers.into_iter().filter(|t| !announced(t)).collect();
    relative_clauses_of_places(&mut dates, &places, &tokens, pack);
    regions_in_apposition(&mut places, &tokens);
    origins_end_at_the_next_place(&mut places, &tokens, pack);
    origins_joined_by_a_conjunction(&mut places, &tokens, pack);
    second_bounds_of_pairs(&mut places, &tokens, pack);
    share_place_nouns(&mut places, &tokens, pack);
    one_place_for_a_bracketed_alias(&mut places, &tokens, pack, gazetteer);
    containers_of_places(&mut places, &tokens, pack, gazetteer);
    // Purpose clauses ("in order to") apart: they mark only what follows them.
    // Each hit's span pushed where it belongs: no vectors of hits between.
    let mut purposes: Vec<(usize, usize)> = Vec::new();
    let mut hypothetical: Vec<(usize, usize)> = Vec::new();
    for hit in hits_in(&pack.hypothetical, &tokens, &starts) {
        if *hit.value { &mut purposes } else { &mut hypothetical }.push((hit.start, hit.end));
    }
    let endings = ConditionalEndings::of(pack);
    // A plain loop, and none for a pack without endings: the filter was a call per token.
    if !endings.none {
        for (i, token) in tokens.iter().enumerate() {
            if endings.may_end(token) && is_conditional(token, pack) {
                hypothetical.push((i, i + 1));
            }
        }
    }
    // "next Saturday", "السبت المقبل": a coming day dates a plan, not a deed.
    hypothetical.extend(coming_weekdays(&mut dates, &tokens, pack, &starts));
    hypothetical.sort();
    let aggregate_spans: Vec<(usize, usize)> = scan(&pack.aggregate);
    let aggregate = !aggregate_spans.is_empty();
    let duration_ends: Vec<usize> = scan(&pack.durations).into_iter().map(|(_, end)| end).collect();
    // Numbers inside a period ("in the past 14 days") or a date are not tolls. The dates are
    // asked directly: a vector of their spans with the periods' cost an allocation.
    let in_a_date = |n: &NumberMention| dates.iter().any(|d| overlap((n.start, n.end), (d.start, d.end)));
    let numbers =
        numbers.into_iter().filter(|n| !inside_any(n.start, n.end, &aggregate_spans) && !in_a_date(n)).collect();
    let unopposed = !denied.is_empty() || deployed_unopposed(&tokens, pack, &triggers, &starts) || under_an_accord;
    Spotted {
        tokens,
        starts,
        actors,
        places,
        triggers,
        numbers,
        dates,
        sources,
        claims,
        hypothetical,
        purposes,
        other_senses,
        aggregate,
        duration_ends,
        unopposed,
    }
}

/// A relative clause keeps its date to itself only when it is about a place ("المدينة التي
/// دخلها التنظيم في سبتمبر": the town which ISIS entered in September, what is known of the
/// town); one opened on a deed (the strikes, which killed five on Monday) goes on telling the
/// deed, and its date dates it. Only packs that list relative pronouns (Arabic) read these.
fn relative_clauses_of_places(
    dates: &mut [DateMention],
    places: &[PlaceMention],
    tokens: &[Token],
    pack: &LanguagePack,
) {
    for date in dates.iter_mut() {
        let Some(opens) = date.relative_clause else { continue };
        let after_place = places.iter().any(|p| p.end <= opens && opens - p.end <= 2)
            || pack.place_nouns.match_ending_at(tokens, opens, 2).is_some()
            || pack.place_anaphors.match_ending_at(tokens, opens, 2).is_some();
        if !after_place {
            date.relative_clause = None;
        }
    }
}

/// Whether the sentence tells that a force deployed or took position in a place ("a pris
/// position à", "deployed in") with no fighting or fire told in the same clause: it came in
/// unopposed. A fight feared or told in another clause ("..., qui craignent une offensive")
/// does not make the move a battle.
fn deployed_unopposed(tokens: &[Token], pack: &LanguagePack, triggers: &[TriggerMention], starts: &Starts) -> bool {
    let clause_break = |from: usize, to: usize| tokens[from..to].iter().any(|t| pack.is_mark(t, ",;.!?"));
    spans_in(&pack.deployment, tokens, starts).into_iter().any(|(start, end)| {
        !triggers.iter().any(|t| t.trigger.kind.is_fighting() && !clause_break(start.min(t.start), end.max(t.end)))
    })
}

/// The most words between the two parts of a construction: a verb and its noun ("imposed
/// *its full* control over", "a repris *vendredi le* contrôle de", "reached *a ceasefire*
/// deal"), a lead and its noun ("under *a Russian-brokered* deal").
const CONSTRUCTION_GAP: usize = 3;

/// The first phrase of `lexicon` starting within [`CONSTRUCTION_GAP`] words from token `from`,
/// with no clause mark before it.
fn next_in_clause<'l>(
    tokens: &[Token],
    pack: &LanguagePack,
    from: usize,
    lexicon: &'l Lexicon<()>,
) -> Option<Hit<'l, ()>> {
    (from..tokens.len().min(from + CONSTRUCTION_GAP + 1))
        .take_while(|&i| !pack.is_mark(&tokens[i], ",;.!?"))
        .find_map(|i| lexicon.match_at(tokens, i))
}

/// How many words before a passive verb its subject may begin: the noun's own words and the
/// auxiliaries ("un drone chargé de bombes à fragmentation a été abattu").
const PASSIVE_SUBJECT_GAP: usize = 8;

/// The start of the last phrase of `lexicon` ending before token `verb` within
/// [`PASSIVE_SUBJECT_GAP`] words of its clause: the subject of a passive verb.
fn subject_before(tokens: &[Token], pack: &LanguagePack, verb: usize, lexicon: &Lexicon<()>) -> Option<usize> {
    (verb.saturating_sub(PASSIVE_SUBJECT_GAP)..verb)
        .rev()
        .take_while(|&i| !pack.is_mark(&tokens[i], ",;.!?"))
        .find(|&i| lexicon.match_at(tokens, i).is_some_and(|hit| hit.end <= verb))
}

/// The confidence of a gain of control, as of the pack's words of taking.
const CONTROL_CONFIDENCE: f64 = 0.85;
/// The confidence of an agreement concluded, as of the pack's words of agreement.
const AGREEMENT_CONFIDENCE: f64 = 0.7;
/// The confidence of an aircraft or missile brought down, as of the pack's words for it.
const DOWNING_CONFIDENCE: f64 = 0.75;

/// A verb, a few words of its clause, and a noun that together name one event whatever the
/// words between: a verb of gaining and a noun of control are a take ("won total control
/// of", "a repris le plein contrôle de"), a verb of concluding and a noun of agreement an
/// agreement ("reached a deal", "ont signé un accord").
struct VerbNoun<'p> {
    verbs: &'p Lexicon<()>,
    nouns: &'p Lexicon<()>,
    trigger: Trigger,
    /// Spans a construction may not meet: an organisation's name, a denial, another sense.
    excluded: &'p [&'p [(usize, usize)]],
    /// The trigger is the verb alone, not the verb to the noun: what stands between them
    /// ("came under *regime* control") is read as if after it.
    verb_only: bool,
    /// The noun may stand first, as the subject of the verb in the passive ("a drone was
    /// brought down by"): not for a deal, which is told in the passive as background ("the
    /// ceasefire brokered by Russia").
    passive: bool,
}

/// The sentence's triggers with its verb–noun constructions: a trigger inside one (the verb
/// "seized" of "seized control of") is part of it. What the event is about follows it. A
/// construction that meets one of its excluded spans ("un point de contrôle") is none.
fn with_constructions(
    mut triggers: Vec<TriggerMention>,
    text: &str,
    tokens: &[Token],
    pack: &LanguagePack,
    starts: &Starts,
    constructions: &[VerbNoun<'_>],
) -> Vec<TriggerMention> {
    let mut found: Vec<TriggerMention> = Vec::new();
    for construction in constructions {
        if construction.nouns.absent_from(starts.present()) || construction.verbs.absent_from(starts.present()) {
            continue;
        }
        let spans = spans_in(construction.verbs, tokens, starts).into_iter().filter_map(|(start, verb_end)| {
            match next_in_clause(tokens, pack, verb_end, construction.nouns) {
                Some(noun) => Some((start, verb_end, noun.end)),
                // A passive puts the noun first ("un drone ... a été abattu par l'armée", "a
                // drone was brought down by air defences"): its agent right after the verb.
                None if construction.passive && pack.passive_agent.match_at(tokens, verb_end).is_some() => {
                    subject_before(tokens, pack, start, construction.nouns).map(|noun| (noun, verb_end, verb_end))
                }
                None => None,
            }
        });
        found.extend(
            spans
                .filter(|&(start, _, end)| !construction.excluded.iter().any(|spans| inside_any(start, end, spans)))
                .map(|(start, verb_end, end)| {
                    let end = if construction.verb_only { verb_end } else { end };
                    TriggerMention {
                        start,
                        end,
                        trigger: construction.trigger,
                        text: span_text(text, tokens, start, end),
                    }
                }),
        );
    }
    if found.is_empty() {
        return triggers;
    }
    triggers.retain(|t| !found.iter().any(|c| t.start < c.end && c.start < t.end));
    triggers.extend(found);
    triggers.sort_by_key(|t| t.start);
    triggers
}

/// "Rebels began evacuating Daraya under a deal with the government", "بدأ خروج المسلحين
/// بموجب اتفاق": people leaving a place under an agreement are the agreement taking effect
/// there (docs/annotation.md §12), an event the sentence's own agreement word, if any, already
/// tells.
fn evacuation_under_an_accord(
    text: &str,
    tokens: &[Token],
    pack: &LanguagePack,
    starts: &Starts,
    triggers: &[TriggerMention],
) -> Option<TriggerMention> {
    if triggers.iter().any(|t| t.trigger.sub_event_type == Some(SubEventType::Agreement)) {
        return None;
    }
    let (start, end) = spans_in(&pack.evacuation, tokens, starts).into_iter().next()?;
    let trigger = Trigger {
        kind: TriggerKind::Incident,
        confidence: AGREEMENT_CONFIDENCE,
        sub_event_type: Some(SubEventType::Agreement),
        actor: None,
    };
    Some(TriggerMention { start, end, trigger, text: span_text(text, tokens, start, end) })
}

/// The rank of a date mention that is a weekday (see [`DateMention::rank`]).
const WEEKDAY_RANK: u8 = 2;

/// Takes out of the sentence's dates the weekdays a word makes coming ones ("next Saturday",
/// "samedi prochain", "السبت المقبل"), read otherwise as the last such day, and gives the
/// words' spans: what the sentence dates so is planned, not done.
fn coming_weekdays(
    dates: &mut Vec<DateMention>,
    tokens: &[Token],
    pack: &LanguagePack,
    starts: &Starts,
) -> Vec<(usize, usize)> {
    if !dates.iter().any(|d| d.rank == WEEKDAY_RANK) {
        return Vec::new();
    }
    let qualifiers = spans_in(&pack.future_qualifiers, tokens, starts);
    let mut coming = Vec::new();
    dates.retain(|d| {
        let qualifier =
            qualifiers.iter().find(|&&(start, end)| d.rank == WEEKDAY_RANK && (start == d.end || end == d.start));
        coming.extend(qualifier);
        qualifier.is_none()
    });
    coming
}

/// How many words may stand between armed men and the families named with them ("من
/// المسلحين وعائلاتهم", "militants and their family members").
const FAMILIES_REACH: usize = 2;

/// Whether the sentence names armed men with their families ("rebels and their families",
/// "combattants et leurs familles", "المسلحين وعائلاتهم"): the men are an armed side (an
/// actor, a word of armed men, a label for the enemy) right before the families. Fighters
/// leave with their families only under an agreement, whether or not the sentence names it.
fn armed_men_with_families(tokens: &[Token], pack: &LanguagePack, starts: &Starts, actors: &[(usize, usize)]) -> bool {
    // Most sentences leave no one ("and" starts a phrase of families): the words of leaving
    // and of families first, the armed men only then.
    if pack.evacuation.absent_from(starts.present()) || pack.families.absent_from(starts.present()) {
        return false;
    }
    let families = spans_in(&pack.families, tokens, starts);
    if families.is_empty() {
        return false;
    }
    let mut armed = actors.to_vec();
    armed.extend(spans_in(&pack.military_objects, tokens, starts));
    armed.extend(spans_in(&pack.enemy_labels, tokens, starts));
    families.into_iter().any(|(start, _)| armed.iter().any(|&(_, end)| end <= start && start - end <= FAMILIES_REACH))
}

/// How many words may stand between a word of backing and the fire it names ("backed by
/// heavy artillery", "مدعوما بسلاحي الجو والمدفعية").
const BACKING_MEANS_REACH: usize = 4;

/// Fire that may be named as what backed an assault, and the deeds it may have backed.
const BACKED_FIRE: [TriggerKind; 3] = [TriggerKind::Shelling, TriggerKind::AirStrike, TriggerKind::Bombard];
const BACKED_DEEDS: [TriggerKind; 4] = [TriggerKind::Assault, TriggerKind::Storm, TriggerKind::Take, TriggerKind::Fall];

/// Whether fire from the air or the ground is named as what backed an assault ("an offensive
/// backed by artillery and air strikes", "appuyée par l'artillerie"), given the words of
/// backing of a sentence that tells one: the support of that deed, not a bombardment of its
/// own. A side named between the two is the backer, and its fire may still be told.
fn means_of_a_backing(start: usize, kind: TriggerKind, backings: &[(usize, usize)], actors: &[(usize, usize)]) -> bool {
    BACKED_FIRE.contains(&kind)
        && backings.iter().any(|&(_, end)| {
            end <= start
                && start - end <= BACKING_MEANS_REACH
                && !actors.iter().any(|&(a_start, _)| a_start >= end && a_start < start)
        })
}

/// Whether the sentence says its deed was done under or after an agreement ("under a deal",
/// "following a reconciliation", "بموجب اتفاق التسوية"): a lead, then within a few words of
/// the same clause a noun of agreement. A place so taken changed hands without a fight.
fn done_under_an_accord(tokens: &[Token], pack: &LanguagePack, starts: &Starts) -> bool {
    if pack.accord_nouns.absent_from(starts.present()) {
        return false;
    }
    spans_in(&pack.accord_leads, tokens, starts)
        .into_iter()
        .any(|(_, end)| next_in_clause(tokens, pack, end, &pack.accord_nouns).is_some())
}

/// The last bytes of a pack's conditional endings: a word that ends in none of them (most
/// words) is not compared with each ending.
struct ConditionalEndings {
    /// One bit per byte value.
    last_bytes: [u64; 4],
    /// The pack has no ending, so no word is conditional.
    none: bool,
    /// An empty ending, which every word ends with.
    any: bool,
}

impl ConditionalEndings {
    fn of(pack: &LanguagePack) -> ConditionalEndings {
        let mut endings =
            ConditionalEndings { last_bytes: [0; 4], none: pack.hypothetical_suffixes.is_empty(), any: false };
        for ending in &pack.hypothetical_suffixes {
            match ending.as_bytes().last() {
                Some(&byte) => endings.last_bytes[usize::from(byte >> 6)] |= 1 << (byte & 63),
                None => endings.any = true,
            }
        }
        endings
    }

    /// Whether the token may end with one of the endings.
    #[inline]
    fn may_end(&self, token: &Token) -> bool {
        if self.none {
            return false;
        }
        self.any
            || token
                .norm
                .as_bytes()
                .last()
                .is_some_and(|&byte| self.last_bytes[usize::from(byte >> 6)] & (1 << (byte & 63)) != 0)
    }
}

/// A verb in the conditional ("rapprocherait"), by the pack's endings.
fn is_conditional(token: &Token, pack: &LanguagePack) -> bool {
    token.kind == TokenKind::Word
        && pack.hypothetical_suffixes.iter().any(|s| token.norm.len() > s.len() + 2 && token.norm.ends_with(s.as_str()))
}

/// [`Lexicon::spans`], without scanning tokens none of which starts a phrase of the lexicon
/// (`starts`: where each lexicon's phrases may start in the sentence's tokens, made once for
/// all its scans).
fn spans_in<T: Clone>(lexicon: &Lexicon<T>, tokens: &[Token], starts: &Starts) -> Vec<(usize, usize)> {
    if lexicon.absent_from(starts.present()) {
        Vec::new()
    } else {
        lexicon.spans_at(tokens, starts)
    }
}

/// [`Lexicon::find_all`], skipping the scan as [`spans_in`] does: for a lexicon whose hits
/// carry what the caller must tell apart.
fn hits_in<'a, T: Clone>(lexicon: &'a Lexicon<T>, tokens: &[Token], starts: &Starts) -> Vec<Hit<'a, T>> {
    if lexicon.absent_from(starts.present()) {
        Vec::new()
    } else {
        lexicon.find_all_at(tokens, starts)
    }
}

/// The phrases of a lexicon written as a compound tense with adverbs inside it ("a
/// aujourd'hui libéré", "a été finalement reprise"): the verb's words without the adverbs are
/// looked up as one phrase, and each found spans the adverbs too, unless a phrase the
/// lexicon found as written already covers part of it.
fn verbs_across_adverbs<'a, T: Clone>(
    lexicon: &'a Lexicon<T>,
    tokens: &[Token],
    pack: &LanguagePack,
    found: &[Hit<'a, T>],
) -> Vec<Hit<'a, T>> {
    let mut hits = Vec::new();
    // Only a word a phrase may start with can be the auxiliary (one bit of the token tells).
    for at in (0..tokens.len()).filter(|&at| lexicon.may_start_with(&tokens[at])) {
        let Some(words) = pack.verb_without_adverbs(tokens, at) else { continue };
        let verb: Vec<Token> = words.iter().map(|&i| tokens[i].clone()).collect();
        // Past an auxiliary: a phrase of the auxiliary alone is no compound tense.
        let Some(hit) = lexicon.match_at(&verb, 0).filter(|h| h.end >= 2) else { continue };
        let end = words[hit.end - 1] + 1;
        if !found.iter().any(|f| f.start < end && at < f.end) && !hits.iter().any(|h: &Hit<T>| at < h.end) {
            hits.push(Hit { start: at, end, value: hit.value });
        }
    }
    hits
}

/// The hits of a lexicon with the phrases a text writes with quotes inside (`تنظيم "الدولة"`,
/// `الجيش "الحر"`, `the "Free" Army`): the quotes only set off part of the name. A phrase
/// found across quotes replaces the shorter ones found inside it ("الجيش" alone names the
/// government's army).
fn with_names_across_quotes<'a, T: Clone>(
    lexicon: &'a Lexicon<T>,
    tokens: &[Token],
    starts: &Starts,
    mut hits: Vec<Hit<'a, T>>,
) -> Vec<Hit<'a, T>> {
    if lexicon.absent_from(starts.present()) {
        return hits;
    }
    let is_quote = |t: &Token| t.kind == TokenKind::Punct && t.is_punct(OPENING_QUOTES);
    // Only a quote a word or two after one a phrase may start with can split a phrase: most
    // quotes open speech ("said \"..."). The words around such a quote are read again
    // without the quotes, a phrase's length after it at most.
    for quote in (1..tokens.len()).filter(|&i| is_quote(&tokens[i])) {
        let from = quote.saturating_sub(QUOTED_NAME_LEAD);
        if !(from..quote).any(|j| lexicon.may_start_with(&tokens[j])) {
            continue;
        }
        let to = (quote + QUOTED_NAME_REACH).min(tokens.len());
        let (kept, at): (Vec<Token>, Vec<usize>) =
            (from..to).filter(|&i| !is_quote(&tokens[i])).map(|i| (tokens[i].clone(), i)).unzip();
        for first in 0..kept.len() {
            let Some(hit) = lexicon.match_at(&kept, first) else { continue };
            let (start, end) = (at[hit.start], at[hit.end - 1] + 1);
            // Only a phrase the quotes split is new: one without a quote inside was found as
            // written.
            if start >= quote || end <= quote || hits.iter().any(|h| h.start == start && h.end == end) {
                continue;
            }
            hits.retain(|h| !(start <= h.start && h.end <= end));
            hits.push(Hit { start, end, value: hit.value });
        }
    }
    hits.sort_by_key(|h| h.start);
    hits
}

/// How many words before a quote a name it splits may begin (`قوات "سوريا الديمقراطية"`,
/// `هيئة تحرير "الشام"`).
const QUOTED_NAME_LEAD: usize = 2;
/// How many tokens after such a quote are read with it: the longest name's.
const QUOTED_NAME_REACH: usize = 8;

/// Whether a list connector ("and", ",", "و"), one token, is all that stands between what ends
/// at `end` and what starts at `start`.
pub(crate) fn one_connector_between(tokens: &[Token], pack: &LanguagePack, end: usize, start: usize) -> bool {
    end + 1 == start && pack.list_connectors.match_at(tokens, end).is_some_and(|h| h.end == start)
}

fn inside_any(start: usize, end: usize, spans: &[(usize, usize)]) -> bool {
    spans.iter().any(|&(s, e)| overlap((start, end), (s, e)))
}

/// Whether two spans of tokens share a token.
fn overlap((start, end): (usize, usize), (other_start, other_end): (usize, usize)) -> bool {
    start < other_end && other_start < end
}

pub fn span_text(text: &str, tokens: &[Token], start: usize, end: usize) -> String {
    span_str(text, tokens, start, end).to_string()
}

/// The text of tokens `start..end`, borrowed: for a look-up, which needs no string of its
/// own.
fn span_str<'t>(text: &'t str, tokens: &[Token], start: usize, end: usize) -> &'t str {
    match (tokens.get(start), end.checked_sub(1).and_then(|l| tokens.get(l))) {
        (Some(a), Some(b)) if start < end => &text[a.start..b.end],
        _ => "",
    }
}

/// Actors named by a name the pack matches only as written ("IS militants": the Islamic
/// State; "it is" a verb), outside the actors and sources already found.
fn acronyms_as_written(
    tokens: &[Token],
    pack: &LanguagePack,
    found: &[ActorMention],
    sources: &[(usize, usize)],
) -> Vec<ActorMention> {
    if pack.actor_acronyms.is_empty() {
        return Vec::new();
    }
    let taken = |i: usize| found.iter().any(|a| a.start <= i && i < a.end) || inside_any(i, i + 1, sources);
    tokens
        .iter()
        .enumerate()
        .filter(|&(i, t)| t.kind == TokenKind::Word && !taken(i))
        .filter_map(|(i, t)| {
            let (_, id) = pack.actor_acronyms.iter().find(|(acronym, _)| t.text == acronym.as_str())?;
            Some(ActorMention {
                start: i,
                end: i + 1,
                id: *id,
                text: t.text.to_string(),
                joint: None,
                allies: None,
                unidentified: false,
            })
        })
        .collect()
}

/// The most words of a name after what an actor lexicon knows of it, before a bracket that
/// gives the name again ("قوات الأمن *الداخلي* (الأسايش)").
const NAME_TAIL: usize = 2;

fn spot_actors(
    tokens: &[Token],
    pack: &LanguagePack,
    sources: &[(usize, usize)],
    starts: &Starts,
) -> Vec<ActorMention> {
    let text_of = |s: usize, e: usize| span_text_of_tokens(tokens, s, e);
    let mut actors: Vec<ActorMention> = Vec::new();
    let hits = with_names_across_quotes(&pack.actors, tokens, starts, hits_in(&pack.actors, tokens, starts));
    for hit in hits {
        if inside_any(hit.start, hit.end, sources) {
            continue;
        }
        actors.push(ActorMention {
            start: hit.start,
            end: hit.end,
            id: *hit.value,
            text: text_of(hit.start, hit.end),
            joint: None,
            allies: None,
            unidentified: false,
        });
    }
    actors.extend(bodies_of_a_nation(tokens, pack, &actors, starts));
    actors.extend(acronyms_as_written(tokens, pack, &actors, sources));
    actors.sort_by_key(|a| a.start);
    // "A and B": the second becomes the first's associate, whether B is a full actor name
    // or only a nationality word ("des appareils syriens et russes"). But "the jihadists of
    // Fatah al-Cham" are Fatah al-Cham: a generic fighter noun before an agent marker and a
    // named group only says what kind of fighters the group's are.
    let mut merged: Vec<ActorMention> = Vec::new();
    for actor in actors {
        if let Some(previous) = merged.last_mut() {
            let generic = pack.generic_fighters.match_at(tokens, previous.start).is_some_and(|h| h.end == previous.end);
            let of_group = actor.start > previous.end
                && pack
                    .agent_markers
                    .match_ending_at(tokens, actor.start, actor.start - previous.end)
                    .is_some_and(|h| h.start == previous.end);
            if generic && of_group && previous.joint.is_none() {
                previous.id = actor.id;
                previous.end = actor.end;
                previous.text = text_of(previous.start, previous.end);
                continue;
            }
            // "Jabhat al-Nusra terrorist groups", "ISIS militants": a generic fighter noun
            // right after a named group is that group's fighters.
            let generic_after = actor.start == previous.end
                && pack.generic_fighters.match_at(tokens, actor.start).is_some_and(|h| h.end == actor.end);
            if generic_after && previous.joint.is_none() {
                previous.end = actor.end;
                previous.text = text_of(previous.start, previous.end);
                continue;
            }
            // "قوات الأمن الداخلي (الأسايش)", "the Internal Security Forces (Asayish)": a name
            // alone in a bracket right after another names the same body, and more closely
            // than words that may be any side's.
            // The name's last words may stand outside what the lexicon knows of it ("الداخلي").
            let bracketed_alias = actor.start > previous.end
                && actor.start - previous.end <= 1 + NAME_TAIL
                && pack.is_mark(&tokens[actor.start - 1], "(")
                && tokens[previous.end..actor.start - 1].iter().all(|t| t.kind == TokenKind::Word)
                && tokens.get(actor.end).is_some_and(|t| pack.is_mark(t, ")"));
            if bracketed_alias && previous.joint.is_none() {
                previous.id = actor.id;
            }
            let joined = one_connector_between(tokens, pack, previous.end, actor.start);
            if joined && previous.joint.is_none() && previous.id != actor.id {
                previous.joint = Some(actor.id);
                previous.end = actor.end;
                previous.text = text_of(previous.start, previous.end);
                continue;
            }
        }
        merged.push(actor);
    }
    // "the army, backed by its Russian ally, retook ...": a backer is the associate of the
    // actor it backs, never the subject of the verb.
    let mut backed: Vec<ActorMention> = Vec::new();
    for actor in merged {
        let backs = (1..=MAX_BACKING_GAP + 1)
            .any(|gap| actor.start >= gap && pack.backing.match_ending_at(tokens, actor.start + 1 - gap, 3).is_some());
        match backed.last_mut() {
            Some(previous) if backs && previous.id != actor.id => {
                if previous.joint.is_none() {
                    previous.joint = Some(actor.id);
                }
            }
            _ => backed.push(actor),
        }
    }
    let mut merged = backed;
    for actor in &mut merged {
        // "قوات الاحتلال التركي", "forces d'occupation turques": a state's forces named by a
        // generic noun, then qualified by another state's nationality, are that state's. A
        // nationality word is no such noun: "Israeli government" is Israel's.
        let nationality_word = || pack.demonyms.match_at(tokens, actor.start).is_some_and(|h| h.end == actor.end);
        let qualified = pack
            .demonyms
            .match_at(tokens, actor.end)
            .filter(|h| actor.id.is_state() && h.value.is_state() && *h.value != actor.id && !nationality_word());
        if let Some(hit) = qualified {
            actor.id = *hit.value;
            actor.end = hit.end;
            actor.text = text_of(actor.start, actor.end);
        }
        let mut at = actor.end;
        if pack.list_connectors.match_at(tokens, at).is_some() {
            at += 1;
        }
        if actor.joint.is_none() {
            if let Some(hit) = pack.demonyms.match_at(tokens, at).filter(|h| *h.value != actor.id && at > actor.end) {
                actor.joint = Some(*hit.value);
                actor.end = hit.end;
                actor.text = text_of(actor.start, actor.end);
                at = hit.end + usize::from(pack.list_connectors.match_at(tokens, hit.end).is_some());
            }
        }
        if let Some(hit) = pack.allies.match_at(tokens, at).or_else(|| pack.allies.match_at(tokens, at + 1)) {
            actor.allies = Some(text_of(hit.start, hit.end));
        }
    }
    with_unidentified(merged, tokens, pack, sources, starts)
}

/// Armed bodies a nationality word names the state of, where no actor name covers them:
/// "قوات تركية" (Turkish forces), "forces turques", "Israeli troops": the noun and the word
/// next to it, after it or before it.
fn bodies_of_a_nation(
    tokens: &[Token],
    pack: &LanguagePack,
    named: &[ActorMention],
    starts: &Starts,
) -> Vec<ActorMention> {
    let mut found: Vec<ActorMention> = Vec::new();
    if pack.demonyms.absent_from(starts.present()) {
        return found;
    }
    for body in spans_in(&pack.armed_bodies, tokens, starts) {
        let after = pack.demonyms.match_at(tokens, body.1).map(|d| (body.0, d.end, *d.value));
        let before = || pack.demonyms.match_ending_at(tokens, body.0, 2).map(|d| (d.start, body.1, *d.value));
        let Some((start, end, id)) = after.or_else(before) else {
            continue;
        };
        let covered = named.iter().chain(&found).any(|a| a.start < end && start < a.end);
        if !covered {
            found.push(ActorMention {
                start,
                end,
                id,
                text: span_text_of_tokens(tokens, start, end),
                joint: None,
                allies: None,
                unidentified: false,
            });
        }
    }
    found
}

/// The actors qualified as unknown ("مسلحين مجهولين": unknown gunmen) marked unidentified,
/// and the unknown ones named by that word alone ("مجهولون أطلقوا النار": unknown men
/// opened fire) added, as are bare armed men ("gunmen attacked") unless a word of
/// affiliation ties them to a side named next: an armed party whose side the text does not
/// give. Its id is that of the armed non-state groups, for the tests that ask whether an
/// actor is armed; it never reaches an event (`actor1` is then null, as the coding rules
/// want).
fn with_unidentified(
    mut actors: Vec<ActorMention>,
    tokens: &[Token],
    pack: &LanguagePack,
    sources: &[(usize, usize)],
    starts: &Starts,
) -> Vec<ActorMention> {
    let Some(armed) = ActorId::parse(UNIDENTIFIED_STAND_IN) else {
        return actors;
    };
    for (start, end) in spans_in(&pack.unidentified, tokens, starts) {
        if inside_any(start, end, sources) {
            continue;
        }
        if let Some(actor) = actors.iter_mut().find(|a| a.end == start || a.start == end) {
            actor.unidentified = true;
            actor.start = actor.start.min(start);
            actor.end = actor.end.max(end);
            actor.text = span_text_of_tokens(tokens, actor.start, actor.end);
            continue;
        }
        if inside_any(start, end, &actors.iter().map(|a| (a.start, a.end)).collect::<Vec<_>>()) {
            continue;
        }
        // "gunmen loyal to the regime": the men are that side's.
        if actors.iter().any(|side| tied_by_affiliation(tokens, pack, end, side.start)) {
            continue;
        }
        actors.push(ActorMention {
            start,
            end,
            id: armed,
            text: span_text_of_tokens(tokens, start, end),
            joint: None,
            allies: None,
            unidentified: true,
        });
    }
    actors.sort_by_key(|a| a.start);
    actors
}

/// Whether a word of affiliation ties the men or unit ending at `unit_end` to the side
/// named from `side_start` ("gunmen loyal to the regime", "فيلق الشام التابع لفصائل
/// المعارضة"): the side's name follows the word, one word of article aside.
pub(crate) fn tied_by_affiliation(tokens: &[Token], pack: &LanguagePack, unit_end: usize, side_start: usize) -> bool {
    pack.affiliations.match_at(tokens, unit_end).is_some_and(|hit| (hit.end..=hit.end + 1).contains(&side_start))
}

/// The id an unidentified armed party stands under inside the engine.
const UNIDENTIFIED_STAND_IN: &str = "OPP";

/// The words of tokens `start..end` joined by single spaces, written into a string of their
/// length: a vector of the words and `join` cost twice as much, for every actor spotted.
fn span_text_of_tokens(tokens: &[Token], start: usize, end: usize) -> String {
    let span = &tokens[start..end];
    let len = span.iter().map(|t| t.text.len() + 1).sum::<usize>().saturating_sub(1);
    let mut text = String::with_capacity(len);
    for (i, token) in span.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(token.text);
    }
    text
}

/// Whether a token can continue a name: a capitalized word, or the Arabic article joined
/// to one ("al-Sham"), or a bare article before a capitalized word ("an Nu`man").
/// How many tokens may stand before a dateline's name: marks, numbers and a label in
/// lower case ("date 2024-03-06 Idlib, Syria (AP) —").
const DATELINE_LEAD: usize = 8;
/// How many tokens may stand between a dateline's name and the mark that ends it ("Damas,
/// 15 juin 2014 (AFP) –").
const DATELINE_REACH: usize = 12;

/// Whether the name at `start..end` heads a dateline, which says where a report was filed,
/// not where anything happened: a name opening the sentence and closed by a colon or a bar
/// ("Damascus: ...", "Damas | ..."), standing alone in brackets ("(Damas) Sept enfants..."),
/// or followed, through a country, a date and the agency in brackets, by a dash ("Damas
/// (Agence Fides) –", "Idlib, Syria (AP) —", "Beirut, September 12, 2019 —").
fn is_dateline(tokens: &[Token], start: usize, end: usize, pack: &LanguagePack) -> bool {
    let lead = &tokens[..start];
    let opens_the_sentence =
        lead.len() <= DATELINE_LEAD && lead.iter().all(|t| t.kind != TokenKind::Word || !starts_with_capital(t.text));
    if !opens_the_sentence {
        return false;
    }
    let bracketed = start > 0 && tokens[start - 1].is_punct("(");
    let mut depth = 0usize;
    for (i, token) in tokens.iter().enumerate().skip(end).take(DATELINE_REACH) {
        // A headline's "Afrin: continued looting" names its subject's place, a kicker: only
        // prose, ended by its final mark, opens with a dateline and a colon.
        if i == end && (token.is_punct(":|") && is_prose(tokens) || bracketed && token.is_punct(")")) {
            return true;
        }
        if token.is_punct("(") {
            depth += 1;
        } else if token.is_punct(")") {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && token.is_punct("-–—") {
            return true;
        } else if depth == 0 && token.kind == TokenKind::Word {
            // Between the name and its dash stand only names (a country) and dates.
            let dating = pack.months.match_at(tokens, i).is_some();
            if !starts_with_capital(token.text) && !dating {
                return false;
            }
        } else if depth == 0 && token.kind == TokenKind::Punct && !token.is_punct(",.") {
            return false;
        }
    }
    false
}

/// Whether a sentence ends with a final mark, as prose does and headlines do not.
fn is_prose(tokens: &[Token]) -> bool {
    tokens.iter().rev().find(|t| !t.is_punct("\"'”’»)")).is_some_and(|t| t.is_punct(".!?…"))
}

fn is_article_form(token: &Token) -> bool {
    const ARTICLES: &[&str] = &[
        "al", "el", "an", "ash", "as", "ad", "ar", "az", "at", "ath", "adh", "en", "er", "es", "ez", "ed", "et", "ul",
        // The article's vowel alone before a sun letter: "Deir e-Zor", "a-Suwayda".
        "e", "a",
    ];
    // Every article has one to three letters: a word whose first hyphen comes later (or
    // that has none, as most have not) is looked at no further.
    let Some(hyphen) = token.norm.as_bytes().iter().take(4).position(|&b| b == b'-') else {
        return false;
    };
    // The name after the article keeps its capital: "al-Ghadafeh", "al‑ʿAyn", not "en-dessous".
    ARTICLES.contains(&&token.norm[..hyphen])
        && token.text.split_once(is_hyphen).is_some_and(|(_, rest)| starts_with_capital(rest))
}

/// "Britain-based", "Iran-backed", "US-led": a name joined to a lower-case word is an
/// adjective, not a place ("al-Sham", "ez-Zor" keep a capital after the hyphen).
fn is_compound_adjective(token: &Token) -> bool {
    token.text.rsplit_once(is_hyphen).is_some_and(|(_, last)| last.chars().next().is_some_and(char::is_lowercase))
}

/// Whether a token may be a word of a name, by what costs least to tell: a capital, or a
/// hyphen where an article form has it. Most words have
/// neither, and are not looked at further (nor pay for the call that would).
#[inline]
fn may_be_name_word(token: &Token) -> bool {
    // An article has one to three letters: its hyphen is the word's second to fourth byte.
    let norm = token.norm.as_bytes();
    token.is_capitalized() || norm.get(1..4).is_some_and(|after_first| after_first.contains(&b'-'))
}

/// Whether token `i` is a word of a name: capitalised and neither a function word, a
/// compound adjective nor a direction (a direction is no part of a name even with a capital,
/// "Northern Hama", "South-East": it makes the name after it a region), or an article form
/// ("al-Ghadafeh").
#[inline(never)]
fn is_name_word(tokens: &[Token], i: usize, pack: &LanguagePack) -> bool {
    let token = &tokens[i];
    // A capital alone is an initial ("U.S.-led"), no name.
    (token.is_capitalized()
        && token.text.chars().nth(1).is_some()
        && !pack.function_words.contains(token.norm.as_str())
        && !is_compound_adjective(token)
        && pack.directions.match_at(tokens, i).is_none())
        || is_article_form(token)
}

/// Capitalised runs of words: candidate names.
fn name_spans(tokens: &[Token], pack: &LanguagePack, blocked: &[bool]) -> Vec<(usize, usize)> {
    let name_word =
        |i: usize| tokens.get(i).is_some_and(|t| !blocked[i] && may_be_name_word(t) && is_name_word(tokens, i, pack));
    let bare_article = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| matches!(t.norm.as_str(), "al" | "el" | "an" | "ash" | "as" | "ad" | "ar" | "az" | "at"))
    };
    let mut spans = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !name_word(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if name_word(end) {
                end += 1;
            } else if bare_article(end) && name_word(end + 1) {
                end += 2;
            } else {
                break;
            }
        }
        // "Hama Governorate", "Idlib Province": a region word written with a capital after a
        // name is no part of it; it makes the name a region, as written in lower case.
        let region_after = |at: usize| {
            pack.region_words.match_at(tokens, at).is_some_and(|h| h.end == end && *h.value == RegionSide::After)
        };
        // "Hama Military Airport", "Sednaya Prison": so is a facility's noun, the place is
        // the town's.
        let facility_after = |at: usize| {
            let mut k = at;
            while k < end {
                let hit = pack.facility_nouns.match_at(tokens, k).or_else(|| pack.military_objects.match_at(tokens, k));
                match hit {
                    Some(h) if h.end <= end => k = h.end,
                    _ => return false,
                }
            }
            true
        };
        let name_end = (start + 1..end).find(|&at| region_after(at) || facility_after(at)).unwrap_or(end);
        spans.push((start, name_end));
        i = end;
    }
    spans
}

/// The most words a name of the gazetteer is looked for in.
const MAX_NAME_WORDS: usize = 4;
/// The most words between a backing marker and the backer ("appuyée par son allié russe").
const MAX_BACKING_GAP: usize = 2;
/// The fewest letters of a one-word name that only a preposition announces.
const MIN_CUED_NAME_CHARS: usize = 3;
/// The most words of a name the gazetteer does not know that a place noun announces.
const MAX_UNKNOWN_NAME_WORDS: usize = 2;
/// How many places' names a word must begin to be read as the head of a compound name
/// rather than a name of its own when an unknown word follows it.
const NAME_HEAD_NAMES: usize = 5;

/// Names in a script without capitals: the longest run of words the gazetteer knows as a
/// name, or the word or two a place noun announces ("قرية X"). A single word the pack knows
/// ("النظام") or a function word is no name.
/// A word a place noun announces is read as written when the gazetteer knows it so, though
/// the tokenizer read it as an inflected word of the pack: "مدينة القريتين" is the town of
/// al-Qaryatayn, not "the two villages".
fn names_with_an_inflected_form<'t>(
    mut tokens: Vec<Token<'t>>,
    pack: &LanguagePack,
    gazetteer: &Gazetteer,
) -> Vec<Token<'t>> {
    for i in 1..tokens.len() {
        if pack.place_nouns.match_ending_at(&tokens, i, 1).is_none() {
            continue;
        }
        let written = pack.rules.fold(tokens[i].text);
        if written != tokens[i].norm && gazetteer.knows_name(&written) {
            pack.read_as_written(&mut tokens[i]);
        }
    }
    tokens
}

fn uncased_name_spans(
    text: &str,
    tokens: &[Token],
    pack: &LanguagePack,
    gazetteer: &Gazetteer,
    blocked: &[bool],
) -> Vec<(usize, usize)> {
    let free = |i: usize| {
        tokens.get(i).is_some_and(|t| {
            !blocked[i] && t.kind == TokenKind::Word && !pack.is_function_token(t) && !pack.is_split_enclitic(tokens, i)
        })
    };
    let unknown = |i: usize| free(i) && !pack.knows_token(&tokens[i]);
    let joins_items = |i: usize| {
        pack.list_connectors.match_at(tokens, i).is_some() || pack.list_introducers.match_at(tokens, i).is_some()
    };
    // A word that carries the conjunction of a list ("وكفرعميم") starts another item.
    let carries_connector = |i: usize| pack.without_joined_connector(&tokens[i].norm).is_some();
    // "مدينة إعزاز الحدودية" (the border town of Azaz): a definite adjective after a name
    // agrees with it and is no part of it, whatever village the two words' consonants recall;
    // after a place noun in construct it is the name ("تل الحمرية").
    let adjective_of_a_name = |j: usize| {
        pack.is_definite_qualifier(&tokens[j].norm) && pack.place_nouns.match_ending_at(tokens, j, 1).is_none()
    };
    // A word with the article heads no construct, a title aside: the indefinite word after it
    // starts another phrase ("حي الوعر أسبوعيا": the Waer quarter, weekly), not the name's
    // second word.
    let after_a_definite_word = |j: usize| {
        let head = &tokens[j - 1].norm;
        pack.is_definite(head) && !pack.is_name_title(head) && !pack.is_definite(&tokens[j].norm)
    };
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !free(i) {
            i += 1;
            continue;
        }
        // "قريتي X وY": an item of a list of names, its conjunction joined to it, is a name
        // when without the conjunction it is one, or has the consonants of a place known by
        // its Latin name.
        // The conjunction may also stand apart, before the item ("قرى عياش و الخريطة"): the
        // word is then the item whole, when it stands alone (the next word no part of a
        // longer name) in a list a place noun announced.
        let connector_apart = spans.last().is_some_and(|&(_, end)| one_connector_between(tokens, pack, end, i));
        let after_item = connector_apart || spans.last().is_some_and(|&(_, end)| end == i);
        if after_item && unknown(i) {
            // A word conjunction, not a comma: after a comma comes as often an apposition
            // ("من بلدة X، تابعين لـ": of the town of X, members of) as the next item.
            let conjunction_apart = connector_apart && i > 0 && tokens[i - 1].kind == TokenKind::Word;
            // A comma may part the items of a list that a place noun or a word such as
            // "namely" announced ("البلدات وهي A، B، C"): there the next item, not an
            // apposition, when a mark or a connector ends it as it ends the items.
            let item_ends = || tokens.get(i + 1).is_none_or(|t| t.kind == TokenKind::Punct || joins_items(i + 1));
            let whole = || {
                conjunction_apart && !free(i + 1) && list_announced(&spans, tokens, pack, false)
                    || connector_apart && item_ends() && list_announced(&spans, tokens, pack, !conjunction_apart)
            };
            let joined_item = pack.without_joined_connector(&tokens[i].norm);
            // In a list a place noun announced ("قرى X وY وZ"), an item the gazetteer does
            // not know is still a village: it keeps the list going to the items after it.
            let carries_a_conjunction = joined_item.is_some();
            let announced_item = || carries_a_conjunction && list_announced(&spans, tokens, pack, false) || whole();
            let item = joined_item.or_else(|| whole().then(|| tokens[i].norm.to_string()));
            // A word the gazetteer does not know as written, with a definite noun after it
            // that is no adjective of it, begins a clause: its verb and subject ("، وتوالت
            // المجازر": and the massacres followed), whatever village its consonants recall.
            let subject_after = || {
                tokens.get(i + 1).is_some_and(|t| {
                    t.kind == TokenKind::Word && pack.is_definite(&t.norm) && !pack.is_definite_qualifier(&t.norm)
                })
            };
            let known = item.as_deref().is_some_and(|name| gazetteer.knows_name(name));
            let recalled = || {
                item.as_deref().is_some_and(|name| gazetteer.knows_name_by_consonants(name, HOME_COUNTRY))
                    || announced_item()
            };
            if known || (recalled() && !subject_after()) {
                spans.push((i, i + 1));
                i += 1;
                continue;
            }
        }
        // A one-word name needs a cue: a preposition of place, a place noun or region word,
        // or a name just before it in a list; common words are villages' names too.
        // A conjunction or a comma announces a name only as the next item of a list begun by
        // a name: at a clause's start it joins clauses ("وتلا أحد المتظاهرين": and one of the
        // protesters read out), and the word after it is as often a verb as a village.
        let list_goes_on = |at: usize| spans.last().is_some_and(|&(_, end)| end <= at && (end..at).all(&joins_items));
        // "تطالب بالحرية": the preposition of a word of demanding takes its object.
        let governed =
            |h: &Hit<'_, ()>| h.start > 0 && pack.governing_words.match_ending_at(tokens, h.start, 1).is_some();
        let cue_counts =
            |h: Hit<'_, ()>| !governed(&h) && (!(h.start..h.end).all(&joins_items) || list_goes_on(h.start));
        // A cue may stand before an opening bracket that holds the names ("في (الزبداني
        // ومضايا)"); not before a quotation mark, which as often opens the name of a body.
        let opening_bracket = i > 0 && tokens[i - 1].kind == TokenKind::Punct && tokens[i - 1].text == "(";
        let cue_end = if opening_bracket { i - 1 } else { i };
        let cued = cue_end > 0
            && (pack.name_cues.match_ending_at(tokens, cue_end, 2).is_some_and(cue_counts)
                || pack.list_introducers.match_ending_at(tokens, cue_end, 3).is_some()
                || pack.region_words.match_ending_at(tokens, cue_end, 2).is_some()
                || pack.near_markers.match_ending_at(tokens, cue_end, 3).is_some()
                // "أهالي سراقب": the residents of a place ("أهالي حي X": the place noun
                // announces the name after it).
                || pack.residents.match_ending_at(tokens, i, 2).is_some() && pack.place_nouns.match_at(tokens, i).is_none()
                || announced_by_place_noun(tokens, i, pack));
        // A word of two letters after a preposition is a verb or a particle far more often
        // than a village ("صد هجوم": repelled an attack); a place noun may announce one.
        let short = tokens[i].norm.chars().count() < MIN_CUED_NAME_CHARS;
        let cued_word = cued && (!short || announced_by_place_noun(tokens, i, pack));
        // A name of several words may also be a village known by its Latin name only, found
        // by its consonants, if none of its words joins or announces the items of a list
        // ("قرى X" is "the villages of" and a name) and none after the first is a word of the
        // pack; one word so matched would too often be a common word.
        // A word of the pack that a place noun announces is a name when the gazetteer knows
        // it so ("مدينة تدمر": Palmyra, not "is destroyed"), unless it is itself a word for
        // places ("مدن وبلدات محافظة الحسكة").
        let announced_known = |k: usize| {
            k == 1
                && announced_by_place_noun(tokens, i, pack)
                && pack.place_nouns.match_at(tokens, i).is_none()
                && pack.region_words.match_at(tokens, i).is_none()
                && gazetteer.knows_name(span_str(text, tokens, i, i + 1))
        };
        // "منطقة قريبة" (a nearby area), "قرى جديدة" (new villages): an adjective after a
        // place noun says what kind of place it is; it may still start a longer name.
        let norm = tokens[i].norm.as_str();
        let listed = pack.place_qualifiers.contains(norm);
        // "العاصمة البريطانية" (the British capital): after a definite place noun a definite
        // adjective agrees with it.
        let agrees_with_its_noun = i > 0 && pack.is_definite_qualifier(norm) && pack.is_definite(&tokens[i - 1].norm);
        let qualifier =
            (listed || pack.has_qualifier_form(norm) && !gazetteer.knows_name(tokens[i].text) || agrees_with_its_noun)
                && announced_by_place_noun(tokens, i, pack);
        // "أحياء المدينة" (the quarters of the city): a definite place noun alone names no
        // place of its own, even where a village bears it as a name; it refers back.
        let refers_back = pack.place_anaphors.match_at(tokens, i).is_some_and(|h| h.end == i + 1)
            || pack.same_place_nouns.match_at(tokens, i).is_some_and(|h| h.end == i + 1);
        // "في حي العرضي": a word for a settlement announces the name after it; with it, the
        // words are no village's name that only their consonants recall.
        let heads_a_settlement = || pack.settlement_nouns.match_at(tokens, i).is_some_and(|h| h.end == i + 1);
        let known = (1..=MAX_NAME_WORDS)
            .rev()
            .filter(|&k| k > 1 || !(qualifier || refers_back))
            .filter(|&k| (i..i + k).all(free) && (k > 1 || (unknown(i) && cued_word) || announced_known(k)))
            .find(|&k| {
                let name = span_str(text, tokens, i, i + k);
                gazetteer.knows_name(name)
                    || (k > 1
                        && cued
                        && !heads_a_settlement()
                        && !(i..i + k).any(joins_items)
                        && !(i + 1..i + k).any(carries_connector)
                        && (i + 1..i + k).all(unknown)
                        && !(i + 1..i + k).any(adjective_of_a_name)
                        && gazetteer.knows_name_by_consonants(name, HOME_COUNTRY))
            });
        let no_name = |j: usize| pack.starts_as_no_name(&tokens[j].norm) || pack.ends_as_no_name(&tokens[j].norm);
        // "قرية خربة خوي": a place noun announces a name of two words, of which the
        // gazetteer knows the first alone, a word that heads many names ("خربة", a ruin):
        // the name is both words, a village no table has, not the one the first word names.
        let goes_on_unknown = |j: usize| {
            unknown(j) && !no_name(j) && !carries_connector(j) && !adjective_of_a_name(j) && !after_a_definite_word(j)
        };
        let heads_names = || gazetteer.names_starting_with(tokens[i].text, NAME_HEAD_NAMES) >= NAME_HEAD_NAMES;
        let known = known.map(|k| {
            let longer = k == 1
                && !qualifier
                && !refers_back
                && announced_by_place_noun(tokens, i, pack)
                && goes_on_unknown(i + 1)
                && heads_names();
            if longer {
                2
            } else {
                k
            }
        });
        let length = known.or_else(|| {
            let announced = unknown(i) && !qualifier && !refers_back && announced_by_place_noun(tokens, i, pack);
            (announced && !no_name(i)).then(|| {
                (i..i + MAX_UNKNOWN_NAME_WORDS)
                    .take_while(|&j| {
                        unknown(j)
                            && !no_name(j)
                            && (j == i || !carries_connector(j) && !adjective_of_a_name(j) && !after_a_definite_word(j))
                    })
                    .count()
            })
        });
        match length {
            Some(k) => {
                spans.push((i, i + k));
                i += k;
            }
            None => i += 1,
        }
    }
    spans
}

/// Whether the list the last span ends announces its items by a place noun: its first item
/// comes right after one ("قرى X وY"), the items joined by list connectors only. With
/// `plural_only`, the noun must be a plural or a dual: a singular one joins a second name
/// by a conjunction ("قرية X وY") but not by a comma.
fn list_announced(spans: &[(usize, usize)], tokens: &[Token], pack: &LanguagePack, plural_only: bool) -> bool {
    let joined = |end: usize, start: usize| end == start || one_connector_between(tokens, pack, end, start);
    let mut first = spans.len();
    while first > 1 && joined(spans[first - 2].1, spans[first - 1].0) {
        first -= 1;
    }
    first > 0 && {
        let start = spans[first - 1].0;
        let noun = announcing(tokens, start, pack, &pack.place_nouns);
        noun.is_some_and(|noun| !plural_only || pack.announces_a_list(&tokens[noun.end - 1]))
            || pack.list_introducers.match_ending_at(tokens, start, 3).is_some()
    }
}

fn place_mention(
    text: &str,
    tokens: &[Token],
    start: usize,
    end: usize,
    pack: &LanguagePack,
    gazetteer: &Gazetteer,
    claims: &[(usize, usize)],
) -> PlaceMention {
    let mut name = span_text(text, tokens, start, end);
    // An item joined to its list's conjunction ("وجربين") is named without it: the
    // conjunction split off as the pack splits clitics, short vowels and all.
    if end == start + 1 && !gazetteer.knows_name(&tokens[start].norm) {
        if let Some(stem) = pack.without_joined_connector(&tokens[start].norm) {
            let pieces = pack.split_clitics_where(text, vec![tokens[start].clone()], |_| false, |word| word == stem);
            if let Some(item) = pieces.last().filter(|_| pieces.len() > 1) {
                name = text[item.start..item.end].to_string();
            }
        }
    }
    // "محافظة إدلب", "Idlib province" written as one name the gazetteer knows: the region
    // word at its head makes the governorate it names a region, as it does standing apart
    // before a name ("محافظة" + "إدلب"), not the governorate's seat.
    if let Some(head) =
        pack.region_words.match_at(tokens, start).filter(|h| *h.value == RegionSide::Before && h.end < end)
    {
        let rest = span_str(text, tokens, head.end, end);
        if let Some(governorate) = gazetteer.governorate_named(rest) {
            let admin1 = Some(governorate.admin1.clone());
            return PlaceMention {
                start: head.end,
                end,
                text: rest.to_string(),
                role: PlaceRole::Region { admin1 },
                after_place_noun: false,
                referent: None,
            };
        }
    }
    // "Sawar, une ville de la province de Deir Ezzor": a noun in apposition after a name
    // says what it is, as one before it does.
    let after_place_noun =
        announced_by_place_noun(tokens, start, pack) || describing(tokens, end, pack, &pack.place_nouns).is_some();
    let role = role_of(&name, tokens, start, end, pack, gazetteer, claims);
    PlaceMention { start, end, text: name, role, after_place_noun, referent: None }
}

/// How many tokens (a comma, a colon) may stand between a word that introduces a slogan and
/// the quotation mark that opens it.
const SLOGAN_QUOTE_REACH: usize = 2;

/// The token ranges of slogans quoted after a word that introduces them ("banners reading
/// \"...\"", "scandant « ... »", "هتفوا «...»"), and the slogans listed after them: the names
/// in them are chanted or written, not where anything happened. A slogan runs to its closing
/// quotation mark, or to the sentence's end.
fn quoted_slogans(tokens: &[Token], pack: &LanguagePack) -> Vec<(usize, usize)> {
    let mut slogans = Vec::new();
    for lead in pack.slogan_leads.spans(tokens) {
        let mut from = lead.1;
        // Slogans listed one after another ("“A,” “B,” and “C”") are all chanted.
        loop {
            let reach = (from + SLOGAN_QUOTE_REACH + 1).min(tokens.len());
            let Some(open) = (from..reach).find(|&i| tokens[i].is_punct(OPENING_QUOTES)) else { break };
            let close = (open + 1..tokens.len()).find(|&i| tokens[i].is_punct(OPENING_QUOTES)).unwrap_or(tokens.len());
            slogans.push((open, close));
            from = close + 1;
        }
    }
    slogans
}

/// Quotation marks that may open a quoted name: typographic quotes are written either way
/// round by right-to-left texts.
const OPENING_QUOTES: &str = "\"“”«»„";

/// "la ville de X", "the villages of X", "village d'X", "the town X": a place noun ends at
/// the name, or before one or two small words (or an opening quote) that end at it.
fn announced_by_place_noun(tokens: &[Token], start: usize, pack: &LanguagePack) -> bool {
    announcing(tokens, start, pack, &pack.place_nouns).is_some()
}

/// How many small words (a quote, a function word, a direction) may stand between a noun
/// and the name it announces.
const ANNOUNCING_SKIPS: usize = 2;
/// The most words of a noun that announces a name.
const ANNOUNCING_NOUN_WORDS: usize = 3;

/// The noun of a lexicon that announces the name at `start`: ending at it, or before one or
/// two small words that end at it.
pub(crate) fn announcing<'l, T: Clone>(
    tokens: &[Token],
    start: usize,
    pack: &LanguagePack,
    nouns: &'l Lexicon<T>,
) -> Option<Hit<'l, T>> {
    // Every noun looked for below starts in the few tokens before the name: when none of
    // them may start one, no look-up can find one.
    if nouns.absent_from(bits_before(tokens, start, ANNOUNCING_SKIPS + ANNOUNCING_NOUN_WORDS)) {
        return None;
    }
    let mut at = start;
    for _ in 0..=ANNOUNCING_SKIPS {
        if let Some(hit) = nouns.match_ending_at(tokens, at, ANNOUNCING_NOUN_WORDS) {
            // A dual or plural with its nūn is in no construct: the words after it qualify it.
            return (!pack.in_absolute_state(&tokens[hit.end - 1])).then_some(hit);
        }
        // A name may be set in quotes after its noun ("the village of \"X\"", "قرية «X»"),
        // and a list of names in brackets ("قرى (X وY وZ)").
        let small = at > 0 && {
            let previous = &tokens[at - 1];
            previous.is_punct(OPENING_QUOTES)
                || previous.is_punct("(")
                || previous.kind == TokenKind::Word
                    && (pack.function_words.contains(previous.norm.as_str())
                        || pack.directions.match_at(tokens, at - 1).is_some())
        };
        if !small {
            return None;
        }
        at -= 1;
    }
    None
}

/// The noun of a lexicon set in apposition after the name that ends at `end`: after a
/// comma, and an article or another function word or two. The noun names one place ("Damas,
/// les quartiers de X, Y" opens a list, no apposition) and owns nothing ("Assad, the city's
/// governor" names a person).
pub(crate) fn describing<'l, T: Clone>(
    tokens: &[Token],
    end: usize,
    pack: &LanguagePack,
    nouns: &'l Lexicon<T>,
) -> Option<Hit<'l, T>> {
    // Told by the bytes: most names are followed by no comma, and a comma is one byte.
    if tokens.get(end).is_none_or(|t| t.text != ",") {
        return None;
    }
    // Most commas after a name are followed by no noun of the lexicon: told by the index
    // of first words, without looking up a word.
    let after_comma = tokens.get(end + 1..(end + 2 + ANNOUNCING_SKIPS).min(tokens.len())).unwrap_or(&[]);
    if nouns.absent_from(starting_bits(after_comma)) {
        return None;
    }
    for at in end + 1..=end + 1 + ANNOUNCING_SKIPS {
        if let Some(hit) = nouns.match_at(tokens, at) {
            let one_place = !pack.announces_a_list(&tokens[hit.end - 1]);
            let owns = tokens.get(hit.end).is_some_and(|t| t.norm.starts_with('\''));
            return (one_place && !owns).then_some(hit);
        }
        if !tokens.get(at).is_some_and(|t| pack.is_function_token(t)) {
            return None;
        }
    }
    None
}

/// A place right after another with only "in"/"dans" between contains it: "the town of
/// Sarmin in Idlib" happened in Sarmin, and Idlib only situates it. So does a place its noun
/// announces after "in", after a settlement its own noun announced ("حي الصناعة في مدينة دير
/// الزور": the Sinaa quarter in the city of Deir ez-Zor; a square or a junction in a city is
/// coded at the city).
fn containers_of_places(places: &mut [PlaceMention], tokens: &[Token], pack: &LanguagePack, gazetteer: &Gazetteer) {
    // Whether the place before was itself situated in another: "قرية X التابعة لناحية Y في
    // منطقة Z" (the village of X of the subdistrict of Y in the district of Z) happened in X.
    let mut previous_contained = false;
    for i in 1..places.len() {
        let (before, after) = places.split_at_mut(i);
        let (previous, place) = (&before[i - 1], &mut after[0]);
        let settlement =
            || previous_contained || announcing(tokens, previous.start, pack, &pack.settlement_nouns).is_some();
        let locative = |t: usize| pack.locatives.match_at(tokens, t).is_some();
        // The quotes a name is set in end with it ("قرية \"عبدالو\" التابعة لناحية عفرين").
        let previous_end = (previous.end..place.start.max(previous.end))
            .find(|&t| !tokens[t].is_punct(OPENING_QUOTES))
            .unwrap_or(previous.end);
        // At most two words, each a locative or a function word ("in the", "التابعة ل").
        let small_lead = |lead: std::ops::Range<usize>| {
            lead.len() <= 2 && lead.clone().all(|t| locative(t) || pack.is_function_token(&tokens[t]))
        };
        // A locative, and a function word at most after it; not one before it ("in X and in
        // Y": two places).
        let only_locatives = |from: usize, to: usize| from < to && locative(from) && small_lead(from..to);
        // "in the city of": a locative, perhaps an article, then the noun.
        let noun_after_locative = || {
            announcing(tokens, place.start, pack, &pack.place_nouns).is_some_and(|noun| {
                let lead = previous_end..noun.start;
                small_lead(lead.clone()) && lead.clone().any(locative)
            })
        };
        // "Takil Baqil, village de Derik": a noun in apposition, then the town it is of.
        let noun_in_apposition = || {
            describing(tokens, previous.end, pack, &pack.place_nouns).is_some_and(|noun| {
                let lead = noun.end..place.start;
                !lead.is_empty() && small_lead(lead)
            })
        };
        let contained = (matches!(previous.role, PlaceRole::Site | PlaceRole::Near) || previous_contained)
            && place.role == PlaceRole::Site
            && place.start > previous.end
            && (only_locatives(previous_end, place.start)
                || settlement() && noun_after_locative()
                || noun_in_apposition());
        if contained {
            place.role =
                PlaceRole::Region { admin1: gazetteer.governorate_named(&place.text).map(|g| g.admin1.clone()) };
        }
        previous_contained = contained;
    }
}

/// Items listed after a place noun share it: "the villages of A and B", "قريتي A وB". So
/// does another name of the place in a bracket opened right after it ("la ville de A (en
/// kurde : B)").
fn share_place_nouns(places: &mut [PlaceMention], tokens: &[Token], pack: &LanguagePack) {
    // The first place of the list the previous place ends.
    let mut list_start = 0;
    for i in 1..places.len() {
        let (before, after) = places.split_at_mut(i);
        let (previous, place) = (&before[i - 1], &mut after[0]);
        // The conjunction may be written joined to the item ("قريتي الصيادة واليالني"): only
        // in a list a noun of several places announced, as the conjunction joins clauses as
        // often. The nouns are looked up last, for the few items so joined.
        let joined = || {
            place.start == previous.end
                && pack.without_joined_connector(&tokens[place.start].norm).is_some()
                && before[list_start..].iter().any(|p| announced_by_a_plural_noun(p, tokens, pack))
        };
        let listed = previous.after_place_noun
            && (place.start > previous.end
                && (previous.end..place.start).all(|t| pack.list_connectors.match_at(tokens, t).is_some())
                || joined());
        if listed || previous.after_place_noun && is_bracketed_alias(tokens, previous.end, place.start, pack) {
            place.after_place_noun = true;
        } else {
            list_start = i;
        }
    }
}

/// A name alone in a bracket right after a place's name is another name of that place
/// ("the town of Qamishlo (Qamishli)", "عين العرب (كوباني)"): one place, not two. The
/// mention keeps the name the gazetteer knows as written when only the bracketed one is.
/// A governorate or a country in the bracket is no other name: it situates the place.
fn one_place_for_a_bracketed_alias(
    places: &mut Vec<PlaceMention>,
    tokens: &[Token],
    pack: &LanguagePack,
    gazetteer: &Gazetteer,
) {
    let mut i = 1;
    while i < places.len() {
        let (name, alias) = (&places[i - 1], &places[i]);
        let alone_in_bracket = alias.start == name.end + 1
            && tokens.get(name.end).is_some_and(|t| pack.is_mark(t, "("))
            && tokens.get(alias.end).is_some_and(|t| pack.is_mark(t, ")"));
        if !alone_in_bracket || alias.role != name.role || gazetteer.country_named(&alias.text).is_some() {
            i += 1;
            continue;
        }
        // "Jidya (Daraa)": a governorate in the bracket says where the place is.
        if let Some(governorate) = gazetteer.governorate_named(&alias.text).filter(|g| g.country == HOME_COUNTRY) {
            places[i].role = PlaceRole::Region { admin1: Some(governorate.admin1.clone()) };
            i += 1;
            continue;
        }
        let known = |place: &PlaceMention| gazetteer.knows_spelling_in(&place.text, HOME_COUNTRY);
        if !known(name) && known(alias) {
            places[i - 1].text = places[i].text.clone();
        }
        places.remove(i);
    }
}

/// Whether a place noun of several places announces the place ("قرى", "the villages of").
fn announced_by_a_plural_noun(place: &PlaceMention, tokens: &[Token], pack: &LanguagePack) -> bool {
    place.after_place_noun
        && announcing(tokens, place.start, pack, &pack.place_nouns)
            .is_some_and(|noun| pack.announces_a_list(&tokens[noun.end - 1]))
}

/// The most words between a bracket opened after a name and another name of it inside.
const MAX_ALIAS_LEAD: usize = 4;

/// Whether a bracket opens right after one name (at `from`) and another stands inside it,
/// at `to`, after at most a few words and no closing bracket.
pub(crate) fn is_bracketed_alias(tokens: &[Token], from: usize, to: usize, pack: &LanguagePack) -> bool {
    to > from
        && to - from <= MAX_ALIAS_LEAD
        && tokens.get(from).is_some_and(|t| pack.is_mark(t, "("))
        && !tokens[from + 1..to].iter().any(|t| pack.is_mark(t, "()"))
}

/// The role the words around a place's mention give it: a country, a facility, a person,
/// a region, a landmark, near, an origin, else a site.
pub(crate) fn role_of(
    name: &str,
    tokens: &[Token],
    start: usize,
    end: usize,
    pack: &LanguagePack,
    gazetteer: &Gazetteer,
    claims: &[(usize, usize)],
) -> PlaceRole {
    if gazetteer.country_named(name).is_some() {
        return PlaceRole::Country;
    }
    // "depuis le Golan", "launched from the Badia": a region named as where fire or a force
    // set out from is its origin, as a town would be, not the region where it struck.
    // The marker governs the name: an article and an adjective at most stand between. The
    // words are looked at first, the gazetteer only after a marker.
    const ORIGIN_REACH: usize = 3;
    // The governorate the name names, looked up once: every reading of a name that is no
    // country's asks it, some several times.
    let governorate = gazetteer.governorate_named(name);
    let region_named = || governorate.is_some() || gazetteer.names_a_region(name);
    if pack.origin_markers.last_end_within(tokens, start, ORIGIN_REACH, MARKER_REACH).is_some() && region_named() {
        return PlaceRole::Origin;
    }
    // A governorate's name that is no name of its seat ("the Golan", "Ghouta") is the region.
    if let Some(governorate) = governorate {
        let seat = gazetteer
            .resolve_in_country(name, &governorate.country)
            .is_some_and(|p| p.geonameid == Some(governorate.capital_geonameid));
        if !seat {
            return PlaceRole::Region { admin1: Some(governorate.admin1.clone()) };
        }
    }
    // A named region ("Jabal al-Zawiya", "الغوطة الشرقية") is where events happen only when
    // its sentence names no village.
    if gazetteer.names_a_region(name) {
        return PlaceRole::Region { admin1: None };
    }
    // Every marker looked for before the name starts in the tokens just before it: a lexicon
    // none of whose phrases may start there is not looked up at all.
    let before = Before::of(tokens, start);
    // "Al-Razi hospital", "the hospital, Al-Razi": the name is the facility's. "The centre of
    // Afrin", "l'hôpital de Saraqeb": the town it stands in, a site like any other.
    let facility_before = before.ending_at(&pack.facility_nouns, start, 2).is_some()
        || (start > 0
            && before.ending_at(&pack.facility_nouns, start - 1, 2).is_some()
            && tokens[start - 1].kind == TokenKind::Punct
            && pack.list_connectors.match_at(tokens, start - 1).is_some());
    if facility_before || pack.facility_nouns.match_at(tokens, end).is_some() {
        return PlaceRole::Facility;
    }
    // "President Bashar al-Assad": a title or a given name just before makes it a person.
    if before.ending_at(&pack.person_titles, start, 3).is_some() || pack.person_titles.match_at(tokens, start).is_some()
    {
        return PlaceRole::Person;
    }
    // "Hawar News Agency", "قناة الميادين": an outlet's name is a source.
    if before.ending_at(&pack.outlet_nouns, start, 3).is_some() || pack.outlet_nouns.match_at(tokens, end).is_some() {
        return PlaceRole::Person;
    }
    // "reconquises par Damas", "attacked by Ankara": a place named as the doer of a passive
    // stands for the authority seated there, the government, not where the deed was.
    if before.ending_at(&pack.passive_agent, start, 3).is_some() {
        return PlaceRole::Person;
    }
    let claim_adjacent = claims.iter().any(|&(s, e)| s == end || e == start);
    if claim_adjacent && governorate.is_none() {
        return PlaceRole::Person;
    }
    // The nearest marker before the name decides between region, landmark and origin.
    let nearest = |lexicon: &frontline_lang::Lexicon<()>| before.marker(lexicon);
    // Not across a locative: "in the countryside of Hasakah, in the towns of Darbasiyah" names
    // the region first and then, in it, the towns.
    let locative_between = |from: usize| (from..start).any(|t| pack.locatives.match_at(tokens, t).is_some());
    let region_before = (1..=4).find(|back| {
        start >= *back
            && before.ending_at(&pack.region_words, start + 1 - back, 3).is_some_and(|h| *h.value == RegionSide::Before)
            && !locative_between(start + 1 - back)
    });
    let region_after = pack.region_words.match_at(tokens, end).is_some_and(|h| *h.value == RegionSide::After);
    // "dans le nord de Hama", "in eastern Aleppo": a direction alone also makes a region; not
    // one that qualifies the place noun announcing the name ("the northern town of Saraqib",
    // "la ville septentrionale de Saraqeb", "the northern district of Afrin").
    let direction_before = before
        .last_end_within(&pack.directions, 3, 2)
        .filter(|&end| announcing(tokens, start, pack, &pack.place_nouns).is_none_or(|noun| end > noun.start))
        .map(|end| start + 1 - end);
    // "Hama's Suqaylabiyah district": the possessor is the wider area.
    let possessor = tokens.get(end).is_some_and(|t| pack.rules.clitics.iter().any(|c| *c == t.norm));
    // Nor does a marker reach past a locative: "clashes between rival factions in Afrin",
    // "near a checkpoint in Saraqib" tell what happened in the place.
    let reaches = |back: &usize| !locative_between(start + 1 - back);
    let landmark = nearest(&pack.landmark_markers).filter(reaches);
    let near = nearest(&pack.near_markers).filter(reaches);
    let origin = nearest(&pack.origin_markers).filter(reaches);
    let admin1 = || governorate.map(|g| g.admin1.clone());
    // "east of Khabab" is by the town; "north of Hama" is a part of the governorate.
    let bearing = nearest(&pack.bearing_markers);
    let (bearing_region, bearing_near) = match bearing {
        Some(back) if admin1().is_some() => (Some(back), None),
        other => (None, other),
    };
    let closest = [
        [region_before, direction_before, bearing_region].into_iter().flatten().min().map(|d| (d, 0)),
        landmark.map(|d| (d, 1)),
        near.or(bearing_near).map(|d| (d, 2)),
        origin.map(|d| (d, 3)),
    ]
    .into_iter()
    .flatten()
    .min();
    match closest {
        Some((_, 0)) => PlaceRole::Region { admin1: admin1() },
        Some((_, 1)) => PlaceRole::Landmark,
        // "a village near Ras al-Ain, Hasakah province": a governorate's name followed by a
        // word of region is the region Ras al-Ain lies in, not a second place near which the
        // event happened.
        Some((_, 2)) if region_after && governorate.is_some() => PlaceRole::Region { admin1: admin1() },
        Some((_, 2)) => PlaceRole::Near,
        Some((_, _)) => PlaceRole::Origin,
        None if region_after || possessor => PlaceRole::Region { admin1: admin1() },
        None => PlaceRole::Site,
    }
}

/// The tokens before a name where a marker of its role may start, for [`role_of`]'s look-ups:
/// their lexicon bits joined, so that a lexicon none of whose phrases starts in them is
/// not looked up.
struct Before<'t> {
    tokens: &'t [Token<'t>],
    start: usize,
    present: LexiconBits,
}

impl<'t> Before<'t> {
    /// The farthest back a look-up of [`role_of`] starts a phrase: a marker ending
    /// [`MARKER_REACH`] tokens before the name, of as many tokens.
    const REACH: usize = 2 * MARKER_REACH;

    fn of(tokens: &'t [Token], start: usize) -> Before<'t> {
        Before { tokens, start, present: bits_before(tokens, start, Self::REACH) }
    }

    /// [`Lexicon::match_ending_at`], for an `end` at the name's start or before, within
    /// the reach.
    fn ending_at<'a, T: Clone>(&self, lexicon: &'a Lexicon<T>, end: usize, max_len: usize) -> Option<Hit<'a, T>> {
        debug_assert!(end <= self.start && end + 1 >= (self.start + max_len).saturating_sub(Self::REACH));
        if lexicon.absent_from(self.present) {
            return None;
        }
        lexicon.match_ending_at(self.tokens, end, max_len)
    }

    /// [`Lexicon::last_end_within`] from the name's start.
    fn last_end_within<T: Clone>(&self, lexicon: &Lexicon<T>, reach: usize, max_len: usize) -> Option<usize> {
        debug_assert!(reach + max_len <= Self::REACH + 1);
        if lexicon.absent_from(self.present) {
            return None;
        }
        lexicon.last_end_within(self.tokens, self.start, reach, max_len)
    }

    /// [`marker_before`] the name.
    fn marker(&self, lexicon: &Lexicon<()>) -> Option<usize> {
        if lexicon.absent_from(self.present) {
            return None;
        }
        marker_before(lexicon, self.tokens, self.start)
    }
}

/// The lexicons a phrase of which may start at one of the tokens: their
/// [`Token::first_of`] bits, joined.
fn starting_bits(tokens: &[Token]) -> LexiconBits {
    tokens.iter().fold(0, |bits, t| bits | t.first_of)
}

/// [`starting_bits`] of the `reach` tokens before `start`.
fn bits_before(tokens: &[Token], start: usize, reach: usize) -> LexiconBits {
    starting_bits(tokens.get(start.saturating_sub(reach)..start.min(tokens.len())).unwrap_or(&[]))
}

/// How many tokens before a name a marker of its role may end, counting back from the name:
/// a few words may stand between ("à 5 km *au sud* de", "north of the town of").
const MARKER_REACH: usize = 5;

/// How far before token `start` the nearest phrase of `lexicon` ends (1: just before it),
/// within [`MARKER_REACH`].
pub(crate) fn marker_before(lexicon: &frontline_lang::Lexicon<()>, tokens: &[Token], start: usize) -> Option<usize> {
    lexicon.last_end_within(tokens, start, MARKER_REACH, MARKER_REACH).map(|end| start + 1 - end)
}

/// The most words between a "between" marker and the first place it sets ("بين *بلدتي* X").
const BETWEEN_LEAD: usize = 2;

/// "on the road between the towns of X and Y": what happened there is placed near X; Y,
/// listed after it, only bounds the road, a landmark.
fn second_bounds_of_pairs(places: &mut [PlaceMention], tokens: &[Token], pack: &LanguagePack) {
    for i in 1..places.len() {
        let (before, after) = places.split_at_mut(i);
        let (first, second) = (&before[i - 1], &mut after[0]);
        let between = (0..=BETWEEN_LEAD).any(|lead| {
            first.start >= lead && pack.between_markers.match_ending_at(tokens, first.start - lead, 2).is_some()
        });
        let paired = second.start > first.end
            && (first.end..second.start).all(|t| pack.list_connectors.match_at(tokens, t).is_some());
        if between && paired && first.role == PlaceRole::Near && second.role == PlaceRole::Near {
            second.role = PlaceRole::Landmark;
        }
    }
}

/// A region set off by a comma right after a landmark or an origin describes it ("based in
/// Qamishli, in Hasakah province"): it takes the same role.
/// "هاجمت المجموعات، المنطلقة من قرية ديمو، قرية أصيلة": an origin marker governs the place
/// after it, not a place a comma and a place noun of its own set after that one (the object
/// of the verb, where the attack went), though it stands within the marker's reach.
fn origins_end_at_the_next_place(places: &mut [PlaceMention], tokens: &[Token], pack: &LanguagePack) {
    for i in 1..places.len() {
        let (before, after) = places.split_at_mut(i);
        let previous = &before[i - 1];
        let place = &mut after[0];
        // The script's comma: a mark that joins the items of a list ("," and Arabic "،").
        let comma = (previous.end.min(place.start)..place.start)
            .any(|at| tokens[at].kind == TokenKind::Punct && pack.list_connectors.match_at(tokens, at).is_some());
        if previous.role == PlaceRole::Origin && place.role == PlaceRole::Origin && place.after_place_noun && comma {
            place.role = PlaceRole::Site;
        }
    }
}

/// "المتمركزة بقرية الشيخ حديد ومدينة حلفايا", "stationed in Morek and the town of Souran":
/// a place joined to an origin by a conjunction alone (with, at most, a place noun of its
/// own) is governed by the same marker, though it stands beyond the marker's reach. A comma
/// is left to [`origins_end_at_the_next_place`].
fn origins_joined_by_a_conjunction(places: &mut [PlaceMention], tokens: &[Token], pack: &LanguagePack) {
    for i in 1..places.len() {
        let (before, after) = places.split_at_mut(i);
        let previous = &before[i - 1];
        let place = &mut after[0];
        if previous.role != PlaceRole::Origin || place.role != PlaceRole::Site || place.start <= previous.end {
            continue;
        }
        let unpunctuated = tokens[previous.end..place.start].iter().all(|t| t.kind != TokenKind::Punct);
        if unpunctuated && connectors_fill(tokens, pack, previous.end, place.start) {
            place.role = PlaceRole::Origin;
        }
    }
}

/// Whether the tokens from `from` to `to` are list connectors one after the other ("and the
/// village of", "و مدينة").
fn connectors_fill(tokens: &[Token], pack: &LanguagePack, from: usize, to: usize) -> bool {
    let mut at = from;
    while at < to {
        match pack.list_connectors.match_at(tokens, at) {
            Some(hit) if hit.end <= to => at = hit.end,
            _ => return false,
        }
    }
    true
}

fn regions_in_apposition(places: &mut [PlaceMention], tokens: &[Token]) {
    for i in 1..places.len() {
        let (before, after) = places.split_at_mut(i);
        let previous = &before[i - 1];
        let place = &mut after[0];
        let close = place.start >= previous.end && place.start - previous.end <= 5;
        let comma = tokens[previous.end..place.start].iter().any(|t| t.is_punct(","));
        if close
            && comma
            && matches!(place.role, PlaceRole::Region { .. })
            && matches!(previous.role, PlaceRole::Origin | PlaceRole::Landmark)
        {
            place.role = previous.role.clone();
        }
    }
}

fn spot_numbers(tokens: &[Token], pack: &LanguagePack) -> Vec<NumberMention> {
    let mut numbers = Vec::new();
    // The bits of the two lexicons of number words, joined: a token with neither starts no
    // phrase of either, told by one test rather than one per lexicon.
    let word_bits = pack.number_words.start_bit().zip(pack.vague_quantities.start_bit()).map(|(a, b)| a | b);
    let mut i = 0;
    while i < tokens.len() {
        if let Some(value) = tokens[i].value().filter(|_| tokens[i].kind == TokenKind::Number) {
            numbers.push(NumberMention { start: i, end: i + 1, value });
            i += 1;
        } else if word_bits.is_some_and(|bits| tokens[i].first_of & bits == 0) {
            i += 1;
        } else if let Some(hit) =
            pack.number_words.match_at(tokens, i).or_else(|| pack.vague_quantities.match_at(tokens, i))
        {
            numbers.push(NumberMention { start: i, end: hit.end, value: *hit.value });
            i = hit.end;
        } else {
            i += 1;
        }
    }
    numbers
}
