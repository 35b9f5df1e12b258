//! Use-cases against real databases (SQLite always, PostgreSQL when set).
//! A folder per feature, as in `src/`, and `kit/` for what every feature
//! uses.

mod accounts;
mod consultations;
mod discussions;
mod kit;
mod site;
mod support;
