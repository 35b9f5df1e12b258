//! Themes on ../shared/data/themes/gambling_XS (synthetic consultation,
//! i-dot-ai/themefinder, MIT): for each question part,
//!
//! - mapping F1: the reference themes taken as the confirmed set, our
//!   mapping of every answer compared with the reference mapping,
//!   F1 per answer averaged over answers (sample-averaged F1);
//! - stability: candidate themes discovered with seeds 0..9, adjusted Rand
//!   index of each seed's assignment against seed 0's (lowest and mean);
//! - stance agreement with the reference positions (AGREE / DISAGREE).
//!
//! cargo run --release -p cohesion-insight --example eval_themes [-- DIR]

use std::collections::HashSet;
use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;

use cohesion_insight::import::read_jsonl;
use cohesion_insight::opinions::ari::adjusted_rand_index;
use cohesion_insight::themes::{discover, map, ConfirmedTheme, Options, Stance};

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
    let mut f1s = Vec::new();
    for part in ["question_part_1", "question_part_2"] {
        let answers = read_jsonl(
            BufReader::new(File::open(
                dir.join("inputs").join(part).join("responses.jsonl"),
            )?),
            &["response_id", "response"],
        )?;
        let ids: Vec<String> = answers.rows.iter().map(|r| r[0].clone()).collect();
        let texts: Vec<&str> = answers.rows.iter().map(|r| r[1].as_str()).collect();
        let reference: Vec<serde_json::Value> =
            serde_json::from_reader(File::open(mapping_dir.join(part).join("themes.json"))?)?;
        let confirmed: Vec<ConfirmedTheme> = reference
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
        let truth: std::collections::HashMap<String, HashSet<String>> = truth
            .rows
            .iter()
            .map(|r| {
                let labels: Vec<String> = serde_json::from_str(&r[1]).unwrap_or_default();
                (r[0].clone(), labels.into_iter().collect())
            })
            .collect();
        let options = Options::default();
        let start = std::time::Instant::now();
        let mapping = map(&ids, &texts, &confirmed, &options);
        let map_ms = start.elapsed().as_secs_f64() * 1000.0;
        let mut sum = 0.0;
        let (mut tp_all, mut pred_all, mut gold_all) = (0usize, 0usize, 0usize);
        for a in &mapping.answers {
            let predicted: HashSet<String> = a.themes.iter().map(|t| t.theme.clone()).collect();
            let empty = HashSet::new();
            let gold = truth.get(&a.id).unwrap_or(&empty);
            let tp = predicted.intersection(gold).count() as f64;
            tp_all += tp as usize;
            pred_all += predicted.len();
            gold_all += gold.len();
            sum += if predicted.is_empty() && gold.is_empty() {
                1.0
            } else {
                2.0 * tp / (predicted.len() + gold.len()) as f64
            };
        }
        let f1 = sum / mapping.answers.len().max(1) as f64;
        f1s.push(f1);
        let positions = read_jsonl(
            BufReader::new(File::open(mapping_dir.join(part).join("sentiment.jsonl"))?),
            &["response_id", "position"],
        )?;
        let mut agree = 0;
        let mut decided = 0;
        for (r, a) in positions.rows.iter().zip(&mapping.answers) {
            let ours = match a.stance {
                Stance::Agree => "AGREE",
                Stance::Disagree => "DISAGREE",
                Stance::Unclear => continue,
            };
            decided += 1;
            agree += usize::from(r[1] == ours && r[0] == a.id);
        }
        let base = discover(&ids, &texts, &Options::default());
        let label = |d: &cohesion_insight::themes::Discovery| -> Vec<i64> {
            d.assignment
                .iter()
                .map(|a| a.map_or(-1, |x| x as i64))
                .collect()
        };
        let base_labels = label(&base);
        let mut aris = Vec::new();
        for seed in 1..10 {
            let d = discover(
                &ids,
                &texts,
                &Options {
                    seed,
                    ..Options::default()
                },
            );
            aris.push(adjusted_rand_index(&base_labels, &label(&d)));
        }
        println!(
            "== {part}: {} answers, {} reference themes",
            texts.len(),
            confirmed.len()
        );
        println!("mapping sample-averaged F1: {f1:.4} (mapping took {map_ms:.1} ms)");
        println!(
            "labels per answer: ours {:.2}, reference {:.2}; micro precision {:.3}, recall {:.3}",
            pred_all as f64 / texts.len() as f64,
            gold_all as f64 / texts.len() as f64,
            tp_all as f64 / pred_all.max(1) as f64,
            tp_all as f64 / gold_all.max(1) as f64
        );
        println!("answers sent to review: {}", mapping.review.len());
        println!(
            "stance: {decided} of {} answers decided, {agree} of those match the reference position",
            texts.len()
        );
        println!(
            "discovery: {} candidate themes, {} unassigned; ARI vs seed 0 over seeds 1-9: min {:.4}, mean {:.4}",
            base.themes.len(),
            base.unassigned.len(),
            aris.iter().copied().fold(f64::INFINITY, f64::min),
            aris.iter().sum::<f64>() / aris.len() as f64
        );
        for t in &base.themes {
            println!("  {} {} — {} answers", t.id, t.label, t.count.count);
        }
    }
    println!(
        "mean mapping F1 over the two parts: {:.4}",
        f1s.iter().sum::<f64>() / f1s.len() as f64
    );
    Ok(())
}
