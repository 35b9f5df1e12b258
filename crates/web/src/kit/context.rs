//! The presentation context of a request: which language it is answered
//! in (explicit `?lang=`, then the language cookie, then Accept-Language),
//! and how errors look (a translated page, or problem+json under /api,
//! written in `problem.rs`).

use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use cohesion_domain::pages::InfoPage;
use cohesion_domain::ErrorCode;
use cohesion_i18n::{Catalog, Locale};
use cohesion_services::accounts::SignedIn;
use cohesion_ui::{Chrome, ErrorPage, Template, UserBox};

use super::error::{code_for_status, AppError, ErrorInfo};
use super::state::SharedState;

/// The cookie that remembers an explicit language choice.
pub const LANG_COOKIE: &str = "cohesion_lang";

/// The cookie that remembers a chosen language for a year.
pub fn lang_cookie(tag: &str, tls: bool) -> HeaderValue {
    super::session::set_cookie(LANG_COOKIE, tag, 31_536_000, "Lax", tls)
}

/// The language a request is answered in, as an index into the catalogue.
#[derive(Debug, Clone, Copy)]
pub struct ReqLocale(pub usize);

impl ReqLocale {
    pub fn get(self, catalog: &Catalog) -> &Locale {
        &catalog.all()[self.0]
    }
}

/// Marks a response that must set no cookie at all, and be neither kept
/// nor followed by a `Referer` (the help pages, ADR 43): the language
/// chosen by `?lang=` is then not remembered, and an error page made in
/// its place keeps these promises too.
#[derive(Debug, Clone, Copy)]
pub struct NoCookies;

/// Marks an error response whose body is already what the client needs
/// (a health report, say), so it is not replaced by an error page.
#[derive(Debug, Clone, Copy)]
pub struct KeepBody;

pub async fn presentation(
    State(state): State<SharedState>,
    mut req: Request,
    next: Next,
) -> Response {
    // Cheap clones (shared buffers): only error responses use them.
    let uri = req.uri().clone();
    // Whether a problem named by a field is a member of a JSON body.
    let json_body = super::problem::is_json(req.headers());
    let request_id = req.headers().get("x-request-id").cloned();
    // The page the request came from, when it was one of this site's:
    // an error page offers the way back to it.
    let came_from = came_from(req.headers());
    // The session, kept to show who is signed in on an error page.
    let session =
        super::session::cookie(req.headers(), super::session::SESSION_COOKIE).map(str::to_owned);
    let choice = choose_locale(&state.catalog, req.uri().query(), req.headers());
    req.extensions_mut().insert(ReqLocale(choice.index));

    // The guard's refusals are rendered below like any other error.
    let mut res = match (&choice.explicit, super::security::check(&req)) {
        (Explicit::Unknown, _) => AppError::bad_request(ErrorCode::UnknownLocale).into_response(),
        (_, Err(refused)) => refused.into_response(),
        (_, Ok(())) => next.run(req).await,
    };
    let cookieless = res.extensions().get::<NoCookies>().is_some();
    if let Explicit::Known = choice.explicit {
        if !res.status().is_server_error() && !cookieless {
            let tag = state.catalog.all()[choice.index].tag();
            res.headers_mut()
                .append(header::SET_COOKIE, lang_cookie(tag, state.config.tls));
        }
    }
    let status = res.status();
    let kept = res.extensions().get::<KeepBody>().is_some();
    if kept && sends_back(status) {
        let locale = &state.catalog.all()[choice.index];
        res = titled_as_error(res, &locale.t("error-prefix")).await;
    }
    if (status.is_client_error() || status.is_server_error()) && !kept {
        let info = res
            .extensions()
            .get::<ErrorInfo>()
            .cloned()
            .unwrap_or(ErrorInfo {
                code: code_for_status(status),
                field: None,
                retry_after: None,
                problems: Vec::new(),
            });
        let locale = &state.catalog.all()[choice.index];
        let request_id = request_id.as_ref().and_then(|v| v.to_str().ok());
        if status.is_server_error() {
            // Every failure is logged with what finds it again: the id the
            // error page shows, and the address.
            tracing::error!(
                request_id = request_id.unwrap_or("-"),
                path = uri.path(),
                status = status.as_u16(),
                "request failed"
            );
        }
        let rendered = if uri.path().starts_with("/api/") {
            let pages_words =
                reason_or_text(locale, message_status(locale, status.as_u16()), &info);
            let minutes = retry_minutes(info.retry_after);
            let said = (pages_words, minutes);
            super::problem::problem_json(locale, status, &info, request_id, json_body, said)
        } else {
            let site = site_name(&state, locale).await;
            let user = signed_in(&state, session.as_deref()).await;
            let at = ErrorAt {
                path: uri.path(),
                status,
                request_id,
                came_from: came_from.as_deref(),
            };
            error_page(&state, locale, site, user, at, &info)
        };
        res = carry_headers(res, rendered, &info);
    }
    res.headers_mut().insert(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    if cookieless {
        let h = res.headers_mut();
        h.remove(header::SET_COOKIE);
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        h.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        );
    }
    super::security::add_headers(res.headers_mut(), state.config.tls);
    res
}

/// Whether a page answered with `status` is what was sent, sent back
/// with its problems: a form refused (422), refused for now (429), or
/// built on something that changed since (409).
fn sends_back(status: StatusCode) -> bool {
    matches!(
        status,
        StatusCode::CONFLICT | StatusCode::UNPROCESSABLE_ENTITY | StatusCode::TOO_MANY_REQUESTS
    )
}

/// A page sent back with problems has "Error: " (`prefix`) first in its
/// `<title>`, so a screen reader says at once that the form came back
/// (GOV.UK's pattern). Said here, once, so that no form can forget; a
/// page whose template says it already is left as it is.
async fn titled_as_error(res: Response, prefix: &str) -> Response {
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !is_html {
        return res;
    }
    let (parts, body) = res.into_parts();
    // Our own rendered page, already whole in memory.
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return Response::from_parts(parts, axum::body::Body::empty());
    };
    let html = match String::from_utf8(bytes.to_vec()) {
        Ok(html) => prefixed_title(html, prefix),
        Err(e) => return Response::from_parts(parts, e.into_bytes().into()),
    };
    let mut res = Response::from_parts(parts, html.into());
    res.headers_mut().remove(header::CONTENT_LENGTH);
    res
}

/// `html` with `prefix` and a space at the start of its `<title>`, unless
/// it is there already.
fn prefixed_title(mut html: String, prefix: &str) -> String {
    const OPEN: &str = "<title>";
    if let Some(at) = html.find(OPEN).map(|i| i + OPEN.len()) {
        if !html[at..].trim_start().starts_with(prefix) {
            html.insert_str(at, &format!("{prefix} "));
        }
    }
    html
}

enum Explicit {
    None,
    Known,
    Unknown,
}

struct Choice {
    index: usize,
    explicit: Explicit,
}

fn choose_locale(catalog: &Catalog, query: Option<&str>, headers: &HeaderMap) -> Choice {
    let index_of = |tag: &str| {
        catalog
            .all()
            .iter()
            .position(|l| l.tag().eq_ignore_ascii_case(tag))
    };
    let requested = query.and_then(|q| form_urlencoded_value(q, "lang"));
    if let Some(tag) = requested {
        return match index_of(&tag) {
            Some(index) => Choice {
                index,
                explicit: Explicit::Known,
            },
            None => Choice {
                index: negotiated(catalog, headers, &index_of),
                explicit: Explicit::Unknown,
            },
        };
    }
    Choice {
        index: negotiated(catalog, headers, &index_of),
        explicit: Explicit::None,
    }
}

fn negotiated(
    catalog: &Catalog,
    headers: &HeaderMap,
    index_of: &dyn Fn(&str) -> Option<usize>,
) -> usize {
    let from_cookie = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().strip_prefix(LANG_COOKIE)?.strip_prefix('='))
        .find_map(index_of);
    if let Some(i) = from_cookie {
        return i;
    }
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let Some(accept) = accept.filter(|a| !a.trim().is_empty()) else {
        return 0;
    };
    let tag = catalog.negotiate(accept).tag();
    index_of(tag).unwrap_or(0)
}

/// The first value of `key` in a query string (lossy: an undecodable value
/// is simply not a language we have).
fn form_urlencoded_value(query: &str, key: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (k == key).then(|| {
            percent_encoding::percent_decode_str(&v.replace('+', " "))
                .decode_utf8_lossy()
                .into_owned()
        })
    })
}

/// How long an error page waits for the programme's name before it
/// names the site by the product's instead: the error may be the
/// database's own.
const SITE_NAME_WAIT: Duration = Duration::from_millis(250);

/// The site's name in `locale` and the language it is written in, as
/// every other page gives it (the programme's, from the cache when
/// fresh), or `None` for the product's name when it cannot be had.
async fn site_name(state: &SharedState, locale: &Locale) -> Option<(String, String)> {
    let fallback = state.catalog.default_locale().tag();
    let lookup = state.site.programme(locale.tag(), fallback);
    match tokio::time::timeout(SITE_NAME_WAIT, lookup).await {
        Ok(Ok(Some(p))) => Some((p.text.name.clone(), p.text.locale.clone())),
        _ => None,
    }
}

/// Who is signed in with the session cookie `token`, for an error
/// page's chrome, or `None` when nobody is or it cannot be had in time
/// (the error may be the database's own).
async fn signed_in(state: &SharedState, token: Option<&str>) -> Option<SignedIn> {
    let lookup = cohesion_services::accounts::session(&state.db, token?);
    match tokio::time::timeout(SITE_NAME_WAIT, lookup).await {
        Ok(Ok(user)) => user,
        _ => None,
    }
}

/// Where an error page answers and with what.
struct ErrorAt<'a> {
    path: &'a str,
    status: StatusCode,
    request_id: Option<&'a str>,
    /// The page of this site the request came from (path and query).
    came_from: Option<&'a str>,
}

/// The path and query of the page a request came from (its `Referer`),
/// when that page is on this site: same host as the request's, a path
/// of our own (never `//elsewhere`). Browsers send it for requests from
/// the site's own pages (the Referrer-Policy is `same-origin`).
fn came_from(headers: &HeaderMap) -> Option<String> {
    let host = headers.get(header::HOST)?.to_str().ok()?;
    let referer = headers.get(header::REFERER)?.to_str().ok()?;
    let rest = referer
        .strip_prefix("https://")
        .or_else(|| referer.strip_prefix("http://"))?;
    let (authority, path) = rest.split_at(rest.find('/')?);
    let path = path.split('#').next().unwrap_or(path);
    let ours = authority.eq_ignore_ascii_case(host)
        && !path.starts_with("//")
        && !path.contains('\\')
        && !path.chars().any(char::is_control);
    ours.then(|| path.to_owned())
}

fn error_page(
    state: &SharedState,
    locale: &Locale,
    site: Option<(String, String)>,
    user: Option<SignedIn>,
    at: ErrorAt<'_>,
    info: &ErrorInfo,
) -> Response {
    let ErrorAt {
        path,
        status,
        request_id,
        came_from,
    } = at;
    let n = message_status(locale, status.as_u16());
    // A form token that no longer matches is not a question of roles: the
    // form was open too long (the session changed) or was sent twice.
    let expired = info.code == ErrorCode::CsrfTokenInvalid;
    let title = match expired {
        true => "error-form-expired-title".to_owned(),
        false => format!("error-{n}-title"),
    };
    // Language links keep the path only when it is one of our own pages:
    // the failed URL may be the very thing that was wrong, or a crafted
    // "//elsewhere" that would turn the links into links off the site.
    let link_path = InfoPage::from_path(path).map_or("/", InfoPage::path);
    let site_lang = site.as_ref().map(|(_, lang)| lang.clone());
    let mut ui = Chrome::new(
        locale,
        &state.catalog,
        link_path,
        &title,
        site.map(|(name, _)| name),
        &state.assets,
    );
    if let Some(lang) = site_lang {
        ui = ui.with_site_lang(&lang);
    }
    // Signed in, the reader keeps their chrome on an error page too (their
    // name, Sign out, Manage for staff): a 405 or 404 that looked signed
    // out would suggest the session was lost.
    ui = ui.with_nav_links(super::page::public_nav(
        state,
        user.as_ref().map(|u| &u.roles),
    ));
    ui = ui.with_user(user.map(|u| UserBox {
        name: u.display_name,
        csrf: u.csrf,
        unread: None,
        unread_more: false,
    }));
    let text = match info.retry_after {
        _ if expired => ui.t("error-form-expired-text").into_owned(),
        _ if n == 429 => ui.tn(
            "error-429-text",
            "minutes",
            &retry_minutes(info.retry_after),
        ),
        _ => ui.t(&format!("error-{n}-text")).into_owned(),
    };
    let reason_id = format!("reason-{}", info.code.as_str());
    let reason = (!expired && locale.message_ids().contains(&reason_id))
        .then(|| locale.t(&reason_id).into_owned());
    // A refusal says what the person can do: who to ask for the right,
    // and where the pages open to them are.
    let forbidden = n == 403 && !expired;
    let help = forbidden.then(|| locale.t("error-403-help").into_owned());
    let mut links = Vec::new();
    // What was sent can be sent again from the page it came from: back
    // there, when that page is known (a form expired or sent twice, too
    // large a sending).
    if expired || n == 413 {
        if let Some(back) = came_from {
            links.push((back.to_owned(), locale.t("error-back-link").into_owned()));
        }
    }
    if forbidden {
        links.push((
            "/manage".to_owned(),
            locale.t("error-manage-link").into_owned(),
        ));
    }
    let page = ErrorPage {
        ui,
        status: status.as_u16(),
        text,
        reason,
        help,
        links,
        reference: request_id
            .filter(|_| status.is_server_error())
            .map(str::to_owned),
    };
    match page.render() {
        Ok(html) => (
            status,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            )],
            html,
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "error page failed to render");
            (status, "Error").into_response()
        }
    }
}

/// The status whose messages describe `status`: itself if translated,
/// else the nearest general one.
fn message_status(locale: &Locale, status: u16) -> u16 {
    if locale
        .message_ids()
        .contains(&format!("error-{status}-title"))
    {
        status
    } else if status >= 500 {
        500
    } else {
        400
    }
}

fn reason_or_text(locale: &Locale, status: u16, info: &ErrorInfo) -> String {
    let reason_id = format!("reason-{}", info.code.as_str());
    if locale.message_ids().contains(&reason_id) {
        locale.t(&reason_id).into_owned()
    } else if status == 429 {
        locale.t_num("error-429-text", "minutes", retry_minutes(info.retry_after))
    } else {
        locale.t(&format!("error-{status}-text")).into_owned()
    }
}

/// Whole minutes to wait, rounded up, for "try again in about N minutes"
/// (a minute when the wait is not known).
pub fn retry_minutes(retry_after: Option<u32>) -> u64 {
    u64::from(retry_after.unwrap_or(60).div_ceil(60).max(1))
}

/// Keeps the headers of the original error that still matter.
fn carry_headers(original: Response, mut rendered: Response, info: &ErrorInfo) -> Response {
    for name in [header::ALLOW, header::SET_COOKIE] {
        for v in original.headers().get_all(&name) {
            rendered.headers_mut().append(name.clone(), v.clone());
        }
    }
    if let Some(secs) = info.retry_after {
        rendered
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    rendered
}

#[cfg(test)]
mod tests {
    use super::{came_from, prefixed_title};
    use axum::http::{header, HeaderMap, HeaderValue};

    fn from(host: &str, referer: &str) -> Option<String> {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_str(host).unwrap());
        h.insert(header::REFERER, HeaderValue::from_str(referer).unwrap());
        came_from(&h)
    }

    #[test]
    fn the_way_back_is_only_to_this_sites_pages() {
        assert_eq!(
            from(
                "example.org",
                "https://example.org/discussions/1?order=oldest#comments"
            ),
            Some("/discussions/1?order=oldest".to_owned())
        );
        assert_eq!(
            from("127.0.0.1:8080", "http://127.0.0.1:8080/"),
            Some("/".into())
        );
        assert_eq!(from("example.org", "https://elsewhere.example/x"), None);
        assert_eq!(
            from("example.org", "https://example.org//elsewhere.example/x"),
            None
        );
        assert_eq!(from("example.org", "https://example.org"), None);
        assert_eq!(from("example.org", "javascript:alert(1)"), None);
    }

    #[test]
    fn the_title_says_error_once() {
        let page = "<html><head><title>Add a question – Site</title></head></html>".to_owned();
        let once = prefixed_title(page, "Error:");
        assert!(
            once.contains("<title>Error: Add a question – Site</title>"),
            "{once}"
        );
        assert_eq!(prefixed_title(once.clone(), "Error:"), once);
        assert_eq!(prefixed_title("no title".into(), "Error:"), "no title");
    }
}
