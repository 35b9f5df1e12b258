//! A routing rule as the builder's forms send it, for a question's
//! "shown only if" and a page's "skipped if" alike: the question it
//! depends on (a radio) and the answers ticked (boxes sending
//! `question:number`, numbers from 1, so that a box left ticked under a
//! question not chosen is no part of the rule; a bare number, as forms
//! sent before, counts for the question chosen).

use serde::Deserialize;

use super::model::{PageDef, Rule};
use crate::error::{ErrorCode, ValidationError};

/// The value of the box for option `option` (0-based) of question
/// `question` in a rule's answers.
pub fn rule_option(question: &str, option: usize) -> String {
    format!("{question}:{}", option + 1)
}

/// Whether the box for option `option` (0-based) of `question` is among
/// `ticked` (comma-separated) when `chosen` is the question picked.
pub fn is_ticked(chosen: &str, ticked: &str, question: &str, option: usize) -> bool {
    let bare = (option + 1).to_string();
    let qualified = rule_option(question, option);
    crate::text::list_items(ticked)
        .any(|t| t == qualified || (t == bare && chosen.trim() == question))
}

/// The rule picked: `None` when no question is chosen, else the question
/// and the answers ticked under it. A box that names no answer is a
/// problem of the answers' field (`fields.1`), and so is none ticked.
/// Whether the question exists, comes early enough and has those
/// answers is for the change that puts the rule in place.
pub fn picked(
    question: &str,
    ticked: &str,
    fields: (&'static str, &'static str),
) -> Result<Option<Rule>, ValidationError> {
    let question = question.trim();
    if question.is_empty() {
        return Ok(None);
    }
    let mut any_of = Vec::new();
    for box_value in crate::text::list_items(ticked).filter(|s| !s.is_empty()) {
        let number = match box_value.split_once(':') {
            Some((of, n)) if of == question => n,
            Some(_) => continue,
            None => box_value,
        };
        match number.parse::<usize>() {
            Ok(n) if n >= 1 => any_of.push(n - 1),
            _ => return Err(ValidationError::new(fields.1, ErrorCode::InvalidChoice)),
        }
    }
    any_of.sort_unstable();
    any_of.dedup();
    if any_of.is_empty() {
        return Err(ValidationError::new(fields.1, ErrorCode::FieldRequired));
    }
    Ok(Some(Rule {
        question: question.to_owned(),
        any_of,
    }))
}

/// The form of a page's rule: skipped after these answers to that
/// question (none chosen: never skipped).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PageRuleInput {
    /// The question's id; empty for none.
    #[serde(default)]
    pub skip_if_question: String,
    /// The answers' boxes, comma-separated, as [`picked`] reads them.
    #[serde(default)]
    pub skip_if_options: String,
}

impl PageRuleInput {
    /// The form filled in with `page`'s rule.
    pub fn from_page(page: &PageDef) -> Self {
        match &page.skip_if {
            Some(rule) => PageRuleInput {
                skip_if_question: rule.question.clone(),
                skip_if_options: rule
                    .any_of
                    .iter()
                    .map(|o| rule_option(&rule.question, *o))
                    .collect::<Vec<_>>()
                    .join(","),
            },
            None => PageRuleInput::default(),
        }
    }

    /// Whether the box for option `option` of `question` is ticked.
    pub fn ticked(&self, question: &str, option: usize) -> bool {
        is_ticked(
            &self.skip_if_question,
            &self.skip_if_options,
            question,
            option,
        )
    }

    /// The rule the form picks, or the problem of its fields.
    pub fn rule(&self) -> Result<Option<Rule>, ValidationError> {
        picked(
            &self.skip_if_question,
            &self.skip_if_options,
            ("skip_if_question", "skip_if_options"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_rule_reads_back_what_it_writes() {
        let page = PageDef {
            skip_if: Some(Rule {
                question: "q1".into(),
                any_of: vec![0, 2],
            }),
            ..PageDef::default()
        };
        let input = PageRuleInput::from_page(&page);
        assert_eq!(input.skip_if_options, "q1:1,q1:3");
        assert!(input.ticked("q1", 0) && input.ticked("q1", 2));
        assert!(!input.ticked("q1", 1) && !input.ticked("q2", 0));
        assert_eq!(input.rule().unwrap(), page.skip_if);
        assert_eq!(PageRuleInput::default().rule(), Ok(None));
        let only = |options: &str| PageRuleInput {
            skip_if_question: "q1".into(),
            skip_if_options: options.into(),
        };
        // A box left ticked under another question is no part of it.
        assert_eq!(only("q2:1,q1:2").rule().unwrap().unwrap().any_of, vec![1]);
        for (options, code) in [
            ("", ErrorCode::FieldRequired),
            ("q2:1", ErrorCode::FieldRequired),
            ("q1:0", ErrorCode::InvalidChoice),
            ("q1:x", ErrorCode::InvalidChoice),
        ] {
            assert_eq!(
                only(options).rule(),
                Err(ValidationError::new("skip_if_options", code)),
                "{options}"
            );
        }
    }
}
