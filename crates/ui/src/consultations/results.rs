//! What a consultation found: the results with their charts, and the
//! findings ("What you told us").

use askama::Template;

use crate::{Chrome, Phrase, Shown};

/// One answer's figures and the bar drawn for it.
pub struct Bar {
    pub label: Shown,
    /// "42 (35%, 27–44%)" or "Hidden (too few to show)".
    pub figure: Phrase,
    /// Bar length in percent of the bar's box (0 when hidden).
    pub length: u32,
}

/// A question's results: a table of figures, each row with its bar. The
/// bars repeat the table for sighted readers and are hidden from
/// assistive technology, which reads the table.
pub struct ResultView {
    pub id: String,
    /// The question, or a sentence naming it ("… – ranked first").
    pub heading: Phrase,
    pub base: String,
    /// A remark under the base (when the weighting was worked out, say).
    pub note: Option<Phrase>,
    pub caption: Phrase,
    pub head: [String; 2],
    pub bars: Vec<Bar>,
}

#[derive(Template)]
#[template(path = "consultations/results.html")]
pub struct ResultsPage<'a> {
    pub ui: Chrome<'a>,
    pub back: Option<(String, String)>,
    pub lead: Vec<String>,
    /// When the results were published, once they are.
    pub published: Option<Phrase>,
    /// When the figures are from, while the public sees a snapshot (or,
    /// for analysts, when the public's are from).
    pub as_of: Option<Phrase>,
    pub questions: Vec<ResultView>,
    pub empty: Option<String>,
    pub links: Vec<(String, String)>,
}

/// A finding as its page shows it.
pub struct FindingView {
    pub title: Shown,
    /// "37%", or "–" when hidden.
    pub headline: String,
    /// The sentence that says what the figure is, with its base and
    /// range, naming the question and answer in their languages.
    pub figure: Phrase,
    pub body_html: String,
    pub body_lang: String,
    /// Shown to staff on findings not yet published.
    pub draft: Option<String>,
    /// The question the finding rests on, in its language.
    pub asked: Phrase,
    /// "What we did", rendered; `None` while the officer has not said.
    pub did_html: Option<String>,
    pub did_lang: String,
}

/// "We asked, you said, we did": the findings of a closed consultation
/// with what the council did in response.
pub struct WeDid {
    pub heading: String,
    pub lead: String,
    pub asked: String,
    pub said: String,
    pub did: String,
    /// Where a finding has no "What we did" yet.
    pub did_missing: String,
    /// When no finding is published.
    pub empty: String,
}

#[derive(Template)]
#[template(path = "consultations/findings.html")]
pub struct FindingsPage<'a> {
    pub ui: Chrome<'a>,
    pub back: Option<(String, String)>,
    pub lead: String,
    pub findings: Vec<FindingView>,
    pub empty: Option<String>,
    pub links: Vec<(String, String)>,
    /// Once the consultation has closed, the findings are shown as "We
    /// asked, you said, we did".
    pub we_did: Option<WeDid>,
}
