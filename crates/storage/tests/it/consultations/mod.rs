//! Consultations' storage.

mod findings;
