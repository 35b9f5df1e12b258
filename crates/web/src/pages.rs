//! The public information pages and the "Is this page useful?" form.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use bytes::Bytes;
use cohesion_domain::pages::InfoPage;
use cohesion_i18n::Locale;
use cohesion_services::feedback;
use cohesion_storage::site::programmes::ProgrammeView;
use cohesion_ui::site::{
    AboutPage, AccessibilityPage, CookiesPage, GetInvolvedPage, HomePage, PrivacyPage, ProgrammeBox,
};
use cohesion_ui::{Chrome, FeedbackBox, Nav, Template, UserBox};
use serde::Deserialize;

use crate::context::{ReqLocale, LANG_COOKIE};
use crate::error::AppError;
use crate::form::StrictForm;
use crate::session::CurrentUser;
use crate::state::SharedState;

/// What every page handler needs: the state and the request's language.
pub struct PageCtx {
    pub state: SharedState,
    locale: ReqLocale,
    pub user: CurrentUser,
}

impl FromRequestParts<SharedState> for PageCtx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &SharedState) -> Result<Self, AppError> {
        let locale = parts
            .extensions
            .get::<ReqLocale>()
            .copied()
            .unwrap_or(ReqLocale(0));
        let user = CurrentUser::from_request_parts(parts, state).await?;
        Ok(PageCtx {
            state: state.clone(),
            locale,
            user,
        })
    }
}

impl PageCtx {
    pub fn locale(&self) -> &Locale {
        self.locale.get(&self.state.catalog)
    }

    async fn programme(&self) -> Result<Option<Arc<ProgrammeView>>, AppError> {
        let fallback = self.state.catalog.default_locale().tag();
        Ok(self
            .state
            .site
            .programme(self.locale().tag(), fallback)
            .await?)
    }

    /// The chrome of any page at `path`: the programme's name as the site
    /// name (in the language it is written in) and who is signed in.
    fn chrome(&self, path: &str, title_id: &str, programme: Option<&ProgrammeView>) -> Chrome<'_> {
        let site_name = programme.map(|p| p.text.name.clone());
        let ui = Chrome::new(
            self.locale(),
            &self.state.catalog,
            path,
            title_id,
            site_name,
            &self.state.assets,
        );
        let ui = ui.with_user(self.user_box());
        match programme {
            Some(p) => ui.with_site_lang(&p.text.locale),
            None => ui,
        }
    }

    /// Chrome for a page that is not an information page (forms, notices).
    pub async fn chrome_for(&self, path: &str, title_id: &str) -> Result<Chrome<'_>, AppError> {
        let programme = self.programme().await?;
        Ok(self.chrome(path, title_id, programme.as_deref()))
    }

    fn user_box(&self) -> Option<UserBox> {
        self.user.0.as_ref().map(|u| UserBox {
            name: u.display_name.clone(),
            csrf: u.csrf.clone(),
        })
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

fn programme_box(p: &ProgrammeView) -> ProgrammeBox {
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
        if let Some(html) = ctx.state.pages.get(page, ctx.locale.0, generation) {
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
            .put(page, ctx.locale.0, generation, html.clone());
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
            // The last hop is the one our proxy added; earlier ones (and
            // earlier header lines) are whatever the client claimed.
            let forwarded = parts
                .headers
                .get_all("x-forwarded-for")
                .iter()
                .next_back()
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.rsplit(',').next())
                .and_then(|hop| parse_hop(hop.trim()));
            if let Some(ip) = forwarded {
                return Ok(ClientKey(ip.to_string()));
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

/// An address as proxies write it: `203.0.113.7`, `203.0.113.7:4711`,
/// `2001:db8::1` or `[2001:db8::1]:4711`.
fn parse_hop(hop: &str) -> Option<std::net::IpAddr> {
    hop.parse::<std::net::IpAddr>()
        .ok()
        .or_else(|| hop.parse::<SocketAddr>().ok().map(|s| s.ip()))
}

#[cfg(test)]
mod tests {
    use super::parse_hop;

    #[test]
    fn forwarded_hops_parse_with_or_without_ports() {
        for (hop, ip) in [
            ("203.0.113.7", "203.0.113.7"),
            ("203.0.113.7:4711", "203.0.113.7"),
            ("2001:db8::1", "2001:db8::1"),
            ("[2001:db8::1]:4711", "2001:db8::1"),
        ] {
            assert_eq!(parse_hop(hop).unwrap().to_string(), ip);
        }
        assert!(parse_hop("unknown").is_none());
    }
}
