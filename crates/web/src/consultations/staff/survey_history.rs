//! What changed of a survey, through the builder's pages or replaced
//! whole, as cells of the consultation's history: what was done, said as
//! a sentence ("Added the question “…” on page 2", "Moved “…” to page
//! 3", a question by its text, a page by its number), then before and
//! after, each value in words (a kind by its name, a rule by its
//! question's text and its answers' labels, a place as a page and a
//! position).

use cohesion_domain::survey::diff::{parse_rule, Aspect, At, Edit};
use cohesion_domain::survey::model::SurveyDefinition;
use cohesion_ui::{Cell, Phrase, Value};

use super::survey::rule_text;
use crate::kit::{Langs, PageCtx};

/// The aspect's part of its messages' ids.
fn key(aspect: Aspect) -> &'static str {
    match aspect {
        Aspect::Added => "added",
        Aspect::Removed => "removed",
        Aspect::Place => "place",
        Aspect::Kind => "kind",
        Aspect::Required => "required",
        Aspect::Text => "text",
        Aspect::Hint => "hint",
        Aspect::Purpose => "purpose",
        Aspect::Options => "options",
        Aspect::Limits => "limits",
        Aspect::Shown => "shown",
        Aspect::PageTitle => "page-title",
        Aspect::PageSkipped => "page-skipped",
        Aspect::Pages => "pages",
    }
}

/// The "What changed", "Before" and "After" cells of one difference;
/// questions and rules are named as `survey` has them now. A question
/// added or removed is named in the sentence, with nothing to set beside
/// it.
pub(super) fn edit_cells(ctx: &PageCtx, survey: (&SurveyDefinition, &str), e: &Edit) -> [Cell; 3] {
    let what = Cell::from(what(ctx, survey, e));
    // The sentence says it all: a question by its text, pages by their
    // number.
    if matches!(e.aspect, Aspect::Added | Aspect::Removed | Aspect::Pages) {
        return [what, Cell::from(""), Cell::from("")];
    }
    let value = |v: &str| Cell::from(value(ctx, survey, e.aspect, v));
    [what, value(&e.before), value(&e.after)]
}

/// What was done: "Changed the type of “…”", "Renamed page 2".
fn what(ctx: &PageCtx, (survey, language): (&SurveyDefinition, &str), e: &Edit) -> Phrase {
    let mut message = format!("history-survey-{}", key(e.aspect));
    match &e.at {
        At::Question(id) => {
            // A question added or removed by its text then; any other by
            // its text now, or as it was if it has gone.
            let text = match (e.aspect, survey.question(id)) {
                (Aspect::Added, _) => e.after.as_str(),
                (Aspect::Removed, _) => e.before.as_str(),
                (_, Some(q)) => q.text.as_str(),
                (_, None) if !e.before.is_empty() => e.before.as_str(),
                (_, None) => id.as_str(),
            };
            let page = match e.aspect {
                Aspect::Added | Aspect::Removed => e.page,
                Aspect::Place => {
                    let (was, is) = (page_of(&e.before), page_of(&e.after));
                    // Within its page when only its position changed (a
                    // question moved onto the next page, its own dropped,
                    // can read the same place on another page).
                    if was.is_some() && was == is && e.before != e.after {
                        message.push_str("-within");
                    }
                    is
                }
                _ => None,
            };
            // Entries kept before the page was have none to name.
            if page.is_none() && matches!(e.aspect, Aspect::Added | Aspect::Removed) {
                message.push_str("-anywhere");
            }
            let question = Langs::as_written(ctx, language).original(text);
            let page = page.unwrap_or_default() as u64;
            // A question reworded is named by its number in the survey
            // (its text is before and after), never by its id.
            let number = survey.questions().position(|q| q.id == *id);
            if e.aspect == Aspect::Text && number.is_none() {
                message.push_str("-gone");
            }
            let number = number.map_or(0, |n| n as u64 + 1);
            ctx.phrase(
                &message,
                &[
                    ("question", Value::Shown(&question)),
                    ("number", Value::Number(number)),
                    ("page", Value::Number(page)),
                ],
            )
        }
        At::Page(n) => {
            // A page given its first title, or left without one, says so:
            // "Renamed page 1" beside an empty "Before" read as a rename
            // from a page called "None".
            if e.aspect == Aspect::PageTitle {
                match (e.before.is_empty(), e.after.is_empty()) {
                    (true, false) => message.push_str("-named"),
                    (false, true) => message.push_str("-cleared"),
                    _ => {}
                }
            }
            ctx.phrase(&message, &[("page", Value::Number(*n as u64))])
        }
        At::Survey if e.aspect == Aspect::Pages => pages(ctx, e),
        At::Survey => ctx.t(&message).into(),
    }
}

/// A change in the number of pages in words: the page started or
/// dropped ("Added page 2"), or, when several were or the entry predates
/// naming them, how many pages the survey has now and had.
fn pages(ctx: &PageCtx, e: &Edit) -> Phrase {
    let (before, after) = (
        e.before.parse::<u64>().unwrap_or_default(),
        e.after.parse::<u64>().unwrap_or_default(),
    );
    let id = match (e.page, after > before) {
        (Some(_), true) => "history-survey-page-added",
        (Some(_), false) => "history-survey-page-removed",
        (None, _) => "history-survey-pages",
    };
    ctx.phrase(
        id,
        &[
            ("page", Value::Number(e.page.unwrap_or_default() as u64)),
            ("before", Value::Number(before)),
            ("after", Value::Number(after)),
        ],
    )
}

/// A value of `aspect` in words; an empty one as what its absence means
/// ("No title", "No hint", "Always", "Never" for rules), else "None".
fn value(ctx: &PageCtx, survey: (&SurveyDefinition, &str), aspect: Aspect, v: &str) -> Phrase {
    let langs = Langs::as_written(ctx, survey.1);
    if v.is_empty() {
        return ctx
            .t(match aspect {
                Aspect::Shown => "question-always",
                Aspect::PageSkipped => "history-survey-never",
                Aspect::PageTitle => "history-survey-no-title",
                Aspect::Hint => "history-survey-no-hint",
                Aspect::Purpose => "history-survey-no-purpose",
                _ => "none",
            })
            .into();
    }
    match aspect {
        Aspect::Added
        | Aspect::Removed
        | Aspect::Text
        | Aspect::Hint
        | Aspect::Purpose
        | Aspect::PageTitle => langs.original(v).into(),
        Aspect::Place => place(ctx, v),
        Aspect::Kind => kind(ctx, v).into(),
        Aspect::Required => ctx.t(if v == "yes" { "yes" } else { "no" }).into(),
        Aspect::Options => Phrase::join(
            v.lines().map(|o| langs.original(o).into()),
            &ctx.locale().t("list-separator"),
        ),
        Aspect::Limits => limits(ctx, v),
        Aspect::Shown | Aspect::PageSkipped => match parse_rule(v) {
            Some(rule) => {
                let message = match aspect {
                    Aspect::Shown => "question-shown-if",
                    _ => "history-survey-skipped-if",
                };
                rule_text(ctx, survey, &rule, message)
            }
            None => Phrase::isolated(v),
        },
        Aspect::Pages => Phrase::isolated(v),
    }
}

/// The page of a place written `2:1`.
fn page_of(place: &str) -> Option<usize> {
    place.split_once(':')?.0.parse().ok()
}

/// "Page 2, question 1" from `2:1`.
fn place(ctx: &PageCtx, v: &str) -> Phrase {
    let numbers = v
        .split_once(':')
        .and_then(|(p, i)| Some((p.parse::<u64>().ok()?, i.parse::<u64>().ok()?)));
    match numbers {
        Some((page, position)) => ctx.phrase(
            "history-survey-at",
            &[
                ("page", Value::Number(page)),
                ("position", Value::Number(position)),
            ],
        ),
        None => Phrase::isolated(v),
    }
}

/// A kind by its name ("Demographic: Religion" for `demographic:religion`).
fn kind(ctx: &PageCtx, v: &str) -> String {
    match v.split_once(':') {
        Some((base, of)) => format!(
            "{}: {}",
            ctx.t(&format!("question-kind-{base}")),
            ctx.t(&format!("demographic-kind-{of}"))
        ),
        None => ctx.t(&format!("question-kind-{v}")),
    }
}

/// Limits in words from `min..max`: "From 1 to 5", "At most 300".
fn limits(ctx: &PageCtx, v: &str) -> Phrase {
    let (min, max) = v.split_once("..").unwrap_or(("", v));
    match (min, max) {
        ("", "") => ctx.t("history-survey-limits-none").into(),
        (min, "") => ctx.phrase("history-survey-limits-min", &[("min", Value::Text(min))]),
        ("", max) => ctx.phrase("history-survey-limits-max", &[("max", Value::Text(max))]),
        (min, max) => ctx.phrase(
            "history-survey-limits-range",
            &[("min", Value::Text(min)), ("max", Value::Text(max))],
        ),
    }
}
