//! What every feature uses: the shared state, errors and how they are
//! rendered (ADR 2), the language and the chrome of a page, dates in
//! local time (ADR 18), sessions and form tokens (ADR 6), the permission
//! guards, the form flow, far-reaching actions asked first (ADR 22),
//! the `?done=` confirmations, what a feature
//! contributes, and what the JSON API shares. Nothing here knows any
//! feature but through `Feature`.

pub mod addresses;
pub mod api;
pub mod assets;
pub mod confirm;
pub mod context;
pub mod dates;
pub mod done;
pub mod error;
pub mod feature;
pub mod form;
pub mod guards;
pub mod letters;
pub mod ops;
pub mod page;
pub mod page_cache;
pub mod problem;
pub mod schema;
pub mod security;
pub mod session;
pub mod shown;
pub mod state;
pub mod translating;
pub mod translations_api;

// What features use, named here so that a feature depends on the kit as
// one thing, not on how the kit is divided into files.
pub use api::{path_param, Acting, ApiBody, ApiJson, PathId, Problem};
pub use context::{lang_cookie, retry_minutes, NoCookies, LANG_COOKIE};
pub use done::{confirmation, DoneQuery};
pub use error::{AppError, ErrorInfo};
pub use feature::{Feature, NavEntry, Part, StaffPanel};
pub use form::{
    anon_csrf, field_messages, form_again, one_field_listed, respond_throttled, submit_form,
    too_many, StrictForm,
};
// Every action's marker, so a feature can guard any action.
pub use guards::*;
pub use letters::CatalogLetters;
pub use page::{
    no_referrer, notice, path_id, respond, respond_form, see_other, unread_said, whole_percent,
    PageCtx,
};
pub use session::{
    check_csrf, check_session_csrf, cookie, safe_next, session_cookie, set_cookie, ClientKey,
    CurrentUser, CSRF_COOKIE, SESSION_COOKIE,
};
pub use shown::Langs;
pub use state::SharedState;
