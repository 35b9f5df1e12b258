//! The written answers to a question, for staff who analyse, and one
//! response's answers (where quotes link to).

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::survey::model::{QuestionDef, QuestionKind};
use cohesion_services::consultations::reading::{self, ConsultationView};
use cohesion_services::consultations::results::texts;
use cohesion_ui::{Cell, Field, Filter, Phrase, ReportPage, Shown, SummaryRow, Table, Value};
use serde::Deserialize;

use super::figures::back_to_staff;
use super::{analysis_frame, question_lang, question_text};
use crate::consultations::themes::response_href;
use crate::consultations::wording::option_labels;
use crate::kit::{path_id, respond, Analyse, AppError, Langs, May, PageCtx};

#[derive(Deserialize, Default)]
pub struct AnswersQuery {
    #[serde(default)]
    question: String,
    #[serde(default)]
    search: String,
    #[serde(default)]
    page: Option<u32>,
}

/// The written answers to a question, for staff who analyse, searchable
/// and paged. Email addresses, phone numbers and postcodes are masked
/// before display: staff read what people think, not how to reach them.
pub async fn answers(
    ctx: PageCtx,
    May(me, _): May<Analyse>,
    Path(id): Path<String>,
    Query(q): Query<AnswersQuery>,
) -> Result<Response, AppError> {
    let frame = analysis_frame(&ctx, &me, &id, "answers").await?;
    let (id, langs, v) = (frame.id, &frame.langs, &frame.v);
    let mut page = frame.page;
    let path = format!("/staff/consultations/{id}/answers");
    // Not the consultation's staff page, which is the officers': an
    // analyst goes back to Manage, where their tools are listed.
    page.back = Some(back_to_staff(&ctx, &me, id));
    let text_questions = text_questions(v);
    let question_langs = (v.survey.questions().filter(|q| is_written(q)))
        .map(|q| question_lang(&ctx, langs, q))
        .collect();
    let question = if q.question.is_empty() {
        text_questions
            .first()
            .map(|(id, _)| id.clone())
            .unwrap_or_default()
    } else {
        q.question.clone()
    };
    page.filter = Some(Filter {
        action: path.clone(),
        fields: vec![
            Field::choice("question", "select", ctx.t("question-text"), text_questions)
                .option_langs(question_langs)
                .value(&question),
            Field::new(
                "search",
                "search",
                "off",
                ctx.t("consultations-filter-search"),
            )
            .hint(ctx.t("answers-search-hint"))
            .value(&q.search),
        ],
        button: ctx.t("answers-search"),
    });
    if question.is_empty() {
        page.lead = vec![ctx.t("answers-none").into()];
        return respond(StatusCode::OK, page, None);
    }
    let current = q.page.unwrap_or(1).clamp(1, 100_000);
    let (def, list, total) =
        texts::texts(&ctx.state.db, &me, id, &question, &q.search, current).await?;
    page.lead = vec![ctx
        .locale()
        .t_args("answers-count", &[("count", (total.max(0) as u64).into())])
        .into()];
    // The question as the page's language shows it.
    let def = v.survey.question(&def.id).unwrap_or(&def);
    let text = question_text(langs, def);
    if matches!(def.kind, QuestionKind::LongText { .. }) {
        page.links.push((
            format!("/staff/consultations/{id}/themes/{}", def.id),
            ctx.phrase("themes-link", &[("question", Value::Shown(&text))]),
        ));
    }
    page.tables.push(answers_table(&ctx, text, list));
    if i64::from(current) * texts::TEXTS_PAGE < total {
        let mut next = form_urlencoded::Serializer::new(String::new());
        next.append_pair("question", &question);
        next.append_pair("search", &q.search);
        next.append_pair("page", &(current + 1).to_string());
        page.next = Some(format!("{path}?{}", next.finish()));
    }
    respond(StatusCode::OK, page, None)
}

/// Whether `q` is answered in writing.
fn is_written(q: &QuestionDef) -> bool {
    matches!(
        q.kind,
        QuestionKind::ShortText | QuestionKind::LongText { .. }
    )
}

/// The questions answered in writing, to choose from.
fn text_questions(v: &ConsultationView) -> Vec<(String, String)> {
    v.survey
        .questions()
        .filter(|q| is_written(q))
        .map(|q| (q.id.clone(), format!("{}: {}", q.id, q.text)))
        .collect()
}

/// The answers (reference, text) to `question`, contact details masked
/// by the services, each isolated: nobody recorded the language it is
/// written in.
fn answers_table(ctx: &PageCtx, question: Shown, list: Vec<(String, String)>) -> Table {
    Table {
        caption: question.into(),
        head: vec![
            ctx.t("export-reference").into(),
            ctx.t("answers-answer").into(),
        ],
        rows: list
            .into_iter()
            .map(|(reference, text)| {
                vec![Cell::from(reference), Cell::from(Phrase::isolated(&text))]
            })
            .collect(),
        empty: ctx.t("answers-empty"),
    }
}

/// One response's answers for staff who analyse (where quotes link to):
/// contact details masked, special-category answers left out.
pub async fn response(
    ctx: PageCtx,
    May(me, _): May<Analyse>,
    Path((id, response)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let response = path_id(&response)?;
    let v = reading::view(&ctx.state.db, Some(&me), id).await?;
    let (reference, rows) = texts::response_answers(&ctx.state.db, &me, id, response).await?;
    let path = response_href(id, response);
    let mut ui = ctx.chrome_for(&path, "response-title").await?;
    ui.title = ctx.phrase(
        "response-title-of",
        &[("reference", Value::Text(&reference))],
    );
    let langs = Langs::as_written(&ctx, &v.consultation.language);
    let mut page = ReportPage::new(ui);
    page.back = Some((format!("/staff/consultations/{id}/answers"), ctx.t("back")));
    page.lead = vec![ctx.t("response-lead").into()];
    for q in v.survey.questions() {
        let labels = option_labels(&ctx, q);
        let rows_of = match &q.kind {
            QuestionKind::Matrix { rows } => rows.clone(),
            _ => Vec::new(),
        };
        let ranking = matches!(q.kind, QuestionKind::Ranking { .. });
        let mut of_question: Vec<_> = rows.iter().filter(|r| r.question_id == q.id).collect();
        // A ranking's rows are its places, first to last.
        of_question.sort_by_key(|r| r.item);
        let answer = of_question
            .into_iter()
            .map(|r| {
                let choice = r
                    .choice
                    .and_then(|c| usize::try_from(c).ok())
                    .and_then(|c| labels.get(c).cloned());
                let value = r
                    .text
                    .clone()
                    .or(choice)
                    .or(r.number.map(|n| n.to_string()))
                    .unwrap_or_default();
                if ranking {
                    // "Rank 1: …": the place the respondent gave it.
                    let rank = u64::try_from(r.item).unwrap_or(0) + 1;
                    return ctx.locale().t_args(
                        "response-rank",
                        &[("rank", rank.into()), ("option", value.into())],
                    );
                }
                match usize::try_from(r.item).ok().and_then(|i| rows_of.get(i)) {
                    Some(row) => format!("{row}: {value}"),
                    None => value,
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        if answer.is_empty() {
            continue;
        }
        page.rows.push(SummaryRow::written_label(
            langs.original(q.text.as_str()),
            answer,
        ));
    }
    if page.rows.is_empty() {
        page.lead.push(ctx.t("response-empty").into());
    }
    respond(StatusCode::OK, page, None)
}
