//! Accounts: people and their roles, signed-in sessions, the single-use
//! tokens sent by email, and community organisations with their members
//! and invitations.

pub mod email_tokens;
pub mod organisations;
pub mod sessions;
pub mod users;
