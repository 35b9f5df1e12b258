//! The moderators' pages of discussions are the kit's `ReportPage`; each
//! comment waiting is a card of its own, placed in the page as a
//! `Section`, with the box that asks for a step outside the platform,
//! and the queue's form that decides several cards at once.

use askama::Template;

use crate::{Phrase, SummaryRow};

/// A step a moderator must take outside the platform, and the form that
/// records it was taken: a box ticked to say it was done and a note of
/// what was done (who was called, the referral's reference).
pub struct OutsideBox {
    pub heading: String,
    pub text: Vec<String>,
    pub action: String,
    pub csrf: String,
    pub done_label: String,
    pub note_label: String,
    pub note_hint: String,
    pub button: String,
    /// Once recorded: who recorded it and when, in words; the form is
    /// then not offered again.
    pub recorded: Option<Phrase>,
}

/// The tick box that puts a card in the queue's bulk form (by the
/// form's `id`, so the cards need not sit inside it).
pub struct SelectBox {
    pub form: String,
    pub label: Phrase,
}

/// One comment waiting for a moderator.
#[derive(Template)]
#[template(path = "discussions/moderation_card.html")]
pub struct ModerationCard {
    /// The comment's id.
    pub id: String,
    /// The element's id (`item-<comment id>`).
    pub anchor: String,
    pub heading: Phrase,
    /// Where the heading leads (the item's own page), if anywhere.
    pub href: Option<String>,
    /// Held, reported, appealed, escalated: as words.
    pub flags: Vec<String>,
    pub rows: Vec<SummaryRow>,
    pub outside: Option<OutsideBox>,
    pub select: Option<SelectBox>,
}

/// The queue's form for deciding the ticked cards at once: approve them,
/// or hide them for one public reason. It works without scripts: each
/// card's tick box names this form.
#[derive(Template)]
#[template(path = "discussions/moderation_bulk.html")]
pub struct BulkForm {
    /// The form's id, which the cards' tick boxes name.
    pub id: String,
    pub heading: String,
    pub hint: String,
    pub action: String,
    pub csrf: String,
    /// The queue as narrowed when the form was sent: where the summary
    /// of what was decided is shown, filters kept.
    pub from: String,
    pub action_legend: String,
    /// Value and label of each decision offered.
    pub actions: Vec<(String, String)>,
    pub reason_label: String,
    pub reasons: Vec<(String, String)>,
    pub note_label: String,
    pub button: String,
}
