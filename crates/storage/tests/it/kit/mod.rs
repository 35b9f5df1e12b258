//! The kit every feature uses: schema and migrations, transactions and
//! timestamps, the outbox and audit log, rate limits, transient errors.

mod migrations;
mod outbox;
mod rate_limits;
mod schema;
mod transactions;
mod transient;
