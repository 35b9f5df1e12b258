//! `cohesion admin moderation retrain`: screening's classifier trained
//! on this site's own moderation decisions, stored in the database for
//! every server, with what it scored on the decisions it did not see.

use anyhow::Context;
use cohesion_services::discussions::classifier::{retrain, Retrained, MIN_PER_CLASS};
use cohesion_storage::{migrate, Db};

pub async fn run(db: &Db) -> anyhow::Result<()> {
    migrate::run(db).await.context("migration failed")?;
    match retrain(db).await.context("retraining failed")? {
        Retrained::Trained(m) => {
            println!(
                "Trained moderation model version {} on {} hidden and {} kept comments.",
                m.version, m.hidden_trained, m.kept_trained
            );
            println!(
                "On the {} newer decisions it did not train on ({} hidden, {} kept): \
                 precision {:.2}, recall {:.2} of \"hidden\" at threshold {:.2}.",
                m.hidden_tested + m.kept_tested,
                m.hidden_tested,
                m.kept_tested,
                m.precision_tested,
                m.recall_tested,
                m.threshold
            );
            println!("Screening uses it from now on, on every server.");
            Ok(())
        }
        Retrained::TooFew { hidden, kept } => anyhow::bail!(
            "too few moderation decisions to train on: {hidden} hidden and {kept} approved or \
             restored comments; at least {MIN_PER_CLASS} of each are needed. Nothing was changed."
        ),
        Retrained::Busy => anyhow::bail!(
            "another server is retraining the moderation model now; try again in a few minutes"
        ),
    }
}
