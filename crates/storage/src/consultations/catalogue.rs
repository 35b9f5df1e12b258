//! The consultations themselves: text, dates, survey, timeline of stages
//! and publication, one by one and in lists.

use cohesion_domain::consultation::{
    format_date, parse_date, Consultation, ConsultationFields, Document, Publication, Stage,
    StageLink, StageState, Status,
};
use uuid::Uuid;

use crate::rows::{self, Param, Row};
use crate::{new_id, Conn, StorageError, Timestamp};

/// Every column of a consultation but its survey (lists never need it).
const COLUMNS: &str =
    "id, title, summary, body, topics, area, opens_at, closes_at, allow_anonymous, strands, documents, \
     language, published_at, results_published_at, withdrawn_at, response_count, created_at, updated_at";

/// Topics are kept one per line: commas may appear inside a topic's
/// translation, line breaks never do.
fn join_topics(topics: &[String]) -> String {
    topics.join("\n")
}

/// The non-empty lines of a column kept one item per line (topics,
/// strands).
fn lines_of(r: &Row, column: &str) -> Result<Vec<String>, sqlx::Error> {
    let text: String = r.get(column)?;
    Ok(text
        .lines()
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect())
}

fn record(r: &Row) -> Result<Consultation, sqlx::Error> {
    let documents: String = r.get("documents")?;
    let at = |column: &str| r.get::<Timestamp>(column).map(Into::into);
    let at_or_none = |column: &str| {
        r.get::<Option<Timestamp>>(column)
            .map(|t| t.map(Into::into))
    };
    Ok(Consultation {
        id: r.get("id")?,
        title: r.get("title")?,
        summary: r.get("summary")?,
        body: r.get("body")?,
        topics: lines_of(r, "topics")?,
        area: r.get("area")?,
        opens_at: at("opens_at")?,
        closes_at: at("closes_at")?,
        allow_anonymous: r.get("allow_anonymous")?,
        strands: lines_of(r, "strands")?,
        documents: serde_json::from_str(&documents).unwrap_or_default(),
        language: r.get("language")?,
        published_at: at_or_none("published_at")?,
        results_published_at: at_or_none("results_published_at")?,
        withdrawn_at: at_or_none("withdrawn_at")?,
        response_count: r.get("response_count")?,
        created_at: at("created_at")?,
        updated_at: at("updated_at")?,
    })
}

pub async fn insert(
    conn: Conn<'_>,
    f: &ConsultationFields,
    survey: &str,
    by: Option<Uuid>,
) -> Result<Uuid, StorageError> {
    let id = new_id();
    let now = Timestamp::now();
    rows::execute(
        conn,
        "INSERT INTO consultations (id, title, summary, body, topics, area, opens_at, closes_at, \
         allow_anonymous, survey, created_by, created_at, updated_at, strands, documents, language) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14, $15)",
        &[
            &id,
            &f.title,
            &f.summary,
            &f.body,
            &join_topics(&f.topics),
            &f.area.as_deref(),
            &Timestamp::from(f.opens_at),
            &Timestamp::from(f.closes_at),
            &f.allow_anonymous,
            &survey,
            &by,
            &now,
            &f.strands.join("\n"),
            &documents_json(&f.documents),
            &f.language,
        ],
    )
    .await?;
    Ok(id)
}

/// Changes the text and dates; `false` if there is no such consultation.
pub async fn update(
    conn: Conn<'_>,
    id: Uuid,
    f: &ConsultationFields,
) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "UPDATE consultations SET title = $1, summary = $2, body = $3, topics = $4, area = $5, \
         opens_at = $6, closes_at = $7, allow_anonymous = $8, updated_at = $9, strands = $11, \
         documents = $12, language = $13 WHERE id = $10",
        &[
            &f.title,
            &f.summary,
            &f.body,
            &join_topics(&f.topics),
            &f.area.as_deref(),
            &Timestamp::from(f.opens_at),
            &Timestamp::from(f.closes_at),
            &f.allow_anonymous,
            &Timestamp::now(),
            &id,
            &f.strands.join("\n"),
            &documents_json(&f.documents),
            &f.language,
        ],
    )
    .await?;
    Ok(n == 1)
}

fn documents_json(list: &[Document]) -> String {
    serde_json::to_string(list).unwrap_or_else(|_| "[]".to_owned())
}

/// Replaces the survey, only while nobody has responded: answers refer to
/// questions and options by position and id.
pub async fn set_survey(conn: Conn<'_>, id: Uuid, survey: &str) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "UPDATE consultations SET survey = $1, updated_at = $2 \
         WHERE id = $3 AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.consultation_id = $3)",
        &[&survey, &Timestamp::now(), &id],
    )
    .await?;
    Ok(n == 1)
}

/// Replaces the survey whatever has been answered: for rewording only
/// (the services check that nothing else changed), with the row locked
/// by [`find_for_update`] in the same transaction.
pub async fn replace_survey(conn: Conn<'_>, id: Uuid, survey: &str) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "UPDATE consultations SET survey = $1, updated_at = $2 WHERE id = $3",
        &[&survey, &Timestamp::now(), &id],
    )
    .await?;
    Ok(n == 1)
}

/// Publishes (or, with `None`, withdraws) the consultation or its
/// results. Withdrawing the consultation notes when (its address then
/// says it was withdrawn); publishing it clears that. Only what is
/// published can be withdrawn: `false` if there is no such consultation
/// or nothing of `what` to withdraw.
pub async fn set_published(
    conn: Conn<'_>,
    id: Uuid,
    what: Publication,
    at: Option<Timestamp>,
) -> Result<bool, StorageError> {
    let now = Timestamp::now();
    let sql = match (what, at) {
        (Publication::Results, Some(_)) => {
            "UPDATE consultations SET results_published_at = $1, updated_at = $2 WHERE id = $3"
        }
        (Publication::Results, None) => {
            "UPDATE consultations SET results_published_at = $1, updated_at = $2 \
             WHERE id = $3 AND results_published_at IS NOT NULL"
        }
        (Publication::Consultation, Some(_)) => {
            "UPDATE consultations SET published_at = $1, withdrawn_at = NULL, updated_at = $2 \
             WHERE id = $3"
        }
        (Publication::Consultation, None) => {
            "UPDATE consultations SET published_at = $1, withdrawn_at = $2, updated_at = $2 \
             WHERE id = $3 AND published_at IS NOT NULL"
        }
    };
    let n = rows::execute(conn, sql, &[&at, &now, &id]).await?;
    Ok(n == 1)
}

/// The consultation and its survey as stored (JSON).
pub async fn find(
    conn: Conn<'_>,
    id: Uuid,
) -> Result<Option<(Consultation, String)>, StorageError> {
    let sql = format!("SELECT {COLUMNS}, survey FROM consultations WHERE id = $1");
    rows::fetch_optional(conn, &sql, &[&id], |r| Ok((record(r)?, r.get("survey")?))).await
}

/// [`find`], the row locked until the transaction ends (PostgreSQL;
/// SQLite's write transactions already run one at a time), so that a
/// change worked out from what was read cannot undo another's.
pub async fn find_for_update(
    conn: Conn<'_>,
    id: Uuid,
) -> Result<Option<(Consultation, String)>, StorageError> {
    let suffix = match conn {
        Conn::Sqlite(_) => "",
        Conn::Postgres(_) => " FOR UPDATE",
    };
    let sql = format!("SELECT {COLUMNS}, survey FROM consultations WHERE id = $1{suffix}");
    rows::fetch_optional(conn, &sql, &[&id], |r| Ok((record(r)?, r.get("survey")?))).await
}

/// Every consultation, drafts too, oldest first: (id, title). For
/// operators' commands, not pages (there is no limit).
pub async fn all_ids(conn: Conn<'_>) -> Result<Vec<(Uuid, String)>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT id, title FROM consultations ORDER BY created_at, id",
        &[],
        rows::tuple,
    )
    .await
}

/// Which consultations a list shows.
#[derive(Debug, Clone, Default)]
pub struct ListQuery<'a> {
    /// Drafts too (staff only).
    pub drafts: bool,
    pub status: Option<Status>,
    pub topic: Option<&'a str>,
    pub area: Option<&'a str>,
    /// Words in the title or summary.
    pub search: Option<&'a str>,
    pub offset: i64,
    pub limit: i64,
}

/// A page of consultations, open first, then upcoming, then closed, and
/// the number matching in all.
pub async fn list(
    mut conn: Conn<'_>,
    q: &ListQuery<'_>,
    now: Timestamp,
) -> Result<(Vec<Consultation>, i64), StorageError> {
    let mut filters = vec!["1 = 1".to_owned()];
    if !q.drafts {
        filters.push("published_at IS NOT NULL".into());
    }
    match q.status {
        Some(Status::Upcoming) => filters.push("opens_at > $1".into()),
        Some(Status::Open) => filters.push("opens_at <= $1 AND closes_at > $1".into()),
        Some(Status::Closed) => filters.push("closes_at <= $1".into()),
        None => filters.push("$1 = $1".into()),
    }
    filters.push("($2 = '' OR LOWER(topics) LIKE $3 ESCAPE '\\')".into());
    filters.push("($4 = '' OR LOWER(COALESCE(area, '')) = $4)".into());
    filters.push("($5 = '' OR search_text LIKE $6 ESCAPE '\\')".into());
    let filter = filters.join(" AND ");
    let order =
        "CASE WHEN opens_at <= $1 AND closes_at > $1 THEN 0 WHEN opens_at > $1 THEN 1 ELSE 2 END, \
         closes_at DESC, id";
    let sql = format!(
        "SELECT {COLUMNS} FROM consultations WHERE {filter} ORDER BY {order} LIMIT $7 OFFSET $8"
    );
    let count_sql = format!("SELECT COUNT(*) FROM consultations WHERE {filter}");
    let topic = q.topic.unwrap_or("").to_lowercase();
    let area = q.area.unwrap_or("").to_lowercase();
    let search = q.search.unwrap_or("").trim().to_lowercase();
    let (topic_pattern, search_pattern) = (
        crate::contains_pattern(&topic),
        crate::contains_pattern(&search),
    );
    let filters: [&dyn Param; 6] = [
        &now,
        &topic,
        &topic_pattern,
        &area,
        &search,
        &search_pattern,
    ];
    let page: Vec<&dyn Param> = filters
        .iter()
        .copied()
        .chain([&q.limit as &dyn Param, &q.offset])
        .collect();
    let list = rows::fetch_all(conn.reborrow(), &sql, &page, record).await?;
    let total: i64 = rows::fetch_one(conn, &count_sql, &filters, rows::scalar).await?;
    Ok((list, total))
}

/// A short list of consultations in one state, for the home page, *Get
/// involved* and the staff's dashboard: bounded, in the order that
/// state makes useful.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortlist {
    /// Published and open now, closing soonest first.
    Open,
    /// Published, opening later, opening soonest first.
    Upcoming,
    /// Published and closed after this time, latest closed first.
    ClosedSince(Timestamp),
    /// Not published and never withdrawn, latest changed first (staff
    /// only).
    Drafts,
    /// Withdrawn from the public and not published again, latest
    /// withdrawn first (staff only).
    Withdrawn,
    /// Published and closed with responses, results not published,
    /// latest closed first.
    ResultsToPublish,
}

/// Up to `limit` consultations in the state `which` names, at `now`.
pub async fn shortlist(
    conn: Conn<'_>,
    which: Shortlist,
    now: Timestamp,
    limit: i64,
) -> Result<Vec<Consultation>, StorageError> {
    let (filter, order) = match which {
        Shortlist::Open => (
            "published_at IS NOT NULL AND opens_at <= $1 AND closes_at > $1 AND $2 = $2",
            "closes_at, id",
        ),
        Shortlist::Upcoming => (
            "published_at IS NOT NULL AND opens_at > $1 AND $2 = $2",
            "opens_at, id",
        ),
        Shortlist::ClosedSince(_) => (
            "published_at IS NOT NULL AND closes_at <= $1 AND closes_at > $2",
            "closes_at DESC, id",
        ),
        Shortlist::Drafts => (
            "published_at IS NULL AND withdrawn_at IS NULL AND $1 = $1 AND $2 = $2",
            "updated_at DESC, id",
        ),
        Shortlist::Withdrawn => (
            "published_at IS NULL AND withdrawn_at IS NOT NULL AND $1 = $1 AND $2 = $2",
            "withdrawn_at DESC, id",
        ),
        Shortlist::ResultsToPublish => (
            "published_at IS NOT NULL AND results_published_at IS NULL AND closes_at <= $1 \
             AND response_count > 0 AND $2 = $2",
            "closes_at DESC, id",
        ),
    };
    let since = match which {
        Shortlist::ClosedSince(t) => t,
        _ => now,
    };
    let sql =
        format!("SELECT {COLUMNS} FROM consultations WHERE {filter} ORDER BY {order} LIMIT $3");
    rows::fetch_all(conn, &sql, &[&now, &since, &limit], record).await
}

/// The areas published consultations name, for the list's filter.
/// The areas published consultations name, each with a published
/// consultation naming it, one translated into `locale` where there is
/// one (the latest): its translations give the area's name there.
pub async fn areas(conn: Conn<'_>, locale: &str) -> Result<Vec<(String, Uuid)>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT a.area, (SELECT c.id FROM consultations c \
           LEFT JOIN consultation_translations t \
             ON t.consultation_id = c.id AND t.locale = $1 \
           WHERE c.area = a.area AND c.published_at IS NOT NULL \
           ORDER BY (t.locale IS NULL), c.published_at DESC, c.id LIMIT 1) AS id \
         FROM (SELECT DISTINCT area FROM consultations \
           WHERE area IS NOT NULL AND area <> '' AND published_at IS NOT NULL) a \
         ORDER BY a.area",
        &[&locale],
        rows::tuple,
    )
    .await
}

/// The language each of several consultations is written in (a page of
/// titles from elsewhere): (id, language), in one query.
pub async fn languages_of(
    conn: Conn<'_>,
    ids: &[Uuid],
) -> Result<Vec<(Uuid, String)>, StorageError> {
    let (Some(first), Some(last)) = (ids.iter().min(), ids.iter().max()) else {
        return Ok(Vec::new());
    };
    // One range query (ids are time-ordered), filtered to the ids asked.
    let rows: Vec<(Uuid, String)> = rows::fetch_all(
        conn,
        "SELECT id, language FROM consultations WHERE id >= $1 AND id <= $2",
        &[first, last],
        rows::tuple,
    )
    .await?;
    Ok(rows
        .into_iter()
        .filter(|(id, _)| ids.contains(id))
        .collect())
}

/// The titles, as written, of several consultations (a page of the
/// audit log): (id, title), in one query; ids of no consultation are
/// left out.
pub async fn titles_of(conn: Conn<'_>, ids: &[Uuid]) -> Result<Vec<(Uuid, String)>, StorageError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    // The ids asked for are of people as well as consultations, spread
    // over years: a list, not a range.
    let placeholders: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT id, title FROM consultations WHERE id IN ({})",
        placeholders.join(", ")
    );
    let params: Vec<&dyn Param> = ids.iter().map(|id| id as &dyn Param).collect();
    rows::fetch_all(conn, &sql, &params, rows::tuple).await
}

pub async fn stages(conn: Conn<'_>, id: Uuid) -> Result<Vec<Stage>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT name, description, stage_date, state, link FROM consultation_stages \
         WHERE consultation_id = $1 ORDER BY position",
        &[&id],
        |r| {
            let date: Option<String> = r.get("stage_date")?;
            let state: String = r.get("state")?;
            let link: String = r.get("link")?;
            let bad = |e: cohesion_domain::ValidationError| sqlx::Error::Decode(e.into());
            Ok(Stage {
                name: r.get("name")?,
                description: r.get("description")?,
                date: date
                    .map(|d| parse_date("date", &d))
                    .transpose()
                    .map_err(bad)?,
                state: StageState::parse(&state).map_err(bad)?,
                link: StageLink::parse(&link).map_err(bad)?,
            })
        },
    )
    .await
}

/// Replaces the timeline with `stages`, in order.
pub async fn set_stages(
    mut conn: Conn<'_>,
    id: Uuid,
    stages: &[Stage],
) -> Result<(), StorageError> {
    rows::execute(
        conn.reborrow(),
        "DELETE FROM consultation_stages WHERE consultation_id = $1",
        &[&id],
    )
    .await?;
    for (position, s) in stages.iter().enumerate() {
        rows::execute(
            conn.reborrow(),
            "INSERT INTO consultation_stages (consultation_id, position, name, description, stage_date, state, link) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[
                &id,
                &(position as i64),
                &s.name,
                &s.description,
                &s.date.map(format_date),
                &s.state.key(),
                &s.link.key(),
            ],
        )
        .await?;
    }
    Ok(())
}

/// Replaces the normalised text a search matches against.
pub async fn set_search_text(conn: Conn<'_>, id: Uuid, text: &str) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE consultations SET search_text = $1 WHERE id = $2",
        &[&text, &id],
    )
    .await?;
    Ok(())
}
