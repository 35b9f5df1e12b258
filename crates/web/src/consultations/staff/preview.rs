//! "Preview the survey": an officer sees a consultation's survey exactly
//! as respondents do (the same page and "check your answers" templates),
//! in the page's language, page by page with routing followed as they
//! pick answers, under a banner that says nothing is saved. The answers
//! travel with each page's form; nothing is written. Drafts and
//! published consultations alike.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::survey::answers::{fields_of_page, is_shown, AnswerError, RawAnswers};
use cohesion_domain::translation::key;
use cohesion_services::consultations::preview::{self, Preview, Step};
use cohesion_services::consultations::{reading, translations};
use cohesion_services::ServiceError;
use cohesion_ui::consultations::{CheckAnswersPage, PreviewBanner, QuestionView, SurveyPage};
use cohesion_ui::{Shown, SummaryRow, Value};
use serde::Deserialize;
use uuid::Uuid;

use super::CsrfOnly;
use crate::consultations::questions::{answer_messages, answer_text, error_links, question_view};
use crate::consultations::respond::progress_line;
use crate::kit::{
    check_session_csrf, notice, path_id, respond, see_other, AppError, Langs, May, PageCtx,
    RunEngagement, StrictForm,
};

fn base(id: Uuid) -> String {
    format!("/staff/consultations/{id}/preview")
}

/// The language a preview shows the survey in, in its own parameter
/// (`?in=ar`) rather than the site's `lang`, so that previewing another
/// language leaves the officer's own language as it is (ADR 25).
#[derive(Debug, Default, Deserialize)]
pub struct PreviewQuery {
    #[serde(rename = "in", default)]
    language: Option<String>,
}

/// The name of the banner's buttons that show the page where it stands
/// in another language; sent with the page's answers, it is no answer.
const SHOW: &str = "preview_show";

/// The respondents' view in the preview's language (`?in=`), else in the
/// officer's own.
fn respondents(ctx: &PageCtx, q: &PreviewQuery) -> Result<PageCtx, AppError> {
    let tag = q.language.as_deref().unwrap_or(ctx.locale().tag());
    Ok(ctx.in_language(tag).ok_or(ServiceError::NotFound)?)
}

/// The first page of the preview.
pub async fn start(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path(id): Path<String>,
    Query(q): Query<PreviewQuery>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let r = respondents(&ctx, &q)?;
    let p = preview::start(&ctx.state.db, &me, id, r.locale().tag()).await?;
    if p.progress.survey.questions().next().is_none() {
        let page = notice(
            &ctx,
            &base(id),
            "preview-title",
            "preview-empty",
            Some((
                &format!("/staff/consultations/{id}/questions/new"),
                "question-add",
            )),
        )
        .await?;
        return respond(StatusCode::OK, page, None);
    }
    let at = (&ctx, &r);
    match p.progress.pages.first() {
        Some(first) => survey_page(at, &me.csrf, &p, *first, &[], StatusCode::OK).await,
        None => check_page(at, &me.csrf, &p).await,
    }
}

/// A page of the preview sent: the next page (or the same one with its
/// problems, as a respondent would see them), or "check your answers";
/// or, sent by a language's button in the banner, the same page again in
/// that language with the answers as they were.
pub async fn send(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path((id, page)): Path<(String, String)>,
    Query(q): Query<PreviewQuery>,
    StrictForm(pairs): StrictForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let mut csrf = String::new();
    let mut raw = RawAnswers::new();
    let mut switched = false;
    for (k, v) in pairs {
        if k == "csrf" {
            csrf = v;
        } else if k == SHOW {
            switched = true;
        } else {
            raw.entry(k).or_default().push(v);
        }
    }
    check_session_csrf(&me, &csrf)?;
    let id = path_id(&id)?;
    let r = respondents(&ctx, &q)?;
    let language = r.locale().tag();
    let at = (&ctx, &r);
    // Pages are numbered from 1 in addresses; anything else is no page.
    let page = page
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1))
        .unwrap_or(usize::MAX);
    let db = &ctx.state.db;
    if switched {
        let p = preview::show(db, &me, id, language, page, &raw).await?;
        return survey_page(at, &me.csrf, &p, page, &[], StatusCode::OK).await;
    }
    let sent = preview::send(db, &me, id, language, page, &raw).await?;
    let p = &sent.preview;
    match sent.step {
        Step::Page(n) if !sent.errors.is_empty() => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            survey_page(at, &me.csrf, p, n, &sent.errors, status).await
        }
        Step::Page(n) => survey_page(at, &me.csrf, p, n, &[], StatusCode::OK).await,
        Step::Check => check_page(at, &me.csrf, p).await,
    }
}

/// "End the preview": back to the officers' page, saying nothing was
/// kept.
pub async fn end(
    May(me, _): May<RunEngagement>,
    Path(id): Path<String>,
    StrictForm(form): StrictForm<CsrfOnly>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let id = path_id(&id)?;
    Ok(see_other(&format!(
        "/staff/consultations/{id}?done=preview-ended"
    )))
}

/// The banner over every page of the preview, in the officer's language
/// (`ctx`), framing the respondents' page in the preview's (`shown`).
/// On a survey page (`page`, from 0) each other language is a button of
/// the page's form, which shows the page where it stands in that
/// language, the answers kept; on "check your answers" a link that
/// starts the preview in it.
async fn banner(
    ctx: &PageCtx,
    shown: &str,
    p: &Preview,
    page: Option<usize>,
) -> Result<PreviewBanner, AppError> {
    let id = p.progress.consultation.id;
    let catalog = &ctx.state.catalog;
    let languages = catalog
        .all()
        .iter()
        .map(|l| {
            let href = match page {
                Some(n) => format!("{}/{}?in={}", base(id), n + 1, l.tag()),
                None => format!("{}?in={}", base(id), l.tag()),
            };
            (href, Shown::new(l.name(), l.tag()), l.tag() == shown)
        })
        .collect();
    // In the language it is written in, nothing is left untranslated.
    let note = if shown == p.progress.consultation.language {
        None
    } else {
        Some(untranslated_note(ctx, p, shown).await?)
    };
    let again = format!("{}?in={shown}", base(id));
    Ok(PreviewBanner {
        lang: ctx.locale().tag().to_owned(),
        dir: ctx.locale().direction().as_str().to_owned(),
        title: ctx.t("preview-title"),
        heading: ctx.t("preview-heading"),
        text: ctx.t("preview-text"),
        note,
        languages_label: ctx.t("preview-languages"),
        languages,
        switch_form: page.map(|_| FORM.to_owned()),
        show_name: SHOW.to_owned(),
        links: vec![
            (again, ctx.t("preview-again")),
            (format!("/staff/consultations/{id}"), ctx.t("preview-leave")),
        ],
    })
}

/// The id of a preview page's form, which the banner's buttons send.
const FORM: &str = "preview-form";

/// How many of the survey's texts respondents in `language` see as
/// written, untranslated or with a translation to review, counted by the
/// rule every staff page counts by (`translations::coverage`), and how
/// many texts the consultation has in all, which its own page counts.
async fn untranslated_note(
    ctx: &PageCtx,
    p: &Preview,
    language: &str,
) -> Result<cohesion_ui::Phrase, AppError> {
    let me = ctx.user.0.as_ref();
    let v = reading::view(&ctx.state.db, me, p.progress.consultation.id).await?;
    let c = translations::coverage_in(&ctx.state.db, &v, language).await?;
    let written = p.progress.consultation.language.as_str();
    let original = match ctx.state.catalog.get(written) {
        Some(l) => ctx.language_shown(l.tag()),
        None => Shown::new(written, written),
    };
    let survey = c.survey;
    let mut said = vec![ctx.phrase(
        "preview-untranslated",
        &[
            ("missing", Value::Number(survey.missing as u64)),
            ("all", Value::Number(survey.all as u64)),
            ("language", Value::Shown(&original)),
        ],
    )];
    if survey.stale > 0 {
        said.push(ctx.phrase(
            "preview-to-review",
            &[
                ("stale", Value::Number(survey.stale as u64)),
                ("language", Value::Shown(&original)),
            ],
        ));
    }
    said.push(ctx.phrase(
        "preview-of-all",
        &[
            ("all", Value::Number(survey.all as u64)),
            ("total", Value::Number(c.consultation.all as u64)),
        ],
    ));
    Ok(cohesion_ui::Phrase::join(said, " "))
}

/// Page `page` (from 0) as a respondent with the answers so far would
/// see it in the preview's language (`at.1`), under the banner in the
/// officer's (`at.0`), the answers of other pages carried in hidden
/// fields.
async fn survey_page(
    (officer, ctx): (&PageCtx, &PageCtx),
    csrf: &str,
    p: &Preview,
    page: usize,
    errors: &[AnswerError],
    status: StatusCode,
) -> Result<Response, AppError> {
    let progress = &p.progress;
    let langs = Langs::new(ctx, &progress.consultation.language, p.untranslated.clone());
    let id = progress.consultation.id;
    let shown = ctx.locale().tag();
    let def = &progress.survey.pages[page];
    let earlier = progress.answers_before(page);
    let messages = answer_messages(ctx, &progress.survey, errors);
    let questions: Vec<QuestionView> = def
        .questions
        .iter()
        .filter(|q| is_shown(q, &earlier))
        .map(|q| {
            let error = messages.iter().find(|(qid, _)| *qid == q.id);
            question_view(ctx, &langs, q, &progress.draft, error.map(|e| e.1.clone()))
        })
        .collect();
    let mut ui = ctx
        .chrome_switching_at(&format!("{}?in={shown}", base(id)), "survey-title")
        .await?;
    let mut title_lang = shown.to_owned();
    if !def.title.trim().is_empty() {
        ui.title = def.title.clone().into();
        title_lang = langs.of(&key::page_title(page)).to_owned();
    }
    let own = fields_of_page(&progress.survey, page, &progress.draft);
    let carried = progress
        .draft
        .iter()
        .filter(|(k, _)| !own.contains_key(*k))
        .flat_map(|(k, values)| values.iter().map(move |v| (k.clone(), v.clone())))
        .collect();
    let view = SurveyPage {
        ui,
        back: None,
        consultation: langs.shown(key::TITLE, &progress.consultation.title),
        title_lang,
        progress: progress_line(ctx, progress, page),
        csrf: csrf.to_owned(),
        action: format!("{}/{}?in={shown}", base(id), page + 1),
        errors: error_links(progress, &langs, &messages, |qid| {
            questions
                .iter()
                .any(|q| q.id == qid)
                .then(|| format!("#{qid}"))
        }),
        questions,
        button: ctx.t("survey-continue"),
        optional_label: ctx.t("optional").to_lowercase(),
        preview: Some(banner(officer, shown, p, Some(page)).await?),
        carried,
    };
    respond(status, view, None)
}

/// "Check your answers" as the respondent would reach it, its button
/// ending the preview instead of sending anything.
async fn check_page(
    (officer, ctx): (&PageCtx, &PageCtx),
    csrf: &str,
    p: &Preview,
) -> Result<Response, AppError> {
    let progress = &p.progress;
    let langs = Langs::new(ctx, &progress.consultation.language, p.untranslated.clone());
    let id = progress.consultation.id;
    let shown = ctx.locale().tag();
    let all = progress.answers_before(progress.survey.pages.len());
    let mut rows = Vec::new();
    for page in &progress.pages {
        for q in &progress.survey.pages[*page].questions {
            if is_shown(q, &all) {
                let question = langs.shown(&key::question(&q.id, "text"), &q.text);
                let answer = answer_text(ctx, &langs, q, &progress.draft);
                rows.push(SummaryRow::written_label(question, answer));
            }
        }
    }
    let view = CheckAnswersPage {
        ui: ctx
            .chrome_switching_at(&format!("{}?in={shown}", base(id)), "check-answers-title")
            .await?,
        back: None,
        lead: ctx.t("preview-check-lead"),
        rows,
        errors: Vec::new(),
        csrf: csrf.to_owned(),
        action: format!("{}/end", base(id)),
        button: ctx.t("preview-end"),
        preview: Some(banner(officer, shown, p, None).await?),
    };
    respond(StatusCode::OK, view, None)
}
