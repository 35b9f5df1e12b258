//! Answering a consultation's survey page by page, checking the answers
//! and submitting them.

use axum::extract::{Path, Query};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use cohesion_domain::consultation::Consultation;
use cohesion_domain::survey::answers::RawAnswers;
use cohesion_domain::survey::model::SurveyDefinition;
use cohesion_domain::translation::key;
use cohesion_services::consultations::responding::writes;
use cohesion_services::consultations::responding::{Admission, FromPages, Next, Posted, Progress};
use cohesion_services::ServiceError;
use cohesion_ui::consultations::{CheckAnswersPage, QuestionView, SurveyPage};
use cohesion_ui::{ConfirmationPage, SummaryRow, Value};
use serde::Deserialize;
use uuid::Uuid;

use super::questions::{answer_messages, answer_text, error_links, question_view};
use super::respondent::{known_respondent, respondent, turned_away};
use super::translated::{progress_in, translated_consultation, translated_progress};
use super::wording::t2;
use crate::kit::{
    anon_csrf, check_csrf, confirmation, path_id, respond, see_other, AppError, ClientKey,
    DoneQuery, Langs, PageCtx, StrictForm,
};

pub async fn start(
    ctx: PageCtx,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let mut fresh = None;
    let (who, _) = respondent(&ctx, &headers, &mut fresh)?;
    let (p, langs) = progress_in(&ctx, who, id).await?;
    if let Some(res) = turned_away(&ctx, &p.consultation, p.admission, &langs).await? {
        return Ok(res);
    }
    if p.survey.pages.is_empty() {
        return Err(ServiceError::NotFound.into());
    }
    // Someone coming back goes on from the first page they have not
    // reached (never past one unseen), or to check their answers.
    Ok(see_other(&match p.resume_at() {
        Some(page) => format!("/consultations/{id}/respond/{}", page + 1),
        None => format!("/consultations/{id}/respond/check"),
    }))
}

/// Where page `page` (from 0) stands: its place among the pages `p` sees
/// (from 1), and "Page 2 of 3", or "Page 2 of up to 4" while answers
/// still to come may show or skip pages (a count that grew as routing
/// revealed pages would mislead).
pub(super) fn progress_line(ctx: &PageCtx, p: &Progress, page: usize) -> String {
    let position = p
        .pages
        .iter()
        .position(|x| *x == page)
        .map_or(page + 1, |i| i + 1);
    let (fewest, most) = p.page_count(page);
    let most = most.max(position);
    let key = if fewest.max(position) < most {
        "survey-progress-up-to"
    } else {
        "survey-progress"
    };
    t2(
        ctx,
        key,
        ("page", &position.to_string()),
        ("pages", &most.to_string()),
    )
}

#[allow(clippy::too_many_arguments)]
async fn survey_page(
    ctx: &PageCtx,
    p: &Progress,
    langs: &Langs,
    page: usize,
    csrf: String,
    draft: &RawAnswers,
    errors: Vec<(String, String)>,
    status: StatusCode,
    set: Option<HeaderValue>,
    returning: bool,
) -> Result<Response, AppError> {
    let id = p.consultation.id;
    let def = &p.survey.pages[page];
    let earlier = p.answers_before(page);
    let questions: Vec<QuestionView> = def
        .questions
        .iter()
        .filter(|q| cohesion_domain::survey::answers::is_shown(q, &earlier))
        .map(|q| {
            let error = errors
                .iter()
                .find(|(qid, _)| *qid == q.id)
                .map(|(_, m)| m.clone());
            question_view(ctx, langs, q, draft, error)
        })
        .collect();
    let path = format!("/consultations/{id}/respond/{}", page + 1);
    let mut ui = ctx.chrome_for(&path, "survey-title").await?;
    let mut title_lang = ctx.locale().tag().to_owned();
    if !def.title.trim().is_empty() {
        ui.title = def.title.clone().into();
        title_lang = langs.of(&key::page_title(page)).to_owned();
    }
    let previous = p.pages.iter().rev().find(|x| **x < page).copied();
    let back = match previous {
        _ if returning => format!("/consultations/{id}/respond/check"),
        Some(prev) => format!("/consultations/{id}/respond/{}", prev + 1),
        None => format!("/consultations/{id}"),
    };
    let view = SurveyPage {
        ui,
        back: Some((back, ctx.t("back"))),
        consultation: langs.shown(key::TITLE, &p.consultation.title),
        title_lang,
        progress: progress_line(ctx, p, page),
        csrf,
        action: if returning {
            format!("{path}?{RETURN_TO_CHECK}")
        } else {
            path
        },
        errors: error_links(p, langs, &errors, |qid| {
            questions
                .iter()
                .any(|q| q.id == qid)
                .then(|| format!("#{qid}"))
        }),
        questions,
        button: ctx.t("survey-continue"),
        optional_label: ctx.t("optional").to_lowercase(),
        preview: None,
        carried: Vec::new(),
    };
    respond(status, view, set)
}

/// The marker a "change" link of "check your answers" adds to a page's
/// address (and its form's): back to "check your answers" after saving.
/// A fixed marker, not an address, so it can lead nowhere else.
const RETURN_TO_CHECK: &str = "return=check";

/// A survey page's query: only the marker above means anything.
#[derive(Deserialize)]
pub struct PageQuery {
    #[serde(default, rename = "return")]
    back_to: String,
}

impl PageQuery {
    fn returning(&self) -> bool {
        self.back_to == "check"
    }
}

fn page_index(raw: &str, survey: &SurveyDefinition) -> Result<usize, AppError> {
    Some(page_number(raw))
        .filter(|n| *n < survey.pages.len())
        .ok_or_else(|| ServiceError::NotFound.into())
}

/// A page's number in the address, from 1, as an index from 0; one that
/// is not a page (0, or not a number) is past every page, so that the
/// services say "not found" after deciding whether to turn the
/// respondent away, as for any other page the survey does not have.
fn page_number(raw: &str) -> usize {
    raw.parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1))
        .unwrap_or(usize::MAX)
}

pub async fn page_form(
    ctx: PageCtx,
    headers: HeaderMap,
    Path((id, page)): Path<(String, String)>,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let mut fresh = None;
    let (who, set) = respondent(&ctx, &headers, &mut fresh)?;
    let (p, langs) = progress_in(&ctx, who, id).await?;
    if let Some(res) = turned_away(&ctx, &p.consultation, p.admission, &langs).await? {
        return Ok(res);
    }
    let page = page_index(&page, &p.survey)?;
    if !p.pages.contains(&page) {
        // Routing skips this page for this respondent: on to the next one.
        let next = p.pages.iter().find(|x| **x > page);
        return Ok(match next {
            Some(n) => see_other(&format!("/consultations/{id}/respond/{}", n + 1)),
            None => see_other(&format!("/consultations/{id}/respond/check")),
        });
    }
    let (csrf, csrf_cookie) = anon_csrf(&ctx, &headers).await?;
    let mut res = survey_page(
        &ctx,
        &p,
        &langs,
        page,
        csrf,
        &p.draft,
        Vec::new(),
        StatusCode::OK,
        set,
        q.returning(),
    )
    .await?;
    if let Some(c) = csrf_cookie {
        res.headers_mut().append(header::SET_COOKIE, c);
    }
    Ok(res)
}

/// A survey form's fields, without the CSRF token.
fn raw_answers(pairs: Vec<(String, String)>) -> (String, RawAnswers) {
    let mut csrf = String::new();
    let mut raw = RawAnswers::new();
    for (k, v) in pairs {
        if k == "csrf" {
            csrf = v;
        } else {
            raw.entry(k).or_default().push(v);
        }
    }
    (csrf, raw)
}

pub async fn save_page(
    ctx: PageCtx,
    headers: HeaderMap,
    client: ClientKey,
    Path((id, page)): Path<(String, String)>,
    Query(q): Query<PageQuery>,
    StrictForm(pairs): StrictForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let (csrf, raw) = raw_answers(pairs);
    check_csrf(&ctx.state, &headers, &ctx.user, &csrf).await?;
    let mut fresh = None;
    let (who, set) = respondent(&ctx, &headers, &mut fresh)?;
    let page = page_number(&page);
    let from = FromPages {
        client: &client.0,
        returning: q.returning(),
    };
    match writes::post_page(&ctx.state.db, who, id, page, &raw, from).await? {
        Posted::Done(next) => {
            let to = match next {
                Next::Page(n) if from.returning => {
                    format!("/consultations/{id}/respond/{}?{RETURN_TO_CHECK}", n + 1)
                }
                Next::Page(n) => format!("/consultations/{id}/respond/{}", n + 1),
                Next::CheckAnswers => format!("/consultations/{id}/respond/check"),
            };
            let mut res = see_other(&to);
            if let Some(c) = set {
                res.headers_mut().append(header::SET_COOKIE, c);
            }
            Ok(res)
        }
        Posted::TurnedAway {
            consultation,
            admission,
        } => turned_away_from(&ctx, *consultation, admission).await,
        Posted::Refused { progress, errors } => {
            let (p, langs) = translated_progress(&ctx, *progress).await?;
            let messages = answer_messages(&ctx, &p.survey, &errors);
            survey_page(
                &ctx,
                &p,
                &langs,
                page,
                csrf,
                &raw,
                messages,
                StatusCode::UNPROCESSABLE_ENTITY,
                set,
                from.returning,
            )
            .await
        }
    }
}

/// The page for a respondent the services turned away from a write, with
/// the consultation's title in the page's language.
async fn turned_away_from(
    ctx: &PageCtx,
    consultation: Consultation,
    admission: Admission,
) -> Result<Response, AppError> {
    let (c, langs) = translated_consultation(ctx, consultation).await?;
    let page = turned_away(ctx, &c, admission, &langs).await?;
    Ok(page.unwrap_or_else(|| see_other(&format!("/consultations/{}/respond", c.id))))
}

/// Each question the respondent was shown, in order, with their answer;
/// with a "Change" link to its page where `changes`.
pub(super) fn answer_rows(
    ctx: &PageCtx,
    p: &Progress,
    langs: &Langs,
    changes: bool,
) -> Vec<SummaryRow> {
    let id = p.consultation.id;
    let all = p.answers_before(p.survey.pages.len());
    let mut rows = Vec::new();
    for page in &p.pages {
        for q in &p.survey.pages[*page].questions {
            if !cohesion_domain::survey::answers::is_shown(q, &all) {
                continue;
            }
            let question = langs.shown(&key::question(&q.id, "text"), &q.text);
            let row = SummaryRow::written_label(question, answer_text(ctx, langs, q, &p.draft));
            rows.push(if changes {
                let href = format!("/consultations/{id}/respond/{}?{RETURN_TO_CHECK}", page + 1);
                row.change(&href, ctx.t("change"))
            } else {
                row
            });
        }
    }
    rows
}

async fn check_page(
    ctx: &PageCtx,
    p: &Progress,
    langs: &Langs,
    csrf: String,
    errors: Vec<(String, String)>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let id = p.consultation.id;
    let rows = answer_rows(ctx, p, langs, true);
    let path = format!("/consultations/{id}/respond/check");
    let view = CheckAnswersPage {
        ui: ctx.chrome_for(&path, "check-answers-title").await?,
        back: p.pages.last().map(|last| {
            (
                format!("/consultations/{id}/respond/{}", last + 1),
                ctx.t("back"),
            )
        }),
        lead: ctx.t("check-answers-lead"),
        rows,
        errors: error_links(p, langs, &errors, |qid| {
            p.survey
                .pages
                .iter()
                .position(|page| page.questions.iter().any(|q| q.id == qid))
                .map(|n| {
                    format!(
                        "/consultations/{id}/respond/{}?{RETURN_TO_CHECK}#{qid}",
                        n + 1
                    )
                })
        }),
        csrf,
        action: format!("/consultations/{id}/respond/submit"),
        button: ctx.t(if p.is_submitted() {
            "check-answers-resubmit"
        } else {
            "check-answers-submit"
        }),
        preview: None,
    };
    respond(status, view, None)
}

/// Where the respondent the request names stands (without making an
/// anonymous cookie), in the page's language.
async fn known_progress(
    ctx: &PageCtx,
    headers: &HeaderMap,
    id: Uuid,
) -> Result<(Progress, Langs), AppError> {
    progress_in(ctx, known_respondent(ctx, headers), id).await
}

pub async fn check(
    ctx: PageCtx,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let (p, langs) = known_progress(&ctx, &headers, id).await?;
    if let Some(res) = turned_away(&ctx, &p.consultation, p.admission, &langs).await? {
        return Ok(res);
    }
    if p.response.is_none() {
        return Ok(see_other(&format!("/consultations/{id}/respond/1")));
    }
    let (csrf, set) = anon_csrf(&ctx, &headers).await?;
    let mut res = check_page(&ctx, &p, &langs, csrf, Vec::new(), StatusCode::OK).await?;
    if let Some(c) = set {
        res.headers_mut().append(header::SET_COOKIE, c);
    }
    Ok(res)
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

pub async fn submit(
    ctx: PageCtx,
    headers: HeaderMap,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(form): StrictForm<CsrfForm>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    check_csrf(&ctx.state, &headers, &ctx.user, &form.csrf).await?;
    let who = known_respondent(&ctx, &headers);
    match writes::post_submission(&ctx.state.db, who, id, &client.0).await? {
        Posted::Done(_) => Ok(see_other(&format!("/consultations/{id}/respond/done"))),
        Posted::TurnedAway {
            consultation,
            admission,
        } => turned_away_from(&ctx, *consultation, admission).await,
        Posted::Refused { progress, errors } => {
            let (p, langs) = translated_progress(&ctx, *progress).await?;
            let messages = answer_messages(&ctx, &p.survey, &errors);
            check_page(
                &ctx,
                &p,
                &langs,
                form.csrf,
                messages,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

pub async fn done(
    ctx: PageCtx,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let (p, langs) = known_progress(&ctx, &headers, id).await?;
    let Some(response) = p.response.as_ref().filter(|r| r.submitted_at.is_some()) else {
        return Err(ServiceError::NotFound.into());
    };
    let path = format!("/consultations/{id}/respond/done");
    let title = langs.shown(key::TITLE, &p.consultation.title);
    let mut paragraphs = vec![ctx.phrase(
        "confirmation-text",
        &[
            ("title", Value::Shown(&title)),
            (
                "closes",
                Value::When(&ctx.dates().at(p.consultation.closes_at)),
            ),
        ],
    )];
    if ctx.user.0.as_ref().is_some_and(|me| !me.email_verified) {
        paragraphs.push(ctx.phrase("receipt-unverified", &[]));
    }
    let copy = super::yours::copy_by_email(&ctx, id).await?;
    paragraphs.extend(copy.standing);
    // "You asked for a copy" is a success only while the copy is on its
    // way or has arrived; kept for want of a mail server, the paragraph
    // above says so plainly instead.
    let done = match q.done.as_deref() {
        Some(super::yours::RECEIPT_SENT) if !copy.state.on_its_way() => None,
        other => confirmation(&ctx, other),
    };
    let view = ConfirmationPage {
        ui: ctx.chrome_for(&path, "confirmation-title").await?,
        reference_label: ctx.t("confirmation-reference"),
        reference: response.reference.clone(),
        paragraphs,
        links: vec![
            (
                format!("/consultations/{id}/respond/check"),
                ctx.t("confirmation-change").into(),
            ),
            (format!("/consultations/{id}"), title.into()),
        ],
        done,
        form: copy.form,
    };
    respond(StatusCode::OK, view, None)
}
