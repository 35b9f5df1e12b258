//! What features list on the shared pages: the home page's "open now",
//! a section of *Get involved*, a panel of the staff's dashboard. Each
//! is a [`Listing`] of groups ("Open", "Upcoming", "Recently closed"),
//! each group a list of items or its empty state, so one template shows
//! any feature's part of any of those pages.

use askama::Template;

use crate::{Chrome, Phrase, Shown};

/// A feature's part of a shared page: its heading (a level-2 heading,
/// whose `id` is `{id}-heading`), links for the whole part, and groups.
pub struct Listing {
    /// The section's anchor (`/get-involved#consultations`).
    pub id: &'static str,
    pub heading: String,
    pub links: Vec<(String, String)>,
    pub groups: Vec<ListingGroup>,
}

/// One list of a [`Listing`], with what it says when empty.
pub struct ListingGroup {
    /// A level-3 heading; none when the listing has only this group.
    pub heading: Option<String>,
    pub items: Vec<ListingItem>,
    pub empty: String,
    /// A link to everything the group stands for (the full list).
    pub more: Option<(String, String)>,
}

/// One thing listed: its title (linked), a tag with its status, when
/// it opens or closes, and perhaps a line and links of its own.
pub struct ListingItem {
    pub href: String,
    pub title: Shown,
    /// Picks the tag's colour (`open`, `upcoming`, `closed`, `draft`).
    pub status_key: &'static str,
    pub status: String,
    /// "Closes 4 February 2027 at 5pm", or as the status makes it matter.
    pub dates: Phrase,
    pub note: Option<Phrase>,
    pub links: Vec<(String, Phrase)>,
}

/// The staff's dashboard: a panel from each feature with something to
/// show the reader.
#[derive(Template)]
#[template(path = "kit/manage.html")]
pub struct ManagePage<'a> {
    pub ui: Chrome<'a>,
    pub lead: String,
    pub panels: Vec<Listing>,
}
