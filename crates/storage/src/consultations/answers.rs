//! The answer rows of submitted responses: one table for ordinary
//! answers and one for special-category ones, read only when the caller
//! has checked the right to see them.

use cohesion_domain::survey::tally::AnswerRow;
use cohesion_domain::text::WordSearch;
use uuid::Uuid;

use crate::rows::{self, Param};
use crate::{Conn, StorageError};

pub(crate) fn answer_table(special: bool) -> &'static str {
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
pub(crate) const ROWS_PER_STATEMENT: usize = 500;

/// `(first, ..), (..), …`: `rows` tuples of `shared` parameters used by
/// every row ($1..$shared) followed by `own` parameters of each row.
pub(crate) fn values(rows: usize, shared: &[&str], own: usize) -> String {
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

/// How many submitted responses chose at least one of `options` of a
/// (not special-category) multiple-choice question: the figure of a
/// finding that combines them, where adding up the options' totals would
/// count twice everyone who ticked two.
pub async fn respondents_choosing_any(
    conn: Conn<'_>,
    consultation_id: Uuid,
    question_id: &str,
    options: &[i64],
) -> Result<i64, StorageError> {
    if options.is_empty() {
        return Ok(0);
    }
    let list = (0..options.len())
        .map(|i| format!("${}", i + 3))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT COUNT(DISTINCT response_id) FROM response_answers \
         WHERE consultation_id = $1 AND question_id = $2 AND item = 0 AND choice IN ({list})"
    );
    let mut params: Vec<&dyn Param> = vec![&consultation_id, &question_id];
    params.extend(options.iter().map(|o| o as &dyn Param));
    rows::fetch_one(conn, &sql, &params, rows::scalar).await
}

/// A page of free-text answers to one question, newest first, with the
/// response reference each belongs to: (reference, text). `search`, when
/// given, finds whole words (`domain::text::WordSearch`); the answers'
/// words are compared normalised alike, in SQL, a page at a time.
pub async fn texts(
    mut conn: Conn<'_>,
    consultation_id: Uuid,
    question_id: &str,
    search: Option<&WordSearch>,
    offset: i64,
    limit: i64,
) -> Result<(Vec<(String, String)>, i64), StorageError> {
    let patterns = search.map(crate::word_patterns).unwrap_or_default();
    // The answers' words worked out once a row, then each pattern tried.
    let matching = match patterns.len() {
        0 => String::new(),
        n => format!(
            "WHERE {}",
            (3..3 + n)
                .map(|i| format!("a.words LIKE ${i} ESCAPE '\\'"))
                .collect::<Vec<_>>()
                .join(" OR ")
        ),
    };
    let answers = format!(
        "(SELECT response_id, text_value, {} AS words FROM response_answers \
         WHERE consultation_id = $1 AND question_id = $2 AND text_value IS NOT NULL) a",
        crate::words_sql("text_value")
    );
    let (lim, off) = (patterns.len() + 3, patterns.len() + 4);
    let list_sql = format!(
        "SELECT r.reference, a.text_value FROM {answers} JOIN responses r ON r.id = a.response_id \
         {matching} ORDER BY a.response_id DESC LIMIT ${lim} OFFSET ${off}"
    );
    let count_sql = format!("SELECT COUNT(*) FROM {answers} {matching}");
    let mut filters: Vec<&dyn Param> = vec![&consultation_id, &question_id];
    filters.extend(patterns.iter().map(|p| p as &dyn Param));
    let page: Vec<&dyn Param> = filters
        .iter()
        .copied()
        .chain([&limit as &dyn Param, &offset])
        .collect();
    let list = rows::fetch_all(conn.reborrow(), &list_sql, &page, rows::tuple).await?;
    let total: i64 = rows::fetch_one(conn, &count_sql, &filters, rows::scalar).await?;
    Ok((list, total))
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
