//! `cohesion analyse moderation train|eval|score`: a moderation classifier
//! trained from a labelled CSV file the user supplies, evaluated on
//! another, and applied to comments (one JSON line per row).

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::Path;

use anyhow::Context;
use cohesion_insight::import::{read_csv, Table};
use cohesion_insight::moderation::{Learner, Model, TrainOptions};
use serde::Serialize;

use super::progress::Progress;
use super::{LearnerArg, ModerationCommand};

pub fn run(command: ModerationCommand) -> anyhow::Result<()> {
    match command {
        ModerationCommand::Train {
            input,
            text_column,
            label_column,
            model,
            seed,
            target_precision,
            learner,
            c,
        } => {
            anyhow::ensure!(
                target_precision > 0.0 && target_precision <= 1.0,
                "--target-precision must be in (0, 1]"
            );
            anyhow::ensure!(
                c.is_finite() && c > 0.0 && c <= 1000.0,
                "--c must be a number above 0 and at most 1000"
            );
            let table = read(&input, &[&text_column, &label_column])?;
            let (texts, labels, skipped) = labelled(&table);
            let options = TrainOptions {
                seed,
                target_precision,
                learner: match learner {
                    LearnerArg::Sgd => Learner::Sgd,
                    LearnerArg::NbSvm => Learner::NbSvm,
                    LearnerArg::Svm => Learner::Svm,
                },
                c,
                ..TrainOptions::default()
            };
            let trained = Model::train(&texts, &labels, &options)?;
            let file = File::create(&model)
                .with_context(|| format!("cannot create {}", model.display()))?;
            let mut w = BufWriter::new(file);
            trained.save(&mut w)?;
            w.flush()
                .with_context(|| format!("cannot write {}", model.display()))?;
            let thresholds: BTreeMap<&str, Option<f32>> = trained
                .labels
                .iter()
                .map(String::as_str)
                .zip(trained.thresholds.iter().copied())
                .collect();
            print_json(&serde_json::json!({
                "model": model.display().to_string(),
                "examples": texts.len(),
                "skipped_rows_without_label": skipped,
                "rows_with_invalid_utf8": table.rows_with_invalid_utf8,
                "labels": trained.labels,
                "target_precision": target_precision,
                "learner": options.learner,
                "thresholds": thresholds,
            }))
        }
        ModerationCommand::Eval {
            model,
            input,
            text_column,
            label_column,
        } => {
            let model = load(&model)?;
            let table = read(&input, &[&text_column, &label_column])?;
            let (texts, labels, _) = labelled(&table);
            let evaluation = model.evaluate(&texts, &labels)?;
            print_json(&evaluation)
        }
        ModerationCommand::Score {
            model,
            input,
            text_column,
            id_column,
        } => {
            let model = load(&model)?;
            let mut columns = vec![text_column.as_str()];
            if let Some(id) = &id_column {
                columns.push(id);
            }
            let table = read(&input, &columns)?;
            let mut out = BufWriter::new(std::io::stdout().lock());
            let mut progress = Progress::new("scoring", table.rows.len() as u64);
            for (row, line) in table.rows.iter().zip(&table.lines) {
                let text = &row[0];
                let (prediction, why) = model.predict_explained(text, 5);
                let scores: BTreeMap<&str, f64> = model
                    .labels
                    .iter()
                    .map(String::as_str)
                    .zip(prediction.probabilities.iter().map(|&p| round(p)))
                    .collect();
                let explanation: Vec<Reason> = why
                    .into_iter()
                    .map(|c| Reason {
                        ngram: c.ngram,
                        weight: round(c.weight),
                    })
                    .collect();
                let result = Scored {
                    id: row.get(1).map(String::as_str),
                    line: *line,
                    label: &model.labels[prediction.label],
                    scores,
                    flagged: model.flags(&prediction),
                    explanation,
                };
                serde_json::to_writer(&mut out, &result)?;
                out.write_all(b"\n")
                    .context("cannot write to standard output")?;
                progress.advance(1);
            }
            progress.finish();
            out.flush().context("cannot write to standard output")?;
            Ok(())
        }
    }
}

#[derive(Serialize)]
struct Scored<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    line: u64,
    label: &'a str,
    scores: BTreeMap<&'a str, f64>,
    flagged: Vec<&'a str>,
    explanation: Vec<Reason>,
}

#[derive(Serialize)]
struct Reason {
    ngram: String,
    weight: f64,
}

fn round(x: f32) -> f64 {
    (f64::from(x) * 10_000.0).round() / 10_000.0
}

fn read(path: &Path, columns: &[&str]) -> anyhow::Result<Table> {
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let table = read_csv(BufReader::new(file), columns)
        .with_context(|| format!("cannot read {}", path.display()))?;
    if table.rows_with_invalid_utf8 > 0 {
        eprintln!(
            "warning: {} rows of {} had bytes that are not UTF-8; they were replaced with U+FFFD",
            table.rows_with_invalid_utf8,
            path.display()
        );
    }
    Ok(table)
}

/// Texts and labels, leaving out rows with an empty label.
fn labelled(table: &Table) -> (Vec<&str>, Vec<String>, usize) {
    let mut texts = Vec::with_capacity(table.rows.len());
    let mut labels = Vec::with_capacity(table.rows.len());
    let mut skipped = 0;
    for row in &table.rows {
        let label = row[1].trim();
        if label.is_empty() {
            skipped += 1;
            continue;
        }
        texts.push(row[0].as_str());
        labels.push(label.to_string());
    }
    if skipped > 0 {
        eprintln!("warning: {skipped} rows without a label were left out");
    }
    (texts, labels, skipped)
}

fn load(path: &Path) -> anyhow::Result<Model> {
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    Model::load(BufReader::new(file)).with_context(|| format!("cannot load {}", path.display()))
}

fn print_json(value: &impl Serialize) -> anyhow::Result<()> {
    let mut json = serde_json::to_string_pretty(value)?;
    json.push('\n');
    let mut out = std::io::stdout().lock();
    out.write_all(json.as_bytes())
        .and_then(|()| out.flush())
        .context("cannot write to standard output")
}
