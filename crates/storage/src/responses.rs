//! Survey responses: a draft kept between pages, the answers written at
//! submission, and the running totals kept in the same transaction.

use cohesion_domain::survey::tally::{AnswerRow, CountKey};
use uuid::Uuid;

use crate::rows::{self, Param, Row};
use crate::{new_id, Conn, StorageError, Timestamp};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseRecord {
    pub id: Uuid,
    pub consultation_id: Uuid,
    pub respondent_id: Option<Uuid>,
    pub reference: String,
    /// The fields sent so far, as JSON.
    pub draft: String,
    pub submitted_at: Option<Timestamp>,
    pub removed_at: Option<Timestamp>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

const COLUMNS: &str =
    "id, consultation_id, respondent_id, reference, draft, submitted_at, removed_at, created_at, updated_at";

fn record(r: &Row) -> Result<ResponseRecord, sqlx::Error> {
    Ok(ResponseRecord {
        id: r.get("id")?,
        consultation_id: r.get("consultation_id")?,
        respondent_id: r.get("respondent_id")?,
        reference: r.get("reference")?,
        draft: r.get("draft")?,
        submitted_at: r.get("submitted_at")?,
        removed_at: r.get("removed_at")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

/// Who a response belongs to.
#[derive(Debug, Clone, Copy)]
pub enum Owner<'a> {
    Account(Uuid),
    /// The SHA-256 of an anonymous respondent's cookie.
    Anonymous(&'a str),
}

pub async fn find_for(
    conn: Conn<'_>,
    consultation_id: Uuid,
    owner: Owner<'_>,
) -> Result<Option<ResponseRecord>, StorageError> {
    find_owned(conn, consultation_id, owner, "").await
}

/// [`find_for`], locking the row until the transaction ends: a second
/// transaction asking for it waits, then reads what the first committed.
/// On PostgreSQL that is `FOR UPDATE`; a SQLite transaction holds the
/// database's write lock from its start (`BEGIN IMMEDIATE`), so what it
/// reads is already current and cannot change under it. One statement
/// either way, where a lock then a second read took two more.
pub async fn find_for_update(
    conn: Conn<'_>,
    consultation_id: Uuid,
    owner: Owner<'_>,
) -> Result<Option<ResponseRecord>, StorageError> {
    let suffix = match conn {
        Conn::Sqlite(_) => "",
        Conn::Postgres(_) => " FOR UPDATE",
    };
    find_owned(conn, consultation_id, owner, suffix).await
}

async fn find_owned(
    conn: Conn<'_>,
    consultation_id: Uuid,
    owner: Owner<'_>,
    suffix: &str,
) -> Result<Option<ResponseRecord>, StorageError> {
    let (column, key): (&str, &dyn Param) = match &owner {
        Owner::Account(user) => ("respondent_id", user),
        Owner::Anonymous(key) => ("anonymous_key", key),
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM responses WHERE consultation_id = $1 AND {column} = $2{suffix}"
    );
    rows::fetch_optional(conn, &sql, &[&consultation_id, key], record).await
}

/// Starts a response; `None` when one already exists for this owner (a
/// race between two tabs), or the reference happened to be taken.
pub async fn create(
    conn: Conn<'_>,
    consultation_id: Uuid,
    owner: Owner<'_>,
    reference: &str,
) -> Result<Option<Uuid>, StorageError> {
    let started = create_with_draft(conn, consultation_id, owner, reference, "{}").await?;
    Ok(started.map(|r| r.id))
}

/// [`create`] with its first draft, in one statement; returns the record
/// as stored, so the caller need not read it back.
pub async fn create_with_draft(
    conn: Conn<'_>,
    consultation_id: Uuid,
    owner: Owner<'_>,
    reference: &str,
    draft: &str,
) -> Result<Option<ResponseRecord>, StorageError> {
    let id = new_id();
    let now = Timestamp::now();
    let (user, key) = match owner {
        Owner::Account(u) => (Some(u), None),
        Owner::Anonymous(k) => (None, Some(k)),
    };
    let n = rows::execute(
        conn,
        "INSERT INTO responses (id, consultation_id, respondent_id, anonymous_key, reference, draft, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT DO NOTHING",
        &[&id, &consultation_id, &user, &key, &reference, &draft, &now],
    )
    .await?;
    Ok((n == 1).then(|| ResponseRecord {
        id,
        consultation_id,
        respondent_id: user,
        reference: reference.to_owned(),
        draft: draft.to_owned(),
        submitted_at: None,
        removed_at: None,
        created_at: now,
        updated_at: now,
    }))
}

pub async fn save_draft(conn: Conn<'_>, id: Uuid, draft: &str) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE responses SET draft = $1, updated_at = $2 WHERE id = $3",
        &[&draft, &Timestamp::now(), &id],
    )
    .await?;
    Ok(())
}

/// Locks a response's row until the transaction ends, changing nothing
/// (PostgreSQL; a SQLite transaction holds the write lock already).
pub async fn lock(conn: Conn<'_>, id: Uuid) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE responses SET updated_at = updated_at WHERE id = $1",
        &[&id],
    )
    .await?;
    Ok(())
}

pub async fn mark_submitted(conn: Conn<'_>, id: Uuid, at: Timestamp) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE responses SET submitted_at = $1, updated_at = $1 WHERE id = $2",
        &[&at, &id],
    )
    .await?;
    Ok(())
}

/// [`mark_submitted`], replacing the draft in the same statement (a whole
/// response sent at once).
pub async fn mark_submitted_with_draft(
    conn: Conn<'_>,
    id: Uuid,
    at: Timestamp,
    draft: &str,
) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE responses SET draft = $1, submitted_at = $2, updated_at = $2 WHERE id = $3",
        &[&draft, &at, &id],
    )
    .await?;
    Ok(())
}

fn answer_table(special: bool) -> &'static str {
    if special {
        "response_special_answers"
    } else {
        "response_answers"
    }
}

/// The stored answer rows of a response (special-category rows only when
/// `special` is asked for: the caller has checked the right to see them).
pub async fn answers(
    conn: Conn<'_>,
    response_id: Uuid,
    special: bool,
) -> Result<Vec<AnswerRow>, StorageError> {
    let sql = format!(
        "SELECT question_id, item, choice, number_value, text_value FROM {} WHERE response_id = $1 \
         ORDER BY question_id, item, choice",
        answer_table(special)
    );
    rows::fetch_all(conn, &sql, &[&response_id], |r| {
        Ok(AnswerRow {
            question_id: r.get("question_id")?,
            item: r.get("item")?,
            choice: r.get("choice")?,
            number: r.get("number_value")?,
            text: r.get("text_value")?,
            special,
        })
    })
    .await
}

/// Removes every stored answer of a response (both tables).
pub async fn delete_answers(mut conn: Conn<'_>, response_id: Uuid) -> Result<(), StorageError> {
    for table in [answer_table(false), answer_table(true)] {
        let sql = format!("DELETE FROM {table} WHERE response_id = $1");
        rows::execute(conn.reborrow(), &sql, &[&response_id]).await?;
    }
    Ok(())
}

/// Rows per multi-row statement: at most 2,502 bound parameters, far
/// under both engines' limits (32,766 on SQLite, 65,535 on PostgreSQL),
/// however large a survey is.
const ROWS_PER_STATEMENT: usize = 500;

/// `(first, ..), (..), …`: `rows` tuples of `shared` parameters used by
/// every row ($1..$shared) followed by `own` parameters of each row.
fn values(rows: usize, shared: &[&str], own: usize) -> String {
    let mut out = String::new();
    let mut n = shared.len();
    for r in 0..rows {
        if r > 0 {
            out.push_str(", ");
        }
        out.push('(');
        out.push_str(&shared.join(", "));
        for _ in 0..own {
            n += 1;
            out.push_str(&format!(", ${n}"));
        }
        out.push(')');
    }
    out
}

/// Writes answer rows, each to the table its category belongs in: one
/// statement per table (and per 500 rows), not one per row, because a
/// submission's round trips to the database bound how many the server
/// takes a second.
pub async fn insert_answers(
    mut conn: Conn<'_>,
    response_id: Uuid,
    consultation_id: Uuid,
    rows: &[AnswerRow],
) -> Result<(), StorageError> {
    for special in [false, true] {
        let of_table: Vec<&AnswerRow> = rows.iter().filter(|r| r.special == special).collect();
        for chunk in of_table.chunks(ROWS_PER_STATEMENT) {
            let sql = format!(
                "INSERT INTO {} (response_id, consultation_id, question_id, item, choice, number_value, text_value) \
                 VALUES {}",
                answer_table(special),
                values(chunk.len(), &["$1", "$2"], 5)
            );
            let mut params: Vec<&dyn Param> = vec![&response_id, &consultation_id];
            for r in chunk {
                params.extend([
                    &r.question_id as &dyn Param,
                    &r.item,
                    &r.choice,
                    &r.number,
                    &r.text,
                ]);
            }
            rows::execute(conn.reborrow(), &sql, &params).await?;
        }
    }
    Ok(())
}

/// Adds `delta` to each running total (and to the respondent count when
/// `respondents` is not zero). One upsert per 500 totals, in key order,
/// so that concurrent submissions on PostgreSQL lock the rows they share
/// in the same order and queue rather than deadlock.
pub async fn adjust_counts(
    conn: Conn<'_>,
    consultation_id: Uuid,
    keys: &[CountKey],
    delta: i64,
    respondents: i64,
) -> Result<(), StorageError> {
    let moves = net_moves(keys, delta, &[]);
    apply_moves(conn, consultation_id, &moves, respondents).await
}

/// How far each running total moves: `delta` for each of `added`, one
/// back for each of `withdrawn`, summed per total (a key given twice moves
/// twice, and PostgreSQL refuses one upsert that touches a row twice);
/// totals that end where they were are left out. In key order.
fn net_moves<'a>(
    added: &'a [CountKey],
    delta: i64,
    withdrawn: &'a [CountKey],
) -> Vec<(&'a CountKey, i64)> {
    let mut moves: std::collections::BTreeMap<&CountKey, i64> = std::collections::BTreeMap::new();
    for k in added {
        *moves.entry(k).or_default() += delta;
    }
    for k in withdrawn {
        *moves.entry(k).or_default() -= 1;
    }
    moves.into_iter().filter(|(_, n)| *n != 0).collect()
}

/// Moves the running totals by `moves` (in key order: one sorted pass, so
/// that concurrent writers on PostgreSQL take the shared rows in the same
/// order), then the respondent count.
async fn apply_moves(
    mut conn: Conn<'_>,
    consultation_id: Uuid,
    moves: &[(&CountKey, i64)],
    respondents: i64,
) -> Result<(), StorageError> {
    for chunk in moves.chunks(ROWS_PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO result_counts (consultation_id, question_id, item, choice, n) VALUES {} \
             ON CONFLICT (consultation_id, question_id, item, choice) DO UPDATE SET n = result_counts.n + excluded.n",
            values(chunk.len(), &["$1"], 4)
        );
        let mut params: Vec<&dyn Param> = vec![&consultation_id];
        for ((question, item, choice), n) in chunk {
            params.extend([question as &dyn Param, item, choice, n]);
        }
        rows::execute(conn.reborrow(), &sql, &params).await?;
    }
    if respondents != 0 {
        rows::execute(
            conn.reborrow(),
            "UPDATE consultations SET response_count = response_count + $1 WHERE id = $2",
            &[&respondents, &consultation_id],
        )
        .await?;
    }
    Ok(())
}

/// Everything a submission writes once its old answer rows, if any, are
/// deleted: the answer rows, one more on each running total in `keys` and
/// one fewer on each in `withdrawn` (the old answers' totals, for a
/// changed response), `respondents` on the respondent count, and the
/// submission time (and the draft, when given). The same statements as
/// [`insert_answers`], [`mark_submitted`] and [`adjust_counts`]; on
/// SQLite they go to the database in one round trip, run one after
/// another by the connection's thread (which costs a thread switch each
/// way per trip), and on PostgreSQL one by one (one statement per
/// message). The totals move in one pass whatever was withdrawn, so two
/// writers never take shared rows in different orders.
#[allow(clippy::too_many_arguments)]
pub async fn record_submission(
    mut conn: Conn<'_>,
    response_id: Uuid,
    consultation_id: Uuid,
    rows: &[AnswerRow],
    keys: &[CountKey],
    withdrawn: &[CountKey],
    respondents: i64,
    at: Timestamp,
    draft: Option<&str>,
) -> Result<(), StorageError> {
    let moves = net_moves(keys, 1, withdrawn);
    if matches!(conn, Conn::Postgres(_)) {
        // The running totals and the respondent count are rows every
        // submission to the consultation shares, locked until COMMIT: they
        // come last, so concurrent submitters queue for them for as few
        // round trips as possible (the response's own row is already ours).
        insert_answers(conn.reborrow(), response_id, consultation_id, rows).await?;
        match draft {
            Some(d) => mark_submitted_with_draft(conn.reborrow(), response_id, at, d).await?,
            None => mark_submitted(conn.reborrow(), response_id, at).await?,
        }
        return apply_moves(conn, consultation_id, &moves, respondents).await;
    }
    // One fixed statement text, prepared once per connection, whatever
    // the number of rows: they travel as two JSON arrays (SQLite's
    // `json_each`), so the rows need no bound parameter each.
    const SQL: &str = "\
        INSERT INTO response_answers (response_id, consultation_id, question_id, item, choice, number_value, text_value) \
        SELECT $1, $2, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each($6) \
        WHERE value ->> 5 = 0;\n\
        INSERT INTO response_special_answers (response_id, consultation_id, question_id, item, choice, number_value, text_value) \
        SELECT $1, $2, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each($6) \
        WHERE value ->> 5 = 1;\n\
        INSERT INTO result_counts (consultation_id, question_id, item, choice, n) \
        SELECT $2, value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each($7) WHERE true \
        ON CONFLICT (consultation_id, question_id, item, choice) DO UPDATE SET n = result_counts.n + excluded.n;\n\
        UPDATE consultations SET response_count = response_count + $5 WHERE id = $2 AND $5 <> 0;\n\
        UPDATE responses SET draft = COALESCE($4, draft), submitted_at = $3, updated_at = $3 WHERE id = $1";
    let answer_rows: Vec<_> = rows
        .iter()
        .map(|r| {
            (
                &r.question_id,
                r.item,
                r.choice,
                r.number,
                r.text.as_deref(),
                u8::from(r.special),
            )
        })
        .collect();
    let count_rows: Vec<_> = moves
        .iter()
        .map(|((q, item, choice), by)| (q, item, choice, by))
        .collect();
    let answer_rows =
        serde_json::to_string(&answer_rows).map_err(|e| StorageError::Invalid(e.to_string()))?;
    let count_rows =
        serde_json::to_string(&count_rows).map_err(|e| StorageError::Invalid(e.to_string()))?;
    rows::execute(
        conn,
        SQL,
        &[
            &response_id,
            &consultation_id,
            &at,
            &draft,
            &respondents,
            &answer_rows,
            &count_rows,
        ],
    )
    .await?;
    Ok(())
}

/// The running totals of a consultation: (question, item, choice, n).
pub async fn counts(
    conn: Conn<'_>,
    consultation_id: Uuid,
) -> Result<Vec<(String, i64, i64, i64)>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT question_id, item, choice, n FROM result_counts WHERE consultation_id = $1 AND n <> 0 \
         ORDER BY question_id, item, choice",
        &[&consultation_id],
        rows::tuple,
    )
    .await
}

/// The people who have responded, counted from the responses themselves
/// (submitted and not removed), to check the running count.
pub async fn submitted_count(conn: Conn<'_>, consultation_id: Uuid) -> Result<i64, StorageError> {
    rows::fetch_one(
        conn,
        "SELECT COUNT(*) FROM responses \
         WHERE consultation_id = $1 AND submitted_at IS NOT NULL AND removed_at IS NULL",
        &[&consultation_id],
        rows::scalar,
    )
    .await
}

/// The same totals counted afresh from the stored answers, to check the
/// running ones: (question, item, choice, n) with (-1, -1) for "answered".
pub async fn recount(
    mut conn: Conn<'_>,
    consultation_id: Uuid,
) -> Result<Vec<(String, i64, i64, i64)>, StorageError> {
    // On SQLite the choices are counted from one pass over the table:
    // through the index by question, each question's rows would be looked
    // up in the table separately, a pass over the consultation's pages
    // per question (measured: 1.5 s against 0.95 s for 1.6 million
    // rows, most of either being the sort). The people who answered come
    // from that index alone, which holds every column they need.
    let scan = match conn {
        Conn::Sqlite(_) => "NOT INDEXED",
        Conn::Postgres(_) => "",
    };
    let mut out = Vec::new();
    for special in [false, true] {
        let t = answer_table(special);
        let sql = format!(
            "SELECT question_id, item, choice, COUNT(*) FROM {t} {scan} WHERE consultation_id = $1 AND choice IS NOT NULL \
             GROUP BY question_id, item, choice \
             UNION ALL \
             SELECT question_id, -1, -1, COUNT(DISTINCT response_id) FROM {t} WHERE consultation_id = $1 GROUP BY question_id"
        );
        let rows: Vec<(String, i64, i64, i64)> =
            rows::fetch_all(conn.reborrow(), &sql, &[&consultation_id], rows::tuple).await?;
        out.extend(rows);
    }
    Ok(out)
}

/// Respondents by their answer to two choice questions: (row option,
/// column option, respondents). Either question may be special-category,
/// which the caller has checked the right to see and logged.
pub async fn crosstab(
    conn: Conn<'_>,
    consultation_id: Uuid,
    rows_by: (&str, bool),
    columns_by: (&str, bool),
) -> Result<Vec<(i64, i64, i64)>, StorageError> {
    let sql = format!(
        "SELECT a.choice, b.choice, COUNT(DISTINCT a.response_id) FROM {} a JOIN {} b ON b.response_id = a.response_id \
         WHERE a.consultation_id = $1 AND a.question_id = $2 AND a.item = 0 AND a.choice IS NOT NULL \
         AND b.consultation_id = $1 AND b.question_id = $3 AND b.item = 0 AND b.choice IS NOT NULL \
         GROUP BY a.choice, b.choice",
        answer_table(rows_by.1),
        answer_table(columns_by.1)
    );
    rows::fetch_all(
        conn,
        &sql,
        &[&consultation_id, &rows_by.0, &columns_by.0],
        rows::tuple,
    )
    .await
}

/// A page of free-text answers to one question, newest first, with the
/// response reference each belongs to: (reference, text).
pub async fn texts(
    mut conn: Conn<'_>,
    consultation_id: Uuid,
    question_id: &str,
    search: &str,
    offset: i64,
    limit: i64,
) -> Result<(Vec<(String, String)>, i64), StorageError> {
    let pattern = crate::contains_pattern(search);
    let filter = "a.consultation_id = $1 AND a.question_id = $2 AND a.text_value IS NOT NULL \
                  AND ($3 = '' OR LOWER(a.text_value) LIKE $4 ESCAPE '\\')";
    let list_sql = format!(
        "SELECT r.reference, a.text_value FROM response_answers a JOIN responses r ON r.id = a.response_id \
         WHERE {filter} ORDER BY a.response_id DESC LIMIT $5 OFFSET $6"
    );
    let count_sql = format!("SELECT COUNT(*) FROM response_answers a WHERE {filter}");
    let search = search.trim().to_lowercase();
    let filters: [&dyn Param; 4] = [&consultation_id, &question_id, &search, &pattern];
    let page: Vec<&dyn Param> = filters
        .iter()
        .copied()
        .chain([&limit as &dyn Param, &offset])
        .collect();
    let list = rows::fetch_all(conn.reborrow(), &list_sql, &page, rows::tuple).await?;
    let total: i64 = rows::fetch_one(conn, &count_sql, &filters, rows::scalar).await?;
    Ok((list, total))
}

/// Every response a person made, for "your data" and account deletion.
pub async fn for_respondent(
    conn: Conn<'_>,
    user: Uuid,
) -> Result<Vec<ResponseRecord>, StorageError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM responses WHERE respondent_id = $1 ORDER BY created_at LIMIT 1000"
    );
    rows::fetch_all(conn, &sql, &[&user], record).await
}

/// Marks a response removed at its author's request and empties its
/// draft; its answers are deleted by the caller, who also takes them out
/// of the totals.
pub async fn mark_removed(conn: Conn<'_>, id: Uuid) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE responses SET removed_at = $1, draft = '{}', updated_at = $1 WHERE id = $2",
        &[&Timestamp::now(), &id],
    )
    .await?;
    Ok(())
}

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

/// A person's responses with the title of each consultation, for "your
/// data": one query, whatever the number.
pub async fn mine_with_titles(
    conn: Conn<'_>,
    user: Uuid,
) -> Result<Vec<(ResponseRecord, String)>, StorageError> {
    let sql = "SELECT r.id, r.consultation_id, r.respondent_id, r.reference, r.draft, r.submitted_at, r.removed_at, \
               r.created_at, r.updated_at, c.title FROM responses r JOIN consultations c ON c.id = r.consultation_id \
               WHERE r.respondent_id = $1 ORDER BY r.created_at LIMIT 1000";
    rows::fetch_all(conn, sql, &[&user], |r| Ok((record(r)?, r.get("title")?))).await
}

/// Every picked option of every single-row choice answer, by response:
/// (response, question, option), in response order. For weighting, which
/// needs each respondent's answers side by side; staff-only and on
/// demand, never on a public page.
pub async fn choices(
    conn: Conn<'_>,
    consultation_id: Uuid,
    special: bool,
) -> Result<Vec<(Uuid, String, i64)>, StorageError> {
    let sql = format!(
        "SELECT response_id, question_id, choice FROM {} \
         WHERE consultation_id = $1 AND item = 0 AND choice IS NOT NULL ORDER BY response_id",
        answer_table(special)
    );
    rows::fetch_all(conn, &sql, &[&consultation_id], rows::tuple).await
}
