//! Exports as CSV (UTF-8 with a byte-order mark, so spreadsheet programs
//! read Arabic correctly): every response, streamed a page at a time so
//! memory stays flat whatever the size, and the results as published.

use std::collections::HashMap;

use axum::body::{Body, Bytes};
use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use cohesion_domain::identity::Action;
use cohesion_domain::survey::model::{QuestionKind, SurveyDefinition};
use cohesion_domain::survey::tally::AnswerRow;
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::exports::{self, Pages, Submitted};
use cohesion_services::permissions::may;
use uuid::Uuid;

use super::translated::results_in_language;
use super::wording::option_labels;
use crate::kit::{path_id, AppError, ClientKey, Me, PageCtx};

const BOM: &str = "\u{feff}";

/// Appends `value` to `out` as one CSV field: quoted when it must be; a
/// leading `=`, `+`, `-`, `@`, tab or carriage return gets an apostrophe
/// so a spreadsheet never runs what a respondent typed as a formula.
fn push_field(out: &mut String, value: &str) {
    let guard = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        "'"
    } else {
        ""
    };
    if value.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(guard);
        for part in value.split_inclusive('"') {
            out.push_str(part);
            if part.ends_with('"') {
                out.push('"');
            }
        }
        out.push('"');
    } else {
        out.push_str(guard);
        out.push_str(value);
    }
}

/// Appends one CSV line of `fields` to `out`.
fn push_line<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, f);
    }
    out.push_str("\r\n");
}

pub fn line(fields: &[String]) -> String {
    let mut out = String::new();
    push_line(&mut out, fields.iter().map(String::as_str));
    out
}

/// What one column holds.
#[derive(Debug, Clone)]
enum Cell {
    /// The picked option(s) of a choice question, as labels.
    Choices,
    /// The rank given to option N of a ranking.
    Rank(i64),
    /// The scale point picked for row N of a matrix.
    Row(i64),
    /// A number, a date or text.
    Value,
}

#[derive(Debug, Clone)]
struct Column {
    /// The question's place in [`Layout::labels`].
    question: usize,
    cell: Cell,
}

/// The columns of a response export and the labels to fill them with,
/// worked out once in the reader's language, so that a row costs no more
/// than finding each question's answers once.
#[derive(Debug, Clone)]
pub struct Layout {
    columns: Vec<Column>,
    /// Each exported question's option labels, by its place.
    labels: Vec<Vec<String>>,
    /// The place of each exported question, by id.
    places: HashMap<String, usize>,
    headings: Vec<String>,
}

impl Layout {
    pub fn new(ctx: &PageCtx, survey: &SurveyDefinition, special: bool) -> Layout {
        let mut columns = Vec::new();
        let mut headings = Vec::new();
        let mut labels = Vec::new();
        let mut places = HashMap::new();
        for q in survey.questions() {
            if q.kind.is_special_category() && !special {
                continue;
            }
            let question = labels.len();
            places.insert(q.id.clone(), question);
            labels.push(option_labels(ctx, q));
            let mut col = |cell, heading: String| {
                columns.push(Column { question, cell });
                headings.push(heading);
            };
            match &q.kind {
                QuestionKind::Ranking { options } => {
                    for (i, o) in options.iter().enumerate() {
                        col(Cell::Rank(i as i64), format!("{}: {} – {o}", q.id, q.text));
                    }
                }
                QuestionKind::Matrix { rows } => {
                    for (i, r) in rows.iter().enumerate() {
                        col(Cell::Row(i as i64), format!("{}: {} – {r}", q.id, q.text));
                    }
                }
                k if k.is_choice() => col(Cell::Choices, format!("{}: {}", q.id, q.text)),
                _ => col(Cell::Value, format!("{}: {}", q.id, q.text)),
            }
        }
        Layout {
            columns,
            labels,
            places,
            headings,
        }
    }

    pub fn header(&self, reference: &str, submitted: &str) -> String {
        line(&self.header_fields(reference, submitted))
    }

    fn header_fields(&self, reference: &str, submitted: &str) -> Vec<String> {
        let mut fields = vec![reference.to_owned(), submitted.to_owned()];
        fields.extend(self.headings.iter().cloned());
        fields
    }

    /// Appends one response as a CSV line to `out`.
    pub fn push_row(&self, out: &mut String, s: &Submitted) {
        let submitted = s.submitted_at.to_iso8601_seconds();
        let cells = self.cells(s);
        push_line(
            out,
            [s.reference.as_str(), submitted.as_str()]
                .into_iter()
                .chain(cells.iter().map(String::as_str)),
        );
    }

    /// One response's cells, reference and date first, in column order.
    fn fields(&self, s: &Submitted) -> Vec<String> {
        let mut fields = vec![s.reference.clone(), s.submitted_at.to_iso8601_seconds()];
        fields.extend(self.cells(s));
        fields
    }

    /// One response's answer cells, in column order.
    fn cells(&self, s: &Submitted) -> Vec<String> {
        // The rows come sorted by question, so each question's rows are
        // one run, looked up once.
        let mut by_question: Vec<&[AnswerRow]> = vec![&[]; self.labels.len()];
        for run in s.rows.chunk_by(|a, b| a.question_id == b.question_id) {
            if let Some(&place) = self.places.get(run[0].question_id.as_str()) {
                by_question[place] = run;
            }
        }
        self.columns
            .iter()
            .map(|c| {
                let rows = by_question[c.question];
                let labels = &self.labels[c.question];
                let label = |choice: Option<i64>| {
                    choice
                        .and_then(|i| usize::try_from(i).ok())
                        .and_then(|i| labels.get(i))
                        .cloned()
                        .unwrap_or_default()
                };
                match c.cell {
                    Cell::Choices => match rows {
                        [one] => label(one.choice),
                        _ => rows
                            .iter()
                            .map(|r| label(r.choice))
                            .collect::<Vec<_>>()
                            .join("; "),
                    },
                    Cell::Rank(option) => rows
                        .iter()
                        .find(|r| r.choice == Some(option))
                        .map(|r| (r.item + 1).to_string())
                        .unwrap_or_default(),
                    Cell::Row(row) => rows
                        .iter()
                        .find(|r| r.item == row)
                        .map(|r| label(r.choice))
                        .unwrap_or_default(),
                    Cell::Value => rows
                        .first()
                        .map(|r| {
                            r.number
                                .map(|n| n.to_string())
                                .or_else(|| r.text.clone())
                                .unwrap_or_default()
                        })
                        .unwrap_or_default(),
                }
            })
            .collect()
    }
}

/// The links to download every response, for a viewer allowed to export
/// (none otherwise), in the reader's language.
pub(super) fn response_links(
    ctx: &PageCtx,
    viewer: Option<&SignedIn>,
    id: Uuid,
) -> Vec<(String, String)> {
    if !may(viewer, Action::ExportResponses) {
        return Vec::new();
    }
    let l = ctx.locale();
    vec![
        (
            format!("/staff/consultations/{id}/responses.csv"),
            l.t("export-responses").into_owned(),
        ),
        (
            format!("/staff/consultations/{id}/responses.xlsx"),
            l.t("export-responses-xlsx").into_owned(),
        ),
    ]
}

fn csv_response(body: Body, filename: &str) -> Response {
    let mut res = (StatusCode::OK, body).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

/// Every submitted response as a spreadsheet. The workbook is written in
/// constant-memory mode (rows go to a temporary file as they come), then
/// sent whole: XLSX is a zip, which cannot be streamed as it is built.
pub async fn responses_xlsx(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    use rust_xlsxwriter::Workbook;
    let id = path_id(&id)?;
    let export = exports::start(&ctx.state.db, &me, id, Some(&client.0)).await?;
    let layout = Layout::new(&ctx, &export.survey, export.special);
    let fail = |e: rust_xlsxwriter::XlsxError| {
        tracing::error!(error = %e, "spreadsheet export failed");
        AppError::internal()
    };
    let mut book = Workbook::new();
    let sheet = book.add_worksheet_with_constant_memory().map_err(fail)?;
    let head = layout.header_fields(
        &ctx.locale().t("export-reference"),
        &ctx.locale().t("export-submitted"),
    );
    for (c, h) in head.iter().enumerate() {
        sheet.write_string(0, c as u16, h).map_err(fail)?;
    }
    let mut row: u32 = 1;
    let mut pages = Pages::new(&ctx.state.db, &export);
    while let Some(page) = pages.next().await? {
        for s in &page {
            for (c, v) in layout.fields(s).iter().enumerate() {
                // Text cells only: a spreadsheet never evaluates them.
                sheet.write_string(row, c as u16, v).map_err(fail)?;
            }
            row += 1;
        }
    }
    let bytes = book.save_to_buffer().map_err(fail)?;
    let mut res = (StatusCode::OK, Body::from(bytes)).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"responses-{id}.xlsx\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}

/// Every submitted response as CSV, streamed page by page.
pub async fn responses_csv(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let export = exports::start(&ctx.state.db, &me, id, Some(&client.0)).await?;
    let layout = Layout::new(&ctx, &export.survey, export.special);
    let head = format!(
        "{BOM}{}",
        layout.header(
            &ctx.locale().t("export-reference"),
            &ctx.locale().t("export-submitted")
        )
    );
    let pages = Pages::new(&ctx.state.db, &export);
    let body = Body::from_stream(stream_rows(pages, layout, head));
    Ok(csv_response(body, &format!("responses-{id}.csv")))
}

struct Stream {
    pages: Pages,
    layout: Layout,
    head: Option<String>,
}

fn stream_rows(
    pages: Pages,
    layout: Layout,
    head: String,
) -> impl futures_util::Stream<Item = Result<Bytes, std::io::Error>> {
    let state = Stream {
        pages,
        layout,
        head: Some(head),
    };
    futures_util::stream::unfold(Some(state), |s| async move {
        let mut s = s?;
        if let Some(head) = s.head.take() {
            return Some((Ok(Bytes::from(head)), Some(s)));
        }
        match s.pages.next().await {
            Ok(None) => None,
            Ok(Some(page)) => {
                let mut chunk = String::with_capacity(page.len() * 256);
                for r in &page {
                    s.layout.push_row(&mut chunk, r);
                }
                Some((Ok(Bytes::from(chunk)), Some(s)))
            }
            Err(e) => {
                // The status line is long gone: end the body with an error
                // so the download is seen to be incomplete.
                tracing::error!(error = %e, "export failed part-way");
                Some((Err(std::io::Error::other("export failed")), None))
            }
        }
    })
}

/// The results as the viewer may see them, one line per answer, with the
/// base, the count and the 95% interval (blank where hidden).
/// How the results CSV writes a figure hidden by the small-count rules:
/// `[c]`, the ONS convention for confidential cells.
pub(crate) const HIDDEN: &str = "[c]";

pub async fn results_csv(
    ctx: PageCtx,
    client: ClientKey,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let (r, _) = results_in_language(&ctx, &client, id).await?;
    let l = ctx.locale();
    let mut out = String::from(BOM);
    out.push_str(&line(&[
        "question_id".into(),
        l.t("question-text").into_owned(),
        "item".into(),
        l.t("results-option").into_owned(),
        "base".into(),
        "count".into(),
        "share".into(),
        "low_95".into(),
        "high_95".into(),
    ]));
    for q in r.questions.iter().filter(|q| !q.withheld) {
        let labels = option_labels(&ctx, &q.question);
        // The item says what a count is where the option alone does not:
        // a matrix's row, and a ranking's first place (the count is of
        // the people who ranked the option first).
        let rows: Vec<String> = match &q.question.kind {
            QuestionKind::Matrix { rows } => rows.clone(),
            QuestionKind::Ranking { .. } => vec![l.t("export-ranked-first").into_owned()],
            _ => vec![String::new()],
        };
        for (line_no, l) in q.lines.iter().enumerate() {
            for (i, cell) in l.cells.iter().enumerate() {
                // A hidden figure is written `[c]` (confidential, the ONS
                // convention), never left blank: blank reads as "none".
                let share = |f: fn(&cohesion_insight::proportion::Proportion) -> f64| match (
                    cell.count,
                    &cell.share,
                ) {
                    (None, _) => HIDDEN.to_owned(),
                    (Some(_), Some(p)) => format!("{:.4}", f(p)),
                    (Some(_), None) => String::new(),
                };
                out.push_str(&line(&[
                    q.question.id.clone(),
                    q.question.text.clone(),
                    rows.get(line_no).cloned().unwrap_or_default(),
                    labels.get(i).cloned().unwrap_or_default(),
                    if l.base_hidden {
                        HIDDEN.to_owned()
                    } else {
                        l.base.to_string()
                    },
                    cell.count
                        .map_or_else(|| HIDDEN.to_owned(), |c| c.to_string()),
                    share(|p| p.share),
                    share(|p| p.low),
                    share(|p| p.high),
                ]));
            }
        }
    }
    Ok(csv_response(Body::from(out), &format!("results-{id}.csv")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(value: &str) -> String {
        let mut out = String::new();
        push_field(&mut out, value);
        out
    }

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-1"), "'-1");
        assert_eq!(field("سطر\nآخر"), "\"سطر\nآخر\"");
        assert_eq!(line(&["a".into(), "b c".into()]), "a,b c\r\n");
    }
}
