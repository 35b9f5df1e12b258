//! Community tension reports: the public form and its acknowledgement,
//! the officers' dashboard with its chart, and one report's text.

use askama::Template;

use crate::{Chrome, Field, FieldError};

/// The form: the warning and the emergency line sit above the text box.
#[derive(Template)]
#[template(path = "tensions/form.html")]
pub struct ReportForm<'a> {
    pub ui: Chrome<'a>,
    pub csrf: String,
    pub errors: Vec<FieldError>,
    /// Area, kind and date.
    pub before: Vec<Field>,
    pub text: Field,
    /// Reported to the police.
    pub after: Vec<Field>,
}

/// The acknowledgement: a reference and the promise, never the text.
#[derive(Template)]
#[template(path = "tensions/sent.html")]
pub struct SentPage<'a> {
    pub ui: Chrome<'a>,
    pub reference: String,
    pub promise: String,
}

/// "Not taken here": the form is switched off on this site.
#[derive(Template)]
#[template(path = "tensions/closed.html")]
pub struct ClosedPage<'a> {
    pub ui: Chrome<'a>,
}

/// A bar of the weekly chart, in the SVG's units.
pub struct Bar {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
    /// Under the bar: the week.
    pub label: String,
    /// Over the bar: the figure as shown.
    pub figure: String,
}

/// The weekly trend: an SVG with its title and description, and the
/// same figures as a table beside it.
pub struct Chart {
    pub title: String,
    pub desc: String,
    pub width: u32,
    pub height: u32,
    pub baseline: u32,
    pub bars: Vec<Bar>,
}

/// One breakdown as a table: its caption, its two headings, its rows.
pub struct Breakdown {
    pub id: &'static str,
    pub caption: String,
    pub head: (String, String),
    pub rows: Vec<(String, String)>,
}

/// A recent report in the list: never its text.
pub struct RecentRow {
    pub href: String,
    pub reference: String,
    pub kind: String,
    pub area: String,
    pub date: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "tensions/dashboard.html")]
pub struct Dashboard<'a> {
    pub ui: Chrome<'a>,
    pub lead: String,
    pub rules: String,
    pub total: String,
    /// The period filter: weeks offered (value, label, selected).
    pub periods: Vec<(u32, String, bool)>,
    pub period_label: String,
    pub show: String,
    pub chart: Chart,
    pub by_week: Breakdown,
    pub by_area: Breakdown,
    pub by_kind: Breakdown,
    pub export_href: String,
    pub export_label: String,
    pub recent_caption: String,
    pub recent_head: Vec<String>,
    pub recent: Vec<RecentRow>,
    pub no_reports: String,
    pub settings_link: Option<(String, String)>,
}

/// One report: its particulars and its masked text, or its tombstone.
#[derive(Template)]
#[template(path = "tensions/report.html")]
pub struct ReportPage<'a> {
    pub ui: Chrome<'a>,
    pub back: Option<(String, String)>,
    pub rows: Vec<(String, String)>,
    pub text_heading: String,
    pub text: Option<String>,
    pub tombstone: Option<String>,
    pub audit_note: String,
}
