//! What every page handler needs: the request's context ([`PageCtx`]),
//! the chrome around a page, and the ways a page is answered: rendered
//! with a status, a 303 after a change, or a page that says one thing.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use cohesion_domain::identity::RoleSet;
use cohesion_domain::programme::Programme;
use cohesion_i18n::Locale;
use cohesion_services::ServiceError;
use cohesion_ui::{Chrome, NavLink, NoticePage, Phrase, Shown, Template, UserBox, Value};
use uuid::Uuid;

use super::context::{KeepBody, ReqLocale};
use super::error::AppError;
use super::session::CurrentUser;
use super::state::SharedState;

/// What every page handler needs: the state and the request's language.
pub struct PageCtx {
    pub state: SharedState,
    locale: ReqLocale,
    pub user: CurrentUser,
    /// The request's query without `lang`, as sent: what a form or
    /// notice page keeps in its language links.
    query: String,
    /// Whether the request was a POST: its page has no address of its
    /// own to be asked for again (see [`PageCtx::posted`]).
    posted: bool,
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
        let query = parts
            .uri
            .query()
            .unwrap_or_default()
            .split('&')
            // Kept for the language switch: not the language itself, nor
            // the confirmation of what was just done (switching language
            // would announce it again).
            .filter(|pair| {
                let name = pair.split('=').next().unwrap_or_default();
                !pair.is_empty() && name != "lang" && name != "done"
            })
            .collect::<Vec<_>>()
            .join("&");
        Ok(PageCtx {
            state: state.clone(),
            locale,
            user,
            query,
            posted: parts.method == axum::http::Method::POST,
        })
    }
}

impl PageCtx {
    pub fn locale(&self) -> &Locale {
        self.locale.get(&self.state.catalog)
    }

    /// This request's context with its page in language `tag` instead
    /// (`None` for a language the site does not have): for a page shown
    /// as readers of another language meet it (an officer's preview),
    /// leaving the reader's own choice of language as it is.
    pub fn in_language(&self, tag: &str) -> Option<PageCtx> {
        let index = self
            .state
            .catalog
            .all()
            .iter()
            .position(|l| l.tag().eq_ignore_ascii_case(tag))?;
        Some(PageCtx {
            state: self.state.clone(),
            locale: ReqLocale(index),
            user: self.user.clone(),
            query: self.query.clone(),
            posted: self.posted,
        })
    }

    /// The request's language, as an index into the catalogue.
    pub(crate) fn locale_index(&self) -> usize {
        self.locale.0
    }

    /// Whether the page answers a POST. Such a page (a question asked
    /// before a merge, a form sent back) is at an address that takes
    /// POSTs only, so its language links must lead somewhere else.
    pub fn posted(&self) -> bool {
        self.posted
    }

    /// The message `id` in the page's language.
    pub fn t(&self, id: &str) -> String {
        self.locale().t(id).into_owned()
    }

    /// The language `tag` named in the page's language, for sentences and
    /// values ("ترجم إلى الإنجليزية", "Language: Arabic"); a language
    /// this one has no name for by its name in itself, else its tag.
    /// Language switchers name each language in itself (`Locale::name`).
    pub fn language_name(&self, tag: &str) -> String {
        if let Some(name) = self.locale().language_name(tag) {
            return name.into_owned();
        }
        match self.state.catalog.get(tag) {
            Some(l) => l.name().to_owned(),
            None => tag.to_owned(),
        }
    }

    /// [`PageCtx::language_name`] marked with the page's language, for a
    /// sentence or a value.
    pub fn language_shown(&self, tag: &str) -> Shown {
        Shown::new(self.language_name(tag), self.locale().tag())
    }

    /// Dates as the reader writes them, in the site's time zone.
    pub fn dates(&self) -> super::dates::Dates<'_> {
        super::dates::Dates::new(self.locale(), &self.state.config.time_zone)
    }

    /// The message `id` with `args` placed in it as markup, for a title,
    /// heading, link, caption or summary row (ADR 0020).
    pub fn phrase(&self, id: &str, args: &[(&str, Value<'_>)]) -> Phrase {
        Phrase::message(self.locale(), id, args)
    }

    /// A 95% range of shares (fractions) as whole percentages, "27–44%",
    /// to be placed with `Value::Unbroken` so it stays on one line.
    pub fn percent_range(&self, low: f64, high: f64) -> Phrase {
        self.phrase(
            "percent-range",
            &[
                ("low", Value::Number(whole_percent(low))),
                ("high", Value::Number(whole_percent(high))),
            ],
        )
    }

    pub(crate) async fn programme(&self) -> Result<Option<Arc<Programme>>, AppError> {
        let fallback = self.state.catalog.default_locale().tag();
        Ok(self
            .state
            .site
            .programme(self.locale().tag(), fallback)
            .await?)
    }

    /// The chrome of any page at `path`: the programme's name as the site
    /// name (in the language it is written in) and who is signed in.
    pub(crate) fn chrome(
        &self,
        path: &str,
        title_id: &str,
        programme: Option<&Programme>,
    ) -> Chrome<'_> {
        let site_name = programme.map(|p| p.text.name.clone());
        let ui = Chrome::new(
            self.locale(),
            &self.state.catalog,
            path,
            title_id,
            site_name,
            &self.state.assets,
        );
        let ui = ui
            .with_user(self.user_box())
            .with_nav_links(self.nav_links());
        match programme {
            Some(p) => ui.with_site_lang(&p.text.locale),
            None => ui,
        }
    }

    /// Chrome for a page that is not an information page (forms, notices,
    /// confirmations). Its language links keep the request's query, so
    /// that switching language keeps what the page was asked about
    /// ("withdraw the consultation?"). Information pages, kept in the
    /// page cache for everyone, do not.
    pub async fn chrome_for(&self, path: &str, title_id: &str) -> Result<Chrome<'_>, AppError> {
        let programme = self.programme().await?;
        let mut ui = self.chrome(path, title_id, programme.as_deref());
        ui.keep_query(&self.query);
        self.count_unread(ui).await
    }

    /// The header's count of unread notifications, for a signed-in
    /// reader: one bounded count on an index. Pages kept in the cache are
    /// for visitors who are not signed in, so they never carry one.
    pub async fn count_unread<'a>(&self, mut ui: Chrome<'a>) -> Result<Chrome<'a>, AppError> {
        if let (Some(me), Some(user)) = (self.user.0.as_ref(), ui.user.as_mut()) {
            let n = cohesion_services::discussions::notifying::unread(&self.state.db, me).await?;
            let (n, more) = unread_said(n);
            user.unread = Some(n);
            user.unread_more = more;
        }
        Ok(ui)
    }

    /// [`PageCtx::chrome_for`] a page whose language links lead to
    /// `address` (a path, with a query or not) rather than to the page's
    /// own: for a page rendered in answer to a POST.
    pub async fn chrome_switching_at(
        &self,
        address: &str,
        title_id: &str,
    ) -> Result<Chrome<'_>, AppError> {
        let (path, query) = address.split_once('?').unwrap_or((address, ""));
        let mut ui = self.chrome_for(path, title_id).await?;
        ui.keep_query(query);
        Ok(ui)
    }

    /// Whether the reader is staff: some feature has a panel of the
    /// dashboard for them.
    pub fn is_staff(&self) -> bool {
        self.user
            .0
            .as_ref()
            .is_some_and(|u| super::feature::is_staff(self.state.features, &u.roles))
    }

    /// The navigation as the reader may see it (staff's items for staff,
    /// an action's items for those allowed it).
    fn nav_links(&self) -> Vec<NavLink> {
        public_nav(&self.state, self.user.0.as_ref().map(|u| &u.roles))
    }

    fn user_box(&self) -> Option<UserBox> {
        self.user.0.as_ref().map(|u| UserBox {
            name: u.display_name.clone(),
            csrf: u.csrf.clone(),
            unread: None,
            unread_more: false,
        })
    }
}

/// An unread count as it is said: the count, or, when it reached the
/// cap the count stops at, the most that is said with "more" (`99`, for
/// "99+"), so a capped count never reads as an exact one.
pub fn unread_said(n: i64) -> (u64, bool) {
    use cohesion_services::discussions::notifying::UNREAD_CAP;
    match n >= UNREAD_CAP {
        true => ((UNREAD_CAP - 1).max(0) as u64, true),
        false => (n.max(0) as u64, false),
    }
}

/// The navigation's links for a reader with `roles` (none when signed
/// out): staff's items for staff, an action's items for those allowed it.
pub(crate) fn public_nav(state: &SharedState, roles: Option<&RoleSet>) -> Vec<NavLink> {
    let staff = roles.is_some_and(|r| super::feature::is_staff(state.features, r));
    state
        .nav
        .iter()
        .filter(|e| staff || !e.staff_only)
        .filter(|e| {
            e.for_action
                .is_none_or(|a| roles.is_some_and(|r| r.allows(a)))
        })
        .map(|e| e.link)
        .collect()
}

/// Renders `page` with `status`; error statuses keep this body (the form
/// with its errors) instead of the generic error page.
pub fn respond(
    status: StatusCode,
    page: impl Template,
    set: Option<HeaderValue>,
) -> Result<Response, AppError> {
    let html = page.render().map_err(|e| {
        tracing::error!(error = %e, "template failed");
        AppError::internal()
    })?;
    let mut res = (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        )],
        html,
    )
        .into_response();
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Some(cookie) = set {
        res.headers_mut().append(header::SET_COOKIE, cookie);
    }
    if status.is_client_error() {
        res.extensions_mut().insert(KeepBody);
    }
    Ok(res)
}

/// Renders a page that holds a form: 200, or 422 when it is the form
/// again, `refused`, showing its problems.
pub fn respond_form(refused: bool, page: impl Template) -> Result<Response, AppError> {
    let status = if refused {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    respond(status, page, None)
}

/// A 303 to `path`: the answer to every successful POST (axum's
/// `Redirect::to` is a 303 See Other).
pub fn see_other(path: &str) -> Response {
    Redirect::to(path).into_response()
}

/// For pages whose address holds an emailed token: no `Referer` carries it
/// to the next site.
pub fn no_referrer(mut res: Response) -> Response {
    res.headers_mut().insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    res
}

/// A page that says one thing, all from message ids: its title, its text
/// and perhaps a link (a path and the id of the link's label).
pub async fn notice<'a>(
    ctx: &'a PageCtx,
    path: &str,
    title: &str,
    text: &str,
    link: Option<(&str, &str)>,
) -> Result<NoticePage<'a>, AppError> {
    let l = ctx.locale();
    Ok(NoticePage {
        ui: ctx.chrome_for(path, title).await?,
        text: l.t(text).into(),
        link: link.map(|(href, label)| (href.to_owned(), l.t(label).into())),
    })
}

/// The id a page's address names. Anything that is not an id names
/// nothing: 404 `not_found`.
pub fn path_id(raw: &str) -> Result<Uuid, AppError> {
    Uuid::parse_str(raw).map_err(|_| ServiceError::NotFound.into())
}

/// A share (a fraction) as a whole percentage, for a message's number:
/// rounded as `format!("{:.0}")` rounds (ties to even), so a page and
/// its downloads never differ by one. A number, not a text, so that no
/// `<bdi>` parts it from the "%" after it in a right-to-left sentence.
pub fn whole_percent(share: f64) -> u64 {
    (share * 100.0).round_ties_even().max(0.0) as u64
}
