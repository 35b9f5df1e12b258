//! The public information pages and the "Is this page useful?" form.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use cohesion_domain::pages::InfoPage;
use cohesion_i18n::Locale;
use cohesion_services::{feedback, site};
use cohesion_storage::programmes::ProgrammeView;
use cohesion_ui::{
    AboutPage, AccessibilityPage, Chrome, CookiesPage, FeedbackBox, GetInvolvedPage, HomePage, Nav,
    PrivacyPage, ProgrammeBox, Template,
};
use serde::Deserialize;

use crate::context::{ReqLocale, LANG_COOKIE};
use crate::error::AppError;
use crate::form::StrictForm;
use crate::state::SharedState;

/// What every page handler needs: the state and the request's language.
pub struct PageCtx {
    pub state: SharedState,
    locale: ReqLocale,
}

impl FromRequestParts<SharedState> for PageCtx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &SharedState) -> Result<Self, AppError> {
        let locale = parts
            .extensions
            .get::<ReqLocale>()
            .copied()
            .unwrap_or(ReqLocale(0));
        Ok(PageCtx {
            state: state.clone(),
            locale,
        })
    }
}

impl PageCtx {
    pub fn locale(&self) -> &Locale {
        self.locale.get(&self.state.catalog)
    }

    async fn programme(&self) -> Result<Option<ProgrammeView>, AppError> {
        let fallback = self.state.catalog.default_locale().tag();
        Ok(site::programme(&self.state.db, self.locale().tag(), fallback).await?)
    }

    fn chrome(
        &self,
        page: InfoPage,
        title_id: &str,
        programme: Option<&ProgrammeView>,
    ) -> Chrome<'_> {
        let site_name = programme.map(|p| p.text.name.clone());
        Chrome::new(
            self.locale(),
            &self.state.catalog,
            page.path(),
            title_id,
            site_name,
            &self.state.assets,
        )
    }
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

fn render(t: impl Template) -> Result<Response, AppError> {
    let html = t.render().map_err(|e| {
        tracing::error!(error = %e, "template failed");
        AppError::internal()
    })?;
    Ok(Html(html).into_response())
}

fn programme_box(p: &ProgrammeView) -> ProgrammeBox {
    ProgrammeBox {
        lang: p.text.locale.clone(),
        name: p.text.name.clone(),
        organisation: p.text.organisation.clone(),
        summary: p.text.summary.clone(),
    }
}

pub async fn home(ctx: PageCtx, Query(q): Query<PageQuery>) -> Result<Response, AppError> {
    let programme = ctx.programme().await?;
    let fb = feedback_box(&ctx, InfoPage::Home, &q).await?;
    let ui = ctx
        .chrome(InfoPage::Home, "home-title", programme.as_ref())
        .with_nav(Nav::Home)
        .with_feedback(fb);
    render(HomePage {
        ui,
        programme: programme.as_ref().map(programme_box),
    })
}

pub async fn get_involved(ctx: PageCtx, Query(q): Query<PageQuery>) -> Result<Response, AppError> {
    let programme = ctx.programme().await?;
    let fb = feedback_box(&ctx, InfoPage::GetInvolved, &q).await?;
    let ui = ctx
        .chrome(
            InfoPage::GetInvolved,
            "get-involved-title",
            programme.as_ref(),
        )
        .with_nav(Nav::GetInvolved)
        .with_feedback(fb);
    render(GetInvolvedPage { ui })
}

pub async fn about(ctx: PageCtx, Query(q): Query<PageQuery>) -> Result<Response, AppError> {
    let programme = ctx.programme().await?;
    let fb = feedback_box(&ctx, InfoPage::About, &q).await?;
    let ui = ctx
        .chrome(InfoPage::About, "about-title", programme.as_ref())
        .with_nav(Nav::About)
        .with_feedback(fb);
    render(AboutPage {
        ui,
        programme: programme.as_ref().map(programme_box),
    })
}

pub async fn accessibility(ctx: PageCtx, Query(q): Query<PageQuery>) -> Result<Response, AppError> {
    let programme = ctx.programme().await?;
    let fb = feedback_box(&ctx, InfoPage::Accessibility, &q).await?;
    let ui = ctx
        .chrome(
            InfoPage::Accessibility,
            "accessibility-title",
            programme.as_ref(),
        )
        .with_feedback(fb);
    render(AccessibilityPage { ui })
}

pub async fn privacy(ctx: PageCtx, Query(q): Query<PageQuery>) -> Result<Response, AppError> {
    let programme = ctx.programme().await?;
    let fb = feedback_box(&ctx, InfoPage::Privacy, &q).await?;
    let ui = ctx
        .chrome(InfoPage::Privacy, "privacy-title", programme.as_ref())
        .with_feedback(fb);
    render(PrivacyPage { ui })
}

pub async fn cookies(ctx: PageCtx, Query(q): Query<PageQuery>) -> Result<Response, AppError> {
    let programme = ctx.programme().await?;
    let fb = feedback_box(&ctx, InfoPage::Cookies, &q).await?;
    let ui = ctx
        .chrome(InfoPage::Cookies, "cookies-title", programme.as_ref())
        .with_feedback(fb);
    render(CookiesPage {
        ui,
        language_cookie: LANG_COOKIE,
    })
}

#[derive(Deserialize)]
pub struct FeedbackForm {
    #[serde(default)]
    page: String,
    #[serde(default)]
    answer: String,
}

/// Records an answer, then sends the browser back to the page it came
/// from (post/redirect/get, so a reload does not post twice).
pub async fn post_feedback(
    State(state): State<SharedState>,
    client: ClientKey,
    StrictForm(form): StrictForm<FeedbackForm>,
) -> Result<Response, AppError> {
    feedback::record(
        &state.db,
        &form.page,
        &form.answer,
        &client.0,
        state.config.feedback_limit,
    )
    .await?;
    let page = InfoPage::from_key(&form.page).unwrap_or(InfoPage::Home);
    let mut res =
        Redirect::to(&format!("{}?feedback=thanks#feedback", page.path())).into_response();
    *res.status_mut() = StatusCode::SEE_OTHER;
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}

/// Who is asking, for rate limits: the peer address, or the last
/// X-Forwarded-For hop when the operator says a proxy sets it.
pub struct ClientKey(pub String);

impl FromRequestParts<SharedState> for ClientKey {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &SharedState) -> Result<Self, AppError> {
        if state.config.trust_forwarded_for {
            let forwarded = parts
                .headers
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.rsplit(',').next())
                .map(|s| s.trim().to_owned())
                .filter(|s| s.parse::<std::net::IpAddr>().is_ok());
            if let Some(ip) = forwarded {
                return Ok(ClientKey(ip));
            }
        }
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip().to_string())
            .unwrap_or_else(|| "unknown".to_owned());
        Ok(ClientKey(peer))
    }
}
