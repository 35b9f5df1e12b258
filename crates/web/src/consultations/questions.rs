//! A survey page's questions as the form shows them, and an answer as
//! the check page reads it back.

use cohesion_domain::survey::answers::{AnswerError, RawAnswers};
use cohesion_domain::survey::model::{
    Options, QuestionDef, QuestionKind, SurveyDefinition, SHORT_TEXT_CHARS,
};
use cohesion_domain::translation::key;
use cohesion_domain::ErrorCode;
use cohesion_i18n::FluentValue;
use cohesion_services::consultations::responding::Progress;
use cohesion_ui::consultations::{OptionView, QuestionView, SubField};
use cohesion_ui::{ErrorLink, Phrase, Shown, Value, When};

use super::wording::{option_labels, tn};
use crate::kit::{Langs, PageCtx};

fn values<'a>(draft: &'a RawAnswers, field: &str) -> &'a [String] {
    draft.get(field).map_or(&[], Vec::as_slice)
}

/// Options any of which counts ("Yes" or "Not sure"): one as it is;
/// several each quoted and joined by "or" ("“Yes” or “Not sure”"). A
/// plain list would be ambiguous, since a label may hold the list's own
/// separator (a comma, or the Arabic comma "،").
pub(crate) fn any_of(ctx: &PageCtx, labels: Vec<Phrase>) -> Phrase {
    if labels.len() == 1 {
        return labels.into_iter().next().unwrap_or_default();
    }
    Phrase::join(
        labels
            .iter()
            .map(|label| ctx.phrase("finding-option-quoted", &[("option", Value::Phrase(label))])),
        &format!(" {} ", ctx.t("finding-options-or")),
    )
}

/// A question's option labels as shown: the written ones in their
/// language, the platform's scales in the reader's.
pub(super) fn shown_options(ctx: &PageCtx, langs: &Langs, q: &QuestionDef) -> Vec<Shown> {
    let written = matches!(q.kind.options(), Options::Written(_));
    option_labels(ctx, q)
        .into_iter()
        .enumerate()
        .map(|(i, label)| match written {
            true => langs.shown(&key::option(&q.id, i), &label),
            false => langs.reader(label),
        })
        .collect()
}

pub(super) fn question_view(
    ctx: &PageCtx,
    langs: &Langs,
    q: &QuestionDef,
    draft: &RawAnswers,
    error: Option<String>,
) -> QuestionView {
    let labels = shown_options(ctx, langs, q);
    let picked = values(draft, &q.id);
    let options = labels
        .iter()
        .enumerate()
        .map(|(i, label)| OptionView {
            value: i.to_string(),
            label: label.clone(),
            checked: picked.iter().any(|v| *v == i.to_string()),
        })
        .collect();
    let (control, subfields, max_chars) = control(langs, q, draft, &labels);
    let hint = hint(ctx, langs, q);
    let purpose = (q.kind.is_special_category() && !q.purpose.is_empty())
        .then(|| langs.shown(&key::question(&q.id, "purpose"), &q.purpose));
    let mut described = Vec::new();
    if hint.is_some() {
        described.push(format!("{}-hint", q.id));
    }
    if purpose.is_some() {
        described.push(format!("{}-purpose", q.id));
    }
    if error.is_some() {
        described.push(format!("{}-error", q.id));
    }
    QuestionView {
        id: q.id.clone(),
        control,
        text: langs.shown(&key::question(&q.id, "text"), &q.text),
        hint,
        purpose,
        optional: !q.required,
        error,
        options,
        value: picked.first().cloned().unwrap_or_default(),
        subfields,
        max_chars,
        max_chars_text: tn(
            ctx,
            "character-count-description",
            "count",
            max_chars as u64,
        ),
        describedby: described.join(" "),
    }
}

/// The options of one row of a matrix (or of anything picked from
/// `labels` under the field `field`), the sent one ticked.
fn pick_list(draft: &RawAnswers, field: &str, labels: &[Shown]) -> Vec<OptionView> {
    let current = values(draft, field).first().cloned().unwrap_or_default();
    labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let value = i.to_string();
            OptionView {
                checked: value == current,
                value,
                label: l.clone(),
            }
        })
        .collect()
}

/// How a question is answered: the form control, its sub-fields (a
/// matrix's rows, a ranking's options) and the most characters allowed.
fn control(
    langs: &Langs,
    q: &QuestionDef,
    draft: &RawAnswers,
    labels: &[Shown],
) -> (&'static str, Vec<SubField>, usize) {
    match &q.kind {
        QuestionKind::SingleChoice { .. }
        | QuestionKind::Agreement
        | QuestionKind::Effectiveness
        | QuestionKind::Demographic { .. } => ("radios", Vec::new(), 0),
        QuestionKind::MultipleChoice { .. } => ("checkboxes", Vec::new(), 0),
        QuestionKind::Matrix { rows } => (
            "matrix",
            rows.iter()
                .enumerate()
                .map(|(r, label)| {
                    let name = format!("{}-{r}", q.id);
                    SubField {
                        options: pick_list(draft, &name, labels),
                        name,
                        label: langs.shown(&key::row(&q.id, r), label),
                    }
                })
                .collect(),
            0,
        ),
        QuestionKind::Ranking { options } => ("ranking", ranks(langs, q, draft, options), 0),
        QuestionKind::Number { .. } => ("number", Vec::new(), 0),
        QuestionKind::Date => ("date", Vec::new(), 0),
        QuestionKind::ShortText => ("text", Vec::new(), SHORT_TEXT_CHARS),
        QuestionKind::LongText { max_chars } => ("textarea", Vec::new(), *max_chars),
    }
}

/// A ranking's options, each with the ranks to choose from.
fn ranks(langs: &Langs, q: &QuestionDef, draft: &RawAnswers, options: &[String]) -> Vec<SubField> {
    let ranks: Vec<String> = (1..=options.len()).map(|r| r.to_string()).collect();
    options
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let name = format!("{}-{i}", q.id);
            let current = values(draft, &name).first().cloned().unwrap_or_default();
            SubField {
                options: ranks
                    .iter()
                    .map(|r| OptionView {
                        checked: *r == current,
                        value: r.clone(),
                        label: langs.reader(r.as_str()),
                    })
                    .collect(),
                name,
                label: langs.shown(&key::option(&q.id, i), label),
            }
        })
        .collect()
}

/// The question's own hint, or else the platform's for its kind.
fn hint(ctx: &PageCtx, langs: &Langs, q: &QuestionDef) -> Option<Shown> {
    (!q.hint.trim().is_empty())
        .then(|| langs.shown(&key::question(&q.id, "hint"), &q.hint))
        .or_else(|| {
            let platform = match &q.kind {
                QuestionKind::MultipleChoice { max: Some(m), .. } => {
                    tn(ctx, "survey-choose-up-to", "count", *m as u64)
                }
                QuestionKind::MultipleChoice { .. } => ctx.t("survey-choose-all"),
                QuestionKind::Ranking { .. } => ctx.t("survey-ranking-hint"),
                QuestionKind::Date => ctx
                    .dates()
                    .date_field_hint("survey-date-hint", crate::kit::dates::DATE_EXAMPLE),
                _ => return None,
            };
            Some(langs.reader(platform))
        })
}

/// Each problem with an answer as the message beside its question
/// (`survey` has the questions, whose limits the messages state).
pub(super) fn answer_messages(
    ctx: &PageCtx,
    survey: &SurveyDefinition,
    errors: &[AnswerError],
) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|e| {
            let q = survey.question(&e.question);
            (e.question.clone(), answer_message(ctx, q, e.code))
        })
        .collect()
}

/// What is wrong with an answer to `q`, saying the question's own limits
/// where the problem is with one ("Choose up to 3 options", "Enter a
/// number between 1 and 10"), so that the respondent knows what to
/// change; without marks around the numbers, since people copy it.
fn answer_message(ctx: &PageCtx, q: Option<&QuestionDef>, code: ErrorCode) -> String {
    let l = ctx.locale();
    let number = |n: i64| FluentValue::from(n);
    match (code, q.map(|q| &q.kind)) {
        (ErrorCode::TooManyChoices, Some(QuestionKind::MultipleChoice { max: Some(m), .. })) => {
            l.t_plain("answer-choose-up-to", &[("max", (*m as u64).into())])
        }
        (ErrorCode::OutOfRange, Some(QuestionKind::Number { min, max })) => match (min, max) {
            (Some(a), Some(b)) => l.t_plain(
                "answer-number-between",
                &[("min", number(*a)), ("max", number(*b))],
            ),
            (Some(a), None) => l.t_plain("answer-number-at-least", &[("min", number(*a))]),
            (None, Some(b)) => l.t_plain("answer-number-at-most", &[("max", number(*b))]),
            (None, None) => l.t("reason-out_of_range").into_owned(),
        },
        (ErrorCode::BadRequest, Some(QuestionKind::Number { .. })) => {
            l.t("answer-number-whole").into_owned()
        }
        (ErrorCode::FieldTooLong, Some(QuestionKind::LongText { max_chars })) => {
            l.t_plain("answer-too-long", &[("limit", (*max_chars as u64).into())])
        }
        (ErrorCode::FieldTooLong, Some(QuestionKind::ShortText)) => l.t_plain(
            "answer-too-long",
            &[("limit", (SHORT_TEXT_CHARS as u64).into())],
        ),
        (ErrorCode::FieldRequired, Some(kind)) => l.t(required_message(kind)).into_owned(),
        _ => l.t(&format!("reason-{code}")).into_owned(),
    }
}

/// What to do with a question left unanswered, by its kind: the issue
/// forbids a general "Answer the question", which tells nobody whether
/// to tick, type or rank.
fn required_message(kind: &QuestionKind) -> &'static str {
    match kind {
        QuestionKind::SingleChoice { .. }
        | QuestionKind::Agreement
        | QuestionKind::Effectiveness
        | QuestionKind::Demographic { .. } => "answer-required-choose",
        QuestionKind::MultipleChoice { .. } => "answer-required-choose-some",
        QuestionKind::Ranking { .. } => "answer-required-rank",
        QuestionKind::Matrix { .. } => "answer-required-each-row",
        QuestionKind::Number { .. } => "answer-required-number",
        QuestionKind::Date => "answer-required-date",
        QuestionKind::ShortText | QuestionKind::LongText { .. } => "answer-required-text",
    }
}

/// The error summary's lines, each naming its question and linking to
/// where it is answered (`href_of`), or to the page's content when the
/// field is no question there.
pub(super) fn error_links(
    p: &Progress,
    langs: &Langs,
    errors: &[(String, String)],
    href_of: impl Fn(&str) -> Option<String>,
) -> Vec<ErrorLink> {
    errors
        .iter()
        .map(|(qid, message)| ErrorLink {
            href: href_of(qid).unwrap_or_else(|| "#main-content".to_owned()),
            question: p.survey.question(qid).map_or_else(
                || langs.reader(""),
                |q| langs.shown(&key::question(qid, "text"), &q.text),
            ),
            message: message.clone(),
        })
        .collect()
}

/// A date question's answer as people write dates ("30 November 2026").
fn answer_date(ctx: &PageCtx, q: &QuestionDef, draft: &RawAnswers) -> Option<When> {
    if !matches!(q.kind, QuestionKind::Date) {
        return None;
    }
    let value = values(draft, &q.id).first()?.to_owned();
    let date = cohesion_domain::consultation::parse_date("date", &value).ok()?;
    Some(ctx.dates().day(date))
}

/// A person-readable rendering of one answer from the draft, line by
/// line: the officer's texts (options, rows) in their languages, what
/// the person wrote isolated, its language unknown, a date as people
/// write dates.
pub(super) fn answer_text(
    ctx: &PageCtx,
    langs: &Langs,
    q: &QuestionDef,
    draft: &RawAnswers,
) -> Phrase {
    if let Some(when) = answer_date(ctx, q, draft) {
        return when.into();
    }
    let labels = shown_options(ctx, langs, q);
    let label = |v: &str| {
        v.parse::<usize>()
            .ok()
            .and_then(|i| labels.get(i))
            .map_or_else(Phrase::default, Phrase::from)
    };
    let dir = ctx.locale().direction().as_str();
    let lines: Vec<Phrase> = match &q.kind {
        QuestionKind::Matrix { rows } => rows
            .iter()
            .enumerate()
            .filter_map(|(r, row)| {
                let row = Phrase::from(langs.shown(&key::row(&q.id, r), row));
                // Each line set in the page's direction: made only of two
                // isolated texts and a colon, it would otherwise take the
                // direction of what holds it, which has no letters of its
                // own to decide by, and an Arabic answer would come before
                // its statement.
                values(draft, &format!("{}-{r}", q.id))
                    .first()
                    .map(|v| Phrase::join([row, label(v)], ": ").directed(dir))
            })
            .collect(),
        QuestionKind::Ranking { options } => {
            let mut ranked: Vec<(usize, (usize, &String))> = options
                .iter()
                .enumerate()
                .filter_map(|(i, o)| {
                    values(draft, &format!("{}-{i}", q.id))
                        .first()
                        .and_then(|r| r.parse::<usize>().ok())
                        .map(|r| (r, (i, o)))
                })
                .collect();
            ranked.sort();
            ranked
                .iter()
                .map(|(r, (i, o))| {
                    // A sentence in the reader's language ("Rank 1: …"),
                    // not a bare "1.": an isolated line made only of a
                    // number and another language's words would take that
                    // language's direction and put the number on its side.
                    let option = langs.shown(&key::option(&q.id, *i), o);
                    ctx.phrase(
                        "check-answers-rank",
                        &[
                            ("rank", Value::Number(*r as u64)),
                            ("option", Value::Shown(&option)),
                        ],
                    )
                })
                .collect()
        }
        k if k.is_choice() => values(draft, &q.id).iter().map(|v| label(v)).collect(),
        _ => values(draft, &q.id)
            .iter()
            .map(|v| Phrase::isolated(v))
            .collect(),
    };
    if lines.is_empty() {
        ctx.t("check-answers-not-answered").into()
    } else {
        Phrase::join(lines, "\n")
    }
}
