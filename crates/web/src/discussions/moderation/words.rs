//! `GET/POST /moderation/words`: the word lists screening reads, by
//! language; adding an entry, and removing one after being asked.

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::accounts::SignedIn;
use cohesion_services::discussions::moderating;
use cohesion_services::ServiceError;
use cohesion_ui::{ActionForm, Cell, Field, FieldError, Phrase, ReportPage, Table, Value};
use serde::Deserialize;

use crate::kit::confirm::{act_or_ask, ask, Ask};
use crate::kit::{
    check_session_csrf, confirmation, field_messages, respond, see_other, AppError, ClientKey,
    DoneQuery, May, Moderate, PageCtx, StrictForm,
};

const PATH: &str = "/moderation/words";

#[derive(Deserialize, Default)]
pub(super) struct WordInput {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    entry: String,
    #[serde(default)]
    confirm: String,
}

pub(super) async fn list(
    ctx: PageCtx,
    May(me, _): May<Moderate>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, AppError> {
    let done = confirmation(&ctx, q.done.as_deref());
    page(
        &ctx,
        &me,
        &WordInput::default(),
        Vec::new(),
        done,
        StatusCode::OK,
    )
    .await
}

pub(super) async fn add(
    ctx: PageCtx,
    May(me, _): May<Moderate>,
    client: ClientKey,
    StrictForm(f): StrictForm<WordInput>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &f.csrf)?;
    let outcome = match ctx.state.catalog.get(f.language.trim()) {
        Some(l) => {
            moderating::add_word(&ctx.state.db, &me, l.tag(), &f.entry, Some(&client.0)).await
        }
        None => Err(ServiceError::Invalid(ValidationError::new(
            "language",
            ErrorCode::InvalidChoice,
        ))),
    };
    let (status, errors) = match outcome {
        Ok(()) => return Ok(see_other(&format!("{PATH}?done=moderation-word-added"))),
        Err(ServiceError::Invalid(e)) => (StatusCode::UNPROCESSABLE_ENTITY, vec![e]),
        Err(ServiceError::InvalidFields(list)) => (StatusCode::UNPROCESSABLE_ENTITY, list),
        Err(ServiceError::Conflict(e)) => (StatusCode::CONFLICT, vec![e]),
        Err(other) => return Err(other.into()),
    };
    let kit = field_messages(&ctx, &errors);
    let problems = errors
        .iter()
        .zip(kit)
        .map(|(e, said)| match (e.field, e.code) {
            ("language", _) => FieldError {
                field: "language",
                message: ctx.t("moderation-words-error-language"),
            },
            ("entry", ErrorCode::FieldRequired) => FieldError {
                field: "entry",
                message: ctx.t("moderation-words-error-entry"),
            },
            ("entry", ErrorCode::DuplicateLabel) => FieldError {
                field: "entry",
                message: ctx.t("moderation-words-error-there"),
            },
            _ => said,
        })
        .collect();
    page(&ctx, &me, &f, problems, None, status).await
}

/// What removing an entry will do.
fn remove_question(ctx: &PageCtx, language: &str, entry: &str) -> Ask {
    Ask {
        title: ctx.phrase(
            "moderation-words-remove-title",
            &[("entry", Value::Text(entry))],
        ),
        lead: vec![ctx.t("moderation-words-remove-lead").into()],
        points: Vec::new(),
        after: Vec::new(),
        warning: None,
        hidden: vec![
            ("language", language.to_owned()),
            ("entry", entry.to_owned()),
        ],
        button: ctx.t("moderation-words-remove-button"),
        danger: true,
        cancel: PATH.to_owned(),
    }
}

#[derive(Deserialize)]
pub(super) struct RemoveParams {
    #[serde(default)]
    language: String,
    #[serde(default)]
    entry: String,
}

/// `GET /moderation/words/remove?language=…&entry=…`: the question.
pub(super) async fn ask_remove(
    ctx: PageCtx,
    May(me, _): May<Moderate>,
    Query(q): Query<RemoveParams>,
) -> Result<Response, AppError> {
    let known = moderating::words(&ctx.state.db, &me)
        .await?
        .into_iter()
        .any(|(l, e)| l == q.language && e == q.entry);
    if !known {
        return Err(ServiceError::NotFound.into());
    }
    let action = format!("{PATH}/remove");
    ask(
        &ctx,
        &me.csrf,
        &action,
        remove_question(&ctx, &q.language, &q.entry),
    )
    .await
}

/// `POST /moderation/words/remove`: with `confirm=yes`, removes it.
pub(super) async fn remove(
    ctx: PageCtx,
    May(me, _): May<Moderate>,
    client: ClientKey,
    StrictForm(f): StrictForm<WordInput>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &f.csrf)?;
    let action = format!("{PATH}/remove");
    act_or_ask(
        &ctx,
        &me.csrf,
        &action,
        &f.confirm,
        async || Ok(remove_question(&ctx, &f.language, &f.entry)),
        async || {
            moderating::remove_word(&ctx.state.db, &me, &f.language, &f.entry, Some(&client.0))
                .await?;
            Ok(format!("{PATH}?done=moderation-word-removed"))
        },
    )
    .await
}

/// The link that asks before removing an entry.
fn remove_link(ctx: &PageCtx, language: &str, entry: &str) -> Cell {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair("language", language);
    query.append_pair("entry", entry);
    Cell::link(
        ctx.phrase("moderation-words-remove", &[("entry", Value::Text(entry))]),
        format!("{PATH}/remove?{}", query.finish()),
    )
}

async fn page(
    ctx: &PageCtx,
    me: &SignedIn,
    sent: &WordInput,
    errors: Vec<FieldError>,
    done: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let words = moderating::words(&ctx.state.db, me).await?;
    let ui = match ctx.posted() {
        true => {
            ctx.chrome_switching_at(PATH, "moderation-words-title")
                .await?
        }
        false => ctx.chrome_for(PATH, "moderation-words-title").await?,
    };
    let mut view = ReportPage::new(ui.with_nav("moderation"));
    view.back = Some(("/moderation".to_owned(), ctx.t("moderation-back")));
    view.done = done.map(Into::into);
    view.csrf = me.csrf.clone();
    view.lead = vec![ctx.t("moderation-words-lead").into()];
    let languages: Vec<(String, String)> = ctx
        .state
        .catalog
        .all()
        .iter()
        .map(|l| (l.tag().to_owned(), l.name().to_owned()))
        .collect();
    view.actions.push(ActionForm {
        action: PATH.to_owned(),
        hidden: Vec::new(),
        fields: vec![
            Field::choice(
                "language",
                "select",
                ctx.t("moderation-words-language"),
                languages,
            )
            .value(&sent.language)
            .errors_from(&errors),
            Field::new("entry", "text", "off", ctx.t("moderation-words-entry"))
                .hint(ctx.t("moderation-words-entry-hint"))
                .value(&sent.entry)
                .errors_from(&errors),
        ],
        button: ctx.t("moderation-words-add").into(),
        danger: false,
        primary: false,
        ask: false,
    });
    view.errors = errors;
    for l in ctx.state.catalog.all() {
        let rows = words
            .iter()
            .filter(|(lang, _)| lang == l.tag())
            .map(|(lang, entry)| {
                vec![
                    Cell::from(Phrase::isolated(entry)),
                    remove_link(ctx, lang, entry),
                ]
            })
            .collect();
        view.tables.push(Table {
            caption: ctx.phrase(
                "moderation-words-of",
                &[("language", Value::Text(&ctx.language_name(l.tag())))],
            ),
            head: vec![
                ctx.t("moderation-words-entry").into(),
                ctx.t("moderation-words-actions").into(),
            ],
            rows,
            empty: ctx.t("moderation-words-none"),
        });
    }
    respond(status, view, None)
}
