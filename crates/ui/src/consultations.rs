//! Views for consultations: the list, a consultation's page with its
//! timeline, the survey pages, "check your answers", the confirmation and
//! the results with their charts.

use askama::Template;

use crate::chrome::Chrome;
use crate::forms::Field;
use crate::reports::SummaryRow;
use crate::shown::Shown;

/// One consultation in a list.
pub struct ConsultationItem {
    pub href: String,
    pub title: Shown,
    pub summary: Shown,
    /// `upcoming`, `open`, `closed` or `draft`: picks the tag's colour.
    pub status_key: &'static str,
    pub status: String,
    pub dates: String,
    pub responded: String,
}

#[derive(Template)]
#[template(path = "consultations.html")]
pub struct ConsultationListPage<'a> {
    pub ui: Chrome<'a>,
    pub lead: String,
    pub filter: Vec<Field>,
    pub filter_button: String,
    pub count: String,
    pub items: Vec<ConsultationItem>,
    pub empty: String,
    pub previous: Option<String>,
    pub next: Option<String>,
    pub create: Option<(String, String)>,
}

/// A stage of the timeline.
pub struct StageItem {
    pub name: Shown,
    pub description: Shown,
    pub date: Option<String>,
    /// `happened`, `current` or `to_come`.
    pub state_key: &'static str,
    pub state: String,
    pub link: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "consultation.html")]
pub struct ConsultationPage<'a> {
    pub ui: Chrome<'a>,
    pub done: Option<String>,
    /// Shown on drafts, which only staff can see.
    pub draft_notice: Option<String>,
    pub status_key: &'static str,
    pub status: String,
    pub responded: String,
    /// The language of the title (the page's heading, `ui.title`).
    pub title_lang: String,
    pub summary: Shown,
    /// Sanitised HTML from the Markdown body, and its language.
    pub body_html: String,
    pub body_lang: String,
    /// Dates, topics, area: label and value.
    pub rows: Vec<SummaryRow>,
    pub stages: Vec<StageItem>,
    pub timeline_heading: String,
    /// "How we are listening": the strands of engagement.
    pub strands: Vec<Shown>,
    pub strands_heading: String,
    /// Linked documents: link and title.
    pub documents: Vec<(String, Shown)>,
    pub documents_heading: String,
    /// "Respond" (or "Continue your response", "Change your response").
    pub respond: Option<(String, String)>,
    pub respond_note: Option<String>,
    pub links: Vec<(String, String)>,
}

/// One option of a choice, with whether it is picked.
pub struct OptionView {
    pub value: String,
    pub label: Shown,
    pub checked: bool,
}

/// A matrix row or a ranked option: a label and its own field.
pub struct SubField {
    pub name: String,
    pub label: Shown,
    pub options: Vec<OptionView>,
}

/// A question as the survey page shows it.
pub struct QuestionView {
    pub id: String,
    /// `radios`, `checkboxes`, `ranking`, `number`, `date`, `text`,
    /// `textarea` or `matrix`.
    pub control: &'static str,
    pub text: Shown,
    pub hint: Option<Shown>,
    pub purpose: Option<Shown>,
    pub optional: bool,
    pub error: Option<String>,
    pub options: Vec<OptionView>,
    pub value: String,
    pub subfields: Vec<SubField>,
    pub max_chars: usize,
    /// "You can enter up to N characters", in the page's language.
    pub max_chars_text: String,
    /// The ids of the hint, purpose and error, for `aria-describedby`.
    pub describedby: String,
}

/// A line of a survey's error summary: which question (its text, empty
/// when the field names none) and what is wrong, linked to where it is
/// answered.
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

#[derive(Template)]
#[template(path = "survey_page.html")]
pub struct SurveyPage<'a> {
    pub ui: Chrome<'a>,
    pub back: Option<(String, String)>,
    pub consultation: Shown,
    /// The language of the page's title (`ui.title`).
    pub title_lang: String,
    pub progress: String,
    pub csrf: String,
    pub action: String,
    pub questions: Vec<QuestionView>,
    pub errors: Vec<ErrorLink>,
    pub button: String,
    pub optional_label: String,
}

#[derive(Template)]
#[template(path = "check_answers.html")]
pub struct CheckAnswersPage<'a> {
    pub ui: Chrome<'a>,
    pub back: Option<(String, String)>,
    pub lead: String,
    pub rows: Vec<SummaryRow>,
    pub errors: Vec<ErrorLink>,
    pub csrf: String,
    pub action: String,
    pub button: String,
}

#[derive(Template)]
#[template(path = "confirmation.html")]
pub struct ConfirmationPage<'a> {
    pub ui: Chrome<'a>,
    pub reference_label: String,
    pub reference: String,
    pub paragraphs: Vec<String>,
    pub links: Vec<(String, String)>,
}

/// One answer's figures and the bar drawn for it.
pub struct Bar {
    pub label: Shown,
    /// "42 (35%, 27–44%)" or "Hidden (too few to show)".
    pub figure: String,
    /// Bar length in percent of the bar's box (0 when hidden).
    pub length: u32,
}

/// A question's results: a table of figures, each row with its bar. The
/// bars repeat the table for sighted readers and are hidden from
/// assistive technology, which reads the table.
pub struct ResultView {
    pub id: String,
    pub heading: Shown,
    pub base: String,
    pub note: Option<String>,
    pub caption: String,
    pub head: [String; 2],
    pub bars: Vec<Bar>,
}

#[derive(Template)]
#[template(path = "results.html")]
pub struct ResultsPage<'a> {
    pub ui: Chrome<'a>,
    pub back: Option<(String, String)>,
    pub lead: Vec<String>,
    pub questions: Vec<ResultView>,
    pub empty: Option<String>,
    pub links: Vec<(String, String)>,
}

/// A finding as its page shows it.
pub struct FindingView {
    pub title: Shown,
    /// "37%", or "–" when hidden.
    pub headline: String,
    /// The sentence that says what the figure is, with its base and range.
    pub figure: String,
    pub body_html: String,
    pub body_lang: String,
    /// Shown to staff on findings not yet published.
    pub draft: Option<String>,
}

#[derive(Template)]
#[template(path = "findings.html")]
pub struct FindingsPage<'a> {
    pub ui: Chrome<'a>,
    pub back: Option<(String, String)>,
    pub lead: String,
    pub findings: Vec<FindingView>,
    pub empty: Option<String>,
    pub links: Vec<(String, String)>,
}

/// One text to translate: its key, the original and the translation.
pub struct TranslationRow {
    /// What the text is, in words (its label); the key names the field.
    pub heading: String,
    pub key: String,
    pub original: String,
    pub value: String,
    pub missing: bool,
    /// Translated from an original that has since changed.
    pub stale: bool,
    pub long: bool,
}

#[derive(Template)]
#[template(path = "translations.html")]
pub struct TranslationPage<'a> {
    pub ui: Chrome<'a>,
    pub back: Option<(String, String)>,
    pub done: Option<String>,
    pub lead: String,
    pub missing: String,
    pub errors: Vec<ErrorLink>,
    pub csrf: String,
    pub action: String,
    /// The language being translated into, for `lang` and `dir`.
    pub target_lang: String,
    pub target_dir: String,
    pub original_label: String,
    pub rows: Vec<TranslationRow>,
    pub button: String,
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
