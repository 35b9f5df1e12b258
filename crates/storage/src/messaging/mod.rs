//! Community messages by email (migration 0037, ADR 45): the topics,
//! the subscribers and their waiting requests, and the messages with
//! their batched queuing to the outbox.

pub mod messages;
pub mod queue;
pub mod subscribers;
pub mod topics;
