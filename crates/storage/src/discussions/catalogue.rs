//! The discussions themselves: text, dates, pre-moderation and
//! publication, one by one and in lists.

use cohesion_domain::consultation::Status;
use cohesion_domain::discussion::details::DiscussionFields;
use cohesion_domain::discussion::moderation::PreModeration;
use cohesion_domain::discussion::record::Discussion;
use cohesion_domain::discussion::stage_link::StageRef;
use uuid::Uuid;

use crate::rows::{self, Param, Row};
use crate::{new_id, Conn, StorageError, Timestamp};

const COLUMNS: &str = "id, title, introduction, questions, topics, area, opens_at, closes_at, \
     language, pre_moderation, imported, published_at, created_at, \
     consultation_id, consultation_stage, \
     (SELECT CAST(COALESCE(SUM(t.visible), 0) AS BIGINT) FROM discussion_tallies t \
      WHERE t.discussion_id = discussions.id) AS comment_count";

/// How many slots a discussion's counts are spread over (migration 0029,
/// ADR 39): posts at the same moment each take one at random, so they
/// seldom wait for each other's row.
const SLOTS: u128 = 8;

/// A slot picked at random.
fn any_slot() -> i64 {
    (Uuid::new_v4().as_u128() % SLOTS) as i64
}

fn lines_of(r: &Row, column: &str) -> Result<Vec<String>, sqlx::Error> {
    let text: String = r.get(column)?;
    Ok(text
        .lines()
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect())
}

fn record(r: &Row) -> Result<Discussion, sqlx::Error> {
    let at = |column: &str| r.get::<Timestamp>(column).map(Timestamp::as_offset);
    let pre: String = r.get("pre_moderation")?;
    Ok(Discussion {
        id: r.get("id")?,
        title: r.get("title")?,
        introduction: r.get("introduction")?,
        questions: lines_of(r, "questions")?,
        topics: lines_of(r, "topics")?,
        area: r.get("area")?,
        opens_at: at("opens_at")?,
        closes_at: at("closes_at")?,
        language: r.get("language")?,
        pre_moderation: PreModeration::from_code(&pre),
        imported: r.get("imported")?,
        published_at: r
            .get::<Option<Timestamp>>("published_at")?
            .map(Timestamp::as_offset),
        comment_count: r.get("comment_count")?,
        created_at: at("created_at")?,
        consultation_stage: stage_ref(r)?,
    })
}

/// The consultation stage a row links to: both columns or neither.
fn stage_ref(r: &Row) -> Result<Option<StageRef>, sqlx::Error> {
    let id: Option<Uuid> = r.get("consultation_id")?;
    let stage: Option<i64> = r.get("consultation_stage")?;
    Ok(match (id, stage.and_then(|s| u32::try_from(s).ok())) {
        (Some(consultation_id), Some(stage)) => Some(StageRef {
            consultation_id,
            stage,
        }),
        _ => None,
    })
}

/// The link's two columns as bound: both or neither.
fn link_params(f: &DiscussionFields) -> (Option<Uuid>, Option<i64>) {
    match f.consultation_stage {
        Some(l) => (Some(l.consultation_id), Some(i64::from(l.stage))),
        None => (None, None),
    }
}

/// Saves a new discussion (a draft unless `published`); `imported` marks
/// one brought in from elsewhere, closed and read-only for good.
pub async fn insert(
    conn: Conn<'_>,
    f: &DiscussionFields,
    by: Option<Uuid>,
    imported: bool,
) -> Result<Uuid, StorageError> {
    let id = new_id();
    let now = Timestamp::now();
    let (consultation, stage) = link_params(f);
    rows::execute(
        conn,
        "INSERT INTO discussions (id, title, introduction, questions, topics, area, opens_at, \
         closes_at, language, pre_moderation, imported, created_by, created_at, updated_at, \
         consultation_id, consultation_stage) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14, $15)",
        &[
            &id,
            &f.title,
            &f.introduction,
            &f.questions.join("\n"),
            &f.topics.join("\n"),
            &f.area.as_deref(),
            &Timestamp::from(f.opens_at),
            &Timestamp::from(f.closes_at),
            &f.language,
            &f.pre_moderation.code(),
            &imported,
            &by,
            &now,
            &consultation,
            &stage,
        ],
    )
    .await?;
    Ok(id)
}

/// Changes the text, dates and pre-moderation; `false` if there is no
/// such discussion or it was imported (imported ones are read-only).
pub async fn update(conn: Conn<'_>, id: Uuid, f: &DiscussionFields) -> Result<bool, StorageError> {
    let (consultation, stage) = link_params(f);
    let n = rows::execute(
        conn,
        "UPDATE discussions SET title = $1, introduction = $2, questions = $3, topics = $4, \
         area = $5, opens_at = $6, closes_at = $7, language = $8, pre_moderation = $9, \
         updated_at = $10, consultation_id = $12, consultation_stage = $13 \
         WHERE id = $11 AND NOT imported",
        &[
            &f.title,
            &f.introduction,
            &f.questions.join("\n"),
            &f.topics.join("\n"),
            &f.area.as_deref(),
            &Timestamp::from(f.opens_at),
            &Timestamp::from(f.closes_at),
            &f.language,
            &f.pre_moderation.code(),
            &Timestamp::now(),
            &id,
            &consultation,
            &stage,
        ],
    )
    .await?;
    Ok(n == 1)
}

/// Publishes (`Some`) or withdraws (`None`) a discussion; `false` if
/// there is no such discussion.
pub async fn set_published(
    conn: Conn<'_>,
    id: Uuid,
    at: Option<Timestamp>,
) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "UPDATE discussions SET published_at = $1, updated_at = $2 WHERE id = $3",
        &[&at, &Timestamp::now(), &id],
    )
    .await?;
    Ok(n == 1)
}

/// Moves the discussion's closing to `at` (an officer closing it early).
pub async fn close_at(conn: Conn<'_>, id: Uuid, at: Timestamp) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "UPDATE discussions SET closes_at = $1, updated_at = $1 WHERE id = $2",
        &[&at, &id],
    )
    .await?;
    Ok(n == 1)
}

pub async fn set_search_text(conn: Conn<'_>, id: Uuid, text: &str) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE discussions SET search_text = $1 WHERE id = $2",
        &[&text, &id],
    )
    .await?;
    Ok(())
}

pub async fn find(conn: Conn<'_>, id: Uuid) -> Result<Option<Discussion>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM discussions WHERE id = $1");
    rows::fetch_optional(conn, &sql, &[&id], record).await
}

/// [`find`], the row locked until the transaction ends on PostgreSQL
/// (SQLite's write transactions already run one at a time), so that a
/// comment is placed against the discussion as it stands.
pub async fn find_for_update(conn: Conn<'_>, id: Uuid) -> Result<Option<Discussion>, StorageError> {
    let suffix = match conn {
        Conn::Sqlite(_) => "",
        Conn::Postgres(_) => " FOR UPDATE",
    };
    let sql = format!("SELECT {COLUMNS} FROM discussions WHERE id = $1{suffix}");
    rows::fetch_optional(conn, &sql, &[&id], record).await
}

/// The one order discussions are listed in, the list's and the home
/// page's alike (`$1` is now): open ones first, closing soonest first;
/// then upcoming ones, opening soonest first; then closed ones (imported
/// ones among them), most recently closed first. Each group's key is
/// `NULL` outside it, so the engines' different places for `NULL` never
/// matter.
const PUBLIC_ORDER: &str =
    "CASE WHEN imported THEN 2 WHEN opens_at <= $1 AND closes_at > $1 THEN 0 \
     WHEN opens_at > $1 THEN 1 ELSE 2 END, \
     CASE WHEN NOT imported AND opens_at <= $1 AND closes_at > $1 THEN closes_at END, \
     CASE WHEN NOT imported AND opens_at > $1 THEN opens_at END, \
     closes_at DESC, id";

/// Which discussions a list shows.
#[derive(Debug, Clone, Default)]
pub struct ListQuery<'a> {
    /// Drafts too (staff only).
    pub drafts: bool,
    pub status: Option<Status>,
    pub topic: Option<&'a str>,
    /// Words as search compares them (already normalised).
    pub search: Option<&'a str>,
    pub offset: i64,
    pub limit: i64,
}

/// A page of discussions, open first, then upcoming, then closed (imported
/// ones count as closed), and the number matching in all.
pub async fn list(
    mut conn: Conn<'_>,
    q: &ListQuery<'_>,
    now: Timestamp,
) -> Result<(Vec<Discussion>, i64), StorageError> {
    let mut filters = vec!["1 = 1".to_owned()];
    if !q.drafts {
        filters.push("published_at IS NOT NULL".into());
    }
    match q.status {
        Some(Status::Upcoming) => filters.push("NOT imported AND opens_at > $1".into()),
        Some(Status::Open) => {
            filters.push("NOT imported AND opens_at <= $1 AND closes_at > $1".into())
        }
        Some(Status::Closed) => filters.push("(imported OR closes_at <= $1)".into()),
        None => filters.push("$1 = $1".into()),
    }
    // One of its topics, whole (topics are stored a line each): a
    // line break before and after each, matched as one.
    filters.push("($2 = '' OR ('\n' || LOWER(topics) || '\n') LIKE $3 ESCAPE '\\')".into());
    filters.push("($4 = '' OR search_text LIKE $5 ESCAPE '\\')".into());
    let filter = filters.join(" AND ");
    let sql = format!(
        "SELECT {COLUMNS} FROM discussions WHERE {filter} ORDER BY {PUBLIC_ORDER} {} OFFSET $6",
        rows::limit(q.limit)
    );
    let count_sql = format!("SELECT COUNT(*) FROM discussions WHERE {filter}");
    let topic = q.topic.unwrap_or("").trim().to_lowercase();
    let search = q.search.unwrap_or("").trim().to_owned();
    let (topic_pattern, search_pattern) = (
        crate::contains_pattern(&format!("\n{topic}\n")),
        crate::contains_pattern(&search),
    );
    let filters: [&dyn Param; 5] = [&now, &topic, &topic_pattern, &search, &search_pattern];
    let page: Vec<&dyn Param> = filters
        .iter()
        .copied()
        .chain([&q.offset as &dyn Param])
        .collect();
    let list = rows::fetch_all(conn.reborrow(), &sql, &page, record).await?;
    let total: i64 = rows::fetch_one(conn, &count_sql, &filters, rows::scalar).await?;
    Ok((list, total))
}

/// Published discussions' ids, titles and languages, in the list's
/// order, at most `limit`: for a filter that names them (the moderation
/// queue's), without the counts and texts a listing reads.
pub async fn titles(
    conn: Conn<'_>,
    now: Timestamp,
    limit: i64,
) -> Result<Vec<(Uuid, String, String)>, StorageError> {
    let sql = format!(
        "SELECT id, title, language FROM discussions WHERE published_at IS NOT NULL \
         ORDER BY {PUBLIC_ORDER} {}",
        rows::limit(limit)
    );
    rows::fetch_all(conn, &sql, &[&now], rows::tuple).await
}

/// The published discussions among `ids`: their ids, titles and
/// languages, for a page that names the few it refers to.
pub async fn titles_of(
    conn: Conn<'_>,
    ids: &[Uuid],
) -> Result<Vec<(Uuid, String, String)>, StorageError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT id, title, language FROM discussions WHERE published_at IS NOT NULL AND {}",
        rows::in_ids(&conn, "id", 1)
    );
    rows::fetch_all(conn, &sql, &[&rows::Ids(ids)], rows::tuple).await
}

/// Published discussions in one state, at most `limit`, for the home
/// page and *Get involved*: open ones closing soonest first, upcoming
/// ones opening soonest first, closed ones most recently closed first.
pub async fn shortlist(
    conn: Conn<'_>,
    status: Status,
    now: Timestamp,
    limit: i64,
) -> Result<Vec<Discussion>, StorageError> {
    let filter = match status {
        Status::Open => "NOT imported AND opens_at <= $1 AND closes_at > $1",
        Status::Upcoming => "NOT imported AND opens_at > $1",
        Status::Closed => "(imported OR closes_at <= $1)",
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM discussions WHERE published_at IS NOT NULL AND {filter} \
         ORDER BY {PUBLIC_ORDER} LIMIT $2"
    );
    rows::fetch_all(conn, &sql, &[&now, &limit], record).await
}

/// The next top-level place in discussion `id`: unique in the
/// discussion, and roughly in posting order (pages are ordered by time,
/// not by place). Taken from a slot at random, so posts at the same
/// moment seldom wait for each other (ADR 39). With `counted`, the
/// comment is counted among those readers see in the same slot: a
/// transaction that took two slots could wait on another that took the
/// same two the other way round.
pub async fn place_top_level(
    conn: Conn<'_>,
    id: Uuid,
    counted: bool,
) -> Result<Option<i64>, StorageError> {
    let slot = any_slot();
    let visible = i64::from(counted);
    let taken: Option<i64> = rows::fetch_optional(
        conn,
        "INSERT INTO discussion_tallies (discussion_id, slot, placed, visible) \
         SELECT id, $2, 1, $3 FROM discussions WHERE id = $1 \
         ON CONFLICT (discussion_id, slot) DO UPDATE SET \
         placed = discussion_tallies.placed + 1, visible = discussion_tallies.visible + $3 \
         RETURNING placed - 1",
        &[&id, &slot, &visible],
        rows::scalar,
    )
    .await?;
    Ok(taken.map(|n| n * SLOTS as i64 + slot))
}

/// Adds `by` (1 or -1, or more) to the count of comments everyone may
/// read, in a slot at random.
pub async fn count_visible(conn: Conn<'_>, id: Uuid, by: i64) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "INSERT INTO discussion_tallies (discussion_id, slot, placed, visible) \
         SELECT id, $2, 0, $3 FROM discussions WHERE id = $1 \
         ON CONFLICT (discussion_id, slot) DO UPDATE SET visible = discussion_tallies.visible + $3",
        &[&id, &any_slot(), &by],
    )
    .await?;
    Ok(())
}

/// Discussions residents cannot see (drafts, and those withdrawn), most
/// recently created first, at most `limit`: the officers' dashboard.
pub async fn drafts(conn: Conn<'_>, limit: i64) -> Result<Vec<Discussion>, StorageError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM discussions WHERE published_at IS NULL \
         ORDER BY created_at DESC, id LIMIT $1"
    );
    rows::fetch_all(conn, &sql, &[&limit], record).await
}

/// Discussions of every state (drafts and withdrawn ones too) linked to
/// a stage of consultation `id` at place `from` or later, at most
/// `limit`, in timeline order: those a change to the timeline that ends
/// before `from` would leave linked to nothing (ADR 38).
pub async fn linked_from(
    conn: Conn<'_>,
    consultation_id: Uuid,
    from: u32,
    limit: i64,
) -> Result<Vec<Discussion>, StorageError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM discussions WHERE consultation_id = $1 \
         AND consultation_stage >= $2 \
         ORDER BY consultation_stage, opens_at, id LIMIT $3"
    );
    let from = i64::from(from);
    rows::fetch_all(conn, &sql, &[&consultation_id, &from, &limit], record).await
}

/// Published discussions linked to a stage of consultation `id`, at most
/// `limit`, in timeline order and, within a stage, by opening.
pub async fn linked_to(
    conn: Conn<'_>,
    consultation_id: Uuid,
    limit: i64,
) -> Result<Vec<Discussion>, StorageError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM discussions WHERE consultation_id = $1 \
         AND consultation_stage IS NOT NULL AND published_at IS NOT NULL \
         ORDER BY consultation_stage, opens_at, id LIMIT $2"
    );
    rows::fetch_all(conn, &sql, &[&consultation_id, &limit], record).await
}
