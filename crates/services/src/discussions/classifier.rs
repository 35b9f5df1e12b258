//! The moderation classifier trained from this site's own decisions (ADR
//! 36): comments moderators hid are one class, comments they approved or
//! restored the other. Training keeps time's order (it learns from the
//! older decisions and is judged on the newer ones it never saw), refuses
//! with too few of either, and stores the model in the database so that
//! every server screens with the same one. Retraining runs on demand
//! (`cohesion admin moderation retrain`) or from a background task once
//! enough new decisions exist, claimed through a lease so that one server
//! does it.

use std::io::Cursor;
use std::sync::{Arc, Mutex};

use cohesion_domain::discussion::screening::classifier_reason;
use cohesion_insight::moderation::{FeatureConfig, Model, TrainOptions};
use cohesion_storage::discussions::screening::{self as store, Decided, ModelInfo};
use cohesion_storage::{new_id, Conn, Db, StorageError, Timestamp};
use time::Duration;

use crate::ServiceError;

/// Each class needs this many decisions before a model is trained.
pub const MIN_PER_CLASS: usize = 50;
/// The background task retrains once this many decisions were taken
/// since the newest model.
pub const RETRAIN_AFTER: i64 = 50;
/// The newest decided comments training reads, at most.
const MOST_EXAMPLES: i64 = 20_000;
/// The newest share of the decisions held out to judge the model.
const TESTED_SHARE: f64 = 0.2;
/// How long a server may hold the retraining lease before another may
/// take it (a server that stopped mid-way lets go this way).
const LEASE_MINUTES: i64 = 30;
const LEASE: &str = "moderation-retrain";
/// The classes' names in the model.
const HIDDEN: &str = "hidden";
const KEPT: &str = "kept";
/// The n-grams named as the reason for a hold, at most.
const REASON_NGRAMS: usize = 5;

/// What came of asking for a model.
#[derive(Debug, Clone, PartialEq)]
pub enum Retrained {
    /// A new model, now in use.
    Trained(ModelInfo),
    /// Too few decisions of a class: how many of each there are.
    TooFew { hidden: usize, kept: usize },
    /// Another server is retraining now.
    Busy,
}

/// Trains a model on the decisions so far if each class has enough, and
/// stores it as the newest version.
pub async fn retrain(db: &Db) -> Result<Retrained, ServiceError> {
    let holder = new_id().to_string();
    let now = Timestamp::now();
    let until = Timestamp::from(now.as_offset() + Duration::minutes(LEASE_MINUTES));
    {
        let mut c = db.acquire().await?;
        if !store::claim_lease(c.conn(), LEASE, &holder, now, until).await? {
            return Ok(Retrained::Busy);
        }
    }
    let result = train_and_store(db).await;
    let mut c = db.acquire().await?;
    store::release_lease(c.conn(), LEASE, &holder).await?;
    result
}

/// Retrains when enough decisions were taken since the newest model (or
/// since the start): what the background task calls. `None` when it is
/// not due.
pub async fn retrain_if_due(db: &Db) -> Result<Option<Retrained>, ServiceError> {
    let mut c = db.acquire().await?;
    let since = store::latest_model(c.conn())
        .await?
        .map(|m| m.trained_at)
        .unwrap_or_else(|| Timestamp::from(time::OffsetDateTime::UNIX_EPOCH));
    let fresh = store::decisions_since(c.conn(), since).await?;
    drop(c);
    if fresh < RETRAIN_AFTER {
        return Ok(None);
    }
    retrain(db).await.map(Some)
}

async fn train_and_store(db: &Db) -> Result<Retrained, ServiceError> {
    let examples = {
        let mut c = db.acquire().await?;
        store::decided(c.conn(), MOST_EXAMPLES).await?
    };
    let hidden = examples.iter().filter(|e| e.hidden).count();
    let kept = examples.len() - hidden;
    if hidden < MIN_PER_CLASS || kept < MIN_PER_CLASS {
        return Ok(Retrained::TooFew { hidden, kept });
    }
    // Training takes a while on a large site: off the async workers.
    let trained = tokio::task::spawn_blocking(move || fit(&examples))
        .await
        .map_err(|e| failed(format!("training stopped: {e}")))??;
    let (mut info, bytes) = trained;
    let mut tx = db.begin().await?;
    info.version = store::save_model(tx.conn(), &info, &bytes).await?;
    tx.commit().await?;
    Ok(Retrained::Trained(info))
}

/// Fits on the older decisions and judges on the newer: the model's
/// particulars (version still to be set) and its saved bytes.
fn fit(examples: &[Decided]) -> Result<(ModelInfo, Vec<u8>), ServiceError> {
    let tested = ((examples.len() as f64 * TESTED_SHARE).round() as usize).max(1);
    let (train, test) = examples.split_at(examples.len() - tested);
    let texts: Vec<&str> = train.iter().map(|e| e.body.as_str()).collect();
    let labels: Vec<String> = train.iter().map(|e| label(e).to_owned()).collect();
    let options = TrainOptions {
        // A site's decisions are hundreds or thousands, not millions: 2^16
        // buckets are plenty and keep the stored model small (512 KiB).
        features: FeatureConfig {
            bits: 16,
            ..FeatureConfig::default()
        },
        ..TrainOptions::default()
    };
    let model = Model::train(&texts, &labels, &options)
        .map_err(|e| failed(format!("training failed: {e}")))?;
    let class =
        hidden_class(&model).ok_or_else(|| failed("the model has no hidden class".to_owned()))?;
    // No threshold reaching the target precision: the model never holds.
    let threshold = model.thresholds[class].map_or(1.0, f64::from);
    let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
    for e in test {
        let p = f64::from(model.predict(&e.body).probabilities[class]);
        match (holds(p, threshold), e.hidden) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fn_ += 1,
            (false, false) => {}
        }
    }
    let ratio = |a: u64, b: u64| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let mut bytes = Vec::new();
    model
        .save(&mut bytes)
        .map_err(|e| failed(format!("cannot save the model: {e}")))?;
    let count =
        |set: &[Decided], hidden: bool| set.iter().filter(|e| e.hidden == hidden).count() as i64;
    let info = ModelInfo {
        id: new_id(),
        version: 0,
        trained_at: Timestamp::now(),
        trained_through: train
            .last()
            .map(|e| e.decided_at)
            .unwrap_or_else(Timestamp::now),
        hidden_trained: count(train, true),
        kept_trained: count(train, false),
        hidden_tested: count(test, true),
        kept_tested: count(test, false),
        precision_tested: ratio(tp, tp + fp),
        recall_tested: ratio(tp, tp + fn_),
        threshold,
    };
    Ok((info, bytes))
}

/// Training that could not finish: reported like a storage failure, as
/// something for the operator rather than the person asking.
fn failed(message: String) -> ServiceError {
    ServiceError::Storage(StorageError::Invalid(message))
}

fn label(e: &Decided) -> &'static str {
    if e.hidden {
        HIDDEN
    } else {
        KEPT
    }
}

fn hidden_class(model: &Model) -> Option<usize> {
    model.labels.iter().position(|l| l == HIDDEN)
}

/// Whether a probability holds a comment: a threshold of 1 means no
/// threshold reached the precision asked for, and the model holds nothing.
fn holds(p: f64, threshold: f64) -> bool {
    threshold < 1.0 && p >= threshold
}

/// What the newest model says of one comment.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Verdict {
    pub version: i64,
    /// The probability that moderators would hide it.
    pub score: f64,
    pub holds: bool,
    /// The reason for the queue when it holds.
    pub reason: String,
}

/// Models loaded, by id (a process may serve more than one database, as
/// the tests do): read from the database once each.
static LOADED: Mutex<Vec<(uuid::Uuid, Arc<Model>)>> = Mutex::new(Vec::new());

async fn newest(mut conn: Conn<'_>) -> Result<Option<(ModelInfo, Arc<Model>)>, ServiceError> {
    let Some(info) = store::latest_model(conn.reborrow()).await? else {
        return Ok(None);
    };
    let cached = LOADED.lock().ok().and_then(|l| {
        l.iter()
            .find(|(id, _)| *id == info.id)
            .map(|(_, m)| m.clone())
    });
    if let Some(model) = cached {
        return Ok(Some((info, model)));
    }
    let Some(bytes) = store::model_bytes(conn, info.id).await? else {
        return Ok(None);
    };
    let model = match Model::load(Cursor::new(bytes)) {
        Ok(m) => Arc::new(m),
        Err(e) => {
            // A model this version cannot read screens nothing, rather
            // than refusing every comment.
            tracing::warn!(error = %e, version = info.version, "cannot read the moderation model");
            return Ok(None);
        }
    };
    if let Ok(mut l) = LOADED.lock() {
        if l.len() >= 4 {
            l.remove(0);
        }
        l.push((info.id, model.clone()));
    }
    Ok(Some((info, model)))
}

/// The newest model's verdict on `body`, if a model was trained.
pub(crate) async fn judge(conn: Conn<'_>, body: &str) -> Result<Option<Verdict>, ServiceError> {
    let Some((info, model)) = newest(conn).await? else {
        return Ok(None);
    };
    let Some(class) = hidden_class(&model) else {
        return Ok(None);
    };
    let score = f64::from(model.predict(body).probabilities[class]);
    let holds = holds(score, info.threshold);
    let reason = if holds {
        let why = model.explain(body, class, REASON_NGRAMS * 4);
        // Words read better than pieces of words ("“erm ”"): whole words
        // and phrases first, strongest first within each.
        let mut pushing: Vec<(bool, String)> = why
            .iter()
            .filter(|c| c.weight > 0.0)
            .map(|c| {
                let piece = c.ngram.starts_with('“');
                (piece, c.ngram.trim_matches(['“', '”', ' ']).to_owned())
            })
            .filter(|(_, n)| !n.is_empty())
            .collect();
        pushing.sort_by_key(|(piece, _)| *piece);
        let mut ngrams: Vec<&str> = Vec::new();
        for (_, n) in &pushing {
            if ngrams.len() < REASON_NGRAMS && !ngrams.contains(&n.as_str()) {
                ngrams.push(n);
            }
        }
        classifier_reason(info.version, score, &ngrams)
    } else {
        String::new()
    };
    Ok(Some(Verdict {
        version: info.version,
        score,
        holds,
        reason,
    }))
}

/// The newest model's particulars, for the quality page.
pub(crate) async fn newest_info(conn: Conn<'_>) -> Result<Option<ModelInfo>, ServiceError> {
    Ok(store::latest_model(conn).await?)
}
