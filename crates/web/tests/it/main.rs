//! The web layer over real HTTP, against real databases: SQLite always,
//! PostgreSQL when `COHESION_TEST_POSTGRES_URL` is set. A folder per
//! feature, as in `src/`, and `kit/` for what every page and call share.

mod accounts;
mod consultations;
mod discussions;
mod discussions_moderation;
mod discussions_staff;
mod help;
mod kit;
mod messaging;
mod site;
mod support;
mod tensions;
