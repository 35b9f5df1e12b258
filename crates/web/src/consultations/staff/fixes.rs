//! "Fix the wording": once people have responded, an officer may still
//! correct the words of a survey page (question texts, hints, option
//! labels, the page's title), in the original or in a translation; each
//! change goes into the consultation's history, and translations of a
//! changed original are marked as needing review.

use std::collections::BTreeMap;

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::survey::wording::{self, Wordable, WordingError, WordingPart};
use cohesion_domain::translation::{self, Part, QuestionField, Texts};
use cohesion_domain::ErrorCode;
use cohesion_i18n::Locale;
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::reading::ConsultationView;
use cohesion_services::consultations::wording_fixes::fix_wording;
use cohesion_services::consultations::{reading, ConsultationError};
use cohesion_services::ServiceError;
use cohesion_ui::consultations::{WordingPage, WordingRow};
use cohesion_ui::{ErrorLink, NoticePage, Phrase, Shown, Value};
use uuid::Uuid;

use crate::consultations::translations::heading;
use crate::kit::{
    check_session_csrf, path_id, respond, see_other, AppError, ClientKey, Langs, May, PageCtx,
    RunEngagement, StrictForm,
};

/// For the builder's forms once people have responded: a 409 page that
/// says why the survey's questions can no longer change and leads to
/// fixing the wording of page `page` (from 0) instead; `None` while the
/// survey may still change.
pub(super) async fn refuse_if_locked(
    ctx: &PageCtx,
    v: &ConsultationView,
    page: usize,
) -> Result<Option<Response>, AppError> {
    if v.consultation.response_count <= 0 {
        return Ok(None);
    }
    let id = v.consultation.id;
    let path = format!("/staff/consultations/{id}");
    let notice = NoticePage {
        ui: ctx.chrome_for(&path, "wording-locked-title").await?,
        text: ctx.t("reason-survey_locked").into(),
        link: Some((address(id, page, None), ctx.t("wording-fix-link").into())),
    };
    respond(StatusCode::CONFLICT, notice, None).map(Some)
}

/// The form for page `page` in the original.
pub async fn form(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path((id, page)): Path<(String, String)>,
) -> Result<Response, AppError> {
    show(&ctx, &me, &id, &page, None, None).await
}

/// The form for page `page` in language `lang`'s translation.
pub async fn form_in(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path((id, page, lang)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    show(&ctx, &me, &id, &page, Some(&lang), None).await
}

pub async fn save(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    client: ClientKey,
    Path((id, page)): Path<(String, String)>,
    StrictForm(pairs): StrictForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    save_in_language(&ctx, &me, &client, &id, &page, None, pairs).await
}

pub async fn save_in(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    client: ClientKey,
    Path((id, page, lang)): Path<(String, String, String)>,
    StrictForm(pairs): StrictForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    save_in_language(&ctx, &me, &client, &id, &page, Some(&lang), pairs).await
}

/// What the address names: the consultation, the page (from 0) and the
/// language (`None`: the original). A language must be one the site
/// has; anything else names nothing, and so does the original's own
/// (checked once the consultation is read).
fn target<'a>(
    ctx: &'a PageCtx,
    id: &str,
    page: &str,
    lang: Option<&str>,
) -> Result<(Uuid, usize, Option<&'a Locale>), AppError> {
    let id = path_id(id)?;
    let page = page
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1))
        .ok_or(ServiceError::NotFound)?;
    let catalog = &ctx.state.catalog;
    let language = match lang {
        None => None,
        Some(tag) => Some(catalog.get(tag).ok_or(ServiceError::NotFound)?),
    };
    Ok((id, page, language))
}

fn address(id: Uuid, page: usize, language: Option<&Locale>) -> String {
    match language {
        None => format!("/staff/consultations/{id}/wording/{}", page + 1),
        Some(l) => format!("/staff/consultations/{id}/wording/{}/{}", page + 1, l.tag()),
    }
}

#[allow(clippy::too_many_arguments)] // one per part of the request
async fn save_in_language(
    ctx: &PageCtx,
    me: &SignedIn,
    client: &ClientKey,
    id: &str,
    page: &str,
    lang: Option<&str>,
    pairs: Vec<(String, String)>,
) -> Result<Response, AppError> {
    let mut csrf = String::new();
    let mut input = BTreeMap::new();
    for (k, v) in pairs {
        if k == "csrf" {
            csrf = v;
        } else {
            input.insert(k, v);
        }
    }
    check_session_csrf(me, &csrf)?;
    let (id, page, language) = target(ctx, id, page, lang)?;
    let tag = language.map(Locale::tag);
    let db = &ctx.state.db;
    match fix_wording(db, me, id, page, tag, &input, Some(&client.0)).await {
        Ok(0) => Ok(see_other(&format!(
            "/staff/consultations/{id}?done=wording-unchanged"
        ))),
        Ok(_) => Ok(see_other(&format!(
            "/staff/consultations/{id}?done=wording-fixed"
        ))),
        Err(ServiceError::Consultation(ConsultationError::InvalidWording(errors))) => {
            let sent = Sent {
                values: &input,
                errors: &errors,
            };
            show(
                ctx,
                me,
                &id.to_string(),
                &(page + 1).to_string(),
                lang,
                Some(sent),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// A form sent back with problems: what was typed, and what is wrong.
#[derive(Clone, Copy)]
struct Sent<'a> {
    values: &'a BTreeMap<String, String>,
    errors: &'a [WordingError],
}

async fn show(
    ctx: &PageCtx,
    me: &SignedIn,
    id: &str,
    page: &str,
    lang: Option<&str>,
    sent: Option<Sent<'_>>,
) -> Result<Response, AppError> {
    let (id, page, language) = target(ctx, id, page, lang)?;
    let v = reading::view(&ctx.state.db, Some(me), id).await?;
    let written = v.consultation.language.as_str();
    if language.is_some_and(|l| l.tag() == written) {
        return Err(ServiceError::NotFound.into());
    }
    let texts = wording::wordable(&v.survey, page).ok_or(ServiceError::NotFound)?;
    let translated = match language {
        Some(l) => Some(reading::translation(&ctx.state.db, id, l.tag()).await?),
        None => None,
    };
    let catalog = &ctx.state.catalog;
    let original = catalog
        .get(written)
        .unwrap_or_else(|| catalog.default_locale());
    let shown_in = language.unwrap_or(original);
    let (rows, errors) = rows(ctx, (page, written), texts, translated.as_ref(), sent);
    let action = address(id, page, language);
    let mut ui = ctx.chrome_for(&action, "wording-title").await?;
    let language_name = ctx.language_shown(shown_in.tag());
    ui.title = ctx.phrase(
        "wording-title-of",
        &[
            ("page", Value::Number(page as u64 + 1)),
            ("language", Value::Shown(&language_name)),
        ],
    );
    let lead_id = match language {
        None => "wording-lead",
        Some(_) => "wording-lead-translation",
    };
    let view = WordingPage {
        ui,
        back: Some((format!("/staff/consultations/{id}"), ctx.t("back"))),
        lead: vec![
            Phrase::from(ctx.t(lead_id)),
            ctx.t("wording-lead-history").into(),
        ],
        errors,
        csrf: me.csrf.clone(),
        action,
        target_lang: shown_in.tag().to_owned(),
        target_dir: shown_in.direction().as_str().to_owned(),
        original_label: ctx.t("translations-original"),
        rows,
        button: ctx.t("wording-save"),
        languages_label: ctx.t("wording-languages"),
        languages: languages(ctx, (id, page), original, shown_in),
    };
    let status = match sent {
        Some(_) => StatusCode::UNPROCESSABLE_ENTITY,
        None => StatusCode::OK,
    };
    respond(status, view, None)
}

/// Each language's form for the page: its address, its name in itself,
/// and whether it is the one shown.
fn languages(
    ctx: &PageCtx,
    (id, page): (Uuid, usize),
    original: &Locale,
    shown: &Locale,
) -> Vec<(String, Shown, bool)> {
    ctx.state
        .catalog
        .all()
        .iter()
        .map(|l| {
            let other = (l.tag() != original.tag()).then_some(l);
            let name = Shown::new(l.name(), l.tag());
            (address(id, page, other), name, l.tag() == shown.tag())
        })
        .collect()
}

/// The form's rows, and the error summary's lines for what was sent:
/// each text's problem, named by what the text is, and once for texts
/// the form never had (a forged or out-of-date form). A translation has
/// rows only for the texts that have an original.
fn rows(
    ctx: &PageCtx,
    (page, written): (usize, &str),
    texts: Vec<Wordable>,
    translated: Option<&Texts>,
    sent: Option<Sent<'_>>,
) -> (Vec<WordingRow>, Vec<ErrorLink>) {
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    let summary_line = |href: String, message: String| ErrorLink {
        href,
        question: Shown::new("", ctx.locale().tag()),
        message,
    };
    for w in texts {
        if translated.is_some() && w.text.is_empty() {
            continue;
        }
        let error = sent
            .and_then(|s| s.errors.iter().find(|e| e.key == w.key))
            .map(|e| message(ctx, w.part, e.code, translated.is_some()));
        let heading = heading(ctx, written, &part_of(page, &w), &w.text);
        if let Some(message) = &error {
            let line = format!("{}: {message}", heading.unmarked());
            errors.push(summary_line(format!("#w-{}", rows.len() + 1), line));
        }
        rows.push(row(ctx, (&w, written), translated, sent, heading, error));
    }
    let unmatched = sent.is_some_and(|s| {
        s.errors
            .iter()
            .any(|e| !rows.iter().any(|r| r.key == e.key))
    });
    if unmatched {
        errors.push(summary_line(
            "#w-1".to_owned(),
            ctx.t("wording-error-unknown"),
        ));
    }
    (rows, errors)
}

/// One text's row: its current wording (or, in a translation, the
/// stored translation beside the original), or what was sent.
fn row(
    ctx: &PageCtx,
    (w, written): (&Wordable, &str),
    translated: Option<&Texts>,
    sent: Option<Sent<'_>>,
    heading: Phrase,
    error: Option<String>,
) -> WordingRow {
    let stored = match translated {
        Some(t) => t.get(&w.key).cloned().unwrap_or_default(),
        None => w.text.clone(),
    };
    let value = sent
        .and_then(|s| s.values.get(&w.key).cloned())
        .unwrap_or(stored);
    WordingRow {
        key: w.key.clone(),
        heading,
        original: translated.map(|_| Langs::as_written(ctx, written).original(w.text.as_str())),
        stale: translated.is_some_and(|t| translation::is_stale(t, &w.key, &w.text)),
        long: !w.part.one_line() && (w.text.chars().count() > 80 || w.text.contains('\n')),
        value,
        error,
    }
}

/// What a text is, as the translations page names it.
pub(super) fn part_of(page: usize, w: &Wordable) -> Part {
    let (number, text) = w.question.clone().unwrap_or_default();
    let field = match w.part {
        WordingPart::PageTitle => return Part::Page(page + 1),
        WordingPart::Text => QuestionField::Text,
        WordingPart::Hint => QuestionField::Hint,
        WordingPart::Purpose => QuestionField::Purpose,
        WordingPart::Option(i) => QuestionField::Option(i + 1),
        WordingPart::Row(i) => QuestionField::Row(i + 1),
    };
    Part::Question {
        number,
        text,
        field,
    }
}

/// What is wrong with a text (`translated`: its translation), in words
/// about that text; one too long says how long it may be.
fn message(ctx: &PageCtx, part: WordingPart, code: ErrorCode, translated: bool) -> String {
    if code == ErrorCode::FieldTooLong {
        let max = match translated {
            true => part.max_translated_chars(),
            false => part.max_chars(),
        };
        return ctx
            .locale()
            .t_plain("wording-error-too-long", &[("limit", (max as u64).into())]);
    }
    let id = match (code, part) {
        (ErrorCode::FieldRequired, WordingPart::Text) => "wording-error-text-required",
        (ErrorCode::FieldRequired, WordingPart::Row(_)) => "wording-error-row-required",
        (ErrorCode::FieldRequired, _) => "wording-error-option-required",
        (ErrorCode::BadRequest, p) if p.one_line() => "wording-error-one-line",
        (ErrorCode::BadRequest, _) => "wording-error-characters",
        _ => "wording-error-unknown",
    };
    ctx.t(id)
}
