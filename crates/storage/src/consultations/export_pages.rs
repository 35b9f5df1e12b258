//! Submitted responses with their answers, a page at a time, for exports
//! (ADR 0015).

use cohesion_domain::survey::tally::AnswerRow;
use uuid::Uuid;

use crate::consultations::answers::answer_table;
use crate::rows;
use crate::{Conn, StorageError, Timestamp};

/// One submitted response with its answer rows, for exports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submitted {
    pub id: Uuid,
    pub reference: String,
    pub submitted_at: Timestamp,
    /// Sorted by question, item and choice (special-category rows last),
    /// so each question's rows are next to each other.
    pub rows: Vec<AnswerRow>,
}

/// A page of an export's submitted responses as the engine wrote it (see
/// [`submitted_page`]), and the id of its last response, where the next
/// page starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawPage {
    json: String,
    pub last: Uuid,
}

/// A page of submitted responses after `after` (ids are time-ordered),
/// with their answers, in one query a page whatever its size, so an
/// export streams in pages with flat memory; `None` after the last.
/// Special-category rows come only when `special` is set.
///
/// The engine hands over the whole page as one JSON document
/// (`json_group_array` on SQLite, `json_agg` on PostgreSQL, built in C),
/// which [`RawPage::decode`] reads, so the caller may read the next page
/// while it decodes this one. Handing over a 100,000-response export's
/// 1.9 million answer rows one by one, or even its responses one by one,
/// cost most of its time in the driver rather than in the engine.
pub async fn submitted_page(
    conn: Conn<'_>,
    consultation_id: Uuid,
    after: Option<Uuid>,
    limit: i64,
    special: bool,
) -> Result<Option<RawPage>, StorageError> {
    let after = after.unwrap_or(Uuid::nil());
    // SQLite: a subquery's JSON reaches the outer array as text unless
    // `json()` marks it as JSON again; ids are blobs, written as hex.
    let (id, array, agg, nested, text) = match &conn {
        Conn::Sqlite(_) => ("hex(r.id)", "json_array", "json_group_array", "json", ""),
        Conn::Postgres(_) => ("r.id", "json_build_array", "json_agg", "", "::text"),
    };
    let answers = |table: &str| {
        format!(
            "{nested}((SELECT {agg}({array}(a.question_id, a.item, a.choice, a.number_value, a.text_value)) \
             FROM {table} a WHERE a.response_id = r.id))"
        )
    };
    let plain = answers(answer_table(false));
    let special_rows = if special {
        answers(answer_table(true))
    } else {
        "NULL".to_owned()
    };
    let sql = format!(
        "WITH r AS MATERIALIZED (SELECT id, reference, submitted_at FROM responses \
         WHERE consultation_id = $1 AND id > $2 AND submitted_at IS NOT NULL AND removed_at IS NULL \
         ORDER BY id LIMIT $3) \
         SELECT (SELECT {agg}({array}({id}, r.reference, r.submitted_at, {plain}, {special_rows}) ORDER BY r.id){text} FROM r), \
         (SELECT id FROM r ORDER BY id DESC LIMIT 1)"
    );
    let (json, last): (Option<String>, Option<Uuid>) =
        rows::fetch_one(conn, &sql, &[&consultation_id, &after, &limit], rows::tuple).await?;
    Ok(json.zip(last).map(|(json, last)| RawPage { json, last }))
}

impl RawPage {
    /// The page's responses, in id order. The JSON is
    /// `[[id, reference, submitted at, [answer, …] or null, [answer, …] or null], …]`,
    /// each answer `[question, item, choice, number, text]`.
    pub fn decode(&self) -> Result<Vec<Submitted>, StorageError> {
        type Row = (String, i64, Option<i64>, Option<i64>, Option<String>);
        type Head = (String, String, String, Option<Vec<Row>>, Option<Vec<Row>>);
        let unreadable = |what: String| {
            StorageError::Invalid(format!("unreadable page of submitted responses: {what}"))
        };
        let heads: Vec<Head> =
            serde_json::from_str(&self.json).map_err(|e| unreadable(e.to_string()))?;
        heads
            .into_iter()
            .map(|(id, reference, submitted_at, plain, special)| {
                let id = Uuid::try_parse(&id).map_err(|e| unreadable(format!("id {id:?}: {e}")))?;
                let submitted_at = Timestamp::parse_rfc3339(&submitted_at)
                    .ok_or_else(|| unreadable(format!("submission time {submitted_at:?}")))?;
                let tagged = |rows: Option<Vec<Row>>, special: bool| {
                    rows.into_iter().flatten().map(
                        move |(question_id, item, choice, number, text)| AnswerRow {
                            question_id,
                            item,
                            choice,
                            number,
                            text,
                            special,
                        },
                    )
                };
                let mut rows: Vec<AnswerRow> =
                    tagged(plain, false).chain(tagged(special, true)).collect();
                rows.sort_by(|a, b| {
                    (a.special, &a.question_id, a.item, a.choice).cmp(&(
                        b.special,
                        &b.question_id,
                        b.item,
                        b.choice,
                    ))
                });
                Ok(Submitted {
                    id,
                    reference,
                    submitted_at,
                    rows,
                })
            })
            .collect()
    }
}
