//! The web layer over real HTTP, against real databases: SQLite always,
//! PostgreSQL when `COHESION_TEST_POSTGRES_URL` is set.

mod account_pages;
mod accounts;
mod api;
mod api_accounts;
mod bad_input;
mod consultations;
mod feedback;
mod pages;
mod support;
mod themes;
