//! Storage conformance: every repository behaves the same on SQLite and on
//! PostgreSQL (when `COHESION_TEST_POSTGRES_URL` is set). One folder per
//! feature, as in `src`, and `kit` for what every feature uses.

mod accounts;
mod consultations;
mod kit;
mod site;
