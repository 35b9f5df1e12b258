//! Consultations' storage.

mod findings;
mod totals_snapshots;
