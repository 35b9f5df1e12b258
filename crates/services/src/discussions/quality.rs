//! How well screening is doing (ADR 36), so that nobody trusts it
//! blindly: for each kind of reason and overall, of the comments
//! moderators decided after the newest classifier's training data ended
//! (so the classifier is judged on decisions it never saw), how many it
//! held and how many of those moderators hid (precision), and how many
//! of the comments moderators hid it had held (recall).

use cohesion_domain::discussion::screening::{share, KINDS};
use cohesion_domain::identity::Action;
use cohesion_storage::discussions::screening::{self as store, KindCounts, ModelInfo};
use cohesion_storage::Db;
use cohesion_storage::Timestamp;

use super::classifier;
use crate::accounts::SignedIn;
use crate::permissions::require;
use crate::ServiceError;

/// One line of the quality table.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// One of `screening::KINDS`, or `None` for screening as a whole.
    pub kind: Option<&'static str>,
    /// Decided comments it held, and how many of those were hidden.
    pub held: i64,
    pub held_hidden: i64,
    /// `held_hidden / held`; `None` with too few held to say.
    pub precision: Option<f64>,
    /// `held_hidden / hidden`; `None` with too few hidden to say.
    pub recall: Option<f64>,
}

/// The quality page's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Quality {
    /// The newest classifier, if one was trained.
    pub model: Option<ModelInfo>,
    /// Decisions counted are those after this moment (the end of the
    /// classifier's training data); `None` for every decision.
    pub since: Option<Timestamp>,
    /// Comments decided in that time, and how many of them were hidden.
    pub decided: i64,
    pub hidden: i64,
    /// One line per kind, in `KINDS` order, then screening as a whole.
    pub lines: Vec<Line>,
}

fn line(kind: Option<&'static str>, counts: KindCounts, hidden: i64) -> Line {
    Line {
        kind,
        held: counts.held,
        held_hidden: counts.held_hidden,
        precision: share(counts.held_hidden, counts.held),
        recall: share(counts.held_hidden, hidden),
    }
}

/// The figures, for moderators.
pub async fn quality(db: &Db, me: &SignedIn) -> Result<Quality, ServiceError> {
    require(me, Action::Moderate)?;
    let mut c = db.acquire().await?;
    let model = classifier::newest_info(c.conn()).await?;
    let since = model.as_ref().map(|m| m.trained_through);
    let start = since.unwrap_or_else(|| Timestamp::from(time::OffsetDateTime::UNIX_EPOCH));
    let tally = store::tally(c.conn(), &KINDS, start).await?;
    let mut lines: Vec<Line> = KINDS
        .iter()
        .zip(&tally.kinds)
        .map(|(kind, counts)| line(Some(kind), *counts, tally.hidden))
        .collect();
    lines.push(line(None, tally.any, tally.hidden));
    Ok(Quality {
        model,
        since,
        decided: tally.decided,
        hidden: tally.hidden,
        lines,
    })
}
