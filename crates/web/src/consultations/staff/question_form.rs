//! The question form as a page: its own fields, then where the question
//! goes (first on a page, after a question named by its text, or on a
//! new page) and when it is shown (always, or after answers picked by
//! their labels under a choice question picked by its text). Each
//! problem is said beside its field, in words that name it.

use cohesion_domain::survey::builder::{kinds_reading, QuestionInput, KINDS};
use cohesion_domain::survey::model::{Demographic, SurveyDefinition};
use cohesion_domain::survey::placement::last_place;
use cohesion_domain::{ErrorCode, ErrorDetail, ValidationError};
use cohesion_services::consultations::builder;
use cohesion_ui::consultations::{Pick, PlaceField, PlaceGroup, QuestionFormPage, RuleField};
use cohesion_ui::{Field, Phrase, SummaryLine, Value};
use uuid::Uuid;

use super::rule_picker::{self, Picking, Words};
use super::survey::page_heading;
use crate::kit::form::{reason, too_long};
use crate::kit::{AppError, Langs, PageCtx};

/// One problem of the form: the field it is about and what to say.
pub(super) struct Problem {
    pub field: &'static str,
    pub message: Phrase,
}

/// The error summary of a form with a routing rule: each problem linked
/// to where it is said ([`rule_picker::anchor`]).
pub(super) fn summary(problems: &[Problem], rule: &RuleField) -> Vec<SummaryLine> {
    problems
        .iter()
        .map(|p| SummaryLine::new(rule_picker::anchor(p.field, rule), p.message.clone()))
        .collect()
}

/// The form's field problems in words: the field's own message for the
/// question's kind (`reason-options-field_required-matrix`) where there
/// is one, else the field's, else the problem's; a text too long says
/// how long it may be, and an option given twice is quoted.
pub(super) fn field_problems(
    ctx: &PageCtx,
    (input, language): (&QuestionInput, &str),
    errors: &[ValidationError],
) -> Vec<Problem> {
    let locale = ctx.locale();
    errors
        .iter()
        .map(|e| {
            let for_kind = format!("reason-{}-{}-{}", e.field, e.code, input.kind);
            let id = match locale.message_ids().contains(&for_kind) {
                true => for_kind,
                false => format!("reason-{}-{}", e.field, e.code),
            };
            let message = match e.detail {
                Some(ErrorDetail::Repeated { item }) => {
                    let lines = input.option_lines();
                    let option = lines.get(item as usize).map_or("", String::as_str);
                    let option = Langs::as_written(ctx, language).original(option);
                    ctx.phrase(&id, &[("option", Value::Shown(&option))])
                }
                Some(ErrorDetail::Limit(max)) => too_long(locale, e.field, max).into(),
                // The options counted, for a maximum that must not pass
                // them ("between 1 and 3, the number of options").
                _ if locale.message_ids().contains(&id) => {
                    let options = input.option_lines().len() as u64;
                    locale.t_plain(&id, &[("options", options.into())]).into()
                }
                _ => reason(locale, e.field, e.code).into(),
            };
            Problem {
                field: e.field,
                message,
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
    /// The language the survey is written in.
    pub language: &'a str,
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
            let field = match kinds_reading(field.name) {
                Some(kinds) => field.shown_for(kinds),
                None => field,
            };
            field.error_phrase(error)
        })
        .collect()
}

/// Where the question can go: on each page, first or after one of its
/// other questions, or on a new page after it; or on a new page at the
/// end. The place the form has is ticked:
/// where the question is, or the end of the survey for a new one.
fn place_field(ctx: &PageCtx, f: &Filling<'_>) -> PlaceField {
    let langs = Langs::as_written(ctx, f.language);
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
        // Between this page and the next; after the last is "at the end".
        if p + 1 < f.survey.pages.len() {
            choices.push(pick(
                format!("new-after:{}", p + 1),
                ctx.phrase(
                    "question-place-new-after",
                    &[("number", Value::Number(p as u64 + 1))],
                ),
            ));
        }
        groups.push(PlaceGroup {
            legend: page_heading(ctx, (f.survey, f.language), p),
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
    let candidates = f
        .survey
        .pages
        .iter()
        .enumerate()
        .flat_map(|(p, page)| page.questions.iter().map(move |q| (p, q)))
        .filter(|(_, q)| Some(q.id.as_str()) != f.editing && q.kind.is_choice())
        .collect();
    let ticked = |q: &str, i: usize| f.input.ticked(q, i);
    rule_picker::rule_field(
        ctx,
        Picking {
            names: ("show_if_question", "show_if_options"),
            language: f.language,
            candidates,
            chosen: &f.input.show_if_question,
            ticked: &ticked,
            problems: (f.problem("show_if_question"), f.problem("show_if_options")),
            words: Words {
                legend: "question-rule",
                hint: "question-rule-hint",
                always: "question-always",
                answers: "question-rule-answers",
                none: "question-rule-none",
            },
        },
    )
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
        errors: summary(&f.problems, &rule),
        csrf: csrf.to_owned(),
        revision: builder::revision(f.survey),
        action,
        fields: own_fields(ctx, &f),
        place: place_field(ctx, &f),
        rule,
        button: ctx.t(title),
    })
}
