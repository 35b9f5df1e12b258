//! Translating a consultation: officers fill in every text in another
//! language on one page that shows what is still missing; readers then
//! see the translation where there is one and the original elsewhere.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::translation::{self, Part, QuestionField, SourceText, Texts};
use cohesion_services::consultations::reading;
use cohesion_services::consultations::translations;
use cohesion_services::ServiceError;
use cohesion_ui::consultations::{TranslationPage, TranslationRow};
use cohesion_ui::{ErrorLink, Phrase, Shown, Value};

use crate::kit::{
    check_session_csrf, confirmation, path_id, respond, see_other, AppError, ClientKey, DoneQuery,
    Langs, May, PageCtx, RunEngagement, StrictForm,
};

/// The longest piece of an original quoted in a row's heading.
const QUOTED_CHARS: usize = 80;

/// The first line of an original, cut short with an ellipsis, to name the
/// question, finding or theme a row belongs to.
fn quote(original: &str) -> String {
    let whole = original.trim();
    let line = whole.lines().next().unwrap_or_default().trim_end();
    let mut out: String = line.chars().take(QUOTED_CHARS).collect();
    if out.len() < whole.len() {
        out.push('…');
    }
    out
}

/// What a row of the translations page is, in words ("Question 2: … —
/// option 1", "Finding: … — title"), the quoted original marked with
/// its language (`language`, the consultation's): the key stays the
/// field's name.
pub(super) fn heading(ctx: &PageCtx, language: &str, part: &Part, original: &str) -> Phrase {
    let n = |id: &str, n: &usize| ctx.phrase(id, &[("number", Value::Number(*n as u64))]);
    let quoted = |text: &str| Langs::as_written(ctx, language).original(quote(text));
    match part {
        Part::Title => ctx.t("translations-part-title").into(),
        Part::Summary => ctx.t("translations-part-summary").into(),
        Part::Body => ctx.t("translations-part-body").into(),
        Part::Topic(i) => n("translations-part-topic", i),
        Part::Area => ctx.t("translations-part-area").into(),
        Part::Strand(i) => n("translations-part-strand", i),
        Part::Document(i) => n("translations-part-document", i),
        Part::StageName(i) => n("translations-part-stage-name", i),
        Part::StageDescription(i) => n("translations-part-stage-description", i),
        Part::Page(i) => n("translations-part-page", i),
        Part::Question {
            number,
            text,
            field,
        } => {
            let field: Phrase = match field {
                QuestionField::Text => ctx.t("translations-field-text").into(),
                QuestionField::Hint => ctx.t("translations-field-hint").into(),
                QuestionField::Purpose => ctx.t("translations-field-purpose").into(),
                QuestionField::Option(i) => n("translations-field-option", i),
                QuestionField::Row(i) => n("translations-field-row", i),
            };
            ctx.phrase(
                "translations-part-question",
                &[
                    ("number", Value::Number(*number as u64)),
                    ("question", Value::Shown(&quoted(text))),
                    ("field", Value::Phrase(&field)),
                ],
            )
        }
        Part::FindingTitle(title) => ctx.phrase(
            "translations-part-finding-title",
            &[("finding", Value::Shown(&quoted(title)))],
        ),
        Part::FindingBody(title) => ctx.phrase(
            "translations-part-finding-body",
            &[("finding", Value::Shown(&quoted(title)))],
        ),
        Part::FindingWhatWeDid(title) => ctx.phrase(
            "translations-part-finding-what-we-did",
            &[("finding", Value::Shown(&quoted(title)))],
        ),
        Part::ThemeLabel => ctx.phrase(
            "translations-part-theme",
            &[("theme", Value::Shown(&quoted(original)))],
        ),
    }
}

/// The languages a consultation is translated into: every language of
/// the site but the one it is written in.
fn targets<'a>(
    ctx: &'a PageCtx,
    v: &'a reading::ConsultationView,
) -> impl Iterator<Item = &'a cohesion_i18n::Locale> {
    let source = v.consultation.language.as_str();
    ctx.state
        .catalog
        .all()
        .iter()
        .filter(move |l| !l.tag().eq_ignore_ascii_case(source))
}

/// How far one language's translations of a consultation's texts are
/// (`translations::coverage`: one rule for every page that counts).
pub(super) struct Coverage {
    pub tag: String,
    /// The language's name in itself.
    pub name: String,
    pub counts: translations::Counts,
}

/// [`Coverage`] of every language but the consultation's own: the texts
/// read once, each language's translations once.
pub(super) async fn coverage_by_language(
    ctx: &PageCtx,
    v: &reading::ConsultationView,
) -> Result<Vec<Coverage>, AppError> {
    let texts = translations::all_texts(&ctx.state.db, v).await?;
    let mut out = Vec::new();
    for l in targets(ctx, v) {
        let saved = reading::translation(&ctx.state.db, v.consultation.id, l.tag()).await?;
        out.push(Coverage {
            tag: l.tag().to_owned(),
            name: l.name().to_owned(),
            counts: translations::coverage(&texts, &saved).consultation,
        });
    }
    Ok(out)
}

/// "3 of 19 texts not translated yet, 1 needs review": how many texts
/// have no translation, and how many have one to review, never one
/// counted as the other.
pub(super) fn counts_phrase(ctx: &PageCtx, c: &translations::Counts) -> Phrase {
    let missing = ctx.phrase(
        "translations-missing",
        &[
            ("missing", Value::Number(c.missing as u64)),
            ("all", Value::Number(c.all as u64)),
            ("stale", Value::Number(c.stale as u64)),
        ],
    );
    if c.stale == 0 {
        return missing;
    }
    let stale = ctx.phrase(
        "translations-to-review",
        &[("stale", Value::Number(c.stale as u64))],
    );
    Phrase::join([missing, stale], &ctx.locale().t("list-separator"))
}

#[allow(clippy::too_many_arguments)] // one per part of the page
async fn page(
    ctx: &PageCtx,
    csrf: &str,
    id: uuid::Uuid,
    lang: &str,
    values: &Texts,
    errors: Vec<ErrorLink>,
    done: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let me = ctx.user.0.as_ref();
    let v = reading::view(&ctx.state.db, me, id).await?;
    // No page for the language the consultation is written in.
    let target = targets(ctx, &v)
        .find(|l| l.tag().eq_ignore_ascii_case(lang))
        .ok_or(ServiceError::NotFound)?;
    let texts = translations::all_texts(&ctx.state.db, &v).await?;
    let counts = translations::coverage(&texts, values).consultation;
    let path = format!("/staff/consultations/{id}/translations/{}", target.tag());
    let mut ui = ctx.chrome_for(&path, "translations-title").await?;
    // The language's name in itself, marked so ("العربية" in English).
    let language = Shown::new(target.name(), target.tag());
    ui.title = ctx.phrase(
        "translations-title-of",
        &[("language", Value::Shown(&language))],
    );
    let view = TranslationPage {
        ui,
        back: Some((format!("/staff/consultations/{id}"), ctx.t("back"))),
        done,
        lead: ctx.t("translations-lead"),
        missing: counts_phrase(ctx, &counts).text().to_owned(),
        errors,
        csrf: csrf.to_owned(),
        action: path,
        target_lang: target.tag().to_owned(),
        target_dir: target.direction().as_str().to_owned(),
        original_lang: v.consultation.language.clone(),
        original_label: ctx.t("translations-original"),
        rows: texts
            .into_iter()
            .map(|text| {
                let heading = heading(ctx, &v.consultation.language, &text.part, &text.original);
                let SourceText { key, original, .. } = text;
                let value = values.get(&key).cloned().unwrap_or_default();
                let stale = translation::is_stale(values, &key, &original);
                TranslationRow {
                    heading,
                    missing: value.trim().is_empty() || stale,
                    stale,
                    long: original.chars().count() > 80 || original.contains('\n'),
                    key,
                    original,
                    value,
                }
            })
            .collect(),
        button: ctx.t("save"),
    };
    respond(status, view, None)
}

pub async fn form(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path((id, lang)): Path<(String, String)>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let values = reading::translation(&ctx.state.db, id, &lang).await?;
    let done = confirmation(&ctx, q.done.as_deref());
    page(
        &ctx,
        &me.csrf,
        id,
        &lang,
        &values,
        Vec::new(),
        done,
        StatusCode::OK,
    )
    .await
}

pub async fn save(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    client: ClientKey,
    Path((id, lang)): Path<(String, String)>,
    StrictForm(pairs): StrictForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let mut csrf = String::new();
    let mut values = Texts::new();
    for (k, v) in pairs {
        if k == "csrf" {
            csrf = v;
        } else {
            values.insert(k, v);
        }
    }
    check_session_csrf(&me, &csrf)?;
    let id = path_id(&id)?;
    // The consultation's own language is refused by the service (it is
    // read there, locked).
    let target = ctx
        .state
        .catalog
        .get(&lang)
        .map(|l| l.tag().to_owned())
        .ok_or(ServiceError::NotFound)?;
    match translations::set_translation(&ctx.state.db, &me, id, &target, &values, Some(&client.0))
        .await
    {
        Ok(_) => Ok(see_other(&format!(
            "/staff/consultations/{id}/translations/{target}?done=translation"
        ))),
        Err(ServiceError::Invalid(e)) => {
            let errors = vec![ErrorLink {
                href: "#t-1".into(),
                question: cohesion_ui::Shown::new("", ctx.locale().tag()),
                message: crate::kit::form::field_messages(&ctx, std::slice::from_ref(&e))
                    .remove(0)
                    .message,
            }];
            page(
                &ctx,
                &me.csrf,
                id,
                &target,
                &values,
                errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn headings_quote_one_short_line() {
        assert_eq!(quote(" Street lighting "), "Street lighting");
        assert_eq!(quote("\nFirst line\r\nsecond"), "First line…");
        let long = "ض".repeat(100);
        assert_eq!(quote(&long), format!("{}…", "ض".repeat(80)));
        assert_eq!(quote(&long[..160]), "ض".repeat(80), "80 is not cut");
    }
}
