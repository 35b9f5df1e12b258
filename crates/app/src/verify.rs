//! `cohesion admin verify-totals`: the running figures of consultations
//! checked against a count afresh, one line each, so that an operator
//! can show that published results agree with the responses behind them.

use std::time::Instant;

use anyhow::bail;
use cohesion_services::consultations::results::totals_check::{check_totals, TotalsCheck};
use cohesion_services::ServiceError;
use cohesion_storage::consultations::catalogue;
use cohesion_storage::Db;
use uuid::Uuid;

/// Checks one consultation, or all of them; fails if any figure differs.
pub async fn run(db: &Db, only: Option<Uuid>) -> anyhow::Result<()> {
    let all = {
        let mut c = db.acquire().await?;
        catalogue::all_ids(c.conn()).await?
    };
    let chosen: Vec<_> = match only {
        Some(id) => all.into_iter().filter(|(c, _)| *c == id).collect(),
        None => all,
    };
    if chosen.is_empty() {
        match only {
            Some(id) => bail!("There is no consultation with the id {id}."),
            None => {
                println!("There are no consultations to check.");
                return Ok(());
            }
        }
    }
    let mut differing = 0;
    for (id, title) in &chosen {
        let started = Instant::now();
        let check = match check_totals(db, *id).await {
            Ok(check) => check,
            // Deleted since the list was read.
            Err(ServiceError::NotFound) => continue,
            Err(e) => return Err(e.into()),
        };
        let secs = started.elapsed().as_secs_f64();
        if !check.agrees() {
            differing += 1;
        }
        print!("{}", report(*id, title, &check, secs));
    }
    if differing > 0 {
        bail!(
            "{differing} of {} consultations have running figures that differ from a count of their responses.",
            chosen.len()
        );
    }
    Ok(())
}

/// One consultation's lines: a summary, then each difference.
fn report(id: Uuid, title: &str, check: &TotalsCheck, secs: f64) -> String {
    let verdict = if check.agrees() { "agree" } else { "DIFFER" };
    let mut out = format!(
        "{verdict}: {id} \"{}\": {} responses counted ({} shown), {} totals checked, {} differ ({secs:.2} s)\n",
        one_line(title),
        check.responses_counted,
        check.responses_running,
        check.totals_checked,
        check.differences.len(),
    );
    for (question, item, choice, running, recounted) in &check.differences {
        let which = match (item, choice) {
            (-1, -1) => "people who answered".to_owned(),
            (item, choice) => format!("row {item}, choice {choice}"),
        };
        out.push_str(&format!(
            "  question {question}, {which}: running total {running}, recount {recounted}\n"
        ));
    }
    out
}

/// A title on one line, whatever an officer typed.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}
