//! The survey builder: the survey page by page on the officers' page of a
//! consultation (each question with its way to be changed, moved up or
//! down, or removed), and the question form, whose place and routing
//! rule are picked from lists: questions by their text, answers by their
//! labels, never by ids.

use askama::Template;

use crate::{Chrome, Field, Phrase, SummaryLine};

/// A button that moves a question one step: a form of its own that
/// posts where the question goes.
pub struct MoveButton {
    pub action: String,
    /// The place, as the form sends it (`before:q2`).
    pub to: String,
    pub label: String,
}

/// A question's row in the survey.
pub struct QuestionRow {
    pub id: String,
    /// Its number in the whole survey, as the translations page, the
    /// history and the wording form name it ("question 3").
    pub number: usize,
    /// Its text, marked with its language (a link to its form while the
    /// survey can change).
    pub text: Phrase,
    pub edit: Option<String>,
    pub kind: String,
    pub required: String,
    /// When it is shown ("Always", "If … is …").
    pub shown: Phrase,
    pub up: Option<MoveButton>,
    pub down: Option<MoveButton>,
    pub remove: Option<(String, String)>,
}

impl QuestionRow {
    /// Its move buttons, up then down.
    pub fn moves(&self) -> Vec<&MoveButton> {
        self.up.iter().chain(self.down.iter()).collect()
    }
}

/// A page of the survey: its heading ("Page 2: Your views"), its skip
/// rule if it has one, the ways to its title and its rule, and its
/// questions.
pub struct PageBlock {
    /// Counted from 1; the heading's id is made from it.
    pub number: usize,
    pub heading: Phrase,
    pub skip: Option<Phrase>,
    pub title_link: Option<(String, Phrase)>,
    /// The way to when it is skipped, while the survey can change and
    /// an earlier page has a choice question.
    pub rule_link: Option<(String, Phrase)>,
    pub questions: Vec<QuestionRow>,
}

/// The survey as the officers' page shows it: rendered on its own and
/// placed in that page, after its summary.
#[derive(Template)]
#[template(path = "consultations/survey_overview.html")]
pub struct SurveyOverview {
    pub heading: String,
    /// What to say of the builder, or that the survey can no longer
    /// change.
    pub lead: Vec<Phrase>,
    pub empty: String,
    pub head: Vec<String>,
    /// The session's token, for the move buttons' forms.
    pub csrf: String,
    /// Whether questions can still change (and have the actions column).
    pub actions: bool,
    pub pages: Vec<PageBlock>,
    /// While the survey can change: where a question is added.
    pub add: Option<(String, String)>,
}

/// One choice of a radio group or checkbox list whose label may hold an
/// officer's text, marked with its language.
pub struct Pick {
    pub id: String,
    pub value: String,
    pub label: Phrase,
    pub hint: Option<Phrase>,
    pub checked: bool,
}

/// The places on one page a question can go.
pub struct PlaceGroup {
    pub legend: Phrase,
    pub choices: Vec<Pick>,
}

/// "Where the question goes": first on a page or after one of its
/// questions, page by page, or on a new page at the end; and the title
/// of the new page, for when it goes on one.
pub struct PlaceField {
    pub legend: String,
    pub hint: String,
    pub error: Option<Phrase>,
    pub groups: Vec<PlaceGroup>,
    pub new_page: Pick,
    pub page_title: Field,
}

impl PlaceField {
    /// The new page's title field, as a list of one for the kit's field
    /// template, which shows each of a list.
    pub fn page_title_field(&self) -> &[Field] {
        std::slice::from_ref(&self.page_title)
    }
}

/// An earlier choice question the rule can depend on, with the answers
/// that show the question (revealed when it is chosen, all shown
/// without scripts).
pub struct RuleQuestion {
    pub choice: Pick,
    pub answers_legend: Phrase,
    pub error: Option<Phrase>,
    pub answers: Vec<Pick>,
}

/// "When the question is shown" (always, or only after certain answers
/// to an earlier choice question), or "When the page is skipped".
pub struct RuleField {
    /// The form's field of the question chosen, and of its answers.
    pub question_name: &'static str,
    pub options_name: &'static str,
    pub legend: String,
    pub hint: String,
    pub error: Option<Phrase>,
    pub always: Pick,
    pub questions: Vec<RuleQuestion>,
    /// Said instead of the list when there is no question to choose.
    pub none: Option<String>,
}

/// When a page is skipped, picked as a question's rule is: never, or
/// after certain answers to a choice question on an earlier page.
#[derive(Template)]
#[template(path = "consultations/page_rule_form.html")]
pub struct PageRuleFormPage<'a> {
    pub ui: Chrome<'a>,
    pub back: Option<(String, String)>,
    pub lead: Vec<Phrase>,
    pub errors: Vec<SummaryLine>,
    pub csrf: String,
    /// The revision of the survey the form is built on.
    pub revision: String,
    pub action: String,
    pub rule: RuleField,
    pub button: String,
}

#[derive(Template)]
#[template(path = "consultations/question_form.html")]
pub struct QuestionFormPage<'a> {
    pub ui: Chrome<'a>,
    pub back: Option<(String, String)>,
    pub lead: Vec<Phrase>,
    pub errors: Vec<SummaryLine>,
    pub csrf: String,
    /// The revision of the survey the form is built on, sent back with
    /// it so that a form sent twice does its change once.
    pub revision: String,
    pub action: String,
    pub fields: Vec<Field>,
    pub place: PlaceField,
    pub rule: RuleField,
    pub button: String,
}
