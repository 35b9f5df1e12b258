//! A routing rule picked from lists, for a question ("When the question
//! is shown") and for a page ("When the page is skipped") alike:
//! "always" (or "never"), or one of the survey's choice questions by its
//! text, revealing the boxes of its answers by their labels. What is
//! wrong with the rule is said under the question it depends on.

use cohesion_domain::survey::builder::rule_option;
use cohesion_domain::survey::model::QuestionDef;
use cohesion_ui::consultations::{Pick, RuleField, RuleQuestion};
use cohesion_ui::{Phrase, Value};

use crate::consultations::questions::shown_options;
use crate::kit::{Langs, PageCtx};

/// The messages of a rule field: its legend and hint, the choice of no
/// rule, the legend of a question's answers (with `$question`), and
/// what is said when there is no question to depend on.
pub(super) struct Words {
    pub legend: &'static str,
    pub hint: &'static str,
    pub always: &'static str,
    pub answers: &'static str,
    pub none: &'static str,
}

/// What the field is built from.
pub(super) struct Picking<'a> {
    /// The form's fields: the question chosen, and its answers' boxes.
    pub names: (&'static str, &'static str),
    /// The language the survey is written in.
    pub language: &'a str,
    /// The questions the rule may depend on, in the survey's order, each
    /// with its page (0-based).
    pub candidates: Vec<(usize, &'a QuestionDef)>,
    /// The question chosen (its id; empty for none).
    pub chosen: &'a str,
    /// Whether the box of a question's answer (0-based) is ticked.
    pub ticked: &'a dyn Fn(&str, usize) -> bool,
    /// The problems of the two fields, in words.
    pub problems: (Option<Phrase>, Option<Phrase>),
    pub words: Words,
}

/// The rule field as the form shows it.
pub(super) fn rule_field(ctx: &PageCtx, p: Picking<'_>) -> RuleField {
    let langs = Langs::as_written(ctx, p.language);
    let (question_name, options_name) = p.names;
    let chosen = p.chosen.trim();
    let (question_problem, options_problem) = p.problems;
    let mut questions = Vec::new();
    for (page, q) in p.candidates {
        let k = questions.len() + 1;
        let text = langs.original(q.text.as_str());
        let answers = shown_options(ctx, &langs, q)
            .into_iter()
            .enumerate()
            .map(|(i, label)| Pick {
                id: format!("{options_name}-{k}-{}", i + 1),
                value: rule_option(&q.id, i),
                label: label.into(),
                hint: None,
                checked: (p.ticked)(&q.id, i),
            })
            .collect();
        let this = q.id == chosen;
        questions.push(RuleQuestion {
            choice: Pick {
                id: format!("{question_name}-{k}"),
                value: q.id.clone(),
                label: (&text).into(),
                hint: Some(ctx.phrase(
                    "survey-page-heading-untitled",
                    &[("number", Value::Number(page as u64 + 1))],
                )),
                checked: this,
            },
            answers_legend: ctx.phrase(p.words.answers, &[("question", Value::Shown(&text))]),
            // What is wrong with the rule is said under the question it
            // depends on: that question (not on an earlier page), or the
            // answers ticked under it.
            error: question_problem
                .clone()
                .or_else(|| options_problem.clone())
                .filter(|_| this),
            answers,
        });
    }
    let none = questions.is_empty().then(|| ctx.t(p.words.none));
    let chosen_listed = questions.iter().any(|q| q.choice.checked);
    RuleField {
        question_name,
        options_name,
        legend: ctx.t(p.words.legend),
        hint: ctx.t(p.words.hint),
        // A problem when no listed question is chosen (a forged one, or
        // the question itself) is said above the list.
        error: question_problem
            .or(options_problem)
            .filter(|_| !chosen_listed),
        always: Pick {
            id: question_name.to_owned(),
            value: String::new(),
            label: ctx.t(p.words.always).into(),
            hint: None,
            checked: chosen.is_empty(),
        },
        questions,
        none,
    }
}

/// Where the error summary's line for `field` leads: the question a
/// rule depends on (or the list), the first answer under it, or the
/// field itself.
pub(super) fn anchor(field: &str, rule: &RuleField) -> String {
    let chosen = rule.questions.iter().find(|q| q.choice.checked);
    let list = format!("#{}", rule.question_name);
    if field == rule.question_name {
        chosen.map_or(list, |q| format!("#{}", q.choice.id))
    } else if field == rule.options_name {
        chosen
            .and_then(|q| q.answers.first())
            .map_or(list, |a| format!("#{}", a.id))
    } else {
        format!("#{field}")
    }
}
