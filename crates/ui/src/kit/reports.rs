//! Summaries, tables and small action forms, and the page built from
//! them (your data, the administrators' lists, organisations, a
//! consultation's staff pages).

use askama::Template;

use crate::{Chrome, Field, FieldError, Shown, When};

/// One label and value, with an optional "Change" link.
pub struct SummaryRow {
    pub label: String,
    pub value: String,
    pub change: Option<(String, String)>,
    /// The languages of label and value where they are not the page's
    /// (an officer's text not yet translated).
    pub label_lang: Option<String>,
    pub value_lang: Option<String>,
    /// A date shown in `<time>` instead of `value`.
    pub when: Option<When>,
}

impl SummaryRow {
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            value: value.into(),
            change: None,
            label_lang: None,
            value_lang: None,
            when: None,
        }
    }

    /// A row whose value is a date.
    pub fn when(label: impl Into<String>, when: When) -> Self {
        Self {
            when: Some(when),
            ..Self::new(label, String::new())
        }
    }

    /// A row whose label an officer wrote (a question).
    pub fn written_label(label: Shown, value: impl Into<String>) -> Self {
        Self {
            label_lang: Some(label.lang),
            ..Self::new(label.text, value)
        }
    }

    /// A row whose value an officer wrote (topics, area).
    pub fn written_value(label: impl Into<String>, value: Shown) -> Self {
        Self {
            value_lang: Some(value.lang),
            ..Self::new(label, value.text)
        }
    }

    pub fn change(mut self, href: &str, label: impl Into<String>) -> Self {
        self.change = Some((href.to_owned(), label.into()));
        self
    }
}

/// A table cell: text, perhaps a link, perhaps role badges after it.
pub struct Cell {
    pub text: String,
    pub href: Option<String>,
    /// Role labels shown beside a name. They come from the person's roles
    /// only, so nobody can earn one by choosing a name.
    pub badges: Vec<String>,
    /// A date shown in `<time>` instead of `text`.
    pub when: Option<When>,
}

impl Cell {
    pub fn link(text: impl Into<String>, href: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            href: Some(href.into()),
            badges: Vec::new(),
            when: None,
        }
    }

    /// A cell that shows a date.
    pub fn when(when: When) -> Self {
        Self {
            when: Some(when),
            ..Self::from(String::new())
        }
    }

    pub fn with_badges(mut self, badges: Vec<String>) -> Self {
        self.badges = badges;
        self
    }
}

impl<T: Into<String>> From<T> for Cell {
    fn from(text: T) -> Self {
        Self {
            text: text.into(),
            href: None,
            badges: Vec::new(),
            when: None,
        }
    }
}

pub struct Table {
    pub caption: String,
    pub head: Vec<String>,
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
    pub button: String,
    pub danger: bool,
}

#[derive(Template)]
#[template(path = "kit/report.html")]
pub struct ReportPage<'a> {
    pub ui: Chrome<'a>,
    pub back: Option<(String, String)>,
    pub done: Option<String>,
    pub errors: Vec<FieldError>,
    pub lead: Vec<String>,
    pub rows: Vec<SummaryRow>,
    pub filter: Option<Filter>,
    pub csrf: String,
    pub actions: Vec<ActionForm>,
    pub tables: Vec<Table>,
    /// Links to related pages, listed after the tables.
    pub links: Vec<(String, String)>,
    pub next: Option<String>,
}

impl<'a> ReportPage<'a> {
    pub fn new(ui: Chrome<'a>) -> Self {
        Self {
            ui,
            back: None,
            done: None,
            errors: Vec::new(),
            lead: Vec::new(),
            rows: Vec::new(),
            filter: None,
            csrf: String::new(),
            actions: Vec::new(),
            tables: Vec::new(),
            links: Vec::new(),
            next: None,
        }
    }
}
