//! How the discussions' pages word things: a discussion's status and
//! dates, and each comment as its reader sees it (who wrote it, when,
//! what it says or the notice in its place, and what the reader may do).

use cohesion_domain::consultation::Status;
use cohesion_domain::discussion::comment::{Shown, State};
use cohesion_domain::discussion::links::{self, Piece};
use cohesion_domain::discussion::moderation::ReportReason;
use cohesion_domain::discussion::record::Discussion;
use cohesion_domain::identity::Action;
use cohesion_services::discussions::reading::{CommentView, Thread};
use cohesion_services::discussions::AppealMark;
use cohesion_services::permissions::may;
use cohesion_ui::discussions::{AgreeForm, Bit, CommentBody, CommentItem, ThreadItem};
use cohesion_ui::{Phrase, Value};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::kit::PageCtx;

/// Comments longer than this (in characters) show their first part
/// until the reader asks for the whole.
pub(super) const LONG_COMMENT: usize = 600;

/// Relative times ("3 hours ago") for a week; after that the date alone.
const RELATIVE_DAYS: i64 = 7;

pub(super) fn tn(ctx: &PageCtx, id: &str, name: &str, n: u64) -> String {
    ctx.locale().t_args(id, &[(name, n.into())])
}

/// Where a discussion stands now, as drafts are for staff.
pub(super) fn status_of(d: &Discussion) -> Status {
    d.status(OffsetDateTime::now_utc())
}

/// A discussion's status key (`draft` until published) and its label.
pub(super) fn status_label(ctx: &PageCtx, d: &Discussion) -> (&'static str, String) {
    let key = match d.is_published() {
        false => "draft",
        true => status_of(d).key(),
    };
    (key, ctx.t(&format!("discussion-status-{key}")))
}

/// For a list: when it opens, until when it is open, or when it closed.
pub(super) fn short_dates(ctx: &PageCtx, d: &Discussion) -> Phrase {
    let dates = ctx.dates();
    match status_of(d) {
        Status::Upcoming => dates.with(
            "discussion-dates-upcoming",
            "opens",
            dates.instant(d.opens_at),
        ),
        Status::Open => dates.with(
            "discussion-dates-open",
            "closes",
            dates.instant(d.closes_at),
        ),
        Status::Closed => dates.with(
            "discussion-dates-closed",
            "closes",
            dates.instant(d.closes_at),
        ),
    }
}

/// "The discussion runs from … to …", in the tense its status needs.
pub(super) fn run_dates(ctx: &PageCtx, d: &Discussion) -> Phrase {
    let id = match status_of(d) {
        Status::Upcoming => "discussion-will-run",
        Status::Open => "discussion-runs",
        Status::Closed => "discussion-ran",
    };
    ctx.dates().range(id, d.opens_at, d.closes_at)
}

/// Why a discussion's statements take no votes now, if they do not.
pub(super) fn votes_closed_notice(ctx: &PageCtx, d: &Discussion) -> Option<Phrase> {
    match status_of(d) {
        Status::Closed if !d.imported => Some(ctx.t("statements-closed-notice").into()),
        _ => closed_notice(ctx, d),
    }
}

/// Why a discussion takes no comments now, if it does not.
pub(super) fn closed_notice(ctx: &PageCtx, d: &Discussion) -> Option<Phrase> {
    if d.imported {
        return Some(ctx.t("discussion-imported-notice").into());
    }
    match status_of(d) {
        Status::Open => None,
        Status::Closed => Some(ctx.t("discussion-closed-notice").into()),
        Status::Upcoming => {
            let dates = ctx.dates();
            Some(dates.with(
                "discussion-upcoming-notice",
                "opens",
                dates.instant(d.opens_at),
            ))
        }
    }
}

/// "3 hours ago", or `None` once it is a week old.
pub(super) fn ago(ctx: &PageCtx, at: OffsetDateTime) -> Option<String> {
    let seconds = (OffsetDateTime::now_utc() - at).whole_seconds().max(0);
    let (id, n) = match seconds {
        s if s < 60 => return Some(ctx.t("time-ago-now")),
        s if s < 3_600 => ("time-ago-minutes", s / 60),
        s if s < 86_400 => ("time-ago-hours", s / 3_600),
        s if s < RELATIVE_DAYS * 86_400 => ("time-ago-days", s / 86_400),
        _ => return None,
    };
    Some(tn(ctx, id, "count", n as u64))
}

/// An author's name as shown: their own, or that the account is gone.
pub(in crate::discussions) fn author_name(ctx: &PageCtx, name: Option<&str>) -> Phrase {
    match name {
        Some(n) => Phrase::isolated(n),
        None => ctx.t("comment-anonymous").into(),
    }
}

/// A comment's text as paragraphs of text and links.
fn bits(text: &str) -> Vec<Vec<Bit>> {
    links::paragraphs(text)
        .into_iter()
        .map(|p| {
            p.into_iter()
                .map(|piece| match piece {
                    Piece::Text(t) => Bit {
                        text: t.to_owned(),
                        link: None,
                    },
                    Piece::Link { url, site } => Bit {
                        text: url.to_owned(),
                        link: Some((url.to_owned(), site)),
                    },
                })
                .collect()
        })
        .collect()
}

/// The first part of a long text, cut at a space (so that no address
/// is cut in two) before [`LONG_COMMENT`] characters; `None` for a text
/// short enough to show whole.
pub(super) fn first_part(text: &str) -> Option<&str> {
    let (cut, _) = text.char_indices().nth(LONG_COMMENT)?;
    let head = &text[..cut];
    let at = head.rfind(char::is_whitespace).unwrap_or(cut);
    Some(head[..at].trim_end())
}

fn body(text: &str) -> CommentBody {
    let excerpt = first_part(text).map(|head| {
        let mut paragraphs = bits(head);
        if let Some(last) = paragraphs.last_mut() {
            last.push(Bit {
                text: "…".to_owned(),
                link: None,
            });
        }
        paragraphs
    });
    CommentBody {
        paragraphs: bits(text),
        excerpt,
    }
}

/// Who reads and where: what each comment's buttons and links need.
pub(super) struct Reading<'a> {
    pub ctx: &'a PageCtx,
    pub discussion: Uuid,
    /// Taking comments now.
    pub open: bool,
    /// The reader may write now: not suspended (replying and editing are
    /// not offered to a member posting would refuse).
    pub may_write: bool,
    /// The page to come back to after agreeing.
    pub from: String,
}

impl Reading<'_> {
    /// One comment as its reader sees it.
    pub fn item(&self, v: &CommentView) -> CommentItem {
        let ctx = self.ctx;
        let c = &v.comment;
        let base = format!("/discussions/{}/comments/{}", self.discussion, c.id);
        let author = author_name(ctx, c.author_name.as_deref());
        let of = ctx.phrase("comment-of", &[("name", Value::Phrase(&author))]);
        // The mark above a text only some may read says who can see it:
        // its author is told only they can; a moderator is told why they
        // see what others do not (held, or hidden and why).
        let (awaiting, text_shown) = match v.shown {
            Shown::Text {
                awaiting_moderation,
            } => {
                let mark = match (c.state, v.mine) {
                    (State::AwaitingModeration, true) => Some(ctx.t("comment-awaiting")),
                    (State::AwaitingModeration, false) => Some(ctx.t("comment-awaiting-moderator")),
                    // Its author reads what others do not: told so, and why.
                    (State::Hidden, true) => {
                        Some(hidden_from_others(ctx, c.hidden_reason.as_deref()))
                    }
                    (State::Hidden, _) => Some(ctx.t("comment-hidden-moderator")),
                    (State::DeletedByAuthor, _) => Some(ctx.t("comment-deleted-moderator")),
                    _ => awaiting_moderation.then(|| ctx.t("comment-awaiting")),
                };
                (mark, true)
            }
            _ => (None, false),
        };
        let notice = match v.shown {
            Shown::Notice(state) => Some(notice(ctx, state, c.hidden_reason.as_deref())),
            _ => None,
        };
        let published = c.state == State::Published && text_shown;
        let me = ctx.user.0.as_ref();
        let agree = (published && self.open && !v.mine)
            .then_some(me)
            .flatten()
            .map(|me| AgreeForm {
                action: format!("{base}/agree"),
                csrf: me.csrf.clone(),
                agree: if v.agreed { "no" } else { "yes" },
                from: self.from.clone(),
                label: ctx.t(if v.agreed {
                    "comment-withdraw"
                } else {
                    "comment-agree"
                }),
                pressed: v.agreed,
            });
        let mut actions = Vec::new();
        if published && self.open && self.may_write {
            actions.push((format!("{base}/reply"), ctx.t("comment-reply")));
        }
        // One report per reader counts: after it, the reader is told so
        // rather than offered a form that can do nothing more.
        let reported = (published && !v.mine && v.reported).then(|| ctx.t("comment-reported"));
        if published && !v.mine && !v.reported {
            actions.push((format!("{base}/report"), ctx.t("comment-report")));
        }
        if v.editable && self.open && self.may_write {
            actions.push((format!("{base}/edit"), ctx.t("comment-edit")));
        }
        if v.mine && text_shown {
            actions.push((format!("{base}/delete"), ctx.t("comment-delete")));
        }
        // Once appealed, the comment says when and where the appeal
        // stands (waiting, or how it was decided), and leads to its page
        // rather than invite a second one.
        let appealed = v
            .appealed
            .as_ref()
            .filter(|_| v.mine)
            .map(|a| appeal_standing(ctx, a, c.state));
        if v.mine && (c.state == State::Hidden || v.appealed.is_some()) {
            let label = match appealed {
                Some(_) => "comment-appeal-status",
                None => "comment-appeal",
            };
            actions.push((format!("{base}/appeal"), ctx.t(label)));
        }
        // Moderators decide from the page they read, on anyone's comment
        // but their own (the service refuses those anyway).
        if !v.mine && may(me, Action::Moderate) {
            actions.push((
                format!("/moderation/comments/{}", c.id),
                ctx.t("comment-moderate"),
            ));
        }
        CommentItem {
            anchor: format!("comment-{}", c.id),
            level: v.level,
            badge_key: c.badge.code(),
            badge: ctx.t(&format!("comment-badge-{}", c.badge.code())),
            in_reply_to: v.in_reply_to.as_ref().map(|name| {
                let name = author_name(ctx, name.as_deref());
                ctx.phrase("comment-in-reply-to", &[("name", Value::Phrase(&name))])
            }),
            posted: ctx.dates().instant(c.created_at),
            ago: ago(ctx, c.created_at),
            edited: c.edited_at.map(|_| ctx.t("comment-edited")),
            awaiting,
            notice,
            body: text_shown.then(|| body(&c.body)),
            agree_count: published.then(|| {
                tn(
                    ctx,
                    "comment-agree-count",
                    "count",
                    c.agree_count.max(0) as u64,
                )
            }),
            agree,
            actions,
            reported,
            appealed,
            author,
            of,
            done: None,
        }
    }

    /// A thread: its top-level comment, the replies shown, and the way
    /// to the rest on its own page.
    pub fn thread(&self, t: &Thread) -> ThreadItem {
        let comments = std::iter::once(&t.top)
            .chain(&t.replies)
            .map(|v| self.item(v))
            .collect();
        let more = (t.more_replies > 0).then(|| {
            (
                format!(
                    "/discussions/{}/comments/{}",
                    self.discussion, t.top.comment.id
                ),
                tn(
                    self.ctx,
                    "comment-more-replies",
                    "count",
                    t.more_replies as u64,
                ),
            )
        });
        ThreadItem { comments, more }
    }
}

/// A public reason's name in the reader's language ("Spam"), or the
/// reason as written when it is not one of the codes.
pub(super) fn reason_name(ctx: &PageCtx, reason: &str) -> String {
    match ReportReason::from_code(reason) {
        Some(r) => ctx.t(&format!("report-reason-{}", r.code())),
        None => reason.to_owned(),
    }
}

/// The mark on one's own hidden comment: hidden by a moderator, why, and
/// that only its author reads the text.
fn hidden_from_others(ctx: &PageCtx, reason: Option<&str>) -> String {
    match reason.map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) => ctx.locale().t_plain(
            "comment-hidden-yours",
            &[("reason", reason_name(ctx, r).into())],
        ),
        None => ctx.t("comment-hidden-yours-plain"),
    }
}

/// Where an author's appeal stands, in a sentence: sent on a day and
/// waiting, or decided on a day and how (upheld, the comment staying
/// hidden; overturned, the comment shown again).
pub(super) fn appeal_standing(ctx: &PageCtx, a: &AppealMark, state: State) -> String {
    let dt = ctx.dates();
    let key = match (a.outcome.as_deref(), state) {
        (Some("upheld"), State::Hidden) => "comment-appeal-upheld-hidden",
        (Some("upheld"), _) => "comment-appeal-upheld",
        (Some(_), State::Published) => "comment-appeal-overturned-shown",
        (Some(_), _) => "comment-appeal-overturned",
        (None, _) => "comment-appealed-on",
    };
    let day = match (a.outcome.as_ref(), a.decided_at) {
        (Some(_), Some(at)) => dt.day_of(at.as_offset()).text,
        _ => dt.day_of(a.at.as_offset()).text,
    };
    ctx.locale().t_plain(key, &[("date", day.into())])
}

/// What is said in place of a comment's text.
fn notice(ctx: &PageCtx, state: State, reason: Option<&str>) -> Phrase {
    match (state, reason.map(str::trim).filter(|r| !r.is_empty())) {
        // The public reason is stored as its code; readers get its name
        // in their language ("Spam", "رسائل مزعجة"), not "spam".
        (State::Hidden, Some(reason)) => match ReportReason::from_code(reason) {
            Some(r) => ctx.phrase(
                "comment-removed-by-moderator",
                &[(
                    "reason",
                    Value::Text(&ctx.t(&format!("report-reason-{}", r.code()))),
                )],
            ),
            None => ctx.phrase(
                "comment-removed-by-moderator",
                &[("reason", Value::Text(reason))],
            ),
        },
        (State::Hidden, None) => ctx.t("comment-removed-by-moderator-plain").into(),
        (State::RemovedWithAccount, _) => ctx.t("comment-removed-with-account").into(),
        _ => ctx.t("comment-deleted-by-author").into(),
    }
}

#[cfg(test)]
mod tests {
    use super::first_part;

    #[test]
    fn a_long_text_is_cut_at_a_space_before_the_limit() {
        assert_eq!(first_part("short"), None);
        let long = format!(
            "{} https://example.org/{}",
            "word ".repeat(110),
            "x".repeat(200)
        );
        let head = first_part(&long).unwrap();
        assert!(head.chars().count() <= super::LONG_COMMENT);
        assert!(!head.contains("https://"), "{head}");
        let arabic = "كلمة ".repeat(200);
        assert!(first_part(&arabic).unwrap().ends_with("كلمة"));
    }
}
