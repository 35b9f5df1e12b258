//! Evaluation of the moderation classifier on the shared reference data
//! (../shared/data/moderation): Davidson et al. 5-fold cross-validation,
//! HateCheck as a test suite for a model trained on all of Davidson (never
//! trained or tuned on), MLMA English and Arabic cross-validated, training
//! time and scoring throughput.
//!
//! cargo run --release -p cohesion-insight --example eval_moderation [-- --data DIR]
//!
//! Options for experiments: --epochs N --bits N --lr X --l2 X --cw X
//! --char-min N --char-max N --word-max N --seed N --only davidson|hatecheck|mlma|speed

use std::collections::BTreeMap;
use std::fs::File;
use std::path::PathBuf;
use std::time::Instant;

use cohesion_insight::import::read_csv;
use cohesion_insight::moderation::{cross_validate, Evaluation, Model, TrainOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut data =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/moderation");
    let mut o = TrainOptions::default();
    let mut only: Option<String> = None;
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--data" => data = PathBuf::from(val()?),
            "--epochs" => o.epochs = val()?.parse()?,
            "--bits" => o.features.bits = val()?.parse()?,
            "--lr" => o.learning_rate = val()?.parse()?,
            "--l2" => o.l2 = val()?.parse()?,
            "--cw" => o.class_weight_power = val()?.parse()?,
            "--char-min" => o.features.char_min = val()?.parse()?,
            "--char-max" => o.features.char_max = val()?.parse()?,
            "--word-max" => o.features.word_max = val()?.parse()?,
            "--seed" => o.seed = val()?.parse()?,
            "--cross-fit" => o.cross_fit = val()?.parse()?,
            "--only" => only = Some(val()?),
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let run = |part: &str| only.as_deref().is_none_or(|o| o == part);
    println!("options: {}", serde_json::to_string(&o)?);

    let davidson = read_csv(
        File::open(data.join("davidson-labeled_data.csv"))?,
        &["tweet", "class"],
    )?;
    let d_texts: Vec<&str> = davidson.rows.iter().map(|r| r[0].as_str()).collect();
    // Davidson's classes: 0 hate speech, 1 offensive, 2 neither.
    let d_labels: Vec<String> = davidson
        .rows
        .iter()
        .map(|r| match r[1].trim() {
            "0" => "hate".to_string(),
            "1" => "offensive".to_string(),
            "2" => "neither".to_string(),
            other => other.to_string(),
        })
        .collect();

    if run("davidson") {
        let start = Instant::now();
        let cv_options = o;
        let (folds, pooled) = cross_validate(&d_texts, &d_labels, 5, &cv_options)?;
        let per_fold: Vec<f64> = folds.iter().map(|f| f.macro_f1).collect();
        println!(
            "\n== Davidson, 5-fold stratified CV ({} tweets, {:.1} s)",
            d_texts.len(),
            start.elapsed().as_secs_f64()
        );
        println!(
            "macro-F1 per fold: {}",
            per_fold
                .iter()
                .map(|f| format!("{f:.4}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        println!("macro-F1 mean of folds: {:.4}", mean(&per_fold));
        print_eval(&pooled);
    }

    if run("hatecheck") || run("speed") {
        let start = Instant::now();
        let model = Model::train(&d_texts, &d_labels, &o)?;
        let train_s = start.elapsed().as_secs_f64();
        println!("\n== Model trained on all of Davidson in {train_s:.2} s (one core, includes the held-out fit for thresholds)");
        for (l, t) in model.labels.iter().zip(&model.thresholds) {
            println!(
                "threshold for {l} at precision {}: {t:?}",
                o.target_precision
            );
        }
        if run("speed") {
            let start = Instant::now();
            let mut n = 0usize;
            let mut sink = 0f32;
            for _ in 0..2 {
                for t in &d_texts {
                    sink += model.predict(t).probabilities[0];
                    n += 1;
                }
            }
            let s = start.elapsed().as_secs_f64();
            println!("scoring (probabilities): {:.0} texts/s on one core ({n} texts, {s:.2} s; checksum {sink:.1})", n as f64 / s);
            let start = Instant::now();
            for t in &d_texts {
                let (p, why) = model.predict_explained(t, 5);
                sink += p.probabilities[0] + why.len() as f32;
            }
            let s = start.elapsed().as_secs_f64();
            println!(
                "scoring with explanations: {:.0} texts/s on one core (checksum {sink:.1})",
                d_texts.len() as f64 / s
            );
        }
        if run("hatecheck") {
            hatecheck(&model, &data)?;
        }
    }

    if run("mlma") {
        for (lang, file) in [
            ("English", "mlma-en_dataset.csv"),
            ("Arabic", "mlma-ar_dataset.csv"),
        ] {
            let t = read_csv(
                File::open(data.join(file))?,
                &["tweet", "sentiment", "target"],
            )?;
            let texts: Vec<&str> = t.rows.iter().map(|r| r[0].as_str()).collect();
            let normal: Vec<String> = t
                .rows
                .iter()
                .map(|r| {
                    if r[1].trim() == "normal" {
                        "normal"
                    } else {
                        "not_normal"
                    }
                    .to_string()
                })
                .collect();
            let target: Vec<String> = t.rows.iter().map(|r| r[2].trim().to_string()).collect();
            let cv = o;
            for (what, labels) in [
                ("sentiment normal vs the rest", &normal),
                ("target", &target),
            ] {
                let (folds, pooled) = cross_validate(&texts, labels, 5, &cv)?;
                let per: Vec<f64> = folds.iter().map(|f| f.macro_f1).collect();
                println!(
                    "\n== MLMA {lang}, {what}, 5-fold CV ({} tweets): macro-F1 mean of folds {:.4}",
                    texts.len(),
                    mean(&per)
                );
                print_eval(&pooled);
            }
        }
    }
    Ok(())
}

fn hatecheck(model: &Model, data: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    let t = read_csv(
        File::open(data.join("hatecheck-en-test_suite_cases.csv"))?,
        &["test_case", "label_gold", "functionality"],
    )?;
    let labels = ["non-hateful".to_string(), "hateful".to_string()];
    let hate = model
        .labels
        .iter()
        .position(|l| l == "hate")
        .ok_or("no hate class")?;
    let offensive = model
        .labels
        .iter()
        .position(|l| l == "offensive")
        .ok_or("no offensive class")?;
    // Two fixed mappings from Davidson's three classes to HateCheck's two,
    // decided before looking at HateCheck results and both reported:
    // A: hateful = predicted "hate" (HateCheck paper's convention);
    // B: hateful = predicted "hate" or "offensive" (abusive vs not).
    let mut results = Vec::new();
    for (name, is_hateful) in [
        (
            "A: hate",
            Box::new(move |l: usize| l == hate) as Box<dyn Fn(usize) -> bool>,
        ),
        (
            "B: hate or offensive",
            Box::new(move |l: usize| l == hate || l == offensive),
        ),
    ] {
        let mut pairs = Vec::new();
        let mut by_func: BTreeMap<String, (String, u64, u64)> = BTreeMap::new();
        for r in &t.rows {
            let truth = usize::from(r[1].trim() == "hateful");
            let predicted = usize::from(is_hateful(model.predict(&r[0]).label));
            pairs.push((truth, predicted));
            let e = by_func
                .entry(r[2].clone())
                .or_insert((r[1].trim().to_string(), 0, 0));
            e.1 += 1;
            e.2 += u64::from(truth == predicted);
        }
        let eval = Evaluation::from_pairs(&labels, pairs);
        results.push((name, eval, by_func));
    }
    for (name, eval, by_func) in &results {
        println!(
            "\n== HateCheck (test suite only; {} cases), mapping {name}",
            eval.examples
        );
        print_eval(eval);
        println!("| functionality | gold | cases | accuracy |\n|---|---|---|---|");
        for (f, (gold, n, ok)) in by_func {
            println!(
                "| {f} | {gold} | {n} | {:.1} % |",
                100.0 * *ok as f64 / *n as f64
            );
        }
    }
    Ok(())
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len().max(1) as f64
}

fn print_eval(e: &Evaluation) {
    println!(
        "macro-F1 {:.4}, accuracy {:.4}, {} examples",
        e.macro_f1, e.accuracy, e.examples
    );
    for m in &e.per_class {
        println!(
            "  {:<14} P {:.3}  R {:.3}  F1 {:.3}  support {}",
            m.label, m.precision, m.recall, m.f1, m.support
        );
    }
    println!(
        "  confusion (rows truth, columns predicted, order {:?}): {:?}",
        e.labels, e.confusion
    );
}
