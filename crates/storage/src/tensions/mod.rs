//! Community tension reports (migration 0036): the site's settings, the
//! reports (texts deleted after the retention period) and the counts by
//! area, kind and week that outlive them.

pub mod counts;
pub mod reports;
pub mod settings;
