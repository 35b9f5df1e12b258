//! The public information pages, each with its "Is this page useful?"
//! box, rendered once per language and kept briefly (ADR 5).

use axum::extract::Query;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use cohesion_domain::pages::InfoPage;
use cohesion_domain::programme::Programme;
use cohesion_services::site::feedback;
use cohesion_ui::site::{
    AboutPage, AccessibilityPage, CookiesPage, GetInvolvedPage, HomePage, PrivacyPage, ProgrammeBox,
};
use cohesion_ui::{Chrome, FeedbackBox, Nav, Template};
use serde::Deserialize;

use crate::kit::{AppError, PageCtx, LANG_COOKIE};

#[derive(Deserialize)]
pub struct PageQuery {
    feedback: Option<String>,
}

/// The feedback box for `page`: the question, or thanks after an answer.
async fn feedback_box(
    ctx: &PageCtx,
    page: InfoPage,
    q: &PageQuery,
) -> Result<FeedbackBox, AppError> {
    let thanks_count = match q.feedback.as_deref() {
        Some("thanks") => Some(feedback::tally(&ctx.state.db, page).await?.useful),
        _ => None,
    };
    Ok(FeedbackBox {
        page_key: page.key(),
        thanks_count,
    })
}

fn programme_box(p: &Programme) -> ProgrammeBox {
    ProgrammeBox {
        lang: p.text.locale.clone(),
        name: p.text.name.clone(),
        organisation: p.text.organisation.clone(),
        summary: p.text.summary.clone(),
    }
}

/// Renders an information page: its programme (if any), chrome and
/// feedback box, then whatever `body` makes of them.
async fn info_page<E: std::fmt::Display>(
    ctx: PageCtx,
    q: PageQuery,
    page: InfoPage,
    title_id: &str,
    nav: Nav,
    render: impl FnOnce(Chrome<'_>, Option<ProgrammeBox>) -> Result<String, E>,
) -> Result<Response, AppError> {
    // The thank-you and the signed-in header vary by visitor; everything
    // else is the same for all.
    let shared = q.feedback.is_none() && ctx.user.0.is_none();
    let generation = ctx.state.site.generation();
    if shared {
        if let Some(html) = ctx.state.pages.get(page, ctx.locale_index(), generation) {
            return Ok(html_response(html));
        }
    }
    let programme = ctx.programme().await?;
    let fb = feedback_box(&ctx, page, &q).await?;
    let ui = ctx
        .chrome(page.path(), title_id, programme.as_deref())
        .with_nav(nav)
        .with_feedback(fb);
    let html = render(ui, programme.as_deref().map(programme_box)).map_err(|e| {
        tracing::error!(error = %e, "template failed");
        AppError::internal()
    })?;
    let html = Bytes::from(html);
    if shared {
        ctx.state
            .pages
            .put(page, ctx.locale_index(), generation, html.clone());
    }
    Ok(html_response(html))
}

fn html_response(html: Bytes) -> Response {
    let content_type = HeaderValue::from_static("text/html; charset=utf-8");
    ([(header::CONTENT_TYPE, content_type)], html).into_response()
}

pub async fn home(ctx: PageCtx, Query(q): Query<PageQuery>) -> Result<Response, AppError> {
    info_page(
        ctx,
        q,
        InfoPage::Home,
        "home-title",
        Nav::Home,
        |ui, programme| HomePage { ui, programme }.render(),
    )
    .await
}

pub async fn get_involved(ctx: PageCtx, Query(q): Query<PageQuery>) -> Result<Response, AppError> {
    info_page(
        ctx,
        q,
        InfoPage::GetInvolved,
        "get-involved-title",
        Nav::GetInvolved,
        |ui, _| GetInvolvedPage { ui }.render(),
    )
    .await
}

pub async fn about(ctx: PageCtx, Query(q): Query<PageQuery>) -> Result<Response, AppError> {
    info_page(
        ctx,
        q,
        InfoPage::About,
        "about-title",
        Nav::About,
        |ui, programme| AboutPage { ui, programme }.render(),
    )
    .await
}

pub async fn accessibility(ctx: PageCtx, Query(q): Query<PageQuery>) -> Result<Response, AppError> {
    info_page(
        ctx,
        q,
        InfoPage::Accessibility,
        "accessibility-title",
        Nav::None,
        |ui, _| AccessibilityPage { ui }.render(),
    )
    .await
}

pub async fn privacy(ctx: PageCtx, Query(q): Query<PageQuery>) -> Result<Response, AppError> {
    info_page(
        ctx,
        q,
        InfoPage::Privacy,
        "privacy-title",
        Nav::None,
        |ui, _| PrivacyPage { ui }.render(),
    )
    .await
}

pub async fn cookies(ctx: PageCtx, Query(q): Query<PageQuery>) -> Result<Response, AppError> {
    info_page(
        ctx,
        q,
        InfoPage::Cookies,
        "cookies-title",
        Nav::None,
        |ui, _| {
            CookiesPage {
                ui,
                language_cookie: LANG_COOKIE,
            }
            .render()
        },
    )
    .await
}
