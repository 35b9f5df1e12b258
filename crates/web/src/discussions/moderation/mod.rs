//! Moderators' pages of discussions (ADR 33): the queue, most serious
//! first (`queue`), one comment with the decisions a moderator may take
//! and its history (`item`), the word lists screening reads (`words`),
//! and how well screening does against moderators' decisions
//! (`quality`). Every page needs `Action::Moderate`.

mod bulk;
mod item;
mod quality;
pub(crate) mod queue;
mod words;

use axum::routing::{get, post};
use axum::Router;
use cohesion_domain::discussion::comment::State;
use cohesion_domain::discussion::moderation::ReportReason;
use cohesion_domain::discussion::record::Comment;
use cohesion_domain::discussion::screening::{Reason, CAMPAIGN_HOURS, RATE_COMMENTS, RATE_MINUTES};
use cohesion_services::discussions::moderating::{Entry, HeldStatement};
use cohesion_ui::discussions::moderation::{ModerationCard, OutsideBox, SelectBox};
use cohesion_ui::{Phrase, Section, SummaryRow, Value};
use serde::Deserialize;

use super::public::wording::author_name;
use crate::kit::{AppError, PageCtx, SharedState};

pub(super) fn routes() -> Router<SharedState> {
    Router::new()
        .route("/moderation", get(queue::queue))
        .route("/moderation/bulk", post(bulk::decide))
        .route(
            "/moderation/comments/{id}",
            get(item::show).post(item::decide),
        )
        .route("/moderation/screening", get(quality::page))
        .route("/moderation/words", get(words::list).post(words::add))
        .route(
            "/moderation/words/remove",
            get(words::ask_remove).post(words::remove),
        )
}

/// A screening reason in words: "Contains “ENTRY” from the word list",
/// a repeat or near repeat (naming the earlier comment), a campaign, many
/// links, a posting rate, the classifier's score and the words that
/// weighed most, pre-moderation.
pub(in crate::discussions) fn screening_reason(
    ctx: &PageCtx,
    reason: &str,
    named: &[Comment],
    campaign: usize,
) -> Phrase {
    match Reason::parse(reason) {
        Reason::Word(entry) => {
            ctx.phrase("moderation-reason-word", &[("entry", Value::Text(entry))])
        }
        Reason::NearRepeat(id) => match named.iter().find(|c| c.id.to_string() == id) {
            Some(earlier) => {
                let name = author_name(ctx, earlier.author_name.as_deref());
                let when = ctx.dates().instant(earlier.created_at);
                ctx.phrase(
                    "moderation-reason-near-repeat-of",
                    &[
                        ("name", Value::Phrase(&name)),
                        ("when", Value::When(&when)),
                        ("text", Value::Text(&excerpt(&earlier.body))),
                    ],
                )
            }
            None => ctx.t("moderation-reason-near-repeat").into(),
        },
        Reason::Campaign(_) => ctx.phrase(
            "moderation-reason-campaign",
            &[
                ("count", Value::Number(campaign.max(1) as u64)),
                ("hours", Value::Number(CAMPAIGN_HOURS as u64)),
            ],
        ),
        Reason::Rate => ctx.phrase(
            "moderation-reason-rate",
            &[
                ("count", Value::Number(RATE_COMMENTS as u64)),
                ("minutes", Value::Number(RATE_MINUTES as u64)),
            ],
        ),
        Reason::Classifier {
            version,
            score,
            ngrams,
        } => {
            let percent = score
                .parse::<f64>()
                .map(|s| (s * 100.0).round().clamp(0.0, 100.0) as u64)
                .unwrap_or(0);
            let words = Phrase::join(
                ngrams
                    .iter()
                    .map(|n| ctx.phrase("moderation-reason-ngram", &[("ngram", Value::Text(n))]))
                    .collect::<Vec<_>>(),
                ", ",
            );
            ctx.phrase(
                "moderation-reason-classifier",
                &[
                    ("version", Value::Text(version)),
                    ("percent", Value::Number(percent)),
                    ("words", Value::Phrase(&words)),
                ],
            )
        }
        Reason::Repeat(id) => match named.iter().find(|c| c.id.to_string() == id) {
            Some(first) => {
                let name = author_name(ctx, first.author_name.as_deref());
                let when = ctx.dates().instant(first.created_at);
                ctx.phrase(
                    "moderation-reason-repeat-of",
                    &[
                        ("name", Value::Phrase(&name)),
                        ("when", Value::When(&when)),
                        ("text", Value::Text(&excerpt(&first.body))),
                    ],
                )
            }
            None => ctx.t("moderation-reason-repeat").into(),
        },
        Reason::Links => ctx.t("moderation-reason-links").into(),
        Reason::Other(other) => match other {
            "first_comments" | "all_comments" => ctx
                .t(&format!("moderation-reason-{}", other.replace('_', "-")))
                .into(),
            other => Phrase::isolated(other),
        },
    }
}

/// The first words of a comment, for naming it in a line.
fn excerpt(body: &str) -> String {
    const CHARS: usize = 120;
    let mut out: String = body.chars().take(CHARS).collect();
    if body.chars().count() > CHARS {
        out.push('…');
    }
    out
}

/// A report reason's label, or the code as it is when unknown.
fn report_reason(ctx: &PageCtx, code: &str) -> String {
    match ReportReason::from_code(code) {
        Some(r) => ctx.t(&format!("report-reason-{}", r.code())),
        None => code.to_owned(),
    }
}

/// The id of the queue's bulk form, which each card's tick box names.
const BULK_FORM: &str = "moderation-bulk";

/// The comment waiting, as a card: what it says, who wrote it and when,
/// where, in reply to what, why it waits and its author's record; with
/// the box for a step outside the platform when a reason needs one, and
/// (in the queue) the tick box that adds it to a bulk decision.
fn card(ctx: &PageCtx, csrf: &str, e: &Entry, linked: bool) -> ModerationCard {
    let c = &e.comment;
    let author = author_name(ctx, c.author_name.as_deref());
    let heading = ctx.phrase(
        "moderation-item-heading",
        &[("name", Value::Phrase(&author))],
    );
    let mut flags = Vec::new();
    for (on, key) in [
        (e.item.held, "held"),
        (e.item.reported, "reported"),
        (e.item.appealed, "appealed"),
        (e.item.escalated, "escalated"),
    ] {
        if on {
            flags.push(ctx.t(&format!("moderation-flag-{key}")));
        }
    }
    let mut rows = vec![
        SummaryRow::new(ctx.t("moderation-row-comment"), Phrase::isolated(&c.body)),
        SummaryRow::new(
            ctx.t("moderation-row-author"),
            ctx.phrase(
                "moderation-author-badge",
                &[
                    ("name", Value::Phrase(&author)),
                    (
                        "badge",
                        Value::Text(&ctx.t(&format!("comment-badge-{}", c.badge.code()))),
                    ),
                ],
            ),
        ),
        SummaryRow::when(
            ctx.t("moderation-row-posted"),
            ctx.dates().instant(c.created_at),
        ),
        SummaryRow::new(ctx.t("moderation-row-state"), ctx.t(state_key(c.state))).change(
            &format!("/discussions/{}#comment-{}", c.discussion_id, c.id),
            ctx.t("moderation-view-in-discussion"),
        ),
        SummaryRow::new(
            ctx.t("moderation-row-discussion"),
            Phrase::isolated(&e.item.discussion_title),
        )
        .change(
            &format!("/discussions/{}", c.discussion_id),
            ctx.t("moderation-open-discussion"),
        ),
    ];
    if let Some(p) = &e.parent {
        let name = author_name(ctx, p.author_name.as_deref());
        rows.push(SummaryRow::new(
            ctx.phrase("moderation-row-parent", &[("name", Value::Phrase(&name))]),
            Phrase::isolated(&p.body),
        ));
    }
    let mut why: Vec<Phrase> = e
        .reports
        .iter()
        .map(|(code, n)| {
            ctx.phrase(
                "moderation-reports-of",
                &[
                    ("reason", Value::Text(&report_reason(ctx, code))),
                    ("count", Value::Number(*n as u64)),
                ],
            )
        })
        .collect();
    why.extend(
        e.item
            .reasons
            .iter()
            .map(|r| screening_reason(ctx, r, &e.named, e.campaign.len())),
    );
    if e.item.appealed {
        why.push(ctx.t("moderation-reason-appeal").into());
    }
    if !why.is_empty() {
        rows.push(SummaryRow::new(
            ctx.t("moderation-row-why"),
            Phrase::join(why, "\n"),
        ));
    }
    // What a reporter wrote, as written (never who wrote it).
    if let Some(note) = &e.report_note {
        rows.push(SummaryRow::new(
            ctx.t("moderation-row-report-note"),
            Phrase::isolated(note),
        ));
    }
    // The comment it repeats (or nearly does), with the way to it in its
    // thread.
    for reason in &e.item.reasons {
        let id = match Reason::parse(reason) {
            Reason::Repeat(id) | Reason::NearRepeat(id) => id,
            _ => continue,
        };
        let Some(first) = e.named.iter().find(|o| o.id.to_string() == id) else {
            continue;
        };
        let name = author_name(ctx, first.author_name.as_deref());
        rows.push(
            SummaryRow::new(
                ctx.phrase("moderation-row-repeated", &[("name", Value::Phrase(&name))]),
                Phrase::isolated(&excerpt(&first.body)),
            )
            .change(
                &format!("/discussions/{}#comment-{}", first.discussion_id, first.id),
                ctx.t("moderation-repeated-open"),
            ),
        );
    }
    // A campaign's other comments, each a link to its own item.
    for other in e.named.iter().filter(|o| e.campaign.contains(&o.id)) {
        let name = author_name(ctx, other.author_name.as_deref());
        rows.push(
            SummaryRow::new(
                ctx.phrase(
                    "moderation-row-campaign-member",
                    &[("name", Value::Phrase(&name))],
                ),
                Phrase::isolated(&excerpt(&other.body)),
            )
            .change(
                &format!("/moderation/comments/{}", other.id),
                ctx.t("moderation-campaign-open"),
            ),
        );
    }
    let h = e.history;
    rows.push(SummaryRow::new(
        ctx.t("moderation-row-record"),
        ctx.locale().t_plain(
            "moderation-record",
            &[
                ("comments", (h.comments.max(0) as u64).into()),
                ("hidden", (h.hidden.max(0) as u64).into()),
                ("sanctions", (h.sanctions.max(0) as u64).into()),
            ],
        ),
    ));
    let outside = outside_box(ctx, csrf, e);
    ModerationCard {
        id: c.id.to_string(),
        anchor: format!("item-{}", c.id),
        heading,
        href: linked.then(|| format!("/moderation/comments/{}", c.id)),
        flags,
        rows,
        outside,
        select: linked.then(|| SelectBox {
            form: BULK_FORM.to_owned(),
            label: ctx.phrase("moderation-select", &[("name", Value::Phrase(&author))]),
        }),
    }
}

/// A held statement, as a card: what it says, where and when, why it is
/// held; its heading leads to the discussion's statements page, where
/// moderators approve or hide it.
fn statement_card(ctx: &PageCtx, h: &HeldStatement) -> ModerationCard {
    let s = &h.statement;
    let decide = format!(
        "/staff/discussions/{}/statements#statement-{}",
        s.discussion_id, s.id
    );
    let number = Value::Number(s.number as u64 + 1);
    let mut rows = vec![
        SummaryRow::new(ctx.t("moderation-row-statement"), Phrase::isolated(&s.body)),
        SummaryRow::when(
            ctx.t("moderation-row-posted"),
            ctx.dates().instant(s.created_at.as_offset()),
        ),
        SummaryRow::new(
            ctx.t("moderation-row-discussion"),
            Phrase::isolated(&h.discussion_title),
        )
        .change(&decide, ctx.t("moderation-statement-decide")),
    ];
    let why: Vec<Phrase> = s
        .reasons
        .lines()
        .filter(|r| !r.trim().is_empty())
        .map(|r| screening_reason(ctx, r, &[], 0))
        .collect();
    if !why.is_empty() {
        rows.push(SummaryRow::new(
            ctx.t("moderation-row-why"),
            Phrase::join(why, "\n"),
        ));
    }
    ModerationCard {
        id: s.id.to_string(),
        anchor: format!("statement-{}", s.id),
        heading: ctx.phrase("moderation-statement-heading", &[("number", number)]),
        href: Some(decide),
        flags: vec![ctx.t("moderation-flag-held")],
        rows,
        outside: None,
        select: None,
    }
}

/// The box for a step outside the platform, when a reason needs one:
/// what to do, and the form that records it was done (or when it was).
fn outside_box(ctx: &PageCtx, csrf: &str, e: &Entry) -> Option<OutsideBox> {
    let c = &e.comment;
    let recorded = e.outside_recorded.map(|at| {
        let when = ctx.dates().instant(at.as_offset());
        ctx.phrase(
            "moderation-outside-recorded",
            &[("when", Value::When(&when))],
        )
    });
    // Until a moderator decides, the step is asked for; after, only if
    // they judged it a threat or terrorist content too (hid it for that)
    // or it was recorded: a comment hidden as off-topic, or approved, no
    // longer tells anyone to call the emergency services.
    let judged_serious = c
        .hidden_reason
        .as_deref()
        .and_then(ReportReason::from_code)
        .is_some_and(ReportReason::needs_action_outside);
    let undecided = e.item.waiting && !e.item.appealed && c.state != State::Hidden;
    let still_asked = undecided || judged_serious || e.outside_recorded.is_some();
    (e.needs_outside_action && still_asked).then(|| OutsideBox {
        heading: ctx.t("moderation-outside-heading"),
        text: e
            .reports
            .iter()
            .filter_map(|(code, _)| ReportReason::from_code(code))
            .filter(|r| r.needs_action_outside())
            .map(|r| ctx.t(&format!("moderation-outside-{}", r.code())))
            .collect(),
        action: format!("/moderation/comments/{}", c.id),
        csrf: csrf.to_owned(),
        done_label: ctx.t("moderation-outside-done"),
        note_label: ctx.t("moderation-outside-note"),
        note_hint: ctx.t("moderation-outside-note-hint"),
        button: ctx.t("moderation-outside-button"),
        recorded,
    })
}

/// The message naming a comment's state.
fn state_key(state: State) -> &'static str {
    match state {
        State::Published => "moderation-state-published",
        State::AwaitingModeration => "moderation-state-held",
        State::Hidden => "moderation-state-hidden",
        State::DeletedByAuthor => "moderation-state-deleted",
        State::RemovedWithAccount => "moderation-state-removed",
    }
}

/// The queue's filters as its address carries them: read by the queue,
/// and carried through an item's page so that "Back to the moderation
/// queue" (and the queue after a decision) comes back to the queue as it
/// was narrowed.
#[derive(Deserialize, Default)]
pub(super) struct QueueFilters {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    discussion: String,
    #[serde(default)]
    language: String,
    /// `held`, `reported`, `appealed`, `escalated` or `statements`.
    #[serde(default)]
    flag: String,
}

impl QueueFilters {
    /// The filters set, as the start of a query.
    fn serializer(&self) -> form_urlencoded::Serializer<'static, String> {
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("reason", &self.reason),
            ("discussion", &self.discussion),
            ("language", &self.language),
            ("flag", &self.flag),
        ] {
            let v = v.trim();
            if !v.is_empty() {
                query.append_pair(k, v);
            }
        }
        query
    }

    /// The filters as a query, empty when none is set.
    fn query(&self) -> String {
        self.serializer().finish()
    }
}

/// `base` with the queue's filters after it (`?` or `&` as it needs).
pub(super) fn with_filters(base: &str, filters: &str) -> String {
    match (filters.is_empty(), base.contains('?')) {
        (true, _) => base.to_owned(),
        (false, true) => format!("{base}&{filters}"),
        (false, false) => format!("{base}?{filters}"),
    }
}

/// A card, or the bulk form, as a part of the page.
fn section(part: &impl cohesion_ui::Template) -> Result<Section, AppError> {
    Section::render(part).map_err(|e| {
        tracing::error!(error = %e, "template failed");
        AppError::internal()
    })
}
