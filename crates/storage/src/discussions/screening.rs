//! What screening keeps (ADR 36): each comment's findings as it was
//! posted, the MinHash band keys near repeats are looked up by, the
//! classifiers trained from moderators' decisions, the lease one server
//! holds while it retrains, and the figures that judge screening against
//! what moderators decided.

use uuid::Uuid;

use crate::rows::{self, Param, Row};
use crate::{Conn, StorageError, Timestamp};

/// What screening found in one comment as it was posted.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding<'a> {
    pub comment_id: Uuid,
    pub discussion_id: Uuid,
    /// The kinds of reason that held it (`words`, `near-repeat`, …).
    pub kinds: &'a [&'a str],
    pub campaign_id: Option<Uuid>,
    pub score: Option<f64>,
    pub model_version: Option<i64>,
    pub at: Timestamp,
}

/// The kinds as the column keeps them: each between bars, so that a
/// kind is found by `LIKE '%|kind|%'`; '' for none.
fn kinds_column(kinds: &[&str]) -> String {
    match kinds {
        [] => String::new(),
        _ => format!("|{}|", kinds.join("|")),
    }
}

pub async fn record(conn: Conn<'_>, f: &Finding<'_>) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "INSERT INTO comment_screenings (comment_id, discussion_id, kinds, campaign_id, score, \
         model_version, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        &[
            &f.comment_id,
            &f.discussion_id,
            &kinds_column(f.kinds),
            &f.campaign_id,
            &f.score,
            &f.model_version,
            &f.at,
        ],
    )
    .await?;
    Ok(())
}

/// Marks earlier comments as part of the campaign led by `campaign`
/// (only those screened and not yet in one).
pub async fn join_campaign(
    conn: Conn<'_>,
    comments: &[Uuid],
    campaign: Uuid,
) -> Result<(), StorageError> {
    if comments.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "UPDATE comment_screenings SET campaign_id = $1 WHERE campaign_id IS NULL \
         AND {}",
        rows::in_ids(&conn, "comment_id", 2)
    );
    rows::execute(conn, &sql, &[&campaign, &rows::Ids(comments)]).await?;
    Ok(())
}

/// The comments of each of `campaigns`, oldest first, at most `limit`
/// in all: (campaign, comment).
pub async fn campaign_members(
    conn: Conn<'_>,
    campaigns: &[Uuid],
    limit: i64,
) -> Result<Vec<(Uuid, Uuid)>, StorageError> {
    if campaigns.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT campaign_id, comment_id FROM comment_screenings WHERE {} \
         ORDER BY created_at, comment_id LIMIT $2",
        rows::in_ids(&conn, "campaign_id", 1)
    );
    rows::fetch_all(conn, &sql, &[&rows::Ids(campaigns), &limit], rows::tuple).await
}

/// Keeps a comment's band keys for later comments to be compared with.
pub async fn add_bands(
    conn: Conn<'_>,
    discussion: Uuid,
    comment: Uuid,
    keys: &[i64],
    at: Timestamp,
) -> Result<(), StorageError> {
    if keys.is_empty() {
        return Ok(());
    }
    let values: Vec<String> = (0..keys.len())
        .map(|i| format!("($1, ${}, $2, $3)", i + 4))
        .collect();
    let sql = format!(
        "INSERT INTO comment_bands (discussion_id, band_key, comment_id, created_at) VALUES {} \
         ON CONFLICT DO NOTHING",
        values.join(", ")
    );
    let mut params: Vec<&dyn Param> = vec![&discussion, &comment, &at];
    params.extend(keys.iter().map(|k| k as &dyn Param));
    rows::execute(conn, &sql, &params).await?;
    Ok(())
}

/// An earlier comment that may be a near repeat of a new one.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub id: Uuid,
    pub author_id: Option<Uuid>,
    pub body: String,
    pub fingerprint: Option<String>,
    pub created_at: Timestamp,
    /// The campaign it is already part of.
    pub campaign_id: Option<Uuid>,
}

/// Comments of `discussion` posted since `since` that share a band key
/// with `keys` or have the fingerprint `fingerprint`, newest first, at
/// most `limit`: an index lookup, never the whole discussion.
pub async fn candidates(
    conn: Conn<'_>,
    discussion: Uuid,
    keys: &[i64],
    fingerprint: Option<&str>,
    since: Timestamp,
    limit: i64,
) -> Result<Vec<Candidate>, StorageError> {
    // Each way of being alike is looked up by its own index and the sets
    // joined: with `OR` in one WHERE, the engines walked every comment of
    // the discussion in the window, on every post. Each band brings at
    // most its PER_BAND newest comments: a band shared by much of a
    // discussion (a common phrase) made every post read, sort and compare
    // a share of the whole discussion, so posting slowed as the
    // discussion grew. A near repeat shares several bands, so it is
    // missed only when every one of them was shared since by PER_BAND
    // newer comments; exact repeats come by fingerprint, not by band.
    let bands: String = (0..keys.len())
        .map(|i| {
            format!(
                "SELECT comment_id FROM (SELECT b.comment_id FROM comment_bands b \
                 WHERE b.discussion_id = $1 AND b.band_key = ${} AND b.created_at >= $2 \
                 ORDER BY b.created_at DESC LIMIT {PER_BAND}) k{i} UNION ",
                i + 5
            )
        })
        .collect();
    let sql = format!(
        "SELECT c.id, c.author_id, c.body, c.fingerprint, c.created_at, s.campaign_id \
         FROM discussion_comments c LEFT JOIN comment_screenings s ON s.comment_id = c.id \
         WHERE c.id IN ({bands}SELECT f.id FROM discussion_comments f WHERE f.discussion_id = $1 \
         AND f.fingerprint = $3 AND f.created_at >= $2) \
         ORDER BY c.created_at DESC, c.id DESC LIMIT $4"
    );
    let mut params: Vec<&dyn Param> = vec![&discussion, &since, &fingerprint, &limit];
    params.extend(keys.iter().map(|k| k as &dyn Param));
    rows::fetch_all(conn, &sql, &params, |r| {
        Ok(Candidate {
            id: r.get("id")?,
            author_id: r.get("author_id")?,
            body: r.get("body")?,
            fingerprint: r.get("fingerprint")?,
            created_at: r.get("created_at")?,
            campaign_id: r.get("campaign_id")?,
        })
    })
    .await
}

/// How many of a band's newest comments [`candidates`] brings.
const PER_BAND: usize = 8;

/// How many comments `author` posted since `since`, in any discussion.
pub async fn posted_since(
    conn: Conn<'_>,
    author: Uuid,
    since: Timestamp,
) -> Result<i64, StorageError> {
    rows::fetch_one(
        conn,
        "SELECT COUNT(*) FROM discussion_comments WHERE author_id = $1 AND created_at >= $2",
        &[&author, &since],
        rows::scalar,
    )
    .await
}

/// The decisions that settle what a comment is for training and for
/// judging screening: hidden, or shown after a moderator looked.
const SETTLING: &str = "('approve', 'hide', 'restore', 'appeal_upheld', 'appeal_overturned')";

/// One comment moderators decided, as training reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct Decided {
    pub body: String,
    pub hidden: bool,
    /// When its last settling decision was taken.
    pub decided_at: Timestamp,
}

/// The `limit` most recently decided comments that are hidden or shown
/// now, oldest decision first.
pub async fn decided(conn: Conn<'_>, limit: i64) -> Result<Vec<Decided>, StorageError> {
    let sql = format!(
        "SELECT body, hidden, decided_at FROM (SELECT c.body AS body, \
         CASE WHEN c.state = 'hidden' THEN 1 ELSE 0 END AS hidden, \
         MAX(d.created_at) AS decided_at FROM discussion_comments c \
         JOIN moderation_decisions d ON d.comment_id = c.id \
         WHERE d.action IN {SETTLING} AND c.state IN ('hidden', 'published') \
         GROUP BY c.id, c.body, c.state ORDER BY MAX(d.created_at) DESC LIMIT $1) recent \
         ORDER BY decided_at"
    );
    rows::fetch_all(conn, &sql, &[&limit], |r| {
        Ok(Decided {
            body: r.get("body")?,
            hidden: r.get::<i32>("hidden")? == 1,
            decided_at: r.get("decided_at")?,
        })
    })
    .await
}

/// How many settling decisions were taken after `since`.
pub async fn decisions_since(conn: Conn<'_>, since: Timestamp) -> Result<i64, StorageError> {
    let sql = format!(
        "SELECT COUNT(*) FROM moderation_decisions WHERE action IN {SETTLING} AND created_at > $1"
    );
    rows::fetch_one(conn, &sql, &[&since], rows::scalar).await
}

/// A stored classifier's particulars, without its weights.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelInfo {
    pub id: Uuid,
    pub version: i64,
    pub trained_at: Timestamp,
    pub trained_through: Timestamp,
    pub hidden_trained: i64,
    pub kept_trained: i64,
    pub hidden_tested: i64,
    pub kept_tested: i64,
    pub precision_tested: f64,
    pub recall_tested: f64,
    pub threshold: f64,
}

const MODEL_COLUMNS: &str = "id, version, trained_at, trained_through, hidden_trained, \
     kept_trained, hidden_tested, kept_tested, precision_tested, recall_tested, threshold";

fn model_info(r: &Row) -> Result<ModelInfo, sqlx::Error> {
    Ok(ModelInfo {
        id: r.get("id")?,
        version: r.get("version")?,
        trained_at: r.get("trained_at")?,
        trained_through: r.get("trained_through")?,
        hidden_trained: r.get("hidden_trained")?,
        kept_trained: r.get("kept_trained")?,
        hidden_tested: r.get("hidden_tested")?,
        kept_tested: r.get("kept_tested")?,
        precision_tested: r.get("precision_tested")?,
        recall_tested: r.get("recall_tested")?,
        threshold: r.get("threshold")?,
    })
}

/// The newest classifier, if one was trained.
pub async fn latest_model(conn: Conn<'_>) -> Result<Option<ModelInfo>, StorageError> {
    let sql =
        format!("SELECT {MODEL_COLUMNS} FROM moderation_models ORDER BY version DESC LIMIT 1");
    rows::fetch_optional(conn, &sql, &[], model_info).await
}

/// A classifier's weights as saved.
pub async fn model_bytes(conn: Conn<'_>, id: Uuid) -> Result<Option<Vec<u8>>, StorageError> {
    rows::fetch_optional(
        conn,
        "SELECT model FROM moderation_models WHERE id = $1",
        &[&id],
        rows::scalar,
    )
    .await
}

/// Saves a classifier as the next version; its version is set here.
pub async fn save_model(
    mut conn: Conn<'_>,
    info: &ModelInfo,
    bytes: &[u8],
) -> Result<i64, StorageError> {
    let version: i64 = rows::fetch_one(
        conn.reborrow(),
        "SELECT COALESCE(MAX(version), 0) + 1 FROM moderation_models",
        &[],
        rows::scalar,
    )
    .await?;
    let sql = format!(
        "INSERT INTO moderation_models ({MODEL_COLUMNS}, model) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
    );
    rows::execute(
        conn,
        &sql,
        &[
            &info.id,
            &version,
            &info.trained_at,
            &info.trained_through,
            &info.hidden_trained,
            &info.kept_trained,
            &info.hidden_tested,
            &info.kept_tested,
            &info.precision_tested,
            &info.recall_tested,
            &info.threshold,
            &bytes,
        ],
    )
    .await?;
    Ok(version)
}

/// Takes the lease `name` for `holder` until `until` if nobody holds it
/// at `now`: one statement, so of several servers exactly one gets it.
pub async fn claim_lease(
    conn: Conn<'_>,
    name: &str,
    holder: &str,
    now: Timestamp,
    until: Timestamp,
) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "INSERT INTO screening_leases (name, holder, until) VALUES ($1, $2, $3) \
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until \
         WHERE screening_leases.until < $4",
        &[&name, &holder, &until, &now],
    )
    .await?;
    Ok(n == 1)
}

/// Gives the lease back once the work is done.
pub async fn release_lease(conn: Conn<'_>, name: &str, holder: &str) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "DELETE FROM screening_leases WHERE name = $1 AND holder = $2",
        &[&name, &holder],
    )
    .await?;
    Ok(())
}

/// How one kind of reason (or all of them) fared against moderators.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KindCounts {
    /// Decided comments it held.
    pub held: i64,
    /// Of those, the ones moderators hid.
    pub held_hidden: i64,
}

/// Decided comments since a moment, against what screening held.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub decided: i64,
    pub hidden: i64,
    /// Per kind, in the order asked for.
    pub kinds: Vec<KindCounts>,
    /// Held for any of the kinds.
    pub any: KindCounts,
}

/// Counts, in one query, the comments whose last settling decision came
/// after `since`: how many, how many hidden, and for each of `kinds` (and
/// any) how many it held and how many of those were hidden.
pub async fn tally(
    conn: Conn<'_>,
    kinds: &[&str],
    since: Timestamp,
) -> Result<Tally, StorageError> {
    // The kinds are the program's own words, never input; checked anyway.
    let safe = |k: &&str| k.chars().all(|c| c.is_ascii_lowercase() || c == '-');
    if !kinds.iter().all(safe) {
        return Err(StorageError::Invalid(
            "a screening kind with characters SQL does not allow".into(),
        ));
    }
    let hidden = "c.state = 'hidden'";
    let mut columns = vec![
        "COUNT(*) AS decided".to_owned(),
        format!("COUNT(CASE WHEN {hidden} THEN 1 END) AS hidden"),
        "COUNT(CASE WHEN s.kinds <> '' THEN 1 END) AS held_any".to_owned(),
        format!("COUNT(CASE WHEN s.kinds <> '' AND {hidden} THEN 1 END) AS hit_any"),
    ];
    for (i, k) in kinds.iter().enumerate() {
        columns.push(format!(
            "COUNT(CASE WHEN s.kinds LIKE '%|{k}|%' THEN 1 END) AS held_{i}"
        ));
        columns.push(format!(
            "COUNT(CASE WHEN s.kinds LIKE '%|{k}|%' AND {hidden} THEN 1 END) AS hit_{i}"
        ));
    }
    let sql = format!(
        "SELECT {} FROM (SELECT comment_id, MAX(created_at) AS at FROM moderation_decisions \
         WHERE action IN {SETTLING} GROUP BY comment_id) x \
         JOIN discussion_comments c ON c.id = x.comment_id \
         LEFT JOIN comment_screenings s ON s.comment_id = c.id \
         WHERE x.at > $1 AND c.state IN ('hidden', 'published')",
        columns.join(", ")
    );
    let n = kinds.len();
    rows::fetch_one(conn, &sql, &[&since], move |r| {
        let mut per = Vec::with_capacity(n);
        for i in 0..n {
            per.push(KindCounts {
                held: r.get(&format!("held_{i}"))?,
                held_hidden: r.get(&format!("hit_{i}"))?,
            });
        }
        Ok(Tally {
            decided: r.get("decided")?,
            hidden: r.get("hidden")?,
            kinds: per,
            any: KindCounts {
                held: r.get("held_any")?,
                held_hidden: r.get("hit_any")?,
            },
        })
    })
    .await
}
