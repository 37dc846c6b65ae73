//! `frontline train`: learns, from the annotated corpus's dev split, two decisions about the
//! events the rules propose. First their sub-event type: each candidate where and when a gold
//! event is takes that event's type as its label, and a multinomial model over the
//! sentence's triggers and actors learns it. Then whether a (retyped) candidate is real: it is
//! labelled by the scorer's matching, and a logistic regression over its features learns it.
//! Both are cross-validated by article (k folds); the penalty and each language's threshold
//! are chosen on the held-out folds, and the models fitted on the whole split are written as
//! `<out>/<language>/weights.tsv`.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::Datelike;
use clap::Args;
use frontline_core::{Event, SubEventType};
use frontline_eval::{
    best_class, fit, fit_classes, fit_isotonic, fold_of, ranking_auc, same_place_and_time, Corpus, CorpusArticle,
    Example, FitOptions, Gold, GoldEvent, Model, Reliability, Scores, Split,
};
use frontline_extract::{retype_candidate, weighs_for_confidence, Extractor};
use frontline_lang::{actor_default_key, Calibration, ConfidenceModel, Weights, NO_USUAL_ACTOR, TYPE_BIAS};

use crate::eval::{read_corpus_extractions, SplitArg};

#[derive(Args)]
pub struct TrainArgs {
    /// The annotated corpus (a folder with articles.jsonl and gold/).
    #[arg(long, value_name = "DIR", default_value = "corpus")]
    corpus: PathBuf,
    /// Which reports to learn from: only dev; the test split is never trained or tuned on.
    #[arg(long, value_enum, default_value = "dev")]
    split: SplitArg,
    /// How many folds to cross-validate over.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(2..=20))]
    folds: u16,
    /// Where to write each language's weights.tsv (the built-in packs' folder by default:
    /// rebuild to build the model in, or give `frontline eval --weights DIR`).
    #[arg(long, value_name = "DIR", default_value = "crates/lang/data")]
    out: PathBuf,
    /// Report the cross-validated figures without writing the weights.
    #[arg(long)]
    dry_run: bool,
}

/// The penalties tried; the held-out folds choose one.
const PENALTIES: [f64; 5] = [0.003, 0.01, 0.03, 0.1, 0.3];
/// The thresholds tried for each language.
const THRESHOLDS: std::ops::RangeInclusive<u32> = 5..=80;

/// A penalty tried: it, the held-out probabilities, each language's threshold and scores,
/// and the mean held-out F1.
type Tried = (f64, Vec<f64>, BTreeMap<String, (f64, Scores)>, f64);

/// A candidate of the corpus: its language, event, features and labels.
struct Labelled {
    language: String,
    event: Event,
    example: Example,
    type_features: Vec<String>,
    /// The type of the gold event where and when the candidate is, if there is one.
    gold_type: Option<SubEventType>,
}

pub fn run(args: &TrainArgs, extractor: impl FnOnce() -> Result<Extractor>) -> Result<ExitCode> {
    if args.split.split() != Some(Split::Dev) {
        anyhow::bail!("train learns from the dev split only: the test split is kept unseen (docs/annotation.md)");
    }
    let corpus = Corpus::load(&args.corpus)?;
    let articles = corpus.select(Some(Split::Dev));
    let extractor = extractor()?;
    eprintln!("reading {} dev reports with the rules alone ...", articles.len());
    let gold = corpus.gold(&articles)?;
    let mut candidates = label(&corpus, &articles, &extractor, &gold)?;
    let folds = usize::from(args.folds);
    let type_models = learn_types(&mut candidates, folds, &gold, &mut std::io::stdout().lock())?;
    let languages: Vec<String> = {
        let mut l: Vec<String> = articles.iter().map(|a| a.language.clone()).collect();
        l.sort();
        l.dedup();
        l
    };
    let gold_of = |language: &str| -> Result<frontline_eval::Gold> {
        let chosen: Vec<&CorpusArticle> = articles.iter().copied().filter(|a| a.language == language).collect();
        Ok(corpus.gold(&chosen)?)
    };
    let golds: BTreeMap<String, frontline_eval::Gold> =
        languages.iter().map(|l| Ok((l.clone(), gold_of(l)?))).collect::<Result<_>>()?;

    // Held-out probabilities for each penalty; the strongest penalty whose mean F1 is as
    // good as the best wins (the simpler model, when the data cannot tell them apart).
    let mut tried: Vec<Tried> = Vec::new();
    for l2 in PENALTIES {
        let held_out = cross_validate(&candidates, folds, l2);
        let chosen = thresholds(&candidates, &held_out, &golds);
        let mean = chosen.values().map(|(_, s)| s.f1).sum::<f64>() / chosen.len().max(1) as f64;
        eprintln!("penalty {l2}: mean held-out F1 {mean:.3}");
        tried.push((l2, held_out, chosen, mean));
    }
    let top = tried.iter().map(|t| t.3).fold(0.0, f64::max);
    let Some((l2, held_out, chosen, _)) = tried.into_iter().rev().find(|t| t.3 >= top - AS_GOOD / 2.0) else {
        anyhow::bail!("no candidates to learn from")
    };
    let mut out = std::io::stdout().lock();
    write!(out, "{}", report(&candidates, &held_out, &chosen, &golds, l2, folds))?;

    let governorates = governorates_of(&gold, extractor.gazetteer());
    let actor_defaults = usual_actors(gold.events.iter().zip(&governorates));
    write!(out, "{}", check_usual_actors(&candidates, &gold, &governorates, folds))?;
    let all: Vec<&Example> = candidates.iter().map(|c| &c.example).collect();
    let model = fit(&all, FitOptions { l2, ..FitOptions::default() });
    let kept_for: BTreeMap<&String, bool> = golds
        .iter()
        .map(|(language, gold)| {
            let rules = scores_at(&candidates, &held_out, language, f64::NEG_INFINITY, gold).f1;
            let with_model = chosen.get(language).map_or(0.0, |(_, s)| s.f1);
            let kept = with_model >= rules + MODEL_MARGIN;
            if !kept {
                let _ = writeln!(
                    out,
                    "{language}: the model does not beat the rules by {MODEL_MARGIN} held out ({with_model:.3} against {rules:.3}): not kept, the rules decide alone"
                );
            }
            (language, kept)
        })
        .collect();
    let (confidence, calibration) = confidence(&candidates, &held_out, &chosen, &kept_for, folds, &mut out)?;
    if args.dry_run {
        return Ok(ExitCode::SUCCESS);
    }
    for language in &languages {
        let threshold = chosen.get(language).map_or(0.5, |(t, _)| *t);
        let mut weights = weights_for(&model, &actor_defaults, &type_models, &candidates, language, threshold);
        let model_kept = kept_for.get(language).copied().unwrap_or(true);
        if !model_kept {
            weights.by_feature.clear();
        }
        weights.confidence = Some(confidence.clone());
        weights.calibration = Some(calibration.clone());
        let dir = args.out.join(language);
        std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let path = dir.join("weights.tsv");
        let mut header = format!(
            "Which candidate events are real, learned by `frontline train` from the corpus's dev split\n({} reports, {} candidates; L2 penalty {l2}; threshold chosen on {folds}-fold held-out F1).",
            articles.len(),
            candidates.len()
        );
        header.push_str(
            "\nThe #confidence lines score how sure a kept event is from its evidence (one model for all languages), and #calibration maps that score to the share right, held out.",
        );
        if !model_kept {
            header.push_str(&format!(
                "\nThe model did not beat the rules by {MODEL_MARGIN} held out: none is kept, the rules decide alone (what else follows still serves)."
            ));
        }
        std::fs::write(&path, weights.to_tsv(&header)).with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Every candidate of the dev reports with the type of the gold event where and when it is
/// (its own when that event allows several), and labelled right when it matches one.
fn label(corpus: &Corpus, articles: &[&CorpusArticle], extractor: &Extractor, gold: &Gold) -> Result<Vec<Labelled>> {
    let extractions = read_corpus_extractions(corpus, articles, extractor)?;
    let language: BTreeMap<&str, &str> = articles.iter().map(|a| (a.id.as_str(), a.language.as_str())).collect();
    let mut labelled = Vec::new();
    for (article, extraction) in extractions {
        let language = language.get(article.as_str()).copied().unwrap_or_default().to_owned();
        let parts = extraction.events.into_iter().zip(extraction.features).zip(extraction.type_features);
        for ((event, features), type_features) in parts {
            let at: Vec<&frontline_eval::GoldEvent> = gold
                .events
                .iter()
                .filter(|g| g.article == event.article_id && same_place_and_time(g, &event))
                .collect();
            let own = event.sub_event_type.as_str();
            let gold_type = if at.iter().any(|g| g.sub_event_type.iter().any(|t| t == own)) {
                Some(event.sub_event_type)
            } else {
                at.first().and_then(|g| g.sub_event_type.first()).and_then(|t| SubEventType::parse(t))
            };
            labelled.push(Labelled {
                language: language.clone(),
                event,
                example: Example { features, right: false },
                type_features,
                gold_type,
            });
        }
    }
    relabel(&mut labelled, gold);
    Ok(labelled)
}

/// Marks each candidate right when, as it now stands, it matches a gold event.
fn relabel(candidates: &mut [Labelled], gold: &Gold) {
    let events: Vec<Event> = candidates.iter().map(|c| c.event.clone()).collect();
    let report = frontline_eval::evaluate(gold, &events);
    let right = report.right_events();
    for c in candidates.iter_mut() {
        c.example.right = report.is_right(&right, &c.event);
    }
}

/// Learns the type model, gives each candidate the type the model fitted without its fold
/// says (so that the real-event model learns from candidates typed as they will be), and
/// returns the model fitted on every candidate a gold event types; no model when, held out,
/// it types candidates less well than the rules do.
fn learn_types(
    candidates: &mut [Labelled],
    folds: usize,
    gold: &Gold,
    out: &mut impl Write,
) -> std::io::Result<BTreeMap<String, Model>> {
    let options = FitOptions { l2: 0.01, ..FitOptions::default() };
    fn typed(c: &Labelled) -> Option<(&[String], &'static str)> {
        c.gold_type.map(|t| (c.type_features.as_slice(), t.as_str()))
    }
    let fold: Vec<usize> = candidates.iter().map(|c| fold_of(&c.event.article_id, folds)).collect();
    let mut held_out: Vec<Option<(SubEventType, f64)>> = vec![None; candidates.len()];
    for k in 0..folds {
        let train: Vec<(&[String], &str)> =
            candidates.iter().zip(&fold).filter(|(_, &f)| f != k).filter_map(|(c, _)| typed(c)).collect();
        let models = fit_classes(&train, options);
        for (i, c) in candidates.iter().enumerate().filter(|(i, _)| fold[*i] == k) {
            held_out[i] = best_class(&models, &c.type_features).and_then(|(t, p)| Some((SubEventType::parse(t)?, p)));
        }
    }
    let labelled = candidates.iter().filter(|c| c.gold_type.is_some()).count();
    let rules_right = candidates.iter().filter(|c| c.gold_type == Some(c.event.sub_event_type)).count();
    let model_right = candidates
        .iter()
        .zip(&held_out)
        .filter(|(c, t)| c.gold_type.is_some() && c.gold_type == t.map(|t| t.0))
        .count();
    let (rules, model) = (rules_right as f64 / labelled.max(1) as f64, model_right as f64 / labelled.max(1) as f64);
    writeln!(out, "type of the {labelled} candidates where and when a gold event is: rules {rules:.3}, model (held out) {model:.3}")?;
    if model <= rules {
        // The rules type better than the model would: keep their types, write no type model.
        writeln!(out, "the type model does not beat the rules' types: not kept")?;
        return Ok(BTreeMap::new());
    }
    for (c, t) in candidates.iter_mut().zip(held_out) {
        if let Some((t, _)) = t.filter(|t| t.0 != c.event.sub_event_type) {
            retype_candidate(&mut c.event, &mut c.example.features, t);
        }
    }
    relabel(candidates, gold);
    let all: Vec<(&[String], &str)> = candidates.iter().filter_map(typed).collect();
    Ok(fit_classes(&all, options))
}

/// The fewest gold events of a type and year, and the least share of them one actor must
/// carry out, for that actor to be the type's usual one that year.
const USUAL_ACTOR_EVENTS: usize = 3;
const USUAL_ACTOR_SHARE: f64 = 0.5;

/// The governorate each gold event lies in (by its point), as extraction names an event's
/// `admin1`: the same key for learning who usually acts there and for looking it up.
fn governorates_of(gold: &Gold, gazetteer: &frontline_gazetteer::Gazetteer) -> Vec<Option<String>> {
    gold.events.iter().map(|g| Some(gazetteer.governorate_at(g.lat?, g.lon?)?.name.clone())).collect()
}

/// For each type, year and governorate, the actor1 that carries out most of the gold's
/// events, when it carries out enough of them: who usually shells, strikes or arrests, and
/// where, in a war whose sides change over the years and differ from one governorate to the
/// next. The same counted over every year, over every governorate and over both serve where
/// the narrower counts are too few. Events whose author is unknown count too: where they are
/// most, the type has no usual actor ([`NO_USUAL_ACTOR`]: a bomb of 2012 is no bomb of the
/// Islamic State because the type's later years make it so).
fn usual_actors<'g>(
    gold: impl Iterator<Item = (&'g GoldEvent, &'g Option<String>)> + Clone,
) -> HashMap<String, String> {
    // A type most of whose gold events accept no actor (a displacement's "CIV or null")
    // needs no default: an event read without one is right already, and a default could only
    // be wrong where another coder names the cause instead. One coder who wrote only "CIV"
    // does not change that.
    let mut refusing_null: HashMap<&str, (usize, usize)> = HashMap::new();
    for (g, _) in gold.clone().filter(|(g, _)| g.required) {
        let Some(sub) = g.sub_event_type.first() else { continue };
        let (refusing, total) = refusing_null.entry(sub.as_str()).or_default();
        *refusing += usize::from(!g.actor1_id.iter().any(Option::is_none));
        *total += 1;
    }
    let needs_actor: HashSet<&str> =
        refusing_null.into_iter().filter(|(_, (refusing, total))| 2 * refusing > *total).map(|(sub, _)| sub).collect();
    // Each gold event counts once for every actor1 it accepts ("ISIS or null" for both): the
    // usual actor is the one right for most of the type's events that year.
    let mut counts: BTreeMap<String, (usize, BTreeMap<Option<String>, usize>)> = BTreeMap::new();
    let counted =
        gold.filter(|(g, _)| g.required && g.sub_event_type.first().is_some_and(|t| needs_actor.contains(t.as_str())));
    for (g, governorate) in counted {
        let Some(sub) = g.sub_event_type.first() else { continue };
        let accepted: BTreeSet<&Option<String>> = g.actor1_id.iter().collect();
        let places = [governorate.as_deref(), None].into_iter().collect::<BTreeSet<_>>();
        for year in [Some(g.date_end.year()), None] {
            for &place in &places {
                let (events, by_actor) = counts.entry(actor_default_key(sub, year, place)).or_default();
                *events += 1;
                for actor in &accepted {
                    *by_actor.entry((*actor).clone()).or_default() += 1;
                }
            }
        }
    }
    counts
        .into_iter()
        .filter_map(|(key, (total, actors))| {
            let (actor, n) = actors.into_iter().max_by_key(|(_, n)| *n)?;
            let usual = total >= USUAL_ACTOR_EVENTS && n as f64 >= USUAL_ACTOR_SHARE * total as f64;
            usual.then(|| (key, actor.unwrap_or_else(|| NO_USUAL_ACTOR.to_string())))
        })
        .collect()
}

/// Held out by fold: of the candidates that match a gold event and name no actor, how many
/// the usual actor learned from the other folds gets right.
fn check_usual_actors(candidates: &[Labelled], gold: &Gold, governorates: &[Option<String>], folds: usize) -> String {
    let (mut unnamed, mut right) = (0, 0);
    for k in 0..folds {
        let others = gold.events.iter().zip(governorates).filter(|(g, _)| fold_of(&g.article, folds) != k);
        let defaults = Weights { actor_defaults: usual_actors(others), ..Weights::default() };
        for c in candidates.iter().filter(|c| fold_of(&c.event.article_id, folds) == k) {
            if c.event.actor1_id.is_some() || !c.example.right {
                continue;
            }
            let Some(g) =
                gold.events.iter().find(|g| g.article == c.event.article_id && frontline_eval::matches(g, &c.event))
            else {
                continue;
            };
            unnamed += 1;
            let Some(year) = c.event.date_end.map(|d| d.year()) else { continue };
            let usual = defaults.usual_actor(c.event.sub_event_type.as_str(), year, c.event.admin1.as_deref());
            // No usual actor is right where the gold names none either.
            right += usize::from(g.actor1_id.iter().any(|a| a.as_deref() == usual));
        }
    }
    format!(
        "usual actors (held out): {right} of the {unnamed} events found without a named actor get the gold's actor1\n"
    )
}

/// Each candidate's probability from the model fitted without its fold.
fn cross_validate(candidates: &[Labelled], folds: usize, l2: f64) -> Vec<f64> {
    let fold: Vec<usize> = candidates.iter().map(|c| fold_of(&c.event.article_id, folds)).collect();
    let mut held_out = vec![0.0; candidates.len()];
    for k in 0..folds {
        let train: Vec<&Example> =
            candidates.iter().zip(&fold).filter(|(_, &f)| f != k).map(|(c, _)| &c.example).collect();
        let model = fit(&train, FitOptions { l2, ..FitOptions::default() });
        for (i, c) in candidates.iter().enumerate().filter(|(i, _)| fold[*i] == k) {
            held_out[i] = model.probability(&c.example.features);
        }
    }
    held_out
}

/// The scores of a language's candidates kept at or above a threshold.
fn scores_at(
    candidates: &[Labelled],
    probability: &[f64],
    language: &str,
    threshold: f64,
    gold: &frontline_eval::Gold,
) -> Scores {
    let kept: Vec<Event> = candidates
        .iter()
        .zip(probability)
        .filter(|(c, &p)| c.language == language && p >= threshold)
        .map(|(c, _)| c.event.clone())
        .collect();
    frontline_eval::evaluate(gold, &kept).summary.scores
}

/// How far below the best held-out F1 a setting may score and still count as as good: the
/// folds are small, so differences below this are noise.
const AS_GOOD: f64 = 0.01;

/// How much a language's held-out F1 must gain from the model over the rules alone for the
/// model to be kept: twice the noise, or the rules decide alone (a model that barely helps
/// on the folds helps no surer on reports it has never seen).
const MODEL_MARGIN: f64 = 2.0 * AS_GOOD;

/// For each language, the middle of the thresholds whose held-out F1 is as good as the
/// best (a plateau's middle moves less from one training to the next than its peak), and
/// the scores there.
fn thresholds(
    candidates: &[Labelled],
    held_out: &[f64],
    golds: &BTreeMap<String, frontline_eval::Gold>,
) -> BTreeMap<String, (f64, Scores)> {
    golds
        .iter()
        .map(|(language, gold)| {
            let curve: Vec<(f64, Scores)> = THRESHOLDS
                .map(|t| f64::from(t) / 100.0)
                .map(|t| (t, scores_at(candidates, held_out, language, t, gold)))
                .collect();
            let top = curve.iter().map(|(_, s)| s.f1).fold(0.0, f64::max);
            let good: Vec<&(f64, Scores)> = curve.iter().filter(|(_, s)| s.f1 >= top - AS_GOOD).collect();
            let middle = good.get(good.len() / 2).map(|c| (*c).clone());
            (language.clone(), middle.unwrap_or((0.5, Scores::default())))
        })
        .collect()
}

/// The cross-validated table: the rules alone against the rules and the model, per language,
/// and the reliability of the held-out probabilities of the events kept.
fn report(
    candidates: &[Labelled],
    held_out: &[f64],
    chosen: &BTreeMap<String, (f64, Scores)>,
    golds: &BTreeMap<String, frontline_eval::Gold>,
    l2: f64,
    folds: usize,
) -> String {
    let mut out = format!("{folds}-fold cross-validation on the dev split, by article (L2 penalty {l2})\n");
    let _ = writeln!(
        out,
        "{:<9} {:>10} {:>9} {:>9} {:>9} {:>10} {:>9} {:>9} {:>9}",
        "language", "candidates", "rules P", "rules R", "rules F1", "threshold", "model P", "model R", "model F1"
    );
    for (language, gold) in golds {
        let rules = scores_at(candidates, held_out, language, f64::NEG_INFINITY, gold);
        let (threshold, model) = chosen.get(language).cloned().unwrap_or_default();
        let n = candidates.iter().filter(|c| &c.language == language).count();
        let _ = writeln!(
            out,
            "{language:<9} {n:>10} {:>9.3} {:>9.3} {:>9.3} {threshold:>10.2} {:>9.3} {:>9.3} {:>9.3}",
            rules.precision, rules.recall, rules.f1, model.precision, model.recall, model.f1
        );
    }
    let kept = candidates.iter().zip(held_out).filter(|(c, &p)| chosen.get(&c.language).is_some_and(|(t, _)| p >= *t));
    let reliability = Reliability::of(kept.map(|(c, &p)| (p, c.example.right)));
    let _ = writeln!(out, "\nreliability of the held-out probabilities (events kept)\n{}", reliability.to_text());
    out
}

/// The confidence events carry: a model of whether an event is right from the evidence it
/// rests on ([`frontline_extract::weighs_for_confidence`]), fitted on the candidates of every
/// language together (its features know no language, and a few hundred events per language
/// are too few), and the isotonic calibration of its probability over the events that will
/// be kept. Both are reported held out: each fold scored and calibrated by the others.
fn confidence(
    candidates: &[Labelled],
    held_out: &[f64],
    chosen: &BTreeMap<String, (f64, Scores)>,
    kept_for: &BTreeMap<&String, bool>,
    folds: usize,
    out: &mut impl Write,
) -> Result<(ConfidenceModel, Calibration)> {
    let evidence: Vec<Example> = candidates
        .iter()
        .map(|c| Example {
            features: c.example.features.iter().filter(|f| weighs_for_confidence(f)).cloned().collect(),
            right: c.example.right,
        })
        .collect();
    let fold: Vec<usize> = candidates.iter().map(|c| fold_of(&c.event.article_id, folds)).collect();
    let held_out_stated = |l2: f64| {
        let mut stated = vec![0.0; candidates.len()];
        for k in 0..folds {
            let train: Vec<&Example> = evidence.iter().zip(&fold).filter(|(_, &f)| f != k).map(|(e, _)| e).collect();
            let model = fit(&train, FitOptions { l2, ..FitOptions::default() });
            for i in (0..candidates.len()).filter(|&i| fold[i] == k) {
                stated[i] = model.probability(&evidence[i].features);
            }
        }
        stated
    };
    // The events each language keeps: all of them where the rules decide alone.
    let kept: Vec<usize> = (0..candidates.len())
        .filter(|&i| {
            let language = &candidates[i].language;
            let model_kept = kept_for.get(language).copied().unwrap_or(false);
            !model_kept || held_out[i] >= chosen.get(language).map_or(0.5, |(t, _)| *t)
        })
        .collect();
    let auc = |score: &dyn Fn(usize) -> f64| {
        let scored: Vec<(f64, bool)> = kept.iter().map(|&i| (score(i), candidates[i].example.right)).collect();
        ranking_auc(&scored).unwrap_or(0.5)
    };
    // The penalty whose held-out probabilities rank right above wrong best.
    let (l2, stated, _) = PENALTIES
        .iter()
        .map(|&l2| {
            let stated = held_out_stated(l2);
            let ranks = auc(&|i| stated[i]);
            (l2, stated, ranks)
        })
        .max_by(|a, b| a.2.total_cmp(&b.2))
        .context("no penalty to try")?;
    writeln!(
        out,
        "\nhow well each score ranks the kept events, right above wrong (AUC, held out): rules' confidence {:.3}, real-event model {:.3}, confidence model {:.3} (L2 penalty {l2})",
        auc(&|i| candidates[i].event.confidence),
        auc(&|i| held_out[i]),
        auc(&|i| stated[i]),
    )?;
    let mut reliable = Vec::new();
    for k in 0..folds {
        let others: Vec<(f64, bool)> =
            kept.iter().filter(|&&i| fold[i] != k).map(|&i| (stated[i], candidates[i].example.right)).collect();
        let calibration = Calibration { knots: fit_isotonic(&others) };
        reliable.extend(
            kept.iter()
                .filter(|&&i| fold[i] == k)
                .map(|&i| (calibration.apply(stated[i]), candidates[i].example.right)),
        );
    }
    writeln!(out, "\nreliability of the calibrated confidences (held out)\n{}", Reliability::of(reliable).to_text())?;

    let all: Vec<&Example> = evidence.iter().collect();
    let model = fit(&all, FitOptions { l2, ..FitOptions::default() });
    // Calibrated on the held-out probabilities, not on the final model's own: on the events
    // it was fitted to, a model's scores are surer than they will be on reports it has not seen.
    let scored: Vec<(f64, bool)> = kept.iter().map(|&i| (stated[i], candidates[i].example.right)).collect();
    let calibration = Calibration { knots: fit_isotonic(&scored) };
    let knots: Vec<String> = calibration.knots.iter().map(|(s, p)| format!("{s:.2}→{p:.2}")).collect();
    writeln!(out, "calibration over {} events: {}", scored.len(), knots.join(", "))?;
    let model = ConfidenceModel { bias: model.bias, by_feature: model.weights.into_iter().collect() };
    Ok((model, calibration))
}

/// The models' weights a language uses: those of features its candidates have.
fn weights_for(
    model: &Model,
    actor_defaults: &HashMap<String, String>,
    type_models: &BTreeMap<String, Model>,
    candidates: &[Labelled],
    language: &str,
    threshold: f64,
) -> Weights {
    let ours = || candidates.iter().filter(|c| c.language == language);
    let seen: HashSet<&str> = ours().flat_map(|c| c.example.features.iter().map(String::as_str)).collect();
    let seen_typed: HashSet<&str> = ours().flat_map(|c| c.type_features.iter().map(String::as_str)).collect();
    let keep = |weights: &std::collections::HashMap<String, f64>, seen: &HashSet<&str>| {
        weights.iter().filter(|(f, _)| seen.contains(f.as_str())).map(|(f, w)| (f.clone(), *w)).collect()
    };
    let by_type = type_models
        .iter()
        .map(|(t, m)| {
            let mut w: std::collections::HashMap<String, f64> = keep(&m.weights, &seen_typed);
            w.insert(TYPE_BIAS.to_owned(), m.bias);
            (t.clone(), w)
        })
        .collect();
    Weights {
        bias: model.bias,
        threshold,
        by_feature: keep(&model.weights, &seen),
        by_type,
        actor_defaults: actor_defaults.clone(),
        confidence: None,
        calibration: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(actors: &str) -> GoldEvent {
        let line = format!(
            r#"{{"article": "a", "sub_event_type": "Suicide bomb", "location": "Homs", "lat": 34.7, "lon": 36.7,
                "date_start": "2016-02-21", "date_end": "2016-02-21", "actor1_id": {actors}, "required": true}}"#
        );
        serde_json::from_str(&line).expect("a gold line")
    }

    #[test]
    fn the_usual_actor_is_the_one_right_for_most_events() {
        // ISIS is listed first for three of the five bombings, but the government is right
        // for four of them (two coders accept either).
        let events = [
            gold(r#"["SYR_GOV"]"#),
            gold(r#"["SYR_GOV"]"#),
            gold(r#"["ISIS", "SYR_GOV"]"#),
            gold(r#"["ISIS", "SYR_GOV"]"#),
            gold(r#"["ISIS"]"#),
        ];
        let homs = Some("Homs".to_string());
        let usual = usual_actors(events.iter().zip(std::iter::repeat(&homs)));
        assert_eq!(
            usual.get(&actor_default_key("Suicide bomb", Some(2016), None)).map(String::as_str),
            Some("SYR_GOV")
        );
        assert_eq!(
            usual.get(&actor_default_key("Suicide bomb", Some(2016), Some("Homs"))).map(String::as_str),
            Some("SYR_GOV")
        );
    }

    #[test]
    fn who_usually_acts_in_a_governorate_is_learned_apart() {
        // Three bombings in Hasakah by ISIS, four in Homs by the government: each governorate
        // has its own usual actor, and over both the government's four of seven carry it.
        let hasakah = Some("Al-Hasakeh".to_string());
        let homs = Some("Homs".to_string());
        let events: Vec<(GoldEvent, &Option<String>)> = [(r#"["ISIS"]"#, &hasakah); 3]
            .into_iter()
            .chain([(r#"["SYR_GOV"]"#, &homs); 4])
            .map(|(actors, place)| (gold(actors), place))
            .collect();
        let usual = usual_actors(events.iter().map(|(g, place)| (g, *place)));
        let key = |place: Option<&str>| actor_default_key("Suicide bomb", Some(2016), place);
        assert_eq!(usual.get(&key(Some("Al-Hasakeh"))).map(String::as_str), Some("ISIS"));
        assert_eq!(usual.get(&key(Some("Homs"))).map(String::as_str), Some("SYR_GOV"));
        assert_eq!(usual.get(&key(None)).map(String::as_str), Some("SYR_GOV"));
    }
}
