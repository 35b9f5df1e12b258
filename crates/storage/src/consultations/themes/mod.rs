//! Theme analyses of one long-text question (ADR 0011, ADR 0013): runs,
//! the themes each found, which answers each theme holds, and the review
//! list.

pub mod answers;
pub mod assignments;
pub mod definitions;
pub mod reviews;
pub mod runs;
