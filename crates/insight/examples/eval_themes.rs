//! Themes on ../shared/data/themes/gambling_XS (synthetic consultation,
//! i-dot-ai/themefinder, MIT). For each question part, with the reference
//! themes (label and description) taken as the confirmed set:
//!
//! - zero-shot mapping F1: no example answers; every answer mapped and
//!   compared with the reference mapping, F1 per answer (2|P∩G| /
//!   (|P|+|G|), 1 when both are empty) averaged over answers
//!   (sample-averaged F1);
//! - mapping F1 with example answers, 5-fold: the answers are split into
//!   five folds by a seeded shuffle; for each fold the themes get as
//!   examples the other four folds' answers that the reference maps to
//!   them (all of them, or at most 5 per theme), every answer is mapped,
//!   and only the held-out fold's answers are scored. Each answer is
//!   scored once; mean and range over seeds 0..9 (the seed moves the
//!   split, i.e. which answers are the analyst's examples);
//! - stability over the 10 seeds: adjusted Rand index of the answers'
//!   first theme, every pair of seeds (lowest and mean); for the mapping
//!   the seed also shuffles the input order, for discovery it shuffles
//!   the input order (the seed itself only picks a sample above 8,000
//!   distinct answers: all of them, or a stance's in the way of ADR 0011);
//!   discovery both ways in one run: stance first with the original cues
//!   (the defaults before ADR 0028's second amendment) and the defaults
//!   (words first, the extended cues);
//! - stance agreement with the reference positions (AGREE / DISAGREE).
//!
//! cargo run --release -p cohesion-insight --example eval_themes [-- DIR]

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use cohesion_insight::import::read_jsonl;
use cohesion_insight::opinions::ari::adjusted_rand_index;
use cohesion_insight::random::{mix, GAMMA};
use cohesion_insight::themes::{
    discover, map, stance_with, ConfirmedTheme, Cues, Discovery, Grouping, Mapping, Options, Stance,
};

struct Part {
    ids: Vec<String>,
    texts: Vec<String>,
    themes: Vec<ConfirmedTheme>,
    truth: Vec<HashSet<String>>,
    positions: HashMap<String, String>,
}

fn load(dir: &Path, mapping_dir: &Path, part: &str) -> Result<Part, Box<dyn std::error::Error>> {
    let answers = read_jsonl(
        BufReader::new(File::open(
            dir.join("inputs").join(part).join("responses.jsonl"),
        )?),
        &["response_id", "response"],
    )?;
    let ids: Vec<String> = answers.rows.iter().map(|r| r[0].clone()).collect();
    let texts: Vec<String> = answers.rows.iter().map(|r| r[1].clone()).collect();
    let reference: Vec<serde_json::Value> =
        serde_json::from_reader(File::open(mapping_dir.join(part).join("themes.json"))?)?;
    let themes: Vec<ConfirmedTheme> = reference
        .iter()
        .map(|t| ConfirmedTheme {
            id: t["topic_id"].as_str().unwrap_or_default().to_string(),
            label: t["topic_label"].as_str().unwrap_or_default().to_string(),
            description: t["topic_description"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            examples: Vec::new(),
        })
        .collect();
    let truth = read_jsonl(
        BufReader::new(File::open(mapping_dir.join(part).join("mapping.jsonl"))?),
        &["response_id", "labels"],
    )?;
    let truth: HashMap<String, HashSet<String>> = truth
        .rows
        .iter()
        .map(|r| {
            let labels: Vec<String> = serde_json::from_str(&r[1]).unwrap_or_default();
            (r[0].clone(), labels.into_iter().collect())
        })
        .collect();
    let truth = ids
        .iter()
        .map(|id| truth.get(id).cloned().unwrap_or_default())
        .collect();
    let positions = read_jsonl(
        BufReader::new(File::open(mapping_dir.join(part).join("sentiment.jsonl"))?),
        &["response_id", "position"],
    )?;
    let positions = positions
        .rows
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    Ok(Part {
        ids,
        texts,
        themes,
        truth,
        positions,
    })
}

fn f1(predicted: &HashSet<String>, gold: &HashSet<String>) -> f64 {
    if predicted.is_empty() && gold.is_empty() {
        return 1.0;
    }
    let tp = predicted.intersection(gold).count() as f64;
    2.0 * tp / (predicted.len() + gold.len()) as f64
}

/// 0..n in an order drawn from `seed` (Fisher–Yates).
fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut state = seed;
    for i in (1..n).rev() {
        state = mix(state.wrapping_add(GAMMA));
        order.swap(i, (state % (i as u64 + 1)) as usize);
    }
    order
}

/// Map the answers in the order `order`; the result back in input order.
fn map_in_order(part: &Part, themes: &[ConfirmedTheme], order: &[usize]) -> Vec<Vec<String>> {
    let ids: Vec<String> = order.iter().map(|&i| part.ids[i].clone()).collect();
    let texts: Vec<&str> = order.iter().map(|&i| part.texts[i].as_str()).collect();
    let m: Mapping = map(&ids, &texts, themes, &Options::default());
    let mut out = vec![Vec::new(); part.ids.len()];
    for (k, a) in m.answers.iter().enumerate() {
        out[order[k]] = a.themes.iter().map(|t| t.theme.clone()).collect();
    }
    out
}

/// Every answer's themes, each predicted while its fold was held out;
/// examples at most `per_theme` per theme.
fn cross_validated(part: &Part, seed: u64, per_theme: Option<usize>) -> Vec<Vec<String>> {
    const FOLDS: usize = 5;
    let n = part.ids.len();
    let order = shuffled(n, seed);
    let mut fold = vec![0; n];
    for (k, &i) in order.iter().enumerate() {
        fold[i] = k % FOLDS;
    }
    let mut out = vec![Vec::new(); n];
    for f in 0..FOLDS {
        let themes: Vec<ConfirmedTheme> = part
            .themes
            .iter()
            .map(|t| {
                let mut examples: Vec<String> = order
                    .iter()
                    .filter(|&&i| fold[i] != f && part.truth[i].contains(&t.id))
                    .map(|&i| part.texts[i].clone())
                    .collect();
                if let Some(k) = per_theme {
                    examples.truncate(k);
                }
                ConfirmedTheme {
                    examples,
                    ..t.clone()
                }
            })
            .collect();
        let predicted = map_in_order(part, &themes, &order);
        for i in 0..n {
            if fold[i] == f {
                out[i] = predicted[i].clone();
            }
        }
    }
    out
}

fn score(part: &Part, predicted: &[Vec<String>]) -> (f64, f64, f64, f64) {
    let (mut sum, mut tp, mut np, mut ng) = (0.0, 0usize, 0usize, 0usize);
    for (p, g) in predicted.iter().zip(&part.truth) {
        let p: HashSet<String> = p.iter().cloned().collect();
        sum += f1(&p, g);
        tp += p.intersection(g).count();
        np += p.len();
        ng += g.len();
    }
    let n = predicted.len().max(1) as f64;
    (
        sum / n,
        np as f64 / n,
        tp as f64 / np.max(1) as f64,
        tp as f64 / ng.max(1) as f64,
    )
}

fn first(predicted: &[Vec<String>]) -> Vec<String> {
    predicted
        .iter()
        .map(|p| p.first().cloned().unwrap_or_default())
        .collect()
}

/// Lowest and mean ARI over every pair.
fn pairwise_ari(runs: &[Vec<String>]) -> (f64, f64) {
    let mut aris = Vec::new();
    for a in 0..runs.len() {
        for b in a + 1..runs.len() {
            aris.push(adjusted_rand_index(&runs[a], &runs[b]));
        }
    }
    (
        aris.iter().copied().fold(f64::INFINITY, f64::min),
        aris.iter().sum::<f64>() / aris.len().max(1) as f64,
    )
}

/// The identity for seed 0, else a seeded shuffle.
fn seeded_order(n: usize, seed: u64) -> Vec<usize> {
    if seed == 0 {
        (0..n).collect()
    } else {
        shuffled(n, seed)
    }
}

/// Discovery with seeds 0..9, each on a seeded input order: the run of
/// seed 0 (input order), and the lowest and mean ARI of the candidate
/// theme of each answer over every pair of seeds.
fn discovery_across_seeds(part: &Part, options: &Options) -> (Discovery, f64, f64) {
    let n = part.ids.len();
    let mut runs = Vec::new();
    let mut base = None;
    for seed in 0..10 {
        let order = seeded_order(n, seed);
        let ids: Vec<String> = order.iter().map(|&i| part.ids[i].clone()).collect();
        let texts: Vec<&str> = order.iter().map(|&i| part.texts[i].as_str()).collect();
        let d = discover(&ids, &texts, &Options { seed, ..*options });
        let mut labels = vec![String::new(); n];
        for (k, a) in d.assignment.iter().enumerate() {
            // Theme by its first answer's id, so that the numbering of
            // themes does not matter.
            labels[order[k]] = a.map_or(String::new(), |t| d.themes[t].answer_ids[0].clone());
        }
        runs.push(labels);
        base.get_or_insert(d);
    }
    let (lo, mean) = pairwise_ari(&runs);
    (base.expect("seed 0 ran"), lo, mean)
}

fn summary(values: &[f64]) -> String {
    let mean = values.iter().sum::<f64>() / values.len().max(1) as f64;
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    format!("{mean:.4} (seeds 0-9: {lo:.4}-{hi:.4})")
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/data/themes/gambling_XS")
        });
    let mapping_dir = std::fs::read_dir(dir.join("outputs/mapping"))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .max()
        .ok_or("no outputs/mapping/<date>")?;
    let quick = std::env::var_os("EVAL_QUICK").is_some();
    let mut totals: HashMap<&str, Vec<f64>> = HashMap::new();
    for part_name in ["question_part_1", "question_part_2"] {
        let part = load(&dir, &mapping_dir, part_name)?;
        let n = part.ids.len();
        println!(
            "== {part_name}: {n} answers, {} reference themes, {:.2} reference themes an answer",
            part.themes.len(),
            part.truth.iter().map(HashSet::len).sum::<usize>() as f64 / n as f64
        );
        let identity: Vec<usize> = (0..n).collect();
        let start = std::time::Instant::now();
        let zero = map_in_order(&part, &part.themes, &identity);
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        let (f, per, p, r) = score(&part, &zero);
        totals.entry("zero-shot").or_default().push(f);
        println!(
            "zero-shot (label + description): sample-averaged F1 {f:.4}; {per:.2} themes an answer, micro precision {p:.3}, recall {r:.3} ({ms:.1} ms)"
        );
        for (name, per_theme) in [
            ("5-fold, all training-fold examples", None),
            ("5-fold, at most 5 examples a theme", Some(5)),
        ] {
            let mut f1s = Vec::new();
            let mut runs = Vec::new();
            let mut stats = (0.0, 0.0, 0.0);
            let seeds = if quick { 3 } else { 10 };
            for seed in 0..seeds {
                let predicted = cross_validated(&part, seed, per_theme);
                let (f, per, p, r) = score(&part, &predicted);
                f1s.push(f);
                stats = (stats.0 + per, stats.1 + p, stats.2 + r);
                runs.push(first(&predicted));
            }
            let k = seeds as f64;
            totals.entry(name).or_default().extend(&f1s);
            let (lo, mean) = pairwise_ari(&runs);
            println!(
                "{name}: sample-averaged F1 {}; {:.2} themes an answer, micro precision {:.3}, recall {:.3}; first-theme ARI across seeds min {lo:.4}, mean {mean:.4}",
                summary(&f1s),
                stats.0 / k,
                stats.1 / k,
                stats.2 / k
            );
        }
        if quick {
            continue;
        }
        // Zero-shot mapping under 10 seeded input orders.
        let map_runs: Vec<Vec<String>> = (0..10)
            .map(|seed| first(&map_in_order(&part, &part.themes, &seeded_order(n, seed))))
            .collect();
        let (lo, mean) = pairwise_ari(&map_runs);
        println!("zero-shot mapping, 10 seeded input orders: first-theme ARI min {lo:.4}, mean {mean:.4}");
        // Discovery by stance first (the defaults before ADR 28's second
        // amendment) and by words first (the defaults), in one run.
        for (name, options) in [
            (
                "original cues, stance first (the defaults before)",
                Options {
                    cues: Cues::Original,
                    grouping: Grouping::StanceFirst,
                    ..Options::default()
                },
            ),
            (
                "extended cues, words first (the defaults)",
                Options::default(),
            ),
        ] {
            let (base, lo, mean) = discovery_across_seeds(&part, &options);
            let of = |s: Stance| base.themes.iter().filter(|t| t.stance == s).count();
            let unclear: u64 = base
                .themes
                .iter()
                .filter(|t| t.stance == Stance::Unclear)
                .map(|t| t.count.count)
                .sum();
            println!(
                "discovery, {name}, seeds 0-9 with seeded input orders: {} candidate themes ({} agree, {} disagree, {} unclear; {unclear} answers in unclear themes), {} unassigned; ARI min {lo:.4}, mean {mean:.4}",
                base.themes.len(),
                of(Stance::Agree),
                of(Stance::Disagree),
                of(Stance::Unclear),
                base.unassigned.len()
            );
        }
        let texts: Vec<&str> = part.texts.iter().map(String::as_str).collect();
        let m = map(&part.ids, &texts, &part.themes, &Options::default());
        println!("answers sent to review (zero-shot): {}", m.review.len());
        for cues in [Cues::Original, Cues::Extended] {
            let (mut decided, mut agree) = (0, 0);
            for (id, text) in part.ids.iter().zip(&texts) {
                let ours = match stance_with(text, cues) {
                    Stance::Agree => "AGREE",
                    Stance::Disagree => "DISAGREE",
                    Stance::Unclear => continue,
                };
                decided += 1;
                agree += usize::from(part.positions.get(id).is_some_and(|p| p == ours));
            }
            println!(
                "stance, {cues:?} cues: {decided} of {n} decided, {agree} of those match the reference position"
            );
        }
    }
    let mut names: Vec<&&str> = totals.keys().collect();
    names.sort();
    for name in names {
        let v = &totals[*name];
        println!(
            "mean over the two parts, {name}: {:.4}",
            v.iter().sum::<f64>() / v.len() as f64
        );
    }
    Ok(())
}
