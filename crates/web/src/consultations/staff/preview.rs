//! "Preview the survey": an officer sees a consultation's survey exactly
//! as respondents do (the same page and "check your answers" templates),
//! in the page's language, page by page with routing followed as they
//! pick answers, under a banner that says nothing is saved. The answers
//! travel with each page's form; nothing is written. Drafts and
//! published consultations alike.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::survey::answers::{fields_of_page, is_shown, AnswerError, RawAnswers};
use cohesion_domain::translation::key;
use cohesion_services::consultations::preview::{self, Preview, Step};
use cohesion_services::consultations::{reading, translations};
use cohesion_ui::consultations::{CheckAnswersPage, PreviewBanner, QuestionView, SurveyPage};
use cohesion_ui::{Shown, SummaryRow, Value};
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

/// The first page of the preview, in the page's language.
pub async fn start(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let p = preview::start(&ctx.state.db, &me, id, ctx.locale().tag()).await?;
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
    match p.progress.pages.first() {
        Some(first) => survey_page(&ctx, &me.csrf, &p, *first, &[], StatusCode::OK).await,
        None => check_page(&ctx, &me.csrf, &p).await,
    }
}

/// A page of the preview sent: the next page (or the same one with its
/// problems, as a respondent would see them), or "check your answers".
pub async fn send(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path((id, page)): Path<(String, String)>,
    StrictForm(pairs): StrictForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let mut csrf = String::new();
    let mut raw = RawAnswers::new();
    for (k, v) in pairs {
        if k == "csrf" {
            csrf = v;
        } else {
            raw.entry(k).or_default().push(v);
        }
    }
    check_session_csrf(&me, &csrf)?;
    let id = path_id(&id)?;
    // Pages are numbered from 1 in addresses; anything else is no page.
    let page = page
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1))
        .unwrap_or(usize::MAX);
    let db = &ctx.state.db;
    let sent = preview::send(db, &me, id, ctx.locale().tag(), page, &raw).await?;
    let p = &sent.preview;
    match sent.step {
        Step::Page(n) if !sent.errors.is_empty() => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            survey_page(&ctx, &me.csrf, p, n, &sent.errors, status).await
        }
        Step::Page(n) => survey_page(&ctx, &me.csrf, p, n, &[], StatusCode::OK).await,
        Step::Check => check_page(&ctx, &me.csrf, p).await,
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

/// The banner over every page of the preview.
async fn banner(ctx: &PageCtx, p: &Preview) -> Result<PreviewBanner, AppError> {
    let id = p.progress.consultation.id;
    let catalog = &ctx.state.catalog;
    let here = ctx.locale().tag();
    let languages = catalog
        .all()
        .iter()
        .map(|l| {
            let href = format!("{}?lang={}", base(id), l.tag());
            (href, Shown::new(l.name(), l.tag()), l.tag() == here)
        })
        .collect();
    // In the language it is written in, nothing is left untranslated.
    let note = if here == p.progress.consultation.language {
        None
    } else {
        Some(untranslated_note(ctx, p, here).await?)
    };
    Ok(PreviewBanner {
        title: ctx.t("preview-title"),
        heading: ctx.t("preview-heading"),
        text: ctx.t("preview-text"),
        note,
        languages_label: ctx.t("preview-languages"),
        languages,
        links: vec![
            (base(id), ctx.t("preview-again")),
            (format!("/staff/consultations/{id}"), ctx.t("preview-leave")),
        ],
    })
}

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
        Some(l) => Shown::new(l.name(), l.tag()),
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
/// see it, the answers of other pages carried in hidden fields.
async fn survey_page(
    ctx: &PageCtx,
    csrf: &str,
    p: &Preview,
    page: usize,
    errors: &[AnswerError],
    status: StatusCode,
) -> Result<Response, AppError> {
    let progress = &p.progress;
    let langs = Langs::new(ctx, &progress.consultation.language, p.untranslated.clone());
    let id = progress.consultation.id;
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
    let mut ui = ctx.chrome_for(&base(id), "survey-title").await?;
    let mut title_lang = ctx.locale().tag().to_owned();
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
        action: format!("{}/{}", base(id), page + 1),
        errors: error_links(progress, &langs, &messages, |qid| {
            questions
                .iter()
                .any(|q| q.id == qid)
                .then(|| format!("#{qid}"))
        }),
        questions,
        button: ctx.t("survey-continue"),
        optional_label: ctx.t("optional").to_lowercase(),
        preview: Some(banner(ctx, p).await?),
        carried,
    };
    respond(status, view, None)
}

/// "Check your answers" as the respondent would reach it, its button
/// ending the preview instead of sending anything.
async fn check_page(ctx: &PageCtx, csrf: &str, p: &Preview) -> Result<Response, AppError> {
    let progress = &p.progress;
    let langs = Langs::new(ctx, &progress.consultation.language, p.untranslated.clone());
    let id = progress.consultation.id;
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
        ui: ctx.chrome_for(&base(id), "check-answers-title").await?,
        back: None,
        lead: ctx.t("preview-check-lead"),
        rows,
        errors: Vec::new(),
        csrf: csrf.to_owned(),
        action: format!("{}/end", base(id)),
        button: ctx.t("preview-end"),
        preview: Some(banner(ctx, p).await?),
    };
    respond(StatusCode::OK, view, None)
}
