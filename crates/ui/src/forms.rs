//! Views for the account forms: fields with their label, hint, value and
//! error, and the error summary above them.

use askama::Template;

use crate::chrome::Chrome;

/// One problem, linked from the summary to its field.
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

/// A text input as the form shows it. Passwords never carry a value back.
pub struct Field {
    pub name: &'static str,
    pub kind: &'static str,
    pub label: String,
    pub hint: Option<String>,
    pub value: String,
    pub error: Option<String>,
    pub autocomplete: &'static str,
    /// Choices for "select" and "radios": value and label.
    pub options: Vec<(String, String)>,
    /// The ids of the hint and error, for `aria-describedby`.
    pub describedby: String,
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
            describedby: String::new(),
        }
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
    pub fn errors_from(mut self, errors: &[FieldError]) -> Self {
        self.error = errors
            .iter()
            .find(|e| e.field == self.name)
            .map(|e| e.message.clone());
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

#[derive(Template)]
#[template(path = "sign_up.html")]
pub struct SignUpPage<'a> {
    pub ui: Chrome<'a>,
    pub csrf: String,
    pub fields: Vec<Field>,
    pub errors: Vec<FieldError>,
}

#[derive(Template)]
#[template(path = "sign_in.html")]
pub struct SignInPage<'a> {
    pub ui: Chrome<'a>,
    pub csrf: String,
    /// Where to go once signed in (a checked local path), or empty.
    pub next: String,
    pub fields: Vec<Field>,
    pub errors: Vec<FieldError>,
}

/// A page that says one thing: "check your email", "link used".
#[derive(Template)]
#[template(path = "notice.html")]
pub struct NoticePage<'a> {
    pub ui: Chrome<'a>,
    pub text: String,
    pub link: Option<(String, String)>,
}

/// Any single form: a title, a few paragraphs, fields and one button.
/// Most account and administration forms are one of these.
#[derive(Template)]
#[template(path = "form_page.html")]
pub struct FormPage<'a> {
    pub ui: Chrome<'a>,
    pub back: Option<(String, String)>,
    pub lead: Vec<String>,
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
