//! Page templates and their views.
//!
//! Views are plain structs filled by the web handlers; templates only read
//! them. All text comes from the locale's messages, except what people or
//! the council wrote, which is escaped and marked with its own language.
//!
//! Each feature is one module here and one folder of templates under
//! `templates/` (`consultations::SurveyPage` renders
//! `templates/consultations/survey_page.html`). What all features share is
//! the kit (`src/kit`, `templates/kit`), re-exported at the crate root.

mod kit;

pub mod accounts;
pub mod consultations;
pub mod discussions;
pub mod help;
pub mod messaging;
pub mod site;
pub mod tensions;

pub use askama::Template;
pub use kit::chrome::{AssetUrls, Chrome, FeedbackBox, LanguageLink, NavLink, UserBox};
pub use kit::components::ComponentTexts;
pub use kit::dates::When;
pub use kit::figures::{Figure, FigureRow, FigureTable, KeyLine};
pub use kit::forms::{ErrorLink, Field, FieldError, FormPage, SummaryLine};
pub use kit::listing::{Listing, ListingGroup, ListingItem, ManagePage};
pub use kit::markdown;
pub use kit::pages::{
    ConfirmNote, ConfirmPage, ConfirmationPage, ErrorPage, NoticePage, OneButton,
};
pub use kit::reports::{ActionForm, Cell, Filter, ReportPage, Section, SummaryRow, Table};
pub use kit::shown::{unmarked, Phrase, Shown, Value};

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::{Path, PathBuf};

    /// The templates under `dir`, in its subfolders too (one a feature).
    fn templates_under(dir: &Path) -> Vec<PathBuf> {
        let mut found = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                found.extend(templates_under(&path));
            } else if path.extension().is_some_and(|x| x == "html") {
                found.push(path);
            }
        }
        found
    }

    /// Every message a template asks for by a literal id exists in the
    /// default language (and so, by the i18n crate's test, in all).
    #[test]
    fn templates_only_use_messages_that_exist() {
        let catalog = cohesion_i18n::Catalog::load().unwrap();
        let known = catalog.default_locale().message_ids();
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut used = BTreeSet::new();
        for path in templates_under(&dir) {
            let text = std::fs::read_to_string(path).unwrap();
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
