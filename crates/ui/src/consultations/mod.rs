//! Consultations: the list, a consultation's page with its timeline,
//! responding (survey pages, "check your answers"), the results and
//! findings, and the staff pages for the survey builder, translations
//! and themes.

mod builder;
mod list;
mod results;
mod survey;
mod themes;
mod translations;
mod weighting;
mod wording;

pub use builder::{
    MoveButton, PageBlock, PageRuleFormPage, Pick, PlaceField, PlaceGroup, QuestionFormPage,
    QuestionRow, RuleField, RuleQuestion, SurveyOverview,
};
pub use list::{ConsultationItem, ConsultationListPage, ConsultationPage, StageItem};
pub use results::{Bar, FindingView, FindingsPage, ResultView, ResultsPage, WeDid};
pub use survey::{CheckAnswersPage, OptionView, PreviewBanner, QuestionView, SubField, SurveyPage};
pub use themes::{
    Choice, QuoteLink, ReviewItemView, ThemeEditPage, ThemeReviewPage, ThemeRow, ThemesPage,
};
pub use translations::{TranslationPage, TranslationRow};
pub use weighting::{MarginQuestion, MarginWords, ShareBox, WeightingPage};
pub use wording::{WordingPage, WordingRow};
