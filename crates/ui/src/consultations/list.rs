//! The consultations residents browse: the list with its filter, and a
//! consultation's page with its timeline.

use askama::Template;

use crate::{Chrome, Field, Phrase, Shown, SummaryRow, When};

/// One consultation in a list.
pub struct ConsultationItem {
    pub href: String,
    pub title: Shown,
    pub summary: Shown,
    /// `upcoming`, `open`, `closed` or `draft`: picks the tag's colour.
    pub status_key: &'static str,
    pub status: String,
    /// "Closes 4 February 2027 at 5pm", or as the status makes it matter.
    pub dates: Phrase,
    pub responded: String,
}

#[derive(Template)]
#[template(path = "consultations/list.html")]
pub struct ConsultationListPage<'a> {
    pub ui: Chrome<'a>,
    pub lead: String,
    pub filter: Vec<Field>,
    pub filter_button: String,
    pub count: String,
    pub items: Vec<ConsultationItem>,
    pub empty: String,
    pub previous: Option<String>,
    pub next: Option<String>,
    pub create: Option<(String, String)>,
}

/// A stage of the timeline.
pub struct StageItem {
    pub name: Shown,
    pub description: Shown,
    pub date: Option<When>,
    /// `happened`, `current` or `to_come`.
    pub state_key: &'static str,
    pub state: String,
    pub link: Option<(String, String)>,
    /// Why there is no link yet ("Results are not published yet").
    pub note: Option<String>,
    /// The published discussions that are part of this stage: where each
    /// is, and its title in the reader's language where translated.
    pub discussions: Vec<(String, Shown)>,
}

#[derive(Template)]
#[template(path = "consultations/consultation.html")]
pub struct ConsultationPage<'a> {
    pub ui: Chrome<'a>,
    pub done: Option<String>,
    /// Shown on drafts, which only staff can see (saying when and by
    /// whom one was withdrawn).
    pub draft_notice: Option<Phrase>,
    /// Said of a closed consultation whose results are not public yet.
    pub results_note: Option<String>,
    pub status_key: &'static str,
    pub status: String,
    /// "Closes 4 February 2027 at 5pm", or as the status makes it matter.
    pub dates: Phrase,
    pub responded: String,
    /// The language of the title (the page's heading, `ui.title`).
    pub title_lang: String,
    pub summary: Shown,
    /// Sanitised HTML from the Markdown body, and its language.
    pub body_html: String,
    pub body_lang: String,
    /// Dates, topics, area: label and value.
    pub rows: Vec<SummaryRow>,
    pub stages: Vec<StageItem>,
    pub timeline_heading: String,
    /// "How we are listening": the strands of engagement.
    pub strands: Vec<Shown>,
    pub strands_heading: String,
    /// Linked documents: link and title.
    pub documents: Vec<(String, Shown)>,
    pub documents_heading: String,
    /// "Respond" (or "Continue your response", "Change your response").
    pub respond: Option<(String, String)>,
    pub respond_note: Option<String>,
    pub links: Vec<(String, String)>,
    /// The way to the published findings, whenever there are any:
    /// "We asked, you said, we did" once the consultation has closed,
    /// "What you told us" before (a findings stage of the timeline leads
    /// there too, but a consultation need not have one).
    pub findings_link: Option<(String, String)>,
}
