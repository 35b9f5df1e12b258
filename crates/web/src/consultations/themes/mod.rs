//! Theme analysis pages for analysts: a long-text question's themes with
//! quotes and counts, the forms that edit them (each a plain POST that
//! redirects back; confirming the set asks first), and the review list. Quotes link to one response's
//! answers (`staff/answers.rs`).

pub(super) mod analysis;
pub(super) mod confirmation;
pub(super) mod edit;
pub(super) mod review;

use cohesion_domain::translation::{key, Translator};
use cohesion_domain::ErrorCode;
use cohesion_insight::text::{detect_language, Language};
use cohesion_services::consultations::reading;
use cohesion_services::consultations::themes::edit::Edit;
use cohesion_services::consultations::themes::{self, Figure, ShownTerm, ThemeView};
use cohesion_services::ServiceError;
use cohesion_ui::consultations::QuoteLink;
use cohesion_ui::{FieldError, Phrase, Shown, Value};
use serde::Deserialize;
use uuid::Uuid;

use cohesion_services::accounts::SignedIn;

use crate::kit::{check_session_csrf, field_messages, whole_percent, AppError, Langs, PageCtx};

pub(super) fn base_path(id: Uuid, question: &str) -> String {
    format!("/staff/consultations/{id}/themes/{question}")
}

pub(in crate::consultations) fn response_href(id: Uuid, response: Uuid) -> String {
    format!("/staff/consultations/{id}/responses/{response}")
}

/// The question's wording as the written answers page shows it: in the
/// page's language where it has a translation, else as written, marked
/// with its language either way. `trim` shapes the text (a question
/// asked about loses its own question mark).
pub(super) async fn question_shown(
    ctx: &PageCtx,
    a: &themes::Analysis,
    trim: impl Fn(&str) -> &str,
) -> Result<Shown, AppError> {
    let id = a.consultation.id;
    let texts = reading::translation(&ctx.state.db, id, ctx.locale().tag()).await?;
    let mut tr = Translator::new(&texts);
    let mut q = a.question.clone();
    tr.question(&mut q);
    let langs = Langs::new(ctx, &a.consultation.language, tr.finish());
    Ok(langs.shown(&key::question(&q.id, "text"), trim(&q.text)))
}

/// "12 of 300 (4%, 95% range 2–7%)", the range on one line.
pub(super) fn count_text(ctx: &PageCtx, f: &Figure) -> Phrase {
    ctx.phrase(
        "themes-count",
        &[
            ("count", Value::Number(f.count)),
            ("base", Value::Number(f.base)),
            ("share", Value::Number(whole_percent(f.share))),
            ("range", Value::Unbroken(&ctx.percent_range(f.low, f.high))),
        ],
    )
}

/// A theme's label, marked with the language its letters are in: labels
/// are found in the answers' words or written by an analyst, and nobody
/// records which language that was.
pub(super) fn theme_label(text: &str) -> Phrase {
    match detect_language(text) {
        Language::English => Shown::new(text, "en").into(),
        Language::Arabic => Shown::new(text, "ar").into(),
        _ => Phrase::isolated(text),
    }
}

/// A theme's name as the page shows it: discovery's label in the page's
/// language, term by term where the bilingual lexicon knows them; an
/// analyst's label as written, marked with its language.
pub(super) fn theme_name(ctx: &PageCtx, th: &ThemeView) -> Phrase {
    let lang = ctx.locale().tag();
    match th.label_terms_in(lang) {
        Some(terms) => {
            let stance = match th.stance.as_str() {
                "agree" | "disagree" | "unclear" => ctx.t(&format!("themes-label-{}", th.stance)),
                other => other.to_owned(),
            };
            ctx.phrase(
                "themes-generated-label",
                &[
                    ("terms", Value::Phrase(&terms_phrase(ctx, &terms))),
                    ("stance", Value::Text(&stance)),
                ],
            )
        }
        None => theme_label(&th.label),
    }
}

/// [`theme_name`] as plain text, for a choice in a list (an `<option>`
/// holds no markup).
pub(super) fn theme_name_text(ctx: &PageCtx, th: &ThemeView) -> String {
    theme_name(ctx, th).unmarked()
}

/// Terms one after another, each marked with its language when it is not
/// the page's.
pub(super) fn terms_phrase(ctx: &PageCtx, terms: &[ShownTerm]) -> Phrase {
    let lang = ctx.locale().tag();
    Phrase::join(
        terms.iter().map(|t| match t.lang {
            l if l == lang => Phrase::plain(t.text.clone()),
            "" => Phrase::isolated(&t.text),
            l => Shown::new(t.text.clone(), l).into(),
        }),
        &ctx.t("list-separator"),
    )
}

pub(super) fn stance(ctx: &PageCtx, s: &str) -> String {
    match s {
        "agree" | "disagree" | "unclear" | "mixed" => ctx.t(&format!("themes-stance-{s}")),
        other => other.to_owned(),
    }
}

pub(super) fn done(ctx: &PageCtx, done: Option<&str>) -> Option<String> {
    let known = [
        "run", "add", "rename", "merge", "split", "delete", "confirm", "map", "review", "nothing",
    ];
    done.filter(|d| known.contains(d))
        .map(|d| ctx.t(&format!("themes-done-{d}")))
}

/// Form fields as sent, repeated names kept (checkboxes).
#[derive(Default)]
pub(super) struct Sent {
    csrf: String,
    step: String,
    edit: Edit,
    seed: String,
    response: String,
    themes: Vec<String>,
    /// The run a confirmation was asked about, and `yes` once confirmed.
    run: String,
    confirm: String,
    /// The work a new discovery run was asked about replacing
    /// ([`themes::Work::token`]).
    work: String,
}

fn sent(pairs: Vec<(String, String)>) -> Sent {
    let mut s = Sent::default();
    for (k, v) in pairs {
        match k.as_str() {
            "csrf" => s.csrf = v,
            "step" => s.step = v,
            "change" => s.edit.change = v,
            "theme" => s.edit.theme = v,
            "label" => s.edit.label = v,
            "description" => s.edit.description = v,
            "into" => s.edit.into = v,
            "examples" => s.edit.examples.push(v),
            "seed" => s.seed = v,
            "response" => s.response = v,
            "themes" => s.themes.push(v),
            "run" => s.run = v,
            "confirm" => s.confirm = v,
            "work" => s.work = v,
            _ => {}
        }
    }
    s
}

/// A form's fields as sent, once the session's token among them is
/// checked.
pub(super) fn sent_by(me: &SignedIn, pairs: Vec<(String, String)>) -> Result<Sent, AppError> {
    let s = sent(pairs);
    check_session_csrf(me, &s.csrf)?;
    Ok(s)
}

#[derive(Deserialize, Default)]
pub(super) struct PageQuery {
    #[serde(default)]
    done: Option<String>,
    #[serde(default)]
    page: Option<u32>,
}

/// Errors to show on a form page, or the error itself when it is not
/// about the input.
pub(super) fn field_errors(ctx: &PageCtx, e: ServiceError) -> Result<Vec<FieldError>, AppError> {
    match e {
        ServiceError::Invalid(v) if v.field != "question" => Ok(field_messages(ctx, &[v])),
        ServiceError::InvalidFields(list) => Ok(field_messages(ctx, &list)),
        other => Err(other.into()),
    }
}

/// [`field_errors`] for a form with a theme's name, a name already taken
/// said with the name as typed ("A theme called “Parks” already exists").
pub(super) fn label_errors(
    ctx: &PageCtx,
    e: ServiceError,
    typed: &str,
) -> Result<Vec<FieldError>, AppError> {
    let duplicate = matches!(&e, ServiceError::Invalid(v)
        if v.field == "label" && v.code == ErrorCode::DuplicateLabel);
    let mut errors = field_errors(ctx, e)?;
    for e in errors
        .iter_mut()
        .filter(|e| duplicate && e.field == "label")
    {
        let label = theme_label(typed.trim());
        e.message = ctx
            .phrase(
                "reason-label-duplicate_label-named",
                &[("label", Value::Phrase(&label))],
            )
            .unmarked();
    }
    Ok(errors)
}

pub(super) fn quotes(id: Uuid, list: &[themes::Quote]) -> Vec<QuoteLink> {
    list.iter()
        .map(|q| QuoteLink {
            text: q.text.clone(),
            href: response_href(id, q.response_id),
            reference: q.reference.clone(),
        })
        .collect()
}
