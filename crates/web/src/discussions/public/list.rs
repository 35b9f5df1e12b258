//! The list of discussions, filtered, searched and a page at a time.

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::consultation::Status;
use cohesion_domain::discussion::record::Discussion;
use cohesion_domain::translation::key;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::discussions::reading;
use cohesion_services::discussions::ListQuery;
use cohesion_ui::discussions::{DiscussionItem, DiscussionListPage};
use cohesion_ui::Field;
use serde::Deserialize;

use super::translated::translated_list;
use super::wording::{short_dates, status_label, tn};
use crate::kit::{respond, AppError, Langs, PageCtx};

/// Discussions on a page of the list.
const PAGE_SIZE: i64 = 20;

/// The list's filters as sent.
#[derive(Deserialize, Default)]
pub(super) struct ListParams {
    /// `upcoming`, `open` or `closed`.
    #[serde(default)]
    status: String,
    #[serde(default)]
    topic: String,
    /// Words in the title, introduction, questions or topics.
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<u32>,
}

fn list_href(p: &ListParams, page: u32) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (k, v) in [("status", &p.status), ("topic", &p.topic), ("q", &p.q)] {
        if !v.is_empty() {
            query.append_pair(k, v);
        }
    }
    query.append_pair("page", &page.to_string());
    format!("/discussions?{}", query.finish())
}

pub(super) async fn index(ctx: PageCtx, Query(p): Query<ListParams>) -> Result<Response, AppError> {
    let status = match p.status.as_str() {
        "" => None,
        s => {
            Some(Status::parse(s).ok_or(ValidationError::new("status", ErrorCode::InvalidChoice))?)
        }
    };
    let page = p.page.unwrap_or(1).clamp(1, 10_000);
    let query = ListQuery {
        drafts: false,
        status,
        topic: Some(p.topic.trim()).filter(|s| !s.is_empty()),
        search: Some(p.q.trim()).filter(|s| !s.is_empty()),
        offset: i64::from(page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
    };
    let viewer = ctx.user.0.as_ref();
    let (list, total) = reading::list(&ctx.state.db, viewer, query).await?;
    let pages = (total.max(0) as u64).div_ceil(PAGE_SIZE as u64) as u32;
    let items = translated_list(&ctx, list)
        .await?
        .iter()
        .map(|(d, langs)| item(&ctx, d, langs))
        .collect();
    let topics = reading::topics(&ctx.state.db, ctx.locale().tag()).await?;
    let filter = filter_fields(&ctx, &p, topics);
    let ui = ctx.chrome_for("/discussions", "discussions-title").await?;
    let view = DiscussionListPage {
        ui: ui.with_nav("discussions"),
        lead: ctx.t("discussions-lead"),
        filter,
        filter_button: ctx.t("discussions-filter-button"),
        count: tn(&ctx, "discussions-count", "count", total.max(0) as u64),
        items,
        empty: ctx.t(empty_key(&p)),
        previous: (page > 1).then(|| list_href(&p, page - 1)),
        next: (page < pages).then(|| list_href(&p, page + 1)),
        house_rules: house_rules_link(&ctx),
        transparency: (
            "/discussions/transparency".to_owned(),
            ctx.t("discussions-transparency-link"),
        ),
        search: search_link(&ctx, &p.q),
    };
    respond(StatusCode::OK, view, None)
}

/// What an empty list says, by the filters in force: the words are
/// blamed only when there are words, the topic or status only when one
/// was chosen.
fn empty_key(p: &ListParams) -> &'static str {
    let words = !p.q.trim().is_empty();
    let topic = !p.topic.trim().is_empty();
    let status = !p.status.is_empty();
    match (words, topic, status) {
        (false, false, false) => "discussions-empty-none",
        (true, false, false) => "discussions-empty-words",
        (true, _, _) => "discussions-empty-words-filters",
        (false, true, false) => "discussions-empty-topic",
        (false, false, true) => "discussions-empty-status",
        (false, true, true) => "discussions-empty-topic-status",
    }
}

/// The search of comments too, with the words already typed.
fn search_link(ctx: &PageCtx, q: &str) -> (String, String) {
    let href = match q.trim() {
        "" => "/discussions/search".to_owned(),
        q => {
            let mut query = form_urlencoded::Serializer::new(String::new());
            query.append_pair("q", q);
            format!("/discussions/search?{}", query.finish())
        }
    };
    (href, ctx.t("discussions-search-comments"))
}

/// The link to the house rules every comment form and page carries.
pub(super) fn house_rules_link(ctx: &PageCtx) -> (String, String) {
    (
        "/discussions/house-rules".to_owned(),
        ctx.t("discussion-house-rules-link"),
    )
}

/// One discussion in the list, its title in the language `langs` says.
pub(super) fn item(ctx: &PageCtx, d: &Discussion, langs: &Langs) -> DiscussionItem {
    let (status_key, status) = status_label(ctx, d);
    DiscussionItem {
        href: format!("/discussions/{}", d.id),
        title: langs.shown(key::TITLE, &d.title),
        status_key,
        status,
        dates: short_dates(ctx, d),
        comments: tn(
            ctx,
            "discussion-comment-count",
            "count",
            d.comment_count.max(0) as u64,
        ),
    }
}

/// The filters: the status, the topic (one of those published
/// discussions use, labelled in the page's language where translated;
/// one asked for in the address and used by none is kept as asked) and
/// words.
fn filter_fields(ctx: &PageCtx, p: &ListParams, topics: Vec<(String, String)>) -> Vec<Field> {
    let mut status_options = vec![(String::new(), ctx.t("discussions-filter-any"))];
    status_options.extend(Status::ALL.map(|s| {
        (
            s.key().to_owned(),
            ctx.t(&format!("discussion-status-{}", s.key())),
        )
    }));
    let topic = p.topic.trim().to_owned();
    let mut topic_options = vec![(String::new(), ctx.t("discussions-filter-any-topic"))];
    if !topic.is_empty() && !topics.iter().any(|(t, _)| t.eq_ignore_ascii_case(&topic)) {
        topic_options.push((topic.clone(), topic.clone()));
    }
    // The address may name a topic in another case: the option as
    // written is the one chosen.
    let topic = topics
        .iter()
        .find(|(t, _)| t.to_lowercase() == topic.to_lowercase())
        .map_or(topic, |(t, _)| t.clone());
    topic_options.extend(topics);
    vec![
        Field::choice(
            "status",
            "select",
            ctx.t("discussions-filter-status"),
            status_options,
        )
        .value(&p.status),
        Field::choice(
            "topic",
            "select",
            ctx.t("discussions-filter-topic"),
            topic_options,
        )
        .value(&topic),
        Field::new("q", "search", "off", ctx.t("discussions-filter-search")).value(&p.q),
    ]
}
