//! The "History" of a consultation on its officers' page: who did what
//! and when (in the site's time), with the before and after of every
//! reworded text, of every difference of a survey changed, and of every
//! detail changed.

use cohesion_domain::consultation_changes::{Detail, DetailChanges};
use cohesion_domain::stage_changes::StageChange;
use cohesion_domain::survey::wording;
use cohesion_domain::timestamp::Timestamp;
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::history::{self, HistoryEntry, Translated};
use cohesion_services::consultations::reading::ConsultationView;
use cohesion_services::consultations::wording_fixes::Reworded;
use cohesion_ui::{Cell, Phrase, Shown, SummaryRow, Table, Value};

use super::fixes::part_of;
use super::{details_history, survey_history};
use crate::consultations::translations::heading;
use crate::kit::{AppError, PageCtx};

/// The table of what was done to the consultation, newest first.
pub(super) async fn history_table(
    ctx: &PageCtx,
    me: &SignedIn,
    v: &ConsultationView,
) -> Result<Table, AppError> {
    let entries = history::history(&ctx.state.db, me, v.consultation.id).await?;
    Ok(Table {
        caption: ctx.t("history-heading").into(),
        head: vec![
            ctx.t("history-when").into(),
            ctx.t("history-who").into(),
            ctx.t("history-what").into(),
            ctx.t("history-before").into(),
            ctx.t("history-after").into(),
        ],
        rows: entries
            .iter()
            .flat_map(|e| history_rows(ctx, v, e))
            .collect(),
        empty: ctx.t("history-empty"),
    })
}

/// The languages a save's texts were written in, before and after: as
/// the save changed it, else the consultation's now (it changes only
/// while nothing is translated, so seldom after the first days).
fn written_in<'a>(v: &'a ConsultationView, changes: &'a DetailChanges) -> (&'a str, &'a str) {
    let now = v.consultation.language.as_str();
    changes
        .details
        .iter()
        .find(|d| d.detail == Detail::Language)
        .map_or((now, now), |d| (d.before.as_str(), d.after.as_str()))
}

/// An entry's rows: one, or one per difference of a survey changed
/// (and one saying how many more were not kept), or one per detail
/// changed.
fn history_rows(ctx: &PageCtx, v: &ConsultationView, e: &HistoryEntry) -> Vec<Vec<Cell>> {
    if let Some(details) = e.details.as_ref().filter(|d| !d.details.is_empty()) {
        return details
            .details
            .iter()
            .map(|d| {
                let mut row = vec![Cell::when(ctx.dates().at(e.at)), Cell::from(who(ctx, e))];
                row.extend(details_history::change_cells(
                    ctx,
                    d,
                    written_in(v, details),
                ));
                row
            })
            .collect();
    }
    if let Some(stages) = e.stages.as_ref().filter(|s| !s.stages.is_empty()) {
        return stages
            .stages
            .iter()
            .map(|c| {
                let mut row = vec![Cell::when(ctx.dates().at(e.at)), Cell::from(who(ctx, e))];
                row.extend(stage_cells(ctx, v, c));
                row
            })
            .collect();
    }
    let Some(edits) = e.edits.as_ref().filter(|d| !d.edits.is_empty()) else {
        return vec![history_row(ctx, v, e)];
    };
    let row = |cells: [Cell; 3]| {
        let mut row = vec![Cell::when(ctx.dates().at(e.at)), Cell::from(who(ctx, e))];
        row.extend(cells);
        row
    };
    let mut rows: Vec<Vec<Cell>> = edits
        .edits
        .iter()
        .map(|d| {
            let survey = (&v.survey, v.consultation.language.as_str());
            row(survey_history::edit_cells(ctx, survey, d))
        })
        .collect();
    if edits.more > 0 {
        let more = ctx.phrase(
            "history-survey-more",
            &[("count", Value::Number(edits.more as u64))],
        );
        rows.push(row([Cell::from(more), Cell::from(""), Cell::from("")]));
    }
    rows
}

fn history_row(ctx: &PageCtx, v: &ConsultationView, e: &HistoryEntry) -> Vec<Cell> {
    let when = Cell::when(ctx.dates().at(e.at));
    let who = Cell::from(who(ctx, e));
    match &e.reworded {
        Some(r) => {
            // A fix of the original is in the consultation's language.
            let lang = r
                .language
                .clone()
                .unwrap_or_else(|| v.consultation.language.clone());
            let text = |t: &str| match t {
                "" => Cell::from(ctx.t("none")),
                t => Cell::from(Shown::new(t, lang.as_str())),
            };
            vec![
                when,
                who,
                Cell::from(reworded_what(ctx, v, r)),
                text(&r.before),
                text(&r.after),
            ]
        }
        None => vec![
            when,
            who,
            Cell::from(match &e.translated {
                Some(t) => translated(ctx, t),
                None => action_name(ctx, &e.action),
            }),
            Cell::from(""),
            Cell::from(""),
        ],
    }
}

/// Who did it: their name as written (its language unknown), or that
/// their account is gone.
fn who(ctx: &PageCtx, e: &HistoryEntry) -> Phrase {
    match &e.who {
        Some(name) => Phrase::isolated(name),
        None => ctx.t("history-someone").into(),
    }
}

/// What a reworded text is ("Question 2: … — option 1"), and in which
/// language when it was a translation.
fn reworded_what(ctx: &PageCtx, v: &ConsultationView, r: &Reworded) -> Phrase {
    let found = (0..v.survey.pages.len()).find_map(|p| {
        wording::wordable(&v.survey, p)?
            .into_iter()
            .find(|w| w.key == r.key)
            .map(|w| heading(ctx, &v.consultation.language, &part_of(p, &w), &w.text))
    });
    let what = found.unwrap_or_else(|| Phrase::isolated(&r.key));
    let Some(tag) = &r.language else {
        return what;
    };
    let language = ctx.language_shown(tag);
    ctx.phrase(
        "history-in-language",
        &[
            ("what", Value::Phrase(&what)),
            ("language", Value::Shown(&language)),
        ],
    )
}

/// A stage added, removed or changed, by its name, in the consultation's
/// language: "Changed the stage “Decision”: date and status", with its
/// name before and after when that changed.
fn stage_cells(ctx: &PageCtx, v: &ConsultationView, c: &StageChange) -> [Cell; 3] {
    let lang = v.consultation.language.as_str();
    let named = |id: &str, name: &str, parts: &str| {
        let stage = Shown::new(name, lang);
        ctx.phrase(
            id,
            &[
                ("stage", Value::Shown(&stage)),
                ("parts", Value::Text(parts)),
            ],
        )
    };
    match c {
        StageChange::Added { name } => [
            Cell::from(named("history-stage-added", name, "")),
            Cell::from(""),
            Cell::from(""),
        ],
        StageChange::Removed { name } => [
            Cell::from(named("history-stage-removed", name, "")),
            Cell::from(""),
            Cell::from(""),
        ],
        StageChange::Changed { name, was, parts } => {
            let words: Vec<String> = parts
                .iter()
                .map(|p| ctx.t(&format!("history-stage-part-{}", p.key())))
                .collect();
            let what = named("history-stage-changed", name, &ctx.locale().list(&words));
            match was {
                Some(was) => [
                    Cell::from(what),
                    Cell::from(Shown::new(was, lang)),
                    Cell::from(Shown::new(name, lang)),
                ],
                None => [Cell::from(what), Cell::from(""), Cell::from("")],
            }
        }
    }
}

/// A translation saved: into which language (named in the page's
/// language) and how many of the texts it has.
fn translated(ctx: &PageCtx, t: &Translated) -> Phrase {
    let language = ctx.language_shown(&t.language);
    ctx.phrase(
        "history-translation-saved",
        &[
            ("language", Value::Shown(&language)),
            ("texts", Value::Number(t.texts)),
            ("of", Value::Number(t.of)),
        ],
    )
}

/// An action in words ("Published the consultation"); one without, by
/// its code.
fn action_name(ctx: &PageCtx, action: &str) -> Phrase {
    let id = format!("history-{}", action.replace(['.', '_'], "-"));
    let l = ctx.locale();
    if l.message_ids().contains(&id) {
        l.t(&id).into_owned().into()
    } else {
        Phrase::isolated(action)
    }
}

/// For a withdrawn consultation, the summary row that says when and by
/// whom (staff still see it).
pub(super) async fn withdrawn_row(
    ctx: &PageCtx,
    me: &SignedIn,
    id: uuid::Uuid,
    at: Timestamp,
) -> Result<SummaryRow, AppError> {
    let entry = history::withdrawal(&ctx.state.db, Some(me), id).await?;
    Ok(SummaryRow::new(
        ctx.t("consultation-withdrawn-on"),
        withdrawn_phrase(ctx, at, entry.as_ref()),
    ))
}

/// "6 November 2026 at 3pm, by Helen Shaw".
pub(in crate::consultations) fn withdrawn_phrase(
    ctx: &PageCtx,
    at: Timestamp,
    entry: Option<&HistoryEntry>,
) -> Phrase {
    let when = ctx.dates().at(at);
    let by = entry
        .map(|e| who(ctx, e))
        .unwrap_or_else(|| ctx.t("history-someone").into());
    ctx.phrase(
        "consultation-withdrawn-when-by",
        &[("when", Value::When(&when)), ("who", Value::Phrase(&by))],
    )
}
