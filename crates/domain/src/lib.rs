//! Cohesion's domain: pure types and rules, free of I/O.
//!
//! Everything here can be tested without a database or a web server; the
//! storage, services and web crates build on these types.

pub mod analysis;
pub mod community_message;
pub mod consultation;
pub mod consultation_changes;
pub mod discussion;
pub mod error;
pub mod feedback;
pub mod help;
pub mod identity;
pub mod languages;
pub mod local_area;
pub mod local_time;
pub mod organisation;
pub mod pages;
pub mod programme;
pub mod rate_limit;
pub mod stage_changes;
pub mod survey;
pub mod tension;
pub mod text;
pub mod timeline;
pub mod timestamp;
pub mod translation;

pub use error::{ErrorCode, ErrorDetail, ValidationError};
