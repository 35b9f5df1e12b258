//! The moderators' pages of discussions are the kit's `ReportPage`; each
//! comment waiting is a card of its own, placed in the page as a
//! `Section`, with the box that asks for a step outside the platform.

use askama::Template;

use crate::{Phrase, SummaryRow};

/// A step a moderator must take outside the platform, and the form that
/// records it was taken.
pub struct OutsideBox {
    pub heading: String,
    pub text: Vec<String>,
    pub action: String,
    pub csrf: String,
    pub button: String,
}

/// One comment waiting for a moderator.
#[derive(Template)]
#[template(path = "discussions/moderation_card.html")]
pub struct ModerationCard {
    /// The element's id (`item-<comment id>`).
    pub anchor: String,
    pub heading: Phrase,
    /// Where the heading leads (the item's own page), if anywhere.
    pub href: Option<String>,
    /// Held, reported, appealed, escalated: as words.
    pub flags: Vec<String>,
    pub rows: Vec<SummaryRow>,
    pub outside: Option<OutsideBox>,
}
