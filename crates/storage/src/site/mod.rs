//! The site around the features: the programme it runs, and the "Is this
//! page useful?" answers on its pages.

pub mod areas;
pub mod feedback;
pub mod keys;
pub mod programmes;
