//! Responding: the survey pages, one question control each, and "check
//! your answers" before sending.

use askama::Template;

use crate::{Chrome, ErrorLink, Phrase, Shown, SummaryRow};

/// What an officer's preview says above each of its pages: that nothing
/// is saved, how far the language previewed is translated, the languages
/// it can be seen in, and the ways to start again or stop.
pub struct PreviewBanner {
    /// The officer's language and its direction: the banner frames the
    /// respondents' page, which is in the language previewed.
    pub lang: String,
    pub dir: String,
    /// "Preview", the banner's title.
    pub title: String,
    /// "Preview: answers are not saved".
    pub heading: String,
    pub text: String,
    /// How many of the survey's texts show untranslated, in a language
    /// other than the original.
    pub note: Option<Phrase>,
    /// "Preview in", naming the list of languages.
    pub languages_label: String,
    /// Each language: the preview's address in it, its name in itself,
    /// and whether it is the one shown.
    pub languages: Vec<(String, Shown, bool)>,
    /// The id of the page's form, on a survey page: each language is
    /// then a button that sends it (the answers so far) to its address
    /// under `show_name`, to show the page where it stands in that
    /// language; else each is a link.
    pub switch_form: Option<String>,
    pub show_name: String,
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

#[derive(Template)]
#[template(path = "consultations/survey_page.html")]
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
    /// Set on an officer's preview, which saves nothing.
    pub preview: Option<PreviewBanner>,
    /// The answers of other pages a preview carries along (its pages
    /// keep no draft): field and value.
    pub carried: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "consultations/check_answers.html")]
pub struct CheckAnswersPage<'a> {
    pub ui: Chrome<'a>,
    pub back: Option<(String, String)>,
    pub lead: String,
    pub rows: Vec<SummaryRow>,
    pub errors: Vec<ErrorLink>,
    pub csrf: String,
    pub action: String,
    pub button: String,
    /// Set on an officer's preview, which saves nothing.
    pub preview: Option<PreviewBanner>,
}
