//! Use-cases against real databases (SQLite always, PostgreSQL when set).

mod accounts;
mod mail;
mod site_and_feedback;
