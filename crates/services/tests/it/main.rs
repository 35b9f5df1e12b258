//! Use-cases against real databases (SQLite always, PostgreSQL when set).

mod account_life;
mod accounts;
mod consultations;
mod group_commit;
mod mail;
mod site_and_feedback;
mod themes;
