//! Storage of the site around the features.

mod feedback;
pub(crate) mod programmes;
