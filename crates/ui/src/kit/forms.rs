//! Form parts every feature uses: fields with their label, hint, value
//! and error, the lines of the error summaries above them, and the page
//! that is one form.

use askama::Template;

use crate::{Chrome, Phrase, Shown};

/// One problem, linked from the summary to its field.
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

impl FieldError {
    /// Where the summary's line links: the field, whose id is its name.
    pub fn href(&self) -> String {
        format!("#{}", self.field)
    }
}

/// A line of an error summary that links somewhere other than a field
/// named after it (the question a routing rule depends on, or its first
/// answer); the message may name what an officer wrote.
pub struct SummaryLine {
    href: String,
    pub message: Phrase,
}

impl SummaryLine {
    pub fn new(href: String, message: Phrase) -> Self {
        Self { href, message }
    }

    /// Where the line links, as `kit/form_errors.html` asks of every line.
    pub fn href(&self) -> &str {
        &self.href
    }
}

/// A line of an error summary that names the question it is about (a
/// survey page's, for one): which question (its text, empty when the
/// field names none) and what is wrong, linked to where it is answered.
pub struct ErrorLink {
    pub href: String,
    pub question: Shown,
    pub message: String,
}

impl ErrorLink {
    /// What stands between the question and the message: a colon, unless
    /// the question already ends in its own mark ("How safe do you feel?
    /// Choose an answer", not "feel?: Choose").
    pub fn separator(&self) -> &'static str {
        let ends_marked = self
            .question
            .text
            .trim_end()
            .ends_with(['?', '\u{61F}', '!', '.', ':', '\u{6D4}']);
        if ends_marked {
            " "
        } else {
            ": "
        }
    }
}

/// A text input as the form shows it. Passwords never carry a value back.
pub struct Field {
    pub name: &'static str,
    pub kind: &'static str,
    pub label: String,
    pub hint: Option<String>,
    pub value: String,
    /// What is wrong with it; it may name what an officer wrote, marked
    /// with its language.
    pub error: Option<Phrase>,
    pub autocomplete: &'static str,
    /// Choices for "select" and "radios": value and label.
    pub options: Vec<(String, String)>,
    /// The language and direction of each option's label where it is not
    /// the page's (an officer's English question in an Arabic page), by
    /// the option's place; `None` (or no entry) for the page's language.
    pub option_langs: Vec<Option<(String, &'static str)>>,
    /// The direction of what is typed, where it is not the page's ("ltr"
    /// for ids and figures typed in an Arabic page; "" for the page's).
    pub dir: &'static str,
    /// The ids of the hint and error, for `aria-describedby`.
    pub describedby: String,
    /// The most characters it takes: searches and filters, sent in the
    /// page's address, take what the server accepts there (`maxlength`);
    /// a text box given one ([`Field::counted`]) counts down to it as
    /// people type.
    pub max_chars: Option<usize>,
    /// The values of the form's `kind` control this field is for, space
    /// separated (`data-shown-for`); empty for every one. Scripts hide
    /// the field for the others; without them every field shows.
    pub shown_for: String,
}

impl Field {
    pub fn new(
        name: &'static str,
        kind: &'static str,
        autocomplete: &'static str,
        label: String,
    ) -> Self {
        Self {
            name,
            kind,
            label,
            hint: None,
            value: String::new(),
            error: None,
            autocomplete,
            options: Vec::new(),
            option_langs: Vec::new(),
            dir: "",
            describedby: String::new(),
            max_chars: (kind == "search").then_some(cohesion_domain::text::MAX_QUERY_VALUE_CHARS),
            shown_for: String::new(),
        }
    }

    /// Shown only for these values of the form's `kind` control.
    pub fn shown_for(mut self, kinds: &[&str]) -> Self {
        self.shown_for = kinds.join(" ");
        self
    }

    /// A choice among `options` (`kind` is "select" or "radios").
    pub fn choice(
        name: &'static str,
        kind: &'static str,
        label: String,
        options: Vec<(String, String)>,
    ) -> Self {
        Self {
            options,
            ..Self::new(name, kind, "off", label)
        }
    }

    /// Marks the options' labels with their language and direction
    /// where they are not the page's (see `option_langs`).
    pub fn option_langs(mut self, langs: Vec<Option<(String, &'static str)>>) -> Self {
        self.option_langs = langs;
        self
    }

    /// The language and direction of option `i`'s label, if not the page's.
    pub fn option_lang(&self, i: usize) -> Option<&(String, &'static str)> {
        self.option_langs.get(i).and_then(Option::as_ref)
    }

    /// What is typed here reads left to right whatever the page's
    /// direction (ids and figures).
    pub fn left_to_right(mut self) -> Self {
        self.dir = "ltr";
        self
    }

    /// A text box that takes at most `max` characters and says, as people
    /// type, how many are left (GOV.UK's character count, a polite live
    /// region for screen readers). It never stops typing: a text over the
    /// limit is refused when sent, as it is without scripts, so the hint
    /// should still state the limit.
    pub fn counted(mut self, max: usize) -> Self {
        self.max_chars = Some(max);
        self
    }

    pub fn hint(mut self, hint: String) -> Self {
        self.hint = Some(hint);
        self
    }

    pub fn value(mut self, value: &str) -> Self {
        self.value = value.to_owned();
        self
    }

    /// For "checkboxes": the values ticked.
    pub fn ticked(mut self, values: &[String]) -> Self {
        self.value = values.join("\n");
        self
    }

    /// Whether checkbox `value` is ticked.
    pub fn checked(&self, value: &str) -> bool {
        self.value.lines().any(|v| v == value)
    }

    /// Attaches this field's error, if `errors` has one, and works out
    /// what the input is described by.
    pub fn errors_from(self, errors: &[FieldError]) -> Self {
        let error = errors
            .iter()
            .find(|e| e.field == self.name)
            .map(|e| Phrase::plain(e.message.clone()));
        self.error_phrase(error)
    }

    /// Attaches `error` (a message with values placed in it) and works
    /// out what the input is described by.
    pub fn error_phrase(mut self, error: Option<Phrase>) -> Self {
        self.error = error;
        let mut ids = Vec::new();
        if self.hint.is_some() {
            ids.push(format!("{}-hint", self.name));
        }
        if self.error.is_some() {
            ids.push(format!("{}-error", self.name));
        }
        self.describedby = ids.join(" ");
        self
    }
}

/// Any single form: a title, a few paragraphs, fields and one button.
/// Most account and administration forms are one of these.
#[derive(Template)]
#[template(path = "kit/form_page.html")]
pub struct FormPage<'a> {
    pub ui: Chrome<'a>,
    pub back: Option<(String, String)>,
    /// The paragraphs under the heading: the platform's words, or what an
    /// officer wrote, marked with its language.
    pub lead: Vec<Phrase>,
    pub warning: Option<String>,
    pub csrf: String,
    pub action: String,
    pub hidden: Vec<(&'static str, String)>,
    pub fields: Vec<Field>,
    pub errors: Vec<FieldError>,
    pub button: String,
    /// A red button, for what cannot be undone.
    pub danger: bool,
    pub links: Vec<(String, String)>,
}

impl<'a> FormPage<'a> {
    pub fn new(ui: Chrome<'a>, csrf: String, action: &str, button: String) -> Self {
        Self {
            ui,
            back: None,
            lead: Vec::new(),
            warning: None,
            csrf,
            action: action.to_owned(),
            hidden: Vec::new(),
            fields: Vec::new(),
            errors: Vec::new(),
            button,
            danger: false,
            links: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(question: &str) -> ErrorLink {
        ErrorLink {
            href: "#q1".into(),
            question: Shown::new(question, "en"),
            message: "Answer the question".into(),
        }
    }

    #[test]
    fn a_question_with_its_own_mark_takes_no_colon() {
        assert_eq!(link("What happened?").separator(), " ");
        assert_eq!(link("ماذا حدث؟").separator(), " ");
        assert_eq!(link("Your postcode").separator(), ": ");
        assert_eq!(link("Tell us more: ").separator(), " ");
    }
}
