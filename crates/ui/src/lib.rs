//! Page templates and their views.
//!
//! Views are plain structs filled by the web handlers; templates only read
//! them. All text comes from the locale's messages, except what people or
//! the council wrote, which is escaped and marked with its own language.

mod chrome;
mod consultations;
mod forms;
pub mod markdown;
mod pages;
mod reports;
mod shown;
mod themes;

pub use askama::Template;
pub use chrome::{AssetUrls, Chrome, FeedbackBox, LanguageLink, Nav, UserBox};
pub use consultations::{
    Bar, CheckAnswersPage, ConfirmationPage, ConsultationItem, ConsultationListPage,
    ConsultationPage, ErrorLink, FindingView, FindingsPage, OptionView, QuestionView, ResultView,
    ResultsPage, StageItem, SubField, SurveyPage, TranslationPage, TranslationRow,
};
pub use forms::{Field, FieldError, FormPage, NoticePage, SignInPage, SignUpPage};
pub use pages::*;
pub use reports::{
    AccountPage, ActionForm, Cell, Filter, ReportPage, SessionRow, SummaryRow, Table,
};
pub use shown::Shown;
pub use themes::{
    Choice, QuoteLink, ReviewItemView, ThemeEditPage, ThemeReviewPage, ThemeRow, ThemesPage,
};

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    /// Every message a template asks for by a literal id exists in the
    /// default language (and so, by the i18n crate's test, in all).
    #[test]
    fn templates_only_use_messages_that_exist() {
        let catalog = cohesion_i18n::Catalog::load().unwrap();
        let known = catalog.default_locale().message_ids();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/templates");
        let mut used = BTreeSet::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            // Literal ids are the quoted, hyphenated strings inside template
            // expressions ({{ … }} and {% … %}), never in plain HTML.
            for (open, close) in [("{{", "}}"), ("{%", "%}")] {
                for chunk in text.split(open).skip(1) {
                    let expr = chunk.split(close).next().unwrap_or_default();
                    for part in expr.split('"').skip(1).step_by(2) {
                        let is_id = part.contains('-')
                            && part
                                .chars()
                                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                        if is_id {
                            used.insert(part.to_owned());
                        }
                    }
                }
            }
        }
        let missing: Vec<_> = used.iter().filter(|id| !known.contains(*id)).collect();
        assert!(used.len() > 40, "found the templates' messages: {used:?}");
        assert!(
            missing.is_empty(),
            "templates use unknown messages: {missing:?}"
        );
    }
}
