//! Whether a survey as written can be answered: every problem with its
//! texts, options, purposes, ids and routing, found at once so an officer
//! can fix them together. Apart from the model so that the model (types
//! only) does not depend on the routing checks that read it.

use super::model::{
    bad_text, DefinitionError, SurveyDefinition, MAX_PAGES, MAX_PAGE_TITLE_CHARS, MAX_QUESTIONS,
};
use super::routing::{validate_routing, RuleSite};
use crate::error::ErrorCode;

impl SurveyDefinition {
    /// Every problem: text, options, purposes, ids and routing. A survey
    /// that passes can be answered by everyone without a dead end.
    pub fn validate(&self) -> Result<(), Vec<DefinitionError>> {
        let mut errors = Vec::new();
        let mut err = |at: &str, code| {
            errors.push(DefinitionError {
                at: at.to_owned(),
                code,
            })
        };
        if self.pages.len() > MAX_PAGES || self.questions().count() > MAX_QUESTIONS {
            err("survey", ErrorCode::FieldTooLong);
        }
        let mut seen = std::collections::HashSet::new();
        for (p, page) in self.pages.iter().enumerate() {
            if bad_text(&page.title, MAX_PAGE_TITLE_CHARS) {
                err(&format!("page-{}", p + 1), ErrorCode::FieldTooLong);
            }
            for q in &page.questions {
                let id_ok = !q.id.is_empty()
                    && q.id.len() <= 40
                    && q.id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
                if !id_ok {
                    err(&q.id, ErrorCode::InvalidSlug);
                } else if !seen.insert(q.id.as_str()) {
                    err(&q.id, ErrorCode::AlreadyRegistered);
                }
                // A text, hint or purpose too long is one problem of the
                // question, as it has always been reported.
                let mut too_long = false;
                for p in q.problems() {
                    if p.survey_code == ErrorCode::FieldTooLong {
                        if too_long {
                            continue;
                        }
                        too_long = true;
                    }
                    err(&q.id, p.survey_code);
                }
            }
        }
        if let Err(routing) = validate_routing(self) {
            for e in routing {
                let at = match e.site() {
                    RuleSite::Page(p) => format!("page-{}", p + 1),
                    RuleSite::Question(r) => self.pages[r.page].questions[r.question].id.clone(),
                };
                err(&at, ErrorCode::InvalidSurvey);
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}
