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
use cohesion_ui::{Chrome, FeedbackBox, Listing, Template};
use serde::Deserialize;

use crate::kit::feature::{get_involved_parts, home_parts};
use crate::kit::{AppError, PageCtx, LANG_COOKIE};

/// What the features list on a page: nothing, their "open now" (the
/// home page) or their sections (*Get involved*).
#[derive(Clone, Copy)]
enum Parts {
    None,
    Home,
    GetInvolved,
}

impl Parts {
    async fn of(self, ctx: &PageCtx) -> Result<Vec<Listing>, AppError> {
        match self {
            Parts::None => Ok(Vec::new()),
            Parts::Home => home_parts(ctx).await,
            Parts::GetInvolved => get_involved_parts(ctx).await,
        }
    }
}

/// A page of the site: which, its title, its navigation item and what
/// the features list on it.
struct Info {
    page: InfoPage,
    title_id: &'static str,
    nav: &'static str,
    parts: Parts,
}

/// What a page's template is made from, beyond its chrome.
struct Made {
    programme: Option<ProgrammeBox>,
    parts: Vec<Listing>,
}

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
    info: Info,
    render: impl FnOnce(Chrome<'_>, Made) -> Result<String, E>,
) -> Result<Response, AppError> {
    let Info {
        page,
        title_id,
        nav,
        parts,
    } = info;
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
    let parts = parts.of(&ctx).await?;
    let ui = ctx
        .count_unread(ctx.chrome(page.path(), title_id, programme.as_deref()))
        .await?
        .with_nav(nav)
        .with_feedback(fb);
    let made = Made {
        programme: programme.as_deref().map(programme_box),
        parts,
    };
    let html = render(ui, made).map_err(|e| {
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
    let info = Info {
        page: InfoPage::Home,
        title_id: "home-title",
        nav: "home",
        parts: Parts::Home,
    };
    info_page(ctx, q, info, |ui, made| {
        HomePage {
            ui,
            programme: made.programme,
            open: made.parts,
        }
        .render()
    })
    .await
}

pub async fn get_involved(ctx: PageCtx, Query(q): Query<PageQuery>) -> Result<Response, AppError> {
    let info = Info {
        page: InfoPage::GetInvolved,
        title_id: "get-involved-title",
        nav: "get-involved",
        parts: Parts::GetInvolved,
    };
    info_page(ctx, q, info, |ui, made| {
        GetInvolvedPage {
            ui,
            sections: made.parts,
        }
        .render()
    })
    .await
}

pub async fn about(ctx: PageCtx, Query(q): Query<PageQuery>) -> Result<Response, AppError> {
    let info = Info {
        page: InfoPage::About,
        title_id: "about-title",
        nav: "about",
        parts: Parts::None,
    };
    info_page(ctx, q, info, |ui, made| {
        AboutPage {
            ui,
            programme: made.programme,
        }
        .render()
    })
    .await
}

pub async fn accessibility(ctx: PageCtx, Query(q): Query<PageQuery>) -> Result<Response, AppError> {
    let info = Info {
        page: InfoPage::Accessibility,
        title_id: "accessibility-title",
        nav: "",
        parts: Parts::None,
    };
    info_page(ctx, q, info, |ui, _| AccessibilityPage { ui }.render()).await
}

pub async fn privacy(ctx: PageCtx, Query(q): Query<PageQuery>) -> Result<Response, AppError> {
    let info = Info {
        page: InfoPage::Privacy,
        title_id: "privacy-title",
        nav: "",
        parts: Parts::None,
    };
    info_page(ctx, q, info, |ui, _| PrivacyPage { ui }.render()).await
}

pub async fn cookies(ctx: PageCtx, Query(q): Query<PageQuery>) -> Result<Response, AppError> {
    let info = Info {
        page: InfoPage::Cookies,
        title_id: "cookies-title",
        nav: "",
        parts: Parts::None,
    };
    info_page(ctx, q, info, |ui, _| {
        CookiesPage {
            ui,
            language_cookie: LANG_COOKIE,
        }
        .render()
    })
    .await
}
