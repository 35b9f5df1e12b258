//! Consultations and their timeline of stages.

use cohesion_domain::consultation::{
    format_date, parse_date, ConsultationFields, Document, Stage, StageLink, StageState, Status,
};
use sqlx::Row;
use uuid::Uuid;

use crate::{new_id, on_conn, Conn, StorageError, Timestamp};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsultationRecord {
    pub id: Uuid,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub topics: Vec<String>,
    pub area: Option<String>,
    pub opens_at: Timestamp,
    pub closes_at: Timestamp,
    pub allow_anonymous: bool,
    pub strands: Vec<String>,
    pub documents: Vec<Document>,
    /// The survey definition, as JSON.
    pub survey: String,
    pub published_at: Option<Timestamp>,
    pub results_published_at: Option<Timestamp>,
    pub response_count: i64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

impl ConsultationRecord {
    pub fn status(&self, now: Timestamp) -> Status {
        Status::at(
            self.opens_at.as_offset(),
            self.closes_at.as_offset(),
            now.as_offset(),
        )
    }
}

const COLUMNS: &str =
    "id, title, summary, body, topics, area, opens_at, closes_at, allow_anonymous, strands, documents, \
    survey, published_at, results_published_at, response_count, created_at, updated_at";

/// Topics are kept one per line: commas may appear inside a topic's
/// translation, line breaks never do.
fn join_topics(topics: &[String]) -> String {
    topics.join("\n")
}

fn record<R: Row>(r: &R) -> Result<ConsultationRecord, sqlx::Error>
where
    for<'a> &'a str: sqlx::ColumnIndex<R>,
    for<'a> Uuid: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> String: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> Option<String>: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> bool: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> i64: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> Timestamp: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> Option<Timestamp>: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
{
    let topics: String = r.try_get("topics")?;
    let strands: String = r.try_get("strands")?;
    let documents: String = r.try_get("documents")?;
    Ok(ConsultationRecord {
        id: r.try_get("id")?,
        title: r.try_get("title")?,
        summary: r.try_get("summary")?,
        body: r.try_get("body")?,
        topics: topics
            .lines()
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect(),
        area: r.try_get("area")?,
        opens_at: r.try_get("opens_at")?,
        closes_at: r.try_get("closes_at")?,
        allow_anonymous: r.try_get("allow_anonymous")?,
        strands: strands
            .lines()
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect(),
        documents: serde_json::from_str(&documents).unwrap_or_default(),
        survey: r.try_get("survey")?,
        published_at: r.try_get("published_at")?,
        results_published_at: r.try_get("results_published_at")?,
        response_count: r.try_get("response_count")?,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
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
    on_conn!(conn, c => {
        sqlx::query(
            "INSERT INTO consultations (id, title, summary, body, topics, area, opens_at, closes_at, \
             allow_anonymous, survey, created_by, created_at, updated_at, strands, documents) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14)",
        )
        .bind(id)
        .bind(&f.title)
        .bind(&f.summary)
        .bind(&f.body)
        .bind(join_topics(&f.topics))
        .bind(f.area.as_deref())
        .bind(Timestamp::from(f.opens_at))
        .bind(Timestamp::from(f.closes_at))
        .bind(f.allow_anonymous)
        .bind(survey)
        .bind(by)
        .bind(now)
        .bind(f.strands.join("\n"))
        .bind(documents_json(&f.documents))
        .execute(&mut *c)
        .await
        .map(|_| ())
    })?;
    Ok(id)
}

/// Changes the text and dates; `false` if there is no such consultation.
pub async fn update(
    conn: Conn<'_>,
    id: Uuid,
    f: &ConsultationFields,
) -> Result<bool, StorageError> {
    let n = on_conn!(conn, c => {
        sqlx::query(
            "UPDATE consultations SET title = $1, summary = $2, body = $3, topics = $4, area = $5, \
             opens_at = $6, closes_at = $7, allow_anonymous = $8, updated_at = $9, strands = $11, \
             documents = $12 WHERE id = $10",
        )
        .bind(&f.title)
        .bind(&f.summary)
        .bind(&f.body)
        .bind(join_topics(&f.topics))
        .bind(f.area.as_deref())
        .bind(Timestamp::from(f.opens_at))
        .bind(Timestamp::from(f.closes_at))
        .bind(f.allow_anonymous)
        .bind(Timestamp::now())
        .bind(id)
        .bind(f.strands.join("\n"))
        .bind(documents_json(&f.documents))
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(n == 1)
}

fn documents_json(list: &[Document]) -> String {
    serde_json::to_string(list).unwrap_or_else(|_| "[]".to_owned())
}

/// Replaces the survey, only while nobody has responded: answers refer to
/// questions and options by position and id.
pub async fn set_survey(conn: Conn<'_>, id: Uuid, survey: &str) -> Result<bool, StorageError> {
    let n = on_conn!(conn, c => {
        sqlx::query(
            "UPDATE consultations SET survey = $1, updated_at = $2 \
             WHERE id = $3 AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.consultation_id = $3)",
        )
        .bind(survey)
        .bind(Timestamp::now())
        .bind(id)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(n == 1)
}

/// Publishes (or, with `None`, withdraws) the consultation or its results.
pub async fn set_published(
    conn: Conn<'_>,
    id: Uuid,
    what: Publication,
    at: Option<Timestamp>,
) -> Result<bool, StorageError> {
    let column = match what {
        Publication::Consultation => "published_at",
        Publication::Results => "results_published_at",
    };
    let sql = format!("UPDATE consultations SET {column} = $1, updated_at = $2 WHERE id = $3");
    let n = on_conn!(conn, c => {
        sqlx::query(&sql)
            .bind(at)
            .bind(Timestamp::now())
            .bind(id)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(n == 1)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Publication {
    Consultation,
    Results,
}

pub async fn find(conn: Conn<'_>, id: Uuid) -> Result<Option<ConsultationRecord>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM consultations WHERE id = $1");
    let found = on_conn!(conn, c => {
        let row = sqlx::query(&sql).bind(id).fetch_optional(&mut *c).await?;
        row.as_ref().map(record).transpose()
    })?;
    Ok(found)
}

/// Every consultation, drafts too, oldest first: (id, title). For
/// operators' commands, not pages (there is no limit).
pub async fn all_ids(conn: Conn<'_>) -> Result<Vec<(Uuid, String)>, StorageError> {
    let found = on_conn!(conn, c => {
        sqlx::query_as::<_, (Uuid, String)>("SELECT id, title FROM consultations ORDER BY created_at, id")
            .fetch_all(&mut *c)
            .await
    })?;
    Ok(found)
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
    conn: Conn<'_>,
    q: &ListQuery<'_>,
    now: Timestamp,
) -> Result<(Vec<ConsultationRecord>, i64), StorageError> {
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
    let found = on_conn!(conn, c => {
        let rows = sqlx::query(&sql)
            .bind(now)
            .bind(&topic)
            .bind(crate::contains_pattern(&topic))
            .bind(&area)
            .bind(&search)
            .bind(crate::contains_pattern(&search))
            .bind(q.limit)
            .bind(q.offset)
            .fetch_all(&mut *c)
            .await?;
        let list = rows.iter().map(record).collect::<Result<Vec<_>, _>>()?;
        let total: i64 = sqlx::query_scalar(&count_sql)
            .bind(now)
            .bind(&topic)
            .bind(crate::contains_pattern(&topic))
            .bind(&area)
            .bind(&search)
            .bind(crate::contains_pattern(&search))
            .fetch_one(&mut *c)
            .await?;
        Ok::<_, sqlx::Error>((list, total))
    })?;
    Ok(found)
}

/// The areas published consultations name, for the list's filter.
pub async fn areas(conn: Conn<'_>) -> Result<Vec<String>, StorageError> {
    let found = on_conn!(conn, c => {
        sqlx::query_scalar::<_, String>(
            "SELECT DISTINCT area FROM consultations \
             WHERE area IS NOT NULL AND area <> '' AND published_at IS NOT NULL ORDER BY area",
        )
        .fetch_all(&mut *c)
        .await
    })?;
    Ok(found)
}

pub async fn stages(conn: Conn<'_>, id: Uuid) -> Result<Vec<Stage>, StorageError> {
    let rows = on_conn!(conn, c => {
        let rows = sqlx::query(
            "SELECT name, description, stage_date, state, link FROM consultation_stages \
             WHERE consultation_id = $1 ORDER BY position",
        )
        .bind(id)
        .fetch_all(&mut *c)
        .await?;
        rows.iter()
            .map(|r| -> Result<Stage, sqlx::Error> {
                let date: Option<String> = r.try_get("stage_date")?;
                let state: String = r.try_get("state")?;
                let link: String = r.try_get("link")?;
                let bad = |e: cohesion_domain::ValidationError| sqlx::Error::Decode(e.into());
                Ok(Stage {
                    name: r.try_get("name")?,
                    description: r.try_get("description")?,
                    date: date.map(|d| parse_date("date", &d)).transpose().map_err(bad)?,
                    state: StageState::parse(&state).map_err(bad)?,
                    link: StageLink::parse(&link).map_err(bad)?,
                })
            })
            .collect::<Result<Vec<_>, _>>()
    })?;
    Ok(rows)
}

/// Replaces the timeline with `stages`, in order.
pub async fn set_stages(
    mut conn: Conn<'_>,
    id: Uuid,
    stages: &[Stage],
) -> Result<(), StorageError> {
    on_conn!(conn.reborrow(), c => {
        sqlx::query("DELETE FROM consultation_stages WHERE consultation_id = $1")
            .bind(id)
            .execute(&mut *c)
            .await
            .map(|_| ())
    })?;
    for (position, s) in stages.iter().enumerate() {
        on_conn!(conn.reborrow(), c => {
            sqlx::query(
                "INSERT INTO consultation_stages (consultation_id, position, name, description, stage_date, state, link) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(id)
            .bind(position as i64)
            .bind(&s.name)
            .bind(&s.description)
            .bind(s.date.map(format_date))
            .bind(s.state.key())
            .bind(s.link.key())
            .execute(&mut *c)
            .await
            .map(|_| ())
        })?;
    }
    Ok(())
}

/// A language's translations of a consultation (key to text), if any.
pub async fn translation(
    conn: Conn<'_>,
    id: Uuid,
    locale: &str,
) -> Result<Option<String>, StorageError> {
    let found = on_conn!(conn, c => {
        sqlx::query_scalar::<_, String>(
            "SELECT texts FROM consultation_translations WHERE consultation_id = $1 AND locale = $2",
        )
        .bind(id)
        .bind(locale)
        .fetch_optional(&mut *c)
        .await
    })?;
    Ok(found)
}

/// The translations of several consultations in one language at once
/// (a list page): (id, texts as JSON).
pub async fn translations_of(
    conn: Conn<'_>,
    ids: &[Uuid],
    locale: &str,
) -> Result<Vec<(Uuid, String)>, StorageError> {
    let (Some(first), Some(last)) = (ids.iter().min(), ids.iter().max()) else {
        return Ok(Vec::new());
    };
    // One range query (ids are time-ordered), filtered to the page's ids.
    let rows = on_conn!(conn, c => {
        sqlx::query_as::<_, (Uuid, String)>(
            "SELECT consultation_id, texts FROM consultation_translations \
             WHERE locale = $1 AND consultation_id >= $2 AND consultation_id <= $3",
        )
        .bind(locale)
        .bind(*first)
        .bind(*last)
        .fetch_all(&mut *c)
        .await
    })?;
    Ok(rows
        .into_iter()
        .filter(|(id, _)| ids.contains(id))
        .collect())
}

pub async fn set_translation(
    conn: Conn<'_>,
    id: Uuid,
    locale: &str,
    texts: &str,
    by: Option<Uuid>,
) -> Result<(), StorageError> {
    on_conn!(conn, c => {
        sqlx::query(
            "INSERT INTO consultation_translations (consultation_id, locale, texts, updated_by, updated_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (consultation_id, locale) \
             DO UPDATE SET texts = excluded.texts, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        )
        .bind(id)
        .bind(locale)
        .bind(texts)
        .bind(by)
        .bind(Timestamp::now())
        .execute(&mut *c)
        .await
        .map(|_| ())
    })?;
    Ok(())
}

/// Replaces the normalised text a search matches against.
pub async fn set_search_text(conn: Conn<'_>, id: Uuid, text: &str) -> Result<(), StorageError> {
    on_conn!(conn, c => {
        sqlx::query("UPDATE consultations SET search_text = $1 WHERE id = $2")
            .bind(text)
            .bind(id)
            .execute(&mut *c)
            .await
            .map(|_| ())
    })?;
    Ok(())
}

/// Every language's translations of a consultation, as JSON.
pub async fn all_translations(conn: Conn<'_>, id: Uuid) -> Result<Vec<String>, StorageError> {
    let rows = on_conn!(conn, c => {
        sqlx::query_scalar::<_, String>("SELECT texts FROM consultation_translations WHERE consultation_id = $1")
            .bind(id)
            .fetch_all(&mut *c)
            .await
    })?;
    Ok(rows)
}

/// What an officer last published of a consultation's results.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultPublication {
    /// JSON array of question ids.
    pub questions: String,
    /// JSON: the weighted figures as computed when published.
    pub weighting: Option<String>,
    pub published_by: Option<Uuid>,
    pub published_at: Timestamp,
}

pub async fn result_publication(
    conn: Conn<'_>,
    id: Uuid,
) -> Result<Option<ResultPublication>, StorageError> {
    let found = on_conn!(conn, c => {
        sqlx::query(
            "SELECT questions, weighting, published_by, published_at \
             FROM result_publications WHERE consultation_id = $1",
        )
        .bind(id)
        .fetch_optional(&mut *c)
        .await
        .and_then(|row| {
            row.map(|r| {
                Ok(ResultPublication {
                    questions: r.try_get("questions")?,
                    weighting: r.try_get("weighting")?,
                    published_by: r.try_get("published_by")?,
                    published_at: r.try_get("published_at")?,
                })
            })
            .transpose()
        })
    })?;
    Ok(found)
}

/// Records what is published (replacing the last publication) and marks
/// the results published, in the caller's transaction.
pub async fn set_result_publication(
    mut conn: Conn<'_>,
    id: Uuid,
    p: &ResultPublication,
) -> Result<bool, StorageError> {
    if !set_published(
        conn.reborrow(),
        id,
        Publication::Results,
        Some(p.published_at),
    )
    .await?
    {
        return Ok(false);
    }
    on_conn!(conn, c => {
        sqlx::query(
            "INSERT INTO result_publications \
             (consultation_id, questions, weighting, published_by, published_at) \
             VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (consultation_id) DO UPDATE SET questions = excluded.questions, \
             weighting = excluded.weighting, published_by = excluded.published_by, \
             published_at = excluded.published_at",
        )
        .bind(id)
        .bind(&p.questions)
        .bind(&p.weighting)
        .bind(p.published_by)
        .bind(p.published_at)
        .execute(&mut *c)
        .await
        .map(|_| ())
    })?;
    Ok(true)
}
