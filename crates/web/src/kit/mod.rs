//! What every feature uses: the shared state, errors and how they are
//! rendered (ADR 2), the language and the chrome of a page, sessions and
//! form tokens (ADR 6), the permission guards, the form flow, the
//! `?done=` confirmations, what a feature contributes, and what the JSON
//! API shares. Nothing here knows any feature but through `Feature`.

pub mod api;
pub mod assets;
pub mod context;
pub mod done;
pub mod error;
pub mod feature;
pub mod form;
pub mod guards;
pub mod letters;
pub mod ops;
pub mod page;
pub mod page_cache;
pub mod security;
pub mod session;
pub mod shown;
pub mod state;

pub use error::AppError;
pub use feature::Feature;
pub use form::StrictForm;
pub use guards::{May, Me};
pub use page::PageCtx;
pub use session::{ClientKey, CurrentUser};
pub use state::SharedState;
