//! "Your data"'s tables of what a person did in discussions: the
//! comments and statements they wrote, their votes on statements, and
//! the warnings and suspensions they were given.

use std::collections::HashMap;

use cohesion_services::accounts::your_data::YourData;
use cohesion_ui::{Cell, Phrase, Table};
use uuid::Uuid;

use crate::kit::PageCtx;

/// How "your data" writes a time it holds in RFC 3339 (passed in, so
/// that this room does not reach back into the page that lists it).
pub(super) type When<'a> = &'a dyn Fn(&PageCtx, &str) -> Cell;

/// One thing a person wrote in a discussion, as "your data" lists it.
struct Written<'a> {
    discussion_id: Uuid,
    discussion: &'a str,
    at: &'a str,
    /// The state's code, named in words by `{states}-{state}`.
    state: &'a str,
    text: &'a str,
}

/// What a person wrote in discussions (comments or statements): where,
/// when, where each stands in words, and what they wrote. One table for
/// both, so that they read alike and a change to one reaches the other.
fn written_table<'a>(
    ctx: &PageCtx,
    caption: &str,
    states: &str,
    items: impl Iterator<Item = Written<'a>>,
    when_cell: When<'_>,
) -> Table {
    Table {
        caption: ctx.t(caption).into(),
        head: vec![
            ctx.t("data-discussion").into(),
            ctx.t("data-when").into(),
            ctx.t("data-comment-state").into(),
            ctx.t("data-comment-text").into(),
        ],
        rows: items
            .map(|w| {
                let state = format!("{states}-{}", w.state);
                vec![
                    Cell::link(
                        Phrase::isolated(w.discussion),
                        format!("/discussions/{}", w.discussion_id),
                    ),
                    when_cell(ctx, w.at),
                    match ctx.locale().message_ids().contains(&state) {
                        true => ctx.t(&state).into(),
                        false => w.state.to_owned().into(),
                    },
                    Phrase::isolated(w.text).into(),
                ]
            })
            .collect(),
        empty: ctx.t("none"),
    }
}

/// The person's comments in discussions.
pub(super) fn comments_table(ctx: &PageCtx, d: &YourData, when_cell: When<'_>) -> Table {
    let items = d.comments.iter().map(|c| Written {
        discussion_id: c.discussion_id,
        discussion: &c.discussion,
        at: &c.posted_at,
        state: &c.state,
        text: &c.text,
    });
    written_table(ctx, "data-comments", "comment-state", items, when_cell)
}

/// The person's statements for opinion voting.
pub(super) fn statements_table(ctx: &PageCtx, d: &YourData, when_cell: When<'_>) -> Table {
    let items = d.statements.iter().map(|s| Written {
        discussion_id: s.discussion_id,
        discussion: &s.discussion,
        at: &s.submitted_at,
        state: &s.state,
        text: &s.text,
    });
    written_table(ctx, "data-statements", "statement-state", items, when_cell)
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

/// The person's appeals against moderators' decisions: when, what they
/// wrote, and how each was decided (waiting, upheld or overturned, and
/// when).
pub(super) fn appeals_table(ctx: &PageCtx, d: &YourData, when_cell: When<'_>) -> Table {
    Table {
        caption: ctx.t("data-appeals").into(),
        head: vec![
            ctx.t("data-when").into(),
            ctx.t("data-appeal-text").into(),
            ctx.t("data-appeal-outcome").into(),
            ctx.t("data-appeal-decided").into(),
        ],
        rows: d
            .appeals
            .iter()
            .map(|a| {
                let outcome = match a.outcome.as_deref() {
                    Some("upheld") => ctx.t("data-appeal-upheld").into(),
                    Some("overturned") => ctx.t("data-appeal-overturned").into(),
                    Some(other) => other.to_owned().into(),
                    None => ctx.t("data-appeal-waiting").into(),
                };
                vec![
                    when_cell(ctx, &a.sent_at),
                    Phrase::isolated(&a.text).into(),
                    outcome,
                    a.decided_at
                        .as_deref()
                        .map_or_else(|| ctx.t("none").into(), |at| when_cell(ctx, at)),
                ]
            })
            .collect(),
        empty: ctx.t("none"),
    }
}

/// The warnings and suspensions the person was given: when, which, until
/// when a suspension ran, and when an appeal withdrew it.
pub(super) fn sanctions_table(ctx: &PageCtx, d: &YourData, when_cell: When<'_>) -> Table {
    let maybe = |at: Option<&str>| at.map_or_else(|| ctx.t("none").into(), |at| when_cell(ctx, at));
    Table {
        caption: ctx.t("data-sanctions").into(),
        head: vec![
            ctx.t("data-when").into(),
            ctx.t("data-sanction").into(),
            ctx.t("data-sanction-until").into(),
            ctx.t("data-sanction-lifted").into(),
        ],
        rows: d
            .sanctions
            .iter()
            .map(|s| {
                let kind = format!("sanction-{}", s.kind);
                vec![
                    when_cell(ctx, &s.given_at),
                    match ctx.locale().message_ids().contains(&kind) {
                        true => ctx.t(&kind).into(),
                        false => s.kind.clone().into(),
                    },
                    maybe(s.until.as_deref()),
                    maybe(s.lifted_at.as_deref()),
                ]
            })
            .collect(),
        empty: ctx.t("none"),
    }
}

/// The person's notifications, what they chose to be told and the
/// discussions they follow: three tables, discussions named by `titles`
/// (in the page's language where translated).
pub(super) fn notification_tables(
    ctx: &PageCtx,
    d: &YourData,
    when_cell: When<'_>,
    titles: &HashMap<Uuid, String>,
) -> Vec<Table> {
    let named = |id: &Uuid| -> Cell {
        match titles.get(id) {
            Some(title) => Phrase::isolated(title).into(),
            None => ctx.t("data-following-gone").into(),
        }
    };
    let kind = |kind: &str| -> Cell {
        let id = format!("notification-kind-{kind}");
        match ctx.locale().message_ids().contains(&id) {
            true => ctx.t(&id).into(),
            false => Phrase::isolated(kind).into(),
        }
    };
    let yes_no = |on: bool| -> Cell { ctx.t(if on { "yes" } else { "no" }).into() };
    vec![
        Table {
            caption: ctx.t("data-notifications").into(),
            head: vec![
                ctx.t("data-when").into(),
                ctx.t("data-notification-kind").into(),
                ctx.t("data-following-discussion").into(),
                ctx.t("data-notification-read").into(),
            ],
            rows: d
                .notifications
                .iter()
                .map(|n| {
                    vec![
                        when_cell(ctx, &n.at),
                        kind(&n.kind),
                        named(&n.discussion_id),
                        n.read_at.as_deref().map_or_else(
                            || ctx.t("data-notification-unread").into(),
                            |at| when_cell(ctx, at),
                        ),
                    ]
                })
                .collect(),
            empty: ctx.t("none"),
        },
        Table {
            caption: ctx.t("data-notification-choices").into(),
            head: vec![
                ctx.t("data-notification-kind").into(),
                ctx.t("data-notification-in-site").into(),
                ctx.t("data-notification-by-email").into(),
            ],
            rows: d
                .notification_choices
                .iter()
                .map(|c| vec![kind(&c.kind), yes_no(c.in_site), yes_no(c.by_email)])
                .collect(),
            empty: ctx.t("data-notification-choices-none"),
        },
        Table {
            caption: ctx.t("data-following").into(),
            head: vec![ctx.t("data-following-discussion").into()],
            rows: d.following.iter().map(|id| vec![named(id)]).collect(),
            empty: ctx.t("none"),
        },
    ]
}
