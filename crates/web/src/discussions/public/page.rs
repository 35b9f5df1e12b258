//! A discussion's page (what it is about, when it runs, its threads of
//! comments a page at a time, the comment form) and a thread's own page.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::consultation::Status;
use cohesion_domain::discussion::comment::MAX_COMMENT_CHARS;
use cohesion_domain::discussion::record::Discussion;
use cohesion_domain::identity::Action;
use cohesion_domain::translation::key;
use cohesion_domain::ErrorCode;
use cohesion_services::consultations::reading as consultation_reading;
use cohesion_services::discussions::{commenting, notifying, reading, statements};
use cohesion_services::discussions::{Cursor, Order};
use cohesion_services::ServiceError;
use cohesion_ui::discussions::notify::FollowForm;
use cohesion_ui::discussions::{
    CommentForm, DiscussionPage, StatementsStage, ThreadItem, ThreadPage,
};
use cohesion_ui::{Field, FieldError, Phrase, Shown, SummaryRow, Value};
use serde::Deserialize;

use super::list::house_rules_link;
use super::translated::{questions_lang, topics_lang, translated};
use super::wording::{closed_notice, run_dates, status_label, status_of, tn, Reading};
use crate::kit::{confirmation, path_id, respond, AppError, Langs, PageCtx};

/// A discussion's page: `?order=newest|oldest|agreed`, `&after=` the
/// token where the last page ended, `?done=` after a change.
#[derive(Deserialize, Default)]
pub(super) struct PageParams {
    #[serde(default)]
    order: String,
    #[serde(default)]
    after: String,
    done: Option<String>,
    /// The comment `done` was done to: it says so itself.
    #[serde(default)]
    comment: String,
}

fn order_of(key: &str) -> Result<Order, AppError> {
    match key {
        "" | "newest" => Ok(Order::Newest),
        "oldest" => Ok(Order::Oldest),
        "agreed" => Ok(Order::MostAgreed),
        _ => Err(cohesion_domain::ValidationError::new("order", ErrorCode::InvalidChoice).into()),
    }
}

fn order_key(order: Order) -> &'static str {
    match order {
        Order::Newest => "newest",
        Order::Oldest => "oldest",
        Order::MostAgreed => "agreed",
    }
}

/// The discussion `id` as the reader may see it (drafts for staff only).
pub(super) async fn find(ctx: &PageCtx, id: &str) -> Result<Discussion, AppError> {
    let id = path_id(id)?;
    Ok(reading::discussion(&ctx.state.db, ctx.user.0.as_ref(), id).await?)
}

/// Whether it takes comments now.
pub(super) fn is_open(d: &Discussion) -> bool {
    d.is_published() && status_of(d) == Status::Open
}

/// The comment box, empty or as it was sent, with its problems.
pub(super) fn text_field(ctx: &PageCtx, label: &str, text: &str, errors: &[FieldError]) -> Field {
    Field::new("text", "textarea", "off", ctx.t(label))
        .hint(ctx.t("comment-field-hint"))
        .counted(MAX_COMMENT_CHARS)
        .value(text)
        .errors_from(errors)
}

pub(super) async fn show(
    ctx: PageCtx,
    Path(id): Path<String>,
    Query(p): Query<PageParams>,
) -> Result<Response, AppError> {
    let (d, langs) = translated(&ctx, find(&ctx, &id).await?).await?;
    let order = order_of(&p.order)?;
    let cursor = match p.after.as_str() {
        "" => None,
        token => {
            Some(Cursor::from_token(token).ok_or(AppError::bad_request(ErrorCode::BadRequest))?)
        }
    };
    let viewer = ctx.user.0.as_ref();
    let page = reading::page(&ctx.state.db, viewer, &d, order, cursor).await?;
    let path = format!("/discussions/{}", d.id);
    let key = order_key(order);
    let here = match (order, cursor) {
        (Order::Newest, None) => path.clone(),
        (_, None) => format!("{path}?order={key}"),
        (_, Some(c)) => format!("{path}?order={key}&after={}", c.token()),
    };
    let open = is_open(&d);
    // A suspended member is told until when, rather than offered forms
    // that posting would refuse.
    let suspended = match (open, viewer) {
        (true, Some(me)) => commenting::suspended_until(&ctx.state.db, me).await?,
        _ => None,
    };
    let reading = Reading {
        ctx: &ctx,
        discussion: d.id,
        open,
        may_write: suspended.is_none(),
        from: here,
    };
    let mut threads: Vec<ThreadItem> = page.threads.iter().map(|t| reading.thread(t)).collect();
    // What was done to a comment is said inside it, where the page opens;
    // at the top only when the comment is not on this page.
    let mut done = confirmation(&ctx, p.done.as_deref());
    if done.is_some() && !p.comment.is_empty() {
        let anchor = format!("comment-{}", p.comment);
        let shown = threads
            .iter_mut()
            .flat_map(|t| t.comments.iter_mut())
            .find(|c| c.anchor == anchor);
        if let Some(c) = shown {
            c.done = done.take();
        }
    }
    let (status_key, status) = status_label(&ctx, &d);
    let mut ui = ctx.chrome_for(&path, "discussion-title").await?;
    ui.title = d.title.clone().into();
    let form = match (open, viewer, suspended) {
        (true, Some(me), None) => Some(CommentForm {
            action: format!("{path}/comments"),
            csrf: me.csrf.clone(),
            key: commenting::form_key()?,
            field: text_field(&ctx, "comment-field-text", "", &[]),
            button: ctx.t("comment-post-button"),
        }),
        _ => None,
    };
    let sign_in = (open && viewer.is_none()).then(|| {
        let next = form_urlencoded::byte_serialize(path.as_bytes()).collect::<String>();
        (
            format!("/sign-in?next={next}"),
            ctx.t("discussion-sign-in-to-comment"),
        )
    });
    let order_field = Field::choice(
        "order",
        "select",
        ctx.t("discussion-order-label"),
        [
            ("newest", "discussion-order-newest"),
            ("oldest", "discussion-order-oldest"),
            ("agreed", "discussion-order-agreed"),
        ]
        .map(|(k, label)| (k.to_owned(), ctx.t(label)))
        .to_vec(),
    )
    .value(key);
    let next_label = match order {
        Order::Newest => "discussion-older-comments",
        _ => "discussion-more-comments",
    };
    let statements = statements_stage(&ctx, &d, &path).await?;
    let consultation = consultation_link(&ctx, &d).await?;
    let follow = match viewer {
        Some(me) if d.is_published() && status_of(&d) != Status::Closed => {
            let following = notifying::following(&ctx.state.db, me, d.id).await?;
            Some(FollowForm {
                action: format!("{path}/follow"),
                csrf: me.csrf.clone(),
                follow: if following { "no" } else { "yes" },
                button: ctx.t(if following {
                    "discussion-unfollow-button"
                } else {
                    "discussion-follow-button"
                }),
                hint: ctx.t(if following {
                    "discussion-following-hint"
                } else {
                    "discussion-follow-hint"
                }),
            })
        }
        _ => None,
    };
    let view = DiscussionPage {
        statements,
        follow,
        done,
        draft_notice: (!d.is_published()).then(|| ctx.t("discussion-draft-notice")),
        status_key,
        status,
        dates: run_dates(&ctx, &d),
        consultation,
        title_lang: langs.of(key::TITLE).to_owned(),
        intro_html: cohesion_ui::markdown::render(&d.introduction),
        lang: langs.of(key::BODY).to_owned(),
        questions_lang: questions_lang(&d, &langs).to_owned(),
        questions: d.questions.clone(),
        rows: summary_rows(&ctx, &d, &langs),
        closed_notice: closed_notice(&ctx, &d).or_else(|| {
            suspended.map(|until| {
                let until = ctx.dates().instant(until).text;
                ctx.phrase(
                    "discussion-suspended-notice",
                    &[("until", Value::Text(&until))],
                )
            })
        }),
        comment_count: tn(
            &ctx,
            "discussion-comment-count",
            "count",
            d.comment_count.max(0) as u64,
        ),
        form,
        sign_in,
        house_rules: house_rules_link(&ctx),
        // Closed, the feed is a record of what was said: offered as that,
        // with no promise of new comments.
        feed: (
            format!("{path}/feed.atom"),
            ctx.t(match status_of(&d) {
                Status::Closed => "discussion-feed-link-closed",
                _ => "discussion-feed-link",
            }),
        ),
        transparency: (
            format!("{path}/transparency"),
            ctx.t("discussion-transparency-link"),
        ),
        order: order_field,
        order_action: path.clone(),
        threads,
        next: page.next.map(|c| {
            (
                format!("{path}?order={key}&after={}#comments", c.token()),
                ctx.t(next_label),
            )
        }),
        first: cursor.map(|_| {
            (
                format!("{path}?order={key}#comments"),
                ctx.t("discussion-first-comments"),
            )
        }),
        ui: ui.with_nav("discussions"),
    };
    respond(StatusCode::OK, view, None)
}

/// "Part of the consultation X — stage: Y", a link to the consultation,
/// in the reader's language where translated: none when the discussion
/// is part of no consultation, or of one the reader may not see (the
/// service leaves such a link out; a consultation withdrawn since is
/// gone too). A stage the timeline no longer has leaves the stage out.
async fn consultation_link(
    ctx: &PageCtx,
    d: &Discussion,
) -> Result<Option<(String, Phrase)>, AppError> {
    let Some(link) = d.consultation_stage else {
        return Ok(None);
    };
    let viewer = ctx.user.0.as_ref();
    let id = link.consultation_id;
    let found = consultation_reading::view_in(&ctx.state.db, viewer, id, ctx.locale().tag()).await;
    let (v, left) = match found {
        Ok(found) => found,
        Err(ServiceError::NotFound | ServiceError::Consultation(_)) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let langs = Langs::new(ctx, &v.consultation.language, left);
    let title = langs.shown(key::TITLE, &v.consultation.title);
    let i = link.stage as usize;
    let phrase = match v.stages.get(i) {
        Some(stage) => {
            let stage = langs.shown(&key::stage_name(i), &stage.name);
            ctx.phrase(
                "discussion-part-of-stage",
                &[
                    ("consultation", Value::Shown(&title)),
                    ("stage", Value::Shown(&stage)),
                ],
            )
        }
        None => ctx.phrase(
            "discussion-part-of",
            &[("consultation", Value::Shown(&title))],
        ),
    };
    Ok(Some((format!("/consultations/{id}"), phrase)))
}

/// The statements stage's part of the page, if it has one: the ways to
/// vote and to the map, and for moderators and officers to the list.
async fn statements_stage(
    ctx: &PageCtx,
    d: &Discussion,
    path: &str,
) -> Result<Option<StatementsStage>, AppError> {
    let viewer = ctx.user.0.as_ref();
    // Once the discussion closes, so does voting: the page no longer
    // invites votes, and its link leads to one's own votes.
    let (lead, vote) = match status_of(d) {
        Status::Closed => ("statements-lead-closed", "statements-vote-link-closed"),
        _ => ("statements-lead", "statements-vote-link"),
    };
    Ok(match statements::has_stage(&ctx.state.db, d.id).await? {
        true => Some(StatementsStage {
            lead: ctx.t(lead),
            vote: (format!("{path}/vote"), ctx.t(vote)),
            results: (format!("{path}/opinions"), ctx.t("statements-results-link")),
            staff: viewer
                .filter(|me| {
                    me.roles.allows(Action::Moderate) || me.roles.allows(Action::RunEngagement)
                })
                .map(|_| {
                    (
                        format!("/staff/discussions/{}/statements", d.id),
                        ctx.t("statements-staff-link"),
                    )
                }),
        }),
        false => None,
    })
}

/// Its topics and area, each in the language it is shown in.
fn summary_rows(ctx: &PageCtx, d: &Discussion, langs: &Langs) -> Vec<SummaryRow> {
    let mut rows = Vec::new();
    if !d.topics.is_empty() {
        rows.push(SummaryRow::written_value(
            ctx.t("discussion-topics"),
            Shown::new(ctx.locale().list(&d.topics), topics_lang(d, langs)),
        ));
    }
    if let Some(area) = &d.area {
        rows.push(SummaryRow::written_value(
            ctx.t("discussion-area"),
            langs.shown(key::AREA, area),
        ));
    }
    rows
}

/// A thread's own page: `?after=` the path where the last page ended.
#[derive(Deserialize, Default)]
pub(super) struct ThreadParams {
    #[serde(default)]
    after: String,
}

pub(super) async fn thread(
    ctx: PageCtx,
    Path((id, root)): Path<(String, String)>,
    Query(p): Query<ThreadParams>,
) -> Result<Response, AppError> {
    let (d, langs) = translated(&ctx, find(&ctx, &id).await?).await?;
    let root = path_id(&root)?;
    let after = Some(p.after.as_str()).filter(|a| !a.is_empty());
    let viewer = ctx.user.0.as_ref();
    let (thread, next) = reading::thread(&ctx.state.db, viewer, &d, root, after).await?;
    let discussion_path = format!("/discussions/{}", d.id);
    let path = format!("{discussion_path}/comments/{root}");
    let open = is_open(&d);
    let suspended = match (open, viewer) {
        (true, Some(me)) => commenting::suspended_until(&ctx.state.db, me).await?,
        _ => None,
    };
    let reading = Reading {
        ctx: &ctx,
        discussion: d.id,
        open,
        may_write: suspended.is_none(),
        from: path.clone(),
    };
    let item = reading.thread(&thread);
    let ui = ctx.chrome_for(&path, "discussion-thread-title").await?;
    let later = next.map(|n| {
        let n = form_urlencoded::byte_serialize(n.as_bytes()).collect::<String>();
        (
            format!("{path}?after={n}"),
            ctx.t("discussion-thread-later"),
        )
    });
    let view = ThreadPage {
        back: (discussion_path.clone(), ctx.t("discussion-thread-back")),
        discussion: (discussion_path, langs.shown(key::TITLE, &d.title)),
        closed_notice: closed_notice(&ctx, &d),
        thread: item,
        later,
        ui: ui.with_nav("discussions"),
    };
    respond(StatusCode::OK, view, None)
}
