//! The site's own pages and calls (`src/site/`).

mod feedback;
mod info;
mod name;
mod pages;
