//! The analysts' weighting page: the population margins picked from
//! lists (a question from a select, then a box per option for its share
//! of the population), or typed as lines; then how the weighting went
//! and each question's weighted shares.

use askama::Template;

use crate::{Chrome, ErrorLink, Field, Figure, FigureTable, Phrase, Shown, SummaryRow};

/// One option's box: its population share in percent.
pub struct ShareBox {
    /// The field's name and id (`share-q8-2`).
    pub name: String,
    /// The option's label, marked with its language.
    pub label: Shown,
    pub value: String,
    pub error: Option<String>,
}

/// A question weighted by, as a fieldset: its text as the legend, a box
/// per option, and a link that takes it off the form.
pub struct MarginQuestion {
    pub id: String,
    pub legend: Shown,
    /// A problem of the question as a whole (its shares' total).
    pub error: Option<String>,
    pub shares: Vec<ShareBox>,
    /// The form as it was, without this question.
    pub remove: String,
}

impl MarginQuestion {
    /// The ids the fieldset is described by: the hint, and the error.
    pub fn describedby(&self) -> String {
        let mut ids = format!("shares-{}-hint", self.id);
        if self.error.is_some() {
            ids.push_str(&format!(" shares-{}-error", self.id));
        }
        ids
    }
}

/// What the lists form says, in the reader's language.
pub struct MarginWords {
    pub heading: String,
    /// Under each question's legend: what a share is, and that an empty
    /// box leaves its option out.
    pub hint: String,
    pub remove: String,
    /// The button that adds the question picked.
    pub add: String,
    /// The button that weights the results.
    pub weigh: String,
    /// The typed alternative's summary and button.
    pub typed: String,
    pub typed_button: String,
}

#[derive(Template)]
#[template(path = "consultations/weighting.html")]
pub struct WeightingPage<'a> {
    pub ui: Chrome<'a>,
    pub back: Option<(String, String)>,
    pub errors: Vec<ErrorLink>,
    pub lead: Vec<Phrase>,
    pub action: String,
    pub words: MarginWords,
    /// The questions picked, in the order picked.
    pub questions: Vec<MarginQuestion>,
    /// The select of the questions that can still be picked; `None` once
    /// there are as many as weighting takes, or none is left.
    pub pick: Option<Field>,
    /// The typed lines' box, and what it says above it (the questions by
    /// id, each with its options in order).
    pub typed: Field,
    pub typed_lead: Vec<Phrase>,
    /// Whether the typed alternative is open: it was used.
    pub typed_open: bool,
    /// How the weighting went, and the weighted shares.
    pub rows: Vec<SummaryRow>,
    pub figures: Vec<FigureTable>,
}
