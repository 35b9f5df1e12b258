//! Discussions (issue 18): the discussions officers open, the comments
//! threaded under them by path (ADR 33), earlier versions of edited
//! comments, agreements and reports, and the consultation stage a
//! discussion may be part of (`stage_links`, ADR 38).

pub mod catalogue;
pub mod comments;
pub mod moderation;
pub mod notifications;
mod queue;
pub mod reactions;
pub mod screening;
pub mod stage_links;
pub mod statements;
pub mod submissions;
pub mod translations;
pub mod transparency;
