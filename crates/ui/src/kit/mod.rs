//! What every feature's pages are made of: the chrome around each page,
//! form fields and error summaries, summaries, tables (of figures too)
//! and report pages, Markdown, texts marked with their language and the
//! messages they are placed in, dates in `<time>`, the texts of the front
//! end's components, and the notice, confirmation and error pages. The
//! crate root re-exports all of it.

pub mod chrome;
pub mod components;
pub mod dates;
pub mod figures;
pub mod forms;
pub mod listing;
pub mod markdown;
pub mod pages;
pub mod reports;
pub mod shown;

/// The file a link to one of the API's JSON documents for people (a
/// consultation's results or findings) saves as: such a link downloads
/// (`download`) rather than opening raw JSON in the tab, while the API
/// itself answers its clients unchanged.
pub fn download_name(href: &str) -> Option<String> {
    let rest = href.strip_prefix("/api/v1/consultations/")?;
    let (id, what) = rest.split_once('/')?;
    matches!(what, "results" | "findings").then(|| format!("{what}-{id}.json"))
}
