//! Dates as pages show them: the text people read, in `<time>` with the
//! value machines read.

use std::fmt;

use askama::filters::{escape, Html, HtmlSafe};

/// A date, or a date and time, as a page shows it: `text` in the reader's
/// language and the site's time zone ("4 February 2027 at 5pm"), and
/// `datetime` for `<time datetime>`: the instant in UTC (RFC 3339), or
/// the calendar date (`2026-11-06`) for a date alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct When {
    pub datetime: String,
    pub text: String,
}

/// Renders as `<time datetime="…">text</time>`, escaped, so templates
/// write `{{ when }}`.
impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "<time datetime=\"{}\">{}</time>",
            html(&self.datetime),
            html(&self.text)
        )
    }
}

impl HtmlSafe for When {}

/// A sentence with dates in it ("Closes 4 February 2027 at 5pm"): the
/// words around them are the reader's language's, in its order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Dated {
    pub parts: Vec<DatedPart>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatedPart {
    Text(String),
    When(When),
}

impl Dated {
    /// The sentence as plain text (for attributes and plain-text mail).
    pub fn text(&self) -> String {
        self.parts
            .iter()
            .map(|p| match p {
                DatedPart::Text(t) => t.as_str(),
                DatedPart::When(w) => w.text.as_str(),
            })
            .collect()
    }
}

/// A sentence without a date.
impl From<String> for Dated {
    fn from(text: String) -> Self {
        Dated {
            parts: vec![DatedPart::Text(text)],
        }
    }
}

/// Renders escaped, with each date in `<time>`.
impl fmt::Display for Dated {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.parts {
            match p {
                DatedPart::Text(t) => write!(f, "{}", html(t))?,
                DatedPart::When(w) => write!(f, "{w}")?,
            }
        }
        Ok(())
    }
}

impl HtmlSafe for Dated {}

fn html(text: &str) -> impl fmt::Display + '_ {
    match escape(text, Html) {
        Ok(safe) => safe,
        Err(never) => match never {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_render_as_time_elements_escaped() {
        let when = When {
            datetime: "2027-02-04T17:00:00Z".into(),
            text: "4 February 2027 at 5pm".into(),
        };
        assert_eq!(
            when.to_string(),
            "<time datetime=\"2027-02-04T17:00:00Z\">4 February 2027 at 5pm</time>"
        );
        let dated = Dated {
            parts: vec![
                DatedPart::Text("Closes <".into()),
                DatedPart::When(when),
                DatedPart::Text(" & more".into()),
            ],
        };
        assert_eq!(
            dated.to_string(),
            "Closes &#60;<time datetime=\"2027-02-04T17:00:00Z\">4 February 2027 at 5pm</time> &#38; more"
        );
        assert_eq!(dated.text(), "Closes <4 February 2027 at 5pm & more");
    }
}
