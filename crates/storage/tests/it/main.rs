//! Storage conformance: every repository behaves the same on SQLite and on
//! PostgreSQL (when `COHESION_TEST_POSTGRES_URL` is set).

mod accounts;
mod conformance;
mod schema;
mod transient;
