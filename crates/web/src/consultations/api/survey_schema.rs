//! The survey definition's schema, in full, for the OpenAPI document:
//! pages, their skip rules, and every kind of question with the members
//! that kind takes, as a `oneOf` chosen by `type` (a discriminator).
//!
//! Written out here rather than derived: the domain's types keep no
//! knowledge of OpenAPI, and the derive cannot say that a question is its
//! common members plus its kind's own. The limits are the domain's
//! constants, so the two cannot drift; the tests check the demo's and
//! every kind's JSON against this schema, and `PUT …/survey` checks what
//! it is sent against it before anything else (unknown members refused).

use std::borrow::Cow;

use cohesion_domain::survey::model::{
    Demographic, QuestionKind, SurveyDefinition, AGREEMENT_KEYS, DEFAULT_LONG_TEXT_CHARS,
    EFFECTIVENESS_KEYS, MAX_LONG_TEXT_CHARS, MAX_OPTIONS, MAX_OPTION_CHARS, MAX_PAGES,
    MAX_PAGE_TITLE_CHARS, MAX_QUESTIONS, MAX_TEXT_CHARS, SHORT_TEXT_CHARS,
};
use serde_json::{json, Map, Value};
use utoipa::openapi::schema::Schema;
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

use crate::kit::ApiBody;

/// The survey definition as a component of the document: refer to it
/// with `value_type = SurveySchema` or `content = SurveySchema`.
pub struct SurveySchema;

impl PartialSchema for SurveySchema {
    fn schema() -> RefOr<Schema> {
        as_schema(definition())
    }
}

impl ToSchema for SurveySchema {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("SurveyDefinition")
    }

    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        schemas.extend(parts().into_iter().map(|(n, s)| (n, as_schema(s))));
    }
}

impl ApiBody for SurveyDefinition {
    fn schema() -> Value {
        reference("SurveyDefinition")
    }
}

/// Every component the survey's schema is made of, with its name: the
/// definition, its pages, rules, the question (one of the kinds) and
/// each kind's question.
pub fn parts() -> Vec<(String, Value)> {
    let mut out = vec![
        ("SurveyDefinition".to_owned(), definition()),
        ("SurveyPage".to_owned(), page()),
        ("SurveyRule".to_owned(), rule()),
        ("SurveyQuestion".to_owned(), question()),
    ];
    out.extend(every_kind().iter().map(|k| (kind_name(k), kind_schema(k))));
    out
}

/// One question of each kind: the list the schema is made from, and the
/// tests' survey of every kind. A kind added to the domain breaks the
/// `match` in [`kind_schema`] until it is described, and belongs here.
pub fn every_kind() -> Vec<QuestionKind> {
    let three = || vec!["Buses".to_owned(), "Trams".to_owned(), "Cycling".to_owned()];
    vec![
        QuestionKind::SingleChoice { options: three() },
        QuestionKind::MultipleChoice {
            options: three(),
            max: Some(2),
        },
        QuestionKind::Agreement,
        QuestionKind::Effectiveness,
        QuestionKind::Ranking { options: three() },
        QuestionKind::Number {
            min: Some(0),
            max: Some(120),
        },
        QuestionKind::Date,
        QuestionKind::ShortText,
        QuestionKind::LongText { max_chars: 2_000 },
        QuestionKind::Matrix {
            rows: vec!["Lighting".to_owned(), "Benches".to_owned()],
        },
        QuestionKind::Demographic {
            of: Demographic::Area,
            areas: vec!["North".to_owned(), "South".to_owned()],
        },
    ]
}

fn as_schema(v: Value) -> RefOr<Schema> {
    serde_json::from_value(v).expect("the survey's schemas are OpenAPI schemas")
}

fn reference(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn text(description: &str, max: usize) -> Value {
    json!({ "type": "string", "maxLength": max, "description": description })
}

/// A rule, or `null` for none.
fn optional_rule(description: &str) -> Value {
    json!({ "oneOf": [{ "type": "null" }, reference("SurveyRule")], "description": description })
}

fn definition() -> Value {
    json!({
        "type": "object",
        "description": "A consultation's survey: pages of questions, answered in order. `PUT …/survey` \
            replaces it whole; every rule is checked so that nobody can reach a dead end, and it is refused \
            (`survey_locked`) once anyone has responded.",
        "required": ["pages"],
        "additionalProperties": false,
        "properties": {
            "pages": {
                "type": "array",
                "items": reference("SurveyPage"),
                "maxItems": MAX_PAGES,
                "description": format!("The pages in order (at most {MAX_PAGES}, with at most \
                    {MAX_QUESTIONS} questions in all)."),
            }
        },
        "examples": [{
            "pages": [
                {
                    "title": "About the plan",
                    "questions": [
                        {"id": "q1", "type": "agreement", "text": "Do you agree with the plan?", "required": true},
                        {"id": "q2", "type": "single_choice", "text": "How do you travel?",
                            "options": ["Bus", "Car", "On foot"]}
                    ]
                },
                {
                    "title": "Why",
                    "skip_if": {"question": "q1", "any_of": [0, 1]},
                    "questions": [
                        {"id": "q3", "type": "long_text", "text": "What would change your mind?", "max_chars": 2000}
                    ]
                }
            ]
        }]
    })
}

fn page() -> Value {
    json!({
        "type": "object",
        "description": "A page of questions, shown one page at a time.",
        "required": ["questions"],
        "additionalProperties": false,
        "properties": {
            "title": text("The page's heading, shown to respondents; empty for none.", MAX_PAGE_TITLE_CHARS),
            "skip_if": optional_rule("Skip the whole page when this holds; `null` (or left out) to always show it."),
            "questions": {
                "type": "array",
                "items": reference("SurveyQuestion"),
                "maxItems": MAX_QUESTIONS,
            }
        }
    })
}

fn rule() -> Value {
    json!({
        "type": "object",
        "description": "Holds when the answer to `question` includes any of the options `any_of`. The \
            question must be a choice question (single or multiple choice, agreement, effectiveness or \
            demographic) on an earlier page, so that its answer is known when the rule is read.",
        "required": ["question", "any_of"],
        "additionalProperties": false,
        "properties": {
            "question": {"type": "string", "description": "The id of the question the rule depends on.", "examples": ["q1"]},
            "any_of": {
                "type": "array",
                "items": {"type": "integer", "minimum": 0},
                "minItems": 1,
                "description": "Options of that question, numbered from 0 (for a scale, in the order its description lists).",
                "examples": [[0, 1]]
            }
        },
        "examples": [{"question": "q1", "any_of": [0]}]
    })
}

fn question() -> Value {
    let kinds = every_kind();
    let mapping: Map<String, Value> = kinds
        .iter()
        .map(|k| {
            let target = format!("#/components/schemas/{}", kind_name(k));
            (k.key().to_owned(), Value::String(target))
        })
        .collect();
    json!({
        "description": "A question: the members every question has (`id`, `text`, `hint`, `required`, \
            `show_if`, `purpose`), its `type`, and the members of that type.",
        "oneOf": kinds.iter().map(|k| reference(&kind_name(k))).collect::<Vec<_>>(),
        "discriminator": {"propertyName": "type", "mapping": mapping}
    })
}

/// `single_choice` → `SingleChoiceQuestion`.
fn kind_name(kind: &QuestionKind) -> String {
    let words: String = kind
        .key()
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|first| first.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect();
    format!("{words}Question")
}

fn options(description: &str, min: usize) -> Value {
    json!({
        "type": "array",
        "items": {"type": "string", "maxLength": MAX_OPTION_CHARS},
        "minItems": min,
        "maxItems": MAX_OPTIONS,
        "description": format!("{description} Each up to {MAX_OPTION_CHARS} characters and not blank; \
            answers and rules name them by their index, from 0."),
    })
}

fn whole_or_null(description: &str, minimum: Option<i64>) -> Value {
    let mut v = json!({"type": ["integer", "null"], "description": description});
    if let Some(m) = minimum {
        v["minimum"] = m.into();
    }
    v
}

fn scale(keys: &[&str]) -> String {
    keys.iter()
        .enumerate()
        .map(|(i, k)| format!("{i} `{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A kind's question: the common members, `type`, and the kind's own.
fn kind_schema(kind: &QuestionKind) -> Value {
    let (description, own, required) = kind_members(kind);
    let mut properties = common_members(kind);
    if let Value::Object(own) = own {
        properties.extend(own);
    }
    let mut required_members = vec!["id", "text", "type"];
    required_members.extend(required);
    let mut example = serde_json::to_value(example_of(kind)).unwrap_or_default();
    if let Value::Object(members) = &mut example {
        // Only what an officer would write: defaults left out.
        members.retain(|k, v| {
            !(matches!(k.as_str(), "hint" | "purpose" | "show_if") && (v.is_null() || *v == ""))
        });
    }
    json!({
        "type": "object",
        "description": description,
        "required": required_members,
        "additionalProperties": false,
        "properties": properties,
        "examples": [example],
    })
}

/// What a kind is, the members of its own, and which of them it needs.
fn kind_members(kind: &QuestionKind) -> (String, Value, Vec<&'static str>) {
    match kind {
        QuestionKind::SingleChoice { .. } => (
            "Choose one option.".into(),
            json!({"options": options("The options, 2 or more.", 2)}),
            vec!["options"],
        ),
        QuestionKind::MultipleChoice { .. } => (
            "Tick any number of options, up to `max`.".into(),
            json!({
                "options": options("The options, 2 or more.", 2),
                "max": whole_or_null("At most this many may be ticked (1 to the number of options); `null` for no limit.", Some(1)),
            }),
            vec!["options"],
        ),
        QuestionKind::Agreement => (
            format!("Agreement on a fixed scale, labelled in every language: {}.", scale(&AGREEMENT_KEYS)),
            json!({}),
            vec![],
        ),
        QuestionKind::Effectiveness => (
            format!("Effectiveness on a fixed scale, labelled in every language: {}.", scale(&EFFECTIVENESS_KEYS)),
            json!({}),
            vec![],
        ),
        QuestionKind::Ranking { .. } => (
            "Put every option in order, 1 first: each answer is a rank per option.".into(),
            json!({"options": options("The options to rank, 2 or more.", 2)}),
            vec!["options"],
        ),
        QuestionKind::Number { .. } => (
            "A whole number, between `min` and `max` when they are given.".into(),
            json!({
                "min": whole_or_null("The smallest answer allowed; `null` for none.", None),
                "max": whole_or_null("The largest answer allowed (not below `min`); `null` for none.", None),
            }),
            vec![],
        ),
        QuestionKind::Date => ("A calendar date, answered `YYYY-MM-DD`.".into(), json!({}), vec![]),
        QuestionKind::ShortText => (
            format!("A line of text, up to {SHORT_TEXT_CHARS} characters."),
            json!({}),
            vec![],
        ),
        QuestionKind::LongText { .. } => (
            "Written answers (their themes can be analysed).".into(),
            json!({"max_chars": {
                "type": "integer", "minimum": 1, "maximum": MAX_LONG_TEXT_CHARS,
                "default": DEFAULT_LONG_TEXT_CHARS,
                "description": "The longest answer allowed, in characters."
            }}),
            vec![],
        ),
        QuestionKind::Matrix { .. } => (
            format!(
                "Rows each answered on the agreement scale ({}); answers name a row as `<id>-<row>`.",
                scale(&AGREEMENT_KEYS)
            ),
            json!({"rows": {
                "type": "array",
                "items": {"type": "string", "maxLength": MAX_OPTION_CHARS},
                "minItems": 1,
                "maxItems": MAX_OPTIONS,
                "description": "The rows, 1 or more, none blank."
            }}),
            vec!["rows"],
        ),
        QuestionKind::Demographic { .. } => demographic_members(),
    }
}

/// A demographic question's own members.
fn demographic_members() -> (String, Value, Vec<&'static str>) {
    (
        "A question about the respondent, with fixed options labelled in every language. Ethnicity, \
         religion, disability and sexual orientation are special-category data: asked only with a \
         `purpose`, stored apart, and never in published results."
            .into(),
        json!({
            "of": {
                "type": "string",
                "enum": Demographic::ALL.iter().map(|d| d.key()).collect::<Vec<_>>(),
                "description": "What is asked."
            },
            "areas": {
                "type": "array",
                "items": {"type": "string", "maxLength": MAX_OPTION_CHARS},
                "maxItems": MAX_OPTIONS,
                "description": "The council's own areas, 2 or more, for `of: area` (empty otherwise)."
            }
        }),
        vec!["of"],
    )
}

/// What every question has, with `type` fixed to the kind's.
fn common_members(kind: &QuestionKind) -> Map<String, Value> {
    let members = json!({
        "id": {
            "type": "string",
            "maxLength": 40,
            "description": "Stable within the survey: answers, rules, results and findings name the question by it. \
                Letters, digits, `_` and `-`, unique in the survey.",
            "examples": ["q1"]
        },
        "type": {"type": "string", "enum": [kind.key()]},
        "text": text("The question, as respondents read it.", MAX_TEXT_CHARS),
        "hint": text("Help shown under the question; empty for none.", MAX_TEXT_CHARS),
        "required": {"type": "boolean", "default": false, "description": "Whether it must be answered (when shown)."},
        "show_if": optional_rule("Show the question only when this holds; `null` (or left out) to always show it. \
            A hidden question is never required."),
        "purpose": text("Why the question is asked, shown to respondents: required for special-category questions.", MAX_TEXT_CHARS)
    });
    match members {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// The kind's question as it would be sent, for the schema's example.
fn example_of(kind: &QuestionKind) -> cohesion_domain::survey::model::QuestionDef {
    cohesion_domain::survey::model::QuestionDef {
        id: "q1".into(),
        text: match kind {
            QuestionKind::Demographic { .. } => "Which area do you live in?".into(),
            QuestionKind::Number { .. } => "How old are you?".into(),
            QuestionKind::Date => "When did you last visit the park?".into(),
            _ => "How do you get to work?".into(),
        },
        hint: String::new(),
        required: false,
        kind: kind.clone(),
        show_if: None,
        purpose: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the document publishes is what is written here: nothing is
    /// lost on the way through utoipa's types.
    #[test]
    fn the_schemas_survive_the_document_unchanged() {
        for (name, part) in parts() {
            let back = serde_json::to_value(as_schema(part.clone())).unwrap();
            assert_eq!(back, part, "{name}");
        }
        assert_eq!(kind_name(&QuestionKind::ShortText), "ShortTextQuestion");
        let mut keys: Vec<&str> = every_kind().iter().map(QuestionKind::key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), 11, "one of each kind");
    }
}
