//! Texts someone wrote, with the language they are shown in, and the
//! messages they are placed in.
//!
//! Fluent puts invisible isolation marks (U+2068, U+2069) around every
//! value it places in a message, so that an English title inside an
//! Arabic sentence keeps its punctuation at its own end. In a page, the
//! same isolation is markup instead: a [`Phrase`] places each value in a
//! `<bdi>` element carrying the value's language. Copying a title or a
//! heading then yields its letters only, and a screen reader switches
//! voice on the untranslated English inside an Arabic page (ADR 0016,
//! ADR 0020).

use std::fmt::{self, Write as _};

use cohesion_i18n::{Locale, Piece, PieceArg};
use fluent_bundle::FluentValue;

/// What an officer wrote, as a page shows it: translated into the
/// reader's language, or as written when it has no translation yet. The
/// template puts `lang` on the element around it (WCAG 3.1.2, language
/// of parts), so a screen reader reads an untranslated English text in
/// an Arabic page with an English voice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub text: String,
    /// A language tag ("en", "ar").
    pub lang: String,
}

impl Shown {
    pub fn new(text: impl Into<String>, lang: impl Into<String>) -> Self {
        Shown {
            text: text.into(),
            lang: lang.into(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// The text alone: templates escape it like any other value.
impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Text ready for a page: a message of the platform with the values
/// placed in it, or one text on its own.
///
/// `{{ phrase }}` writes its markup, so it belongs in element content
/// (a heading, a link, a cell, a caption), never in an attribute: there,
/// `{{ phrase.text() }}` gives Fluent's own text, whose isolation marks
/// are all the isolation an attribute can have.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Phrase {
    html: String,
    text: String,
}

/// A value placed in a [`Phrase`].
pub enum Value<'a> {
    /// An officer's text, in its language: `<bdi lang="…">`.
    Shown(&'a Shown),
    /// A text whose language nobody recorded (a person's name, a
    /// reference, a resident's words): `<bdi>`, which takes its direction
    /// from its first letter.
    Text(&'a str),
    /// A phrase made before, kept as it is and isolated as a whole.
    Phrase(&'a Phrase),
    /// A number, which also chooses between plural forms.
    Number(u64),
    /// A date, in `<time>` (ADR 18).
    When(&'a crate::When),
    /// A phrase kept on one line, such as a range of figures ("27–44%"),
    /// which a browser would otherwise break after its dash.
    Unbroken(&'a Phrase),
}

impl Value<'_> {
    fn fluent(&self) -> FluentValue<'_> {
        match self {
            Value::Shown(s) => FluentValue::from(s.text.as_str()),
            Value::Text(t) => FluentValue::from(*t),
            Value::Phrase(p) | Value::Unbroken(p) => FluentValue::from(p.text.as_str()),
            Value::Number(n) => FluentValue::from(*n),
            Value::When(w) => FluentValue::from(w.text.as_str()),
        }
    }

    fn piece(&self) -> PieceArg<'_> {
        match self {
            Value::Number(n) => PieceArg::Value(FluentValue::from(*n)),
            _ => PieceArg::Placed,
        }
    }

    fn write_html(&self, out: &mut String) {
        match self {
            Value::Shown(s) => {
                let _ = write!(out, "<bdi lang=\"{}\">", escape(&s.lang));
                out.push_str(&escape(&s.text));
                out.push_str("</bdi>");
            }
            Value::Text(t) => {
                out.push_str("<bdi>");
                out.push_str(&escape(t));
                out.push_str("</bdi>");
            }
            Value::Phrase(p) => {
                out.push_str("<bdi>");
                out.push_str(&p.html);
                out.push_str("</bdi>");
            }
            Value::Number(n) => {
                let _ = write!(out, "{n}");
            }
            Value::When(w) => {
                let _ = write!(out, "{w}");
            }
            Value::Unbroken(p) => {
                out.push_str("<span class=\"app-unbroken\">");
                out.push_str(&p.html);
                out.push_str("</span>");
            }
        }
    }
}

impl Phrase {
    /// The message `id` with `args` placed in it.
    pub fn message(locale: &Locale, id: &str, args: &[(&str, Value<'_>)]) -> Self {
        let fluent: Vec<(&str, FluentValue<'_>)> =
            args.iter().map(|(name, v)| (*name, v.fluent())).collect();
        let pieces: Vec<(&str, PieceArg<'_>)> =
            args.iter().map(|(name, v)| (*name, v.piece())).collect();
        let mut html = String::new();
        for piece in locale.t_pieces(id, &pieces) {
            match piece {
                Piece::Text(t) => html.push_str(&escape(&t)),
                Piece::Arg(i) => args[i].1.write_html(&mut html),
            }
        }
        Phrase {
            html,
            text: locale.t_args(id, &fluent),
        }
    }

    /// A text in the page's own language, shown as it is.
    pub fn plain(text: impl Into<String>) -> Self {
        let text = text.into();
        Phrase {
            html: escape(&text),
            text,
        }
    }

    /// A text whose language nobody recorded, isolated (`<bdi>`).
    pub fn isolated(text: &str) -> Self {
        let mut html = String::new();
        Value::Text(text).write_html(&mut html);
        Phrase {
            html,
            text: text.to_owned(),
        }
    }

    /// `items` one after another, `separator` (the page's own text)
    /// between them: the lines of an answer, "row: option".
    pub fn join(items: impl IntoIterator<Item = Phrase>, separator: &str) -> Self {
        let mut out = Phrase::default();
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                out.html.push_str(&escape(separator));
                out.text.push_str(separator);
            }
            out.html.push_str(&item.html);
            out.text.push_str(&item.text);
        }
        out
    }

    /// The phrase isolated and set in direction `dir` ("ltr", "rtl"):
    /// for a line made only of isolated texts and punctuation, which has
    /// no letter of its own to take a direction from.
    pub fn directed(self, dir: &str) -> Phrase {
        Phrase {
            html: format!("<span dir=\"{}\">{}</span>", escape(dir), self.html),
            text: self.text,
        }
    }

    /// The text with Fluent's isolation marks, for attribute values.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text without any isolation mark: for the page's `<title>`,
    /// which holds no markup, and for what is copied from it.
    pub fn unmarked(&self) -> String {
        unmarked(&self.text)
    }

    /// The markup, as `{{ phrase }}` writes it.
    pub fn html(&self) -> &str {
        &self.html
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// The markup: safe as it is, every text in it escaped.
impl fmt::Display for Phrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.html)
    }
}

impl askama::filters::HtmlSafe for Phrase {}

impl From<String> for Phrase {
    fn from(text: String) -> Self {
        Phrase::plain(text)
    }
}

impl From<&str> for Phrase {
    fn from(text: &str) -> Self {
        Phrase::plain(text)
    }
}

impl From<std::borrow::Cow<'_, str>> for Phrase {
    fn from(text: std::borrow::Cow<'_, str>) -> Self {
        Phrase::plain(text.into_owned())
    }
}

/// A date on its own, in `<time>` (ADR 18).
impl From<crate::When> for Phrase {
    fn from(when: crate::When) -> Self {
        Phrase {
            html: when.to_string(),
            text: when.text,
        }
    }
}

/// An officer's text on its own, marked with its language.
impl From<&Shown> for Phrase {
    fn from(shown: &Shown) -> Self {
        let mut html = String::new();
        Value::Shown(shown).write_html(&mut html);
        Phrase {
            html,
            text: shown.text.clone(),
        }
    }
}

impl From<Shown> for Phrase {
    fn from(shown: Shown) -> Self {
        Phrase::from(&shown)
    }
}

/// About how many characters a line of a column heading holds before
/// the heading takes another line.
const HEADING_LINE: usize = 14;

impl Phrase {
    /// A column heading of a table of figures: `text` (in `lang` when an
    /// officer wrote it, the page's own when `None`) set in lines that
    /// stay whole (`app-line`), its words shared out so that the longest
    /// line is as short as can be in two lines (more for a long heading,
    /// about 14 characters a line). A crowded table then narrows the
    /// column only to that longest line, and short words (as Arabic's
    /// often are) no longer stack one per line; given room, the lines
    /// run on as one.
    pub fn heading(text: &str, lang: Option<&str>) -> Phrase {
        let lines: Vec<String> = even_lines(text)
            .iter()
            .map(|line| format!("<span class=\"app-line\">{}</span>", escape(line)))
            .collect();
        let lines = lines.join(" ");
        let html = match lang {
            Some(lang) => format!("<bdi lang=\"{}\">{lines}</bdi>", escape(lang)),
            None => lines,
        };
        Phrase {
            html,
            text: text.to_owned(),
        }
    }
}

impl Shown {
    /// The text as a column heading of a table of figures, marked with
    /// its language (see [`Phrase::heading`]).
    pub fn heading(&self) -> Phrase {
        Phrase::heading(&self.text, Some(&self.lang))
    }
}

/// `text`'s words in as few lines as [`HEADING_LINE`] asks (two at
/// least, where there are two words), the longest as short as can be:
/// the narrowest width whose greedy filling needs no more lines.
fn even_lines(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let chars = |w: &str| w.chars().count();
    let fill = |width: usize| {
        let mut lines: Vec<String> = Vec::new();
        for w in &words {
            match lines.last_mut() {
                Some(line) if chars(line) + 1 + chars(w) <= width => {
                    line.push(' ');
                    line.push_str(w);
                }
                _ => lines.push((*w).to_owned()),
            }
        }
        lines
    };
    let total = words
        .iter()
        .map(|w| chars(w) + 1)
        .sum::<usize>()
        .saturating_sub(1);
    let most = total.div_ceil(HEADING_LINE).max(2).min(words.len().max(1));
    let mut width = words.iter().map(|w| chars(w)).max().unwrap_or(0);
    while fill(width).len() > most {
        width += 1;
    }
    fill(width)
}

/// `text` without the directional isolation characters (U+2066–U+2069).
pub fn unmarked(text: &str) -> String {
    text.replace(['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'], "")
}

/// `text` escaped for element content and quoted attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use cohesion_i18n::Catalog;

    const MARKS: [char; 4] = ['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'];

    #[test]
    fn an_english_title_in_an_arabic_heading_is_markup_with_its_language() {
        let catalog = Catalog::load().unwrap();
        let ar = catalog.get("ar").unwrap();
        let title = Shown::new("Youth <voices> & hate?", "en");
        let p = Phrase::message(ar, "results-title-of", &[("title", Value::Shown(&title))]);
        assert!(
            p.html()
                .contains(r#"<bdi lang="en">Youth &lt;voices&gt; &amp; hate?</bdi>"#),
            "{}",
            p.html()
        );
        assert!(!p.html().contains(MARKS), "{:?}", p.html());
        // Attributes keep Fluent's own isolation; the title has none.
        assert!(p.text().contains("\u{2068}Youth <voices> & hate?\u{2069}"));
        assert_eq!(p.unmarked(), unmarked(p.text()));
        assert!(!p.unmarked().contains(MARKS));
    }

    #[test]
    fn names_are_isolated_numbers_are_not_and_phrases_nest() {
        let catalog = Catalog::load().unwrap();
        let en = catalog.get("en").unwrap();
        let p = Phrase::message(en, "signed-in-as", &[("name", Value::Text("Li \"Wei\""))]);
        assert_eq!(p.html(), "Signed in as <bdi>Li &quot;Wei&quot;</bdi>");
        let n = Phrase::message(en, "feedback-count", &[("count", Value::Number(2))]);
        assert_eq!(n.html(), "So far, 2 people have found this page useful.");
        let outer = Phrase::message(
            en,
            "page-title",
            &[("page", Value::Phrase(&n)), ("site", Value::Text("x"))],
        );
        assert!(outer.html().starts_with("<bdi>So far, 2 people"));
    }

    /// Lines as even as can be: "16 to" and "24", not a word a line; a
    /// long heading takes more lines; one word is one line.
    #[test]
    fn a_heading_is_set_in_even_lines_that_stay_whole() {
        assert_eq!(even_lines("16 to 24"), ["16 to", "24"]);
        assert_eq!(even_lines("من 16 إلى 24"), ["من 16", "إلى 24"]);
        assert_eq!(even_lines("Prefer not to say"), ["Prefer not", "to say"]);
        assert_eq!(even_lines("أفضّل عدم الإجابة"), ["أفضّل عدم", "الإجابة"]);
        assert_eq!(even_lines("Total"), ["Total"]);
        assert!(even_lines("  ").is_empty());
        let long = even_lines("Yes, it limits my day-to-day activities a little");
        assert_eq!(long.len(), 4, "{long:?}");
        assert!(long.iter().all(|l| l.chars().count() <= 14), "{long:?}");
        let h = Shown::new("Under <16>", "en").heading();
        assert_eq!(
            h.html(),
            "<bdi lang=\"en\"><span class=\"app-line\">Under</span> <span class=\"app-line\">&lt;16&gt;</span></bdi>"
        );
        assert_eq!(h.text(), "Under <16>");
        assert_eq!(
            Phrase::heading("Total", None).html(),
            "<span class=\"app-line\">Total</span>"
        );
    }

    #[test]
    fn plain_text_is_escaped_and_shown_text_marked() {
        assert_eq!(Phrase::plain("a < b").to_string(), "a &lt; b");
        assert_eq!(
            Phrase::from(Shown::new("Rank 'these'", "en")).to_string(),
            "<bdi lang=\"en\">Rank &#39;these&#39;</bdi>"
        );
        assert_eq!(Phrase::isolated("R-1").html(), "<bdi>R-1</bdi>");
        let row = Phrase::join(
            [Phrase::from(Shown::new("Parks", "en")), "<Agree>".into()],
            ": ",
        );
        assert_eq!(row.html(), "<bdi lang=\"en\">Parks</bdi>: &lt;Agree&gt;");
        assert_eq!(row.text(), "Parks: <Agree>");
    }
}
