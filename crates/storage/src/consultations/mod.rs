//! Consultations: each one's text, dates, survey, timeline and
//! translations; the responses to it, their answers and running totals
//! (and the copy of them the public sees while it is open); what is
//! published of its results and findings; and theme analyses of
//! its written answers.

pub mod answers;
pub mod catalogue;
pub mod export_pages;
pub mod findings;
pub mod responses;
pub mod result_publications;
pub mod submission;
pub mod themes;
pub mod totals;
pub mod totals_snapshots;
pub mod translations;
