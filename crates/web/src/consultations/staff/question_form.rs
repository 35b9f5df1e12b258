//! The question form as a page: its own fields, then where the question
//! goes (first on a page, after a question named by its text, or on a
//! new page) and when it is shown (always, or after answers picked by
//! their labels under a choice question picked by its text). Each
//! problem is said beside its field, in words that name it.

use cohesion_domain::survey::builder::{rule_option, QuestionInput, KINDS};
use cohesion_domain::survey::model::{Demographic, SurveyDefinition};
use cohesion_domain::survey::placement::last_place;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::consultations::builder;
use cohesion_ui::consultations::{
    Pick, PlaceField, PlaceGroup, QuestionFormPage, RuleField, RuleQuestion, SummaryLine,
};
use cohesion_ui::{Field, Phrase, Value};
use uuid::Uuid;

use super::survey::page_heading;
use crate::consultations::questions::shown_options;
use crate::kit::form::reason;
use crate::kit::{AppError, Langs, PageCtx};

/// One problem of the form: the field it is about and what to say.
pub(super) struct Problem {
    pub field: &'static str,
    pub message: Phrase,
}

/// The form's field problems in words: the field's own message for the
/// question's kind (`reason-options-field_required-matrix`) where there
/// is one, else the field's, else the problem's.
pub(super) fn field_problems(
    ctx: &PageCtx,
    input: &QuestionInput,
    errors: &[ValidationError],
) -> Vec<Problem> {
    let locale = ctx.locale();
    errors
        .iter()
        .map(|e| {
            let for_kind = format!("reason-{}-{}-{}", e.field, e.code, input.kind);
            let message = if locale.message_ids().contains(&for_kind) {
                locale.t(&for_kind).into_owned()
            } else {
                reason(locale, e.field, e.code)
            };
            Problem {
                field: e.field,
                message: message.into(),
            }
        })
        .collect()
}

/// The survey can no longer change (`SurveyLocked`), or has changed
/// since the form was built (`SurveyChanged`): said beside where the
/// question goes.
pub(super) fn survey_problem(ctx: &PageCtx, code: ErrorCode) -> Vec<Problem> {
    vec![Problem {
        field: "place",
        message: reason(ctx.locale(), "survey", code).into(),
    }]
}

/// What a form being filled in is about.
pub(super) struct Filling<'a> {
    pub survey: &'a SurveyDefinition,
    /// The question being changed; `None` for a new one.
    pub editing: Option<&'a str>,
    pub input: &'a QuestionInput,
    pub problems: Vec<Problem>,
}

impl Filling<'_> {
    fn problem(&self, field: &str) -> Option<Phrase> {
        self.problems
            .iter()
            .find(|p| p.field == field)
            .map(|p| p.message.clone())
    }
}

/// The question's own fields: its kind, wording, whether it must be
/// answered, its options and limits, and what it asks of a person.
fn own_fields(ctx: &PageCtx, f: &Filling<'_>) -> Vec<Field> {
    let v = f.input;
    let kinds = KINDS
        .iter()
        .map(|k| (k.to_string(), ctx.t(&format!("question-kind-{k}"))))
        .collect();
    let demographics = std::iter::once((String::new(), ctx.t("none")))
        .chain(Demographic::ALL.iter().map(|d| {
            (
                d.key().to_owned(),
                ctx.t(&format!("demographic-kind-{}", d.key())),
            )
        }))
        .collect();
    let yes_no = vec![("yes".into(), ctx.t("yes")), ("no".into(), ctx.t("no"))];
    let required = if v.required.is_empty() {
        "no"
    } else {
        &v.required
    };
    let text = |name, kind, label: &str| Field::new(name, kind, "off", ctx.t(label));
    let fields = [
        Field::choice("kind", "select", ctx.t("question-kind"), kinds).value(&v.kind),
        text("text", "textarea", "question-text").value(&v.text),
        text("hint", "text", "question-hint")
            .hint(ctx.t("optional"))
            .value(&v.hint),
        Field::choice("required", "radios", ctx.t("question-required"), yes_no).value(required),
        text("options", "textarea", "question-options")
            .hint(ctx.t("question-options-hint"))
            .value(&v.options),
        text("max", "text", "question-max")
            .hint(ctx.t("question-max-hint"))
            .value(&v.max),
        text("min", "text", "question-min")
            .hint(ctx.t("question-min-hint"))
            .value(&v.min),
        Field::choice(
            "demographic",
            "select",
            ctx.t("question-demographic"),
            demographics,
        )
        .value(&v.demographic),
        text("purpose", "textarea", "question-purpose")
            .hint(ctx.t("question-purpose-hint"))
            .value(&v.purpose),
    ];
    fields
        .into_iter()
        .map(|field| {
            let error = f.problem(field.name);
            field.error_phrase(error)
        })
        .collect()
}

/// Where the question can go: on each page, first or after one of its
/// other questions; or on a new page. The place the form has is ticked:
/// where the question is, or the end of the survey for a new one.
fn place_field(ctx: &PageCtx, f: &Filling<'_>) -> PlaceField {
    let langs = Langs::as_written(ctx);
    let chosen = match f.input.place.trim() {
        "" if f.editing.is_none() => last_place(f.survey).value(),
        chosen => chosen.to_owned(),
    };
    let mut n = 0;
    let mut pick = |value: String, label: Phrase| {
        let id = match n {
            0 => "place".to_owned(),
            _ => format!("place-{n}"),
        };
        n += 1;
        Pick {
            id,
            checked: value == chosen,
            value,
            label,
            hint: None,
        }
    };
    let mut groups = Vec::new();
    for (p, page) in f.survey.pages.iter().enumerate() {
        let number = Value::Number(p as u64 + 1);
        let mut choices = vec![pick(
            format!("first:{}", p + 1),
            ctx.phrase("question-place-first", &[("number", number)]),
        )];
        for q in page
            .questions
            .iter()
            .filter(|q| Some(q.id.as_str()) != f.editing)
        {
            let text = langs.original(q.text.as_str());
            choices.push(pick(
                format!("after:{}", q.id),
                ctx.phrase("question-place-after", &[("question", Value::Shown(&text))]),
            ));
        }
        groups.push(PlaceGroup {
            legend: page_heading(ctx, f.survey, p),
            choices,
        });
    }
    PlaceField {
        legend: ctx.t("question-place"),
        hint: ctx.t("question-place-hint"),
        error: f.problem("place"),
        groups,
        new_page: pick("new".to_owned(), ctx.t("question-place-new").into()),
        page_title: Field::new("page_title", "text", "off", ctx.t("question-page-title"))
            .hint(ctx.t("question-page-title-hint"))
            .value(&f.input.page_title)
            .error_phrase(f.problem("page_title")),
    }
}

/// When the question is shown: always, or after answers (by their
/// labels) to one of the survey's other choice questions (by its text).
fn rule_field(ctx: &PageCtx, f: &Filling<'_>) -> RuleField {
    let langs = Langs::as_written(ctx);
    let chosen = f.input.show_if_question.trim();
    let question_problem = f.problem("show_if_question");
    let options_problem = f.problem("show_if_options");
    let mut questions = Vec::new();
    for (p, page) in f.survey.pages.iter().enumerate() {
        for q in &page.questions {
            if Some(q.id.as_str()) == f.editing || !q.kind.is_choice() {
                continue;
            }
            let k = questions.len() + 1;
            let id = format!("show_if_question-{k}");
            let text = langs.original(q.text.as_str());
            let answers = shown_options(ctx, &langs, q)
                .into_iter()
                .enumerate()
                .map(|(i, label)| Pick {
                    id: format!("show_if_options-{k}-{}", i + 1),
                    value: rule_option(&q.id, i),
                    label: label.into(),
                    hint: None,
                    checked: f.input.ticked(&q.id, i),
                })
                .collect();
            let this = q.id == chosen;
            questions.push(RuleQuestion {
                choice: Pick {
                    id,
                    value: q.id.clone(),
                    label: (&text).into(),
                    hint: Some(ctx.phrase(
                        "survey-page-heading-untitled",
                        &[("number", Value::Number(p as u64 + 1))],
                    )),
                    checked: this,
                },
                answers_legend: ctx.phrase(
                    "question-rule-answers",
                    &[("question", Value::Shown(&text))],
                ),
                // What is wrong with the rule is said under the question
                // it depends on: that question (on the same page or a
                // later one), or the answers ticked under it.
                error: question_problem
                    .clone()
                    .or_else(|| options_problem.clone())
                    .filter(|_| this),
                answers,
            });
        }
    }
    let none = questions.is_empty().then(|| ctx.t("question-rule-none"));
    let chosen_listed = questions.iter().any(|q| q.choice.checked);
    RuleField {
        legend: ctx.t("question-rule"),
        hint: ctx.t("question-rule-hint"),
        // A problem when no listed question is chosen (a forged one, or
        // the question itself) is said above the list.
        error: question_problem
            .or(options_problem)
            .filter(|_| !chosen_listed),
        always: Pick {
            id: "show_if_question".to_owned(),
            value: String::new(),
            label: ctx.t("question-always").into(),
            hint: None,
            checked: chosen.is_empty(),
        },
        questions,
        none,
    }
}

/// Where the summary's line for `field` leads: the field, the question
/// a rule depends on, or the first choice of a list.
fn anchor(field: &str, rule: &RuleField) -> String {
    let chosen = rule.questions.iter().find(|q| q.choice.checked);
    match field {
        "show_if_question" => chosen.map_or_else(
            || "#show_if_question".to_owned(),
            |q| format!("#{}", q.choice.id),
        ),
        "show_if_options" => rule
            .questions
            .iter()
            .find(|q| q.choice.checked)
            .and_then(|q| q.answers.first())
            .map_or_else(|| "#show_if_question".to_owned(), |a| format!("#{}", a.id)),
        other => format!("#{other}"),
    }
}

/// The question form: adding one (`f.editing` is `None`) or changing
/// one, with what was sent and its problems.
pub(super) async fn question_page<'a>(
    ctx: &'a PageCtx,
    csrf: &str,
    id: Uuid,
    f: Filling<'_>,
) -> Result<QuestionFormPage<'a>, AppError> {
    let (action, title, lead) = match f.editing {
        None => (
            format!("/staff/consultations/{id}/questions/new"),
            "question-add",
            "question-add-lead",
        ),
        Some(qid) => (
            format!("/staff/consultations/{id}/questions/{qid}/edit"),
            "question-edit",
            "question-edit-lead",
        ),
    };
    let rule = rule_field(ctx, &f);
    Ok(QuestionFormPage {
        ui: ctx.chrome_for(&action, title).await?,
        back: Some((format!("/staff/consultations/{id}#survey"), ctx.t("back"))),
        lead: vec![ctx.t(lead).into()],
        errors: f
            .problems
            .iter()
            .map(|p| SummaryLine {
                href: anchor(p.field, &rule),
                message: p.message.clone(),
            })
            .collect(),
        csrf: csrf.to_owned(),
        revision: builder::revision(f.survey),
        action,
        fields: own_fields(ctx, &f),
        place: place_field(ctx, &f),
        rule,
        button: ctx.t(title),
    })
}
