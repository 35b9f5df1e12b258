//! `cohesion analyse discussion`: a thread file's duplicates,
//! endorsements, screening reasons and themes, as JSON.

use std::io::Write;

use anyhow::Context;
use cohesion_domain::discussion::screening::WordList;
use cohesion_insight::discussion::{analyse, Options};

use super::DiscussionArgs;
use crate::thread_file::{self, BadInput};

pub fn run(args: DiscussionArgs) -> anyhow::Result<()> {
    let thread = thread_file::read(&args.input)?;
    let entries = match &args.words {
        Some(path) => Some(word_list(path)?),
        None => None,
    };
    let words = entries
        .as_ref()
        .map(|e| WordList::new(e.iter().map(String::as_str)));
    let report = analyse(
        &thread.comments,
        words.as_ref(),
        &Options { seed: args.seed },
    );
    let mut json = serde_json::to_string_pretty(&report)?;
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

/// A word list's entries, one a line.
fn word_list(path: &std::path::Path) -> Result<Vec<String>, BadInput> {
    let data = thread_file::bytes(path)?;
    let text = String::from_utf8(data).map_err(|e| {
        let line = e.as_bytes()[..e.utf8_error().valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        BadInput(format!(
            "{}: line {line}: bytes that are not UTF-8 text",
            path.display()
        ))
    })?;
    Ok(text.lines().map(str::to_owned).collect())
}
