//! Community tension reports (issue 19): residents and partners send them
//! (`reporting`), officers with the tension-reading role read the counts
//! and, one by one with an audit entry each, the masked texts
//! (`reading`), administrators set whether the form is on, how long texts
//! are kept and what the acknowledgement promises (`settings`), and a
//! background job deletes texts after that period (`retention`).
//!
//! Reports are anonymous by design: no account, no address is stored, so
//! there is nothing here for "your data" or erasure.

pub mod demo;
pub mod reading;
pub mod reporting;
pub mod retention;
pub mod settings;
