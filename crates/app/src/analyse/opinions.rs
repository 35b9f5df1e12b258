//! `cohesion analyse opinions DIR [--seed N] [--output FILE]`: opinion
//! groups from a Pol.is export, written as JSON.

use std::io::Write;

use anyhow::Context;
use cohesion_insight::opinions::{analyse, import, Options};

use super::OpinionsArgs;

pub fn run(args: OpinionsArgs) -> anyhow::Result<()> {
    let votes = import::read_dir(&args.dir)?;
    let analysis = analyse(&votes, &Options::with_seed(args.seed));
    let mut json =
        serde_json::to_string_pretty(&analysis).context("cannot write the result as JSON")?;
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
