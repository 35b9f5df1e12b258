//! `cohesion analyse themes`: candidate themes for one question's answers
//! or, given confirmed themes, every answer mapped to them; JSON out.

use std::fs::File;
use std::io::{BufReader, Write};
use std::path::Path;

use anyhow::Context;
use cohesion_insight::import::{read_csv, read_jsonl, Table};
use cohesion_insight::themes::{
    discover_with_progress, map_with_progress, ConfirmedTheme, Options,
};

use super::progress::Progress;
use super::ThemesArgs;

pub fn run(args: ThemesArgs) -> anyhow::Result<()> {
    let table = read(&args.input, &args.id_field, &args.text_field)?;
    let ids: Vec<String> = table.rows.iter().map(|r| r[0].clone()).collect();
    let texts: Vec<&str> = table.rows.iter().map(|r| r[1].as_str()).collect();
    let options = Options {
        seed: args.seed,
        ..Options::default()
    };
    // The bar counts answers; the engine reports its own units of work.
    let mut progress = Progress::new("themes", ids.len() as u64);
    let rows = ids.len() as u64;
    let mut report = |done: usize, total: usize| {
        progress.set(done as u64 * rows / total.max(1) as u64);
    };
    let mut json = match &args.themes {
        Some(path) => {
            let file =
                File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
            let confirmed: Vec<ConfirmedTheme> = serde_json::from_reader(BufReader::new(file))
                .with_context(|| {
                    format!(
                        "{} is not a JSON list of themes ({{\"id\", \"label\", \"description\", \"examples\"}})",
                        path.display()
                    )
                })?;
            anyhow::ensure!(!confirmed.is_empty(), "{} lists no themes", path.display());
            serde_json::to_string_pretty(&map_with_progress(
                &ids,
                &texts,
                &confirmed,
                &options,
                &mut report,
            ))?
        }
        None => serde_json::to_string_pretty(&discover_with_progress(
            &ids,
            &texts,
            &options,
            &mut report,
        ))?,
    };
    progress.finish();
    json.push('\n');
    match &args.output {
        Some(path) => std::fs::write(path, json)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(json.as_bytes())
                .and_then(|()| out.flush())
                .context("cannot write to standard output")?
        }
    }
    Ok(())
}

/// CSV, or JSON Lines when the file name ends in .jsonl or .ndjson.
fn read(path: &Path, id: &str, text: &str) -> anyhow::Result<Table> {
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let reader = BufReader::new(file);
    let jsonl = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"));
    let table = if jsonl {
        read_jsonl(reader, &[id, text])
    } else {
        read_csv(reader, &[id, text])
    }
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
