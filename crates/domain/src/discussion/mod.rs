//! Discussions (issue 18): threaded comments that residents write and
//! moderators look after. This module holds the rules that need no
//! database: where a reply sits in its thread, what a comment may say,
//! what each reader sees of it, and how screening reads through disguise.
//! ADR 33 says why threads are materialised paths and why nothing a
//! moderator does deletes a comment.

pub mod comment;
pub mod decision;
pub mod details;
pub mod endorsement;
pub mod import;
pub mod links;
pub mod moderation;
pub mod notification;
pub mod record;
pub mod screening;
pub mod stage_link;
pub mod statements;
pub mod texts;
pub mod thread;
