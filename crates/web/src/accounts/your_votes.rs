//! "Your data"'s tables of opinion voting: the statements a person
//! submitted and their votes on statements.

use cohesion_services::accounts::your_data::YourData;
use cohesion_ui::{Cell, Phrase, Table};

use crate::kit::PageCtx;

/// How "your data" writes a time it holds in RFC 3339 (passed in, so
/// that this room does not reach back into the page that lists it).
pub(super) type When<'a> = &'a dyn Fn(&PageCtx, &str) -> Cell;

/// The person's statements for opinion voting: where, when, where each
/// stands in words, and what they wrote.
pub(super) fn statements_table(ctx: &PageCtx, d: &YourData, when_cell: When<'_>) -> Table {
    Table {
        caption: ctx.t("data-statements").into(),
        head: vec![
            ctx.t("data-discussion").into(),
            ctx.t("data-when").into(),
            ctx.t("data-comment-state").into(),
            ctx.t("data-comment-text").into(),
        ],
        rows: d
            .statements
            .iter()
            .map(|s| {
                let state = format!("statement-state-{}", s.state);
                vec![
                    Cell::link(
                        Phrase::isolated(&s.discussion),
                        format!("/discussions/{}", s.discussion_id),
                    ),
                    when_cell(ctx, &s.submitted_at),
                    match ctx.locale().message_ids().contains(&state) {
                        true => ctx.t(&state).into(),
                        false => s.state.clone().into(),
                    },
                    Phrase::isolated(&s.text).into(),
                ]
            })
            .collect(),
        empty: ctx.t("none"),
    }
}

/// The person's votes on statements.
pub(super) fn votes_table(ctx: &PageCtx, d: &YourData, when_cell: When<'_>) -> Table {
    Table {
        caption: ctx.t("data-votes").into(),
        head: vec![
            ctx.t("data-when").into(),
            ctx.t("data-vote-statement").into(),
            ctx.t("data-vote").into(),
        ],
        rows: d
            .votes
            .iter()
            .map(|v| {
                vec![
                    when_cell(ctx, &v.at),
                    Phrase::isolated(&v.statement).into(),
                    ctx.t(&format!("vote-{}", v.vote)).into(),
                ]
            })
            .collect(),
        empty: ctx.t("none"),
    }
}
