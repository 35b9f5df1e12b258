//! `GET /discussions/search?q=…&after=…`: the discussions whose title or
//! introduction holds the words, and the comments that do, a page at a
//! time (keyset), each with a passage around the words and a link to it
//! in its thread. Only what everyone may read is ever found.

use std::collections::HashMap;

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::ErrorCode;
use cohesion_services::discussions::searching::{self, After, Found};
use cohesion_services::discussions::{reading, translations, ListQuery};
use cohesion_services::ServiceError;
use cohesion_ui::discussions::notify::{FoundItem, SearchPage};
use cohesion_ui::{Field, FieldError, Shown, Value};
use serde::Deserialize;
use uuid::Uuid;

use super::translated::translated_list;
use super::wording::author_name;
use crate::kit::{field_messages, respond, AppError, PageCtx};
use cohesion_domain::translation::key;

/// Discussions named above the comments (the list has the rest).
const DISCUSSIONS_SHOWN: i64 = 5;
/// The characters of a comment a result shows around the words.
const SNIPPET_CHARS: usize = 200;

#[derive(Deserialize, Default)]
pub(super) struct SearchParams {
    #[serde(default)]
    q: String,
    /// Where the last page ended (`nanoseconds.id`).
    #[serde(default)]
    after: String,
}

/// A page's end as its address carries it.
pub(in crate::discussions) use searching::after_token;

/// Reads [`after_token`]; a token that is not one is a bad request.
pub(in crate::discussions) fn after_of(token: &str) -> Result<Option<After>, AppError> {
    match token {
        "" => Ok(None),
        t => searching::after_from_token(t)
            .map(Some)
            .ok_or_else(|| AppError::bad_request(ErrorCode::BadRequest)),
    }
}

fn search_href(q: &str, after: Option<After>) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair("q", q);
    if let Some(a) = after {
        query.append_pair("after", &after_token(a));
    }
    format!("/discussions/search?{}", query.finish())
}

pub(super) async fn search(
    ctx: PageCtx,
    Query(p): Query<SearchParams>,
) -> Result<Response, AppError> {
    let q = p.q.trim();
    let after = after_of(&p.after)?;
    let ui = ctx
        .chrome_for("/discussions/search", "search-title")
        .await?;
    let mut view = SearchPage {
        ui: ui.with_nav("discussions"),
        lead: ctx.t("search-lead"),
        field: Field::new("q", "search", "off", ctx.t("search-field")).value(q),
        button: ctx.t("search-button"),
        searched: None,
        discussions: Vec::new(),
        more_discussions: None,
        comments: Vec::new(),
        empty: None,
        next: None,
        first: None,
    };
    if q.is_empty() {
        return respond(StatusCode::OK, view, None);
    }
    let (found, next) = match searching::comments(&ctx.state.db, q, after).await {
        Ok(page) => page,
        Err(ServiceError::Invalid(e)) => {
            // Too short or too long: the form again, saying why.
            let said = field_messages(&ctx, std::slice::from_ref(&e));
            let message = match e.code {
                ErrorCode::FieldRequired => ctx.t("search-error-short"),
                _ => said
                    .into_iter()
                    .next()
                    .map(|f| f.message)
                    .unwrap_or_default(),
            };
            let errors = [FieldError {
                field: "q",
                message,
            }];
            view.field = view.field.errors_from(&errors);
            return respond(StatusCode::UNPROCESSABLE_ENTITY, view, None);
        }
        Err(other) => return Err(other.into()),
    };
    let shown = Shown::new(q, ctx.locale().tag());
    view.searched = Some(ctx.phrase("search-results-for", &[("words", Value::Shown(&shown))]));
    if after.is_none() {
        let (list, total) = reading::list(
            &ctx.state.db,
            ctx.user.0.as_ref(),
            ListQuery {
                search: Some(q),
                limit: DISCUSSIONS_SHOWN,
                ..ListQuery::default()
            },
        )
        .await?;
        view.discussions = translated_list(&ctx, list)
            .await?
            .iter()
            .map(|(d, langs)| {
                (
                    format!("/discussions/{}", d.id),
                    langs.shown(key::TITLE, &d.title),
                )
            })
            .collect();
        if total > DISCUSSIONS_SHOWN {
            let mut query = form_urlencoded::Serializer::new(String::new());
            query.append_pair("q", q);
            view.more_discussions = Some((
                format!("/discussions?{}", query.finish()),
                ctx.t("search-all-discussions"),
            ));
        }
    }
    let normalised = searching::query(q)?;
    // The discussions named in the results, by their titles in the
    // reader's language where translated (one query for the page).
    let wanted: Vec<(Uuid, &str, &str)> = found
        .iter()
        .map(|f| {
            (
                f.comment.discussion_id,
                f.discussion_title.as_str(),
                f.discussion_language.as_str(),
            )
        })
        .collect();
    let titles = translations::titles(&ctx.state.db, &wanted, ctx.locale().tag()).await?;
    view.comments = found
        .iter()
        .map(|f| item(&ctx, f, &normalised, &titles))
        .collect();
    if view.comments.is_empty() {
        view.empty = Some(ctx.t("search-no-comments"));
    }
    view.next = next.map(|n| (search_href(q, Some(n)), ctx.t("search-more")));
    view.first = after.map(|_| (search_href(q, None), ctx.t("search-first")));
    respond(StatusCode::OK, view, None)
}

fn item(ctx: &PageCtx, f: &Found, q: &str, titles: &HashMap<Uuid, String>) -> FoundItem {
    let c = &f.comment;
    let author = author_name(ctx, c.author_name.as_deref());
    let discussion = match titles.get(&c.discussion_id) {
        Some(title) => Shown::new(title.clone(), ctx.locale().tag().to_owned()),
        None => Shown::new(f.discussion_title.clone(), f.discussion_language.clone()),
    };
    // The comment is shown once: its link is who wrote it and the
    // passage around the words looked for, which tells the results apart
    // in a list of links read out of context; the discussion is named
    // beside it, not repeated in every link.
    let words = searching::snippet(&c.body, q, SNIPPET_CHARS);
    let label = ctx.phrase(
        "search-result-link",
        &[
            ("name", Value::Phrase(&author)),
            ("words", Value::Text(&words)),
        ],
    );
    let within = ctx.phrase(
        "search-result-in",
        &[("discussion", Value::Shown(&discussion))],
    );
    FoundItem {
        href: format!(
            "/discussions/{}/comments/{}#comment-{}",
            c.discussion_id, c.root_id, c.id
        ),
        label,
        within,
        author,
        posted: ctx.dates().instant(c.created_at),
    }
}
