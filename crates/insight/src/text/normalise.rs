//! Normalisation for matching lives in the domain (`domain::text`), so
//! that search in the services and analysis here read text alike.

pub use cohesion_domain::text::normalise;
