//! Dates as pages show them: the text people read, in `<time>` with the
//! value machines read. Sentences with dates in them are `Phrase`s
//! (`Value::When`).

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
    }
}
