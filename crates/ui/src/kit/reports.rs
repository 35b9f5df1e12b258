//! Summaries, tables and small action forms, and the page built from
//! them (your data, the administrators' lists, organisations, a
//! consultation's staff pages).

use askama::Template;

use super::figures::{Figure, FigureTable};
use crate::{Chrome, Field, FieldError, Phrase, Shown, When};

/// One label and value, with an optional "Change" link. Either may be an
/// officer's text marked with its language, or a message with values
/// placed in it (a [`Phrase`]); the template isolates both.
pub struct SummaryRow {
    pub label: Phrase,
    pub value: Phrase,
    pub change: Option<(String, String)>,
    /// What the change link's hidden words add to its label, for those
    /// who hear links out of context ("Translate" + "into العربية");
    /// without it, the row's label after a dash.
    pub change_hidden: Option<Phrase>,
}

impl SummaryRow {
    pub fn new(label: impl Into<Phrase>, value: impl Into<Phrase>) -> Self {
        Self {
            label: label.into(),
            value: value.into(),
            change: None,
            change_hidden: None,
        }
    }

    /// A row whose label an officer wrote (a question).
    pub fn written_label(label: Shown, value: impl Into<Phrase>) -> Self {
        Self::new(label, value)
    }

    /// A row whose value an officer wrote (topics, area).
    pub fn written_value(label: impl Into<Phrase>, value: Shown) -> Self {
        Self::new(label, value)
    }

    /// A row whose value is a date, in `<time>`.
    pub fn when(label: impl Into<Phrase>, when: When) -> Self {
        Self::new(label, when)
    }

    pub fn change(mut self, href: &str, label: impl Into<String>) -> Self {
        self.change = Some((href.to_owned(), label.into()));
        self
    }

    /// A "Change" link whose label and hidden words read as one sentence
    /// ("Translate into العربية"), rather than the label and the row's.
    pub fn change_said(mut self, href: &str, label: impl Into<String>, hidden: Phrase) -> Self {
        self.change = Some((href.to_owned(), label.into()));
        self.change_hidden = Some(hidden);
        self
    }
}

/// A table cell: text (an officer's marked with its language, a
/// resident's isolated), perhaps a link, perhaps role badges after it.
pub struct Cell {
    pub text: Phrase,
    pub href: Option<String>,
    /// Role labels shown beside a name. They come from the person's roles
    /// only, so nobody can earn one by choosing a name.
    pub badges: Vec<String>,
}

impl Cell {
    pub fn link(text: impl Into<Phrase>, href: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            href: Some(href.into()),
            badges: Vec::new(),
        }
    }

    /// A cell that shows a date, in `<time>`.
    pub fn when(when: When) -> Self {
        Self::from(when)
    }

    pub fn with_badges(mut self, badges: Vec<String>) -> Self {
        self.badges = badges;
        self
    }
}

impl<T: Into<Phrase>> From<T> for Cell {
    fn from(text: T) -> Self {
        Self {
            text: text.into(),
            href: None,
            badges: Vec::new(),
        }
    }
}

pub struct Table {
    /// The caption, and the label of the box a wide table scrolls in.
    pub caption: Phrase,
    pub head: Vec<Phrase>,
    pub rows: Vec<Vec<Cell>>,
    /// What to say when there are no rows.
    pub empty: String,
}

/// A GET form that narrows a list.
pub struct Filter {
    pub action: String,
    pub fields: Vec<Field>,
    pub button: String,
}

/// A small POST form with one button (grant a role, suspend, invite).
pub struct ActionForm {
    pub action: String,
    pub hidden: Vec<(&'static str, String)>,
    pub fields: Vec<Field>,
    /// Its words, which may name what it acts on as written (a finding's
    /// title, marked with its language).
    pub button: Phrase,
    pub danger: bool,
    /// The page's main action: a primary button (else a secondary one,
    /// or a warning one when `danger`).
    pub primary: bool,
    /// A far-reaching action: the button asks first (a GET to the page
    /// that says what will happen, carrying `hidden` but no token).
    pub ask: bool,
}

/// A part of a page rendered by a feature's own template (the survey on
/// a consultation's officers' page): markup as the template made it, with
/// every text in it escaped there.
pub struct Section(String);

impl Section {
    pub fn render(part: &impl Template) -> Result<Section, askama::Error> {
        part.render().map(Section)
    }
}

impl std::fmt::Display for Section {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl askama::filters::HtmlSafe for Section {}

#[derive(Template)]
#[template(path = "kit/report.html")]
pub struct ReportPage<'a> {
    pub ui: Chrome<'a>,
    pub back: Option<(String, String)>,
    /// The banner after a change: a phrase, since it may name someone
    /// (isolated) as well as say what was done.
    pub done: Option<Phrase>,
    /// A link inside that banner: where the next step on what was
    /// changed is (the comment just decided, to decide on it again).
    pub done_link: Option<(String, Phrase)>,
    pub errors: Vec<FieldError>,
    /// The paragraphs under the heading: the platform's words, or what an
    /// officer wrote, marked with its language.
    pub lead: Vec<Phrase>,
    pub rows: Vec<SummaryRow>,
    pub filter: Option<Filter>,
    pub csrf: String,
    pub actions: Vec<ActionForm>,
    /// Tables of figures (a crosstab, weighted shares), before `tables`.
    pub figures: Vec<FigureTable>,
    /// Parts a feature renders itself, shown before the tables.
    pub sections: Vec<Section>,
    pub tables: Vec<Table>,
    /// Links to related pages, listed after the tables.
    pub links: Vec<(String, Phrase)>,
    pub next: Option<String>,
}

impl<'a> ReportPage<'a> {
    pub fn new(ui: Chrome<'a>) -> Self {
        Self {
            ui,
            back: None,
            done: None,
            done_link: None,
            errors: Vec::new(),
            lead: Vec::new(),
            rows: Vec::new(),
            filter: None,
            csrf: String::new(),
            actions: Vec::new(),
            figures: Vec::new(),
            sections: Vec::new(),
            tables: Vec::new(),
            links: Vec::new(),
            next: None,
        }
    }
}
