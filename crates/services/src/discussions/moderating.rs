//! Moderators at work: the queue of comments waiting for a decision, each
//! with its thread context, its author's record and why it waits; the
//! decisions themselves (never deletions, ADR 33), each audit-logged; and
//! appeals, once per comment, decided by another moderator.

use std::collections::HashMap;

use cohesion_domain::discussion::comment::State;
use cohesion_domain::discussion::moderation::{
    may_decide_appeal, report_weight, Report, ReportReason,
};
use cohesion_domain::discussion::record::Comment;
use cohesion_domain::discussion::screening::Reason;
use cohesion_domain::identity::Action;
use cohesion_domain::text::{optional, optional_line};
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::discussions::moderation::{self as store, Item, Listed, Waiting};
use cohesion_storage::discussions::{catalogue, comments, screening};
use cohesion_storage::{Conn, Db, Timestamp};
use time::Duration;
use uuid::Uuid;

use crate::accounts::SignedIn;
use crate::audit::audit_log;
use crate::permissions::require;
use crate::ServiceError;

pub use super::deciding::{decide, record_outside_action, Refusal};
pub use super::queue::{queue, waiting, HeldStatement, QueuePage, Queued};

/// The most a moderator's note or an appeal may say.
pub const MAX_NOTE_CHARS: usize = 2_000;

/// An author's record in discussions, for the moderator deciding.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct History {
    pub comments: i64,
    pub hidden: i64,
    /// Warnings and suspensions received.
    pub sanctions: i64,
}

/// One waiting comment as a moderator reads it in the queue.
#[derive(Debug, Clone)]
pub struct Entry {
    pub item: Item,
    pub comment: Comment,
    /// The comment it replies to, for context.
    pub parent: Option<Comment>,
    /// Reports by reason code, most first.
    pub reports: Vec<(String, i64)>,
    pub history: History,
    /// Whether a reason needs a step outside the platform.
    pub needs_outside_action: bool,
    /// When a moderator last recorded that step as taken.
    pub outside_recorded: Option<Timestamp>,
    /// The newest note a reporter wrote (reporters are never named).
    pub report_note: Option<String>,
    /// The comments screening's reasons name: the earlier comment a near
    /// repeat repeats, and the comments of its campaign, oldest first.
    pub named: Vec<Comment>,
    /// The comments of its campaign (itself included), oldest first.
    pub campaign: Vec<Uuid>,
}

/// The most comments of one campaign the queue lists with an item.
const CAMPAIGN_SHOWN: i64 = 50;

/// One comment's item, waiting or not, with what the queue shows of it.
/// A comment that never waited (nobody reported it, screening let it
/// through) has an item that says so, so that a moderator reading the
/// discussion may still decide about it.
pub async fn entry(db: &Db, me: &SignedIn, comment: Uuid) -> Result<Entry, ServiceError> {
    require(me, Action::Moderate)?;
    let mut c = db.acquire().await?;
    let listed = match store::find_listed(c.conn(), &[comment]).await?.pop() {
        Some(listed) => listed,
        None => never_waited(c.conn(), comment).await?,
    };
    entries(c.conn(), vec![listed])
        .await?
        .pop()
        .ok_or(ServiceError::NotFound)
}

/// The item of a comment that has never waited for a moderator.
async fn never_waited(mut conn: Conn<'_>, comment: Uuid) -> Result<Listed, ServiceError> {
    let found = comments::find(conn.reborrow(), comment)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let d = catalogue::find(conn.reborrow(), found.discussion_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let outside_at = store::outside_actions(conn.reborrow(), &[comment])
        .await?
        .pop()
        .map(|(_, at)| at);
    let reports = store::report_counts(conn.reborrow(), &[comment])
        .await?
        .into_iter()
        .map(|(_, reason, n)| (reason, n))
        .collect();
    let authors: Vec<Uuid> = found.author_id.into_iter().collect();
    let author = store::histories(conn, &authors)
        .await?
        .pop()
        .map(|(_, comments, hidden, sanctions)| (comments, hidden, sanctions))
        .unwrap_or_default();
    let item = Item {
        comment_id: found.id,
        waiting: false,
        discussion_id: d.id,
        discussion_title: d.title,
        severity: 0,
        weight: 0,
        held: false,
        reported: false,
        appealed: false,
        escalated: false,
        reasons: Vec::new(),
        waiting_since: found.created_at.into(),
    };
    Ok(Listed {
        item,
        comment: found,
        outside_at,
        report_note: None,
        reports,
        author,
    })
}

/// The parents and what screening's reasons name of a page of items
/// (read with their comments, reports and authors' records), in a fixed
/// number of queries whatever the page's length.
pub(super) async fn entries(
    mut conn: Conn<'_>,
    listed: Vec<Listed>,
) -> Result<Vec<Entry>, ServiceError> {
    let mut outside: HashMap<Uuid, Timestamp> = HashMap::new();
    let mut notes: HashMap<Uuid, String> = HashMap::new();
    let mut reports: HashMap<Uuid, Vec<(String, i64)>> = HashMap::new();
    let mut histories: HashMap<Uuid, History> = HashMap::new();
    let (items, found): (Vec<Item>, Vec<Comment>) = listed
        .into_iter()
        .map(|l| {
            let id = l.item.comment_id;
            if let Some(at) = l.outside_at {
                outside.insert(id, at);
            }
            if let Some(note) = l.report_note {
                notes.insert(id, note);
            }
            reports.insert(id, l.reports);
            let (comments, hidden, sanctions) = l.author;
            histories.insert(
                id,
                History {
                    comments,
                    hidden,
                    sanctions,
                },
            );
            (l.item, l.comment)
        })
        .unzip();
    let parent_ids: Vec<Uuid> = found.iter().filter_map(|c| c.parent_id).collect();
    let parents = comments::find_many(conn.reborrow(), &parent_ids).await?;
    // What screening's reasons name, in two more queries for the page.
    let mut earlier: Vec<Uuid> = Vec::new();
    let mut leads: Vec<Uuid> = Vec::new();
    for reason in items.iter().flat_map(|i| &i.reasons) {
        match Reason::parse(reason) {
            Reason::NearRepeat(id) | Reason::Repeat(id) => earlier.extend(Uuid::parse_str(id).ok()),
            Reason::Campaign(id) => leads.extend(Uuid::parse_str(id).ok()),
            _ => {}
        }
    }
    leads.sort_unstable();
    leads.dedup();
    let limit = CAMPAIGN_SHOWN * leads.len() as i64;
    let mut campaigns: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for (lead, member) in screening::campaign_members(conn.reborrow(), &leads, limit).await? {
        campaigns.entry(lead).or_default().push(member);
        earlier.push(member);
    }
    earlier.sort_unstable();
    earlier.dedup();
    let named: HashMap<Uuid, Comment> = comments::find_many(conn, &earlier)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let mut by_id: HashMap<Uuid, Comment> = found.into_iter().map(|c| (c.id, c)).collect();
    let parents: HashMap<Uuid, Comment> = parents.into_iter().map(|c| (c.id, c)).collect();
    Ok(items
        .into_iter()
        .filter_map(|item| {
            let comment = by_id.remove(&item.comment_id)?;
            let reports = reports.remove(&item.comment_id).unwrap_or_default();
            let needs_outside_action = reports.iter().any(|(code, _)| {
                ReportReason::from_code(code).is_some_and(ReportReason::needs_action_outside)
            });
            let mut mine: Vec<Uuid> = Vec::new();
            let mut campaign: Vec<Uuid> = Vec::new();
            for reason in &item.reasons {
                match Reason::parse(reason) {
                    Reason::NearRepeat(id) | Reason::Repeat(id) => {
                        mine.extend(Uuid::parse_str(id).ok())
                    }
                    Reason::Campaign(id) => {
                        let lead = Uuid::parse_str(id).ok();
                        let members = lead.and_then(|l| campaigns.get(&l)).cloned();
                        campaign = members.unwrap_or_default();
                        mine.extend(campaign.iter().copied());
                    }
                    _ => {}
                }
            }
            let named = mine
                .iter()
                .filter(|id| **id != item.comment_id)
                .filter_map(|id| named.get(id).cloned())
                .collect();
            Some(Entry {
                parent: comment.parent_id.and_then(|p| parents.get(&p).cloned()),
                history: histories.remove(&item.comment_id).unwrap_or_default(),
                reports,
                needs_outside_action,
                outside_recorded: outside.get(&item.comment_id).copied(),
                report_note: notes.remove(&item.comment_id),
                named,
                campaign,
                item,
                comment,
            })
        })
        .collect())
}

/// Puts a reported comment in the queue (or raises it): severity from
/// its most serious reason, weight from who reported when.
pub(crate) async fn reported(mut conn: Conn<'_>, c: &Comment) -> Result<(), ServiceError> {
    let list = store::reports_of(conn.reborrow(), c.id).await?;
    let severity = list
        .iter()
        .filter_map(|(_, reason, _)| ReportReason::from_code(reason))
        .map(ReportReason::severity)
        .max()
        .unwrap_or(1);
    let weighed: Vec<Report> = list
        .iter()
        .map(|(at, _, made)| Report {
            at: at.as_offset().into(),
            // An erased reporter's account counts as established: the
            // report was made by a person.
            account_age: made
                .map(|m| at.as_offset() - m.as_offset())
                .unwrap_or(Duration::days(365)),
        })
        .collect();
    store::wait(
        conn,
        &Waiting {
            comment_id: c.id,
            discussion_id: c.discussion_id,
            severity: i64::from(severity),
            weight: i64::from(report_weight(&weighed)),
            held: false,
            reported: true,
            appealed: false,
            reasons: "",
            at: Timestamp::now(),
        },
    )
    .await?;
    Ok(())
}

/// Puts a held comment in the queue with screening's reasons.
pub(crate) async fn held(
    conn: Conn<'_>,
    comment: Uuid,
    discussion: Uuid,
    reasons: &[String],
    severity: u8,
) -> Result<(), ServiceError> {
    store::wait(
        conn,
        &Waiting {
            comment_id: comment,
            discussion_id: discussion,
            severity: i64::from(severity),
            weight: 0,
            held: true,
            reported: false,
            appealed: false,
            reasons: &reasons.join("\n"),
            at: Timestamp::now(),
        },
    )
    .await?;
    Ok(())
}

/// Puts a published comment before a moderator for a reason screening
/// found after it was posted (it is part of a campaign), without holding
/// it: screening never takes down what readers already see.
pub(crate) async fn flagged(
    conn: Conn<'_>,
    comment: Uuid,
    discussion: Uuid,
    reason: &str,
    severity: u8,
) -> Result<(), ServiceError> {
    store::wait(
        conn,
        &Waiting {
            comment_id: comment,
            discussion_id: discussion,
            severity: i64::from(severity),
            weight: 0,
            held: false,
            reported: false,
            appealed: false,
            reasons: reason,
            at: Timestamp::now(),
        },
    )
    .await?;
    Ok(())
}

/// Whether a decision is one an author may appeal: it hid, redacted or
/// sanctioned.
fn appealable_action(d: &store::DecisionRecord) -> bool {
    matches!(d.action.as_str(), "hide" | "redact" | "warn" | "suspend")
}

/// The decisions on `comment` its author may appeal, oldest first. One
/// appeal covers them all (hidden and warned for one comment are one
/// outcome to the author), so that upholding keeps them all and
/// overturning undoes what can be undone.
async fn appealable_decisions(
    conn: Conn<'_>,
    comment: Uuid,
) -> Result<Vec<store::DecisionRecord>, ServiceError> {
    Ok(store::decisions(conn, comment)
        .await?
        .into_iter()
        .filter(appealable_action)
        .collect())
}

/// The decisions `me` would appeal on their own comment, oldest first,
/// for the appeal page to show what is appealed; someone else's comment
/// is not found.
pub async fn appealable(
    db: &Db,
    me: &SignedIn,
    comment: Uuid,
) -> Result<Vec<store::DecisionRecord>, ServiceError> {
    let mut c = db.acquire().await?;
    own_comment(c.conn(), me, comment).await?;
    appealable_decisions(c.conn(), comment).await
}

/// The warnings and suspensions given for `me`'s own comment: when each
/// was given (the instant of its decision) and when a suspension ends,
/// for the appeal page to say the period. Someone else's comment is not
/// found.
pub async fn sanctions_for(
    db: &Db,
    me: &SignedIn,
    comment: Uuid,
) -> Result<Vec<(Timestamp, Option<Timestamp>)>, ServiceError> {
    let mut c = db.acquire().await?;
    own_comment(c.conn(), me, comment).await?;
    Ok(store::sanctions_for(c.conn(), comment).await?)
}

/// Refuses anyone but a participant asking about their own comment:
/// someone else's (or none) is not found, so an appeal's pages never
/// tell whose a comment is.
async fn own_comment(conn: Conn<'_>, me: &SignedIn, comment: Uuid) -> Result<(), ServiceError> {
    require(me, Action::Participate)?;
    comments::find(conn, comment)
        .await?
        .filter(|c| c.author_id == Some(me.user_id))
        .ok_or(ServiceError::NotFound)?;
    Ok(())
}

/// `me`'s appeal on their own comment, if they made one: the appeal page
/// then says where it stands rather than offering a form that can do
/// nothing more. Someone else's comment is not found.
pub async fn my_appeal(
    db: &Db,
    me: &SignedIn,
    comment: Uuid,
) -> Result<Option<store::Appeal>, ServiceError> {
    let mut c = db.acquire().await?;
    own_comment(c.conn(), me, comment).await?;
    Ok(store::find_appeal(c.conn(), comment).await?)
}

/// The author appeals a decision on their comment, once: it goes back to
/// the queue for another moderator.
pub async fn appeal(db: &Db, me: &SignedIn, comment: Uuid, text: &str) -> Result<(), ServiceError> {
    require(me, Action::Participate)?;
    let text = optional("text", text, MAX_NOTE_CHARS)?
        .ok_or(ValidationError::new("text", ErrorCode::FieldRequired))?;
    let now = Timestamp::now();
    let mut tx = db.begin().await?;
    let c = comments::find_for_update(tx.conn(), comment)
        .await?
        .filter(|c| c.author_id == Some(me.user_id))
        .ok_or(ServiceError::NotFound)?;
    let last = appealable_decisions(tx.conn(), comment)
        .await?
        .pop()
        .ok_or_else(|| {
            ServiceError::Conflict(ValidationError::new("text", ErrorCode::InvalidChoice))
        })?;
    if !store::appeal(tx.conn(), comment, last.id, me.user_id, &text, now).await? {
        return Err(ServiceError::Conflict(ValidationError::new(
            "text",
            ErrorCode::AlreadyResponded,
        )));
    }
    store::wait(
        tx.conn(),
        &Waiting {
            comment_id: comment,
            discussion_id: c.discussion_id,
            severity: 1,
            weight: 0,
            held: false,
            reported: false,
            appealed: true,
            reasons: "",
            at: now,
        },
    )
    .await?;
    audit_log(
        tx.conn(),
        me.origin(None),
        "moderation.appeal",
        Some(comment),
        "",
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Decides an appeal: `uphold` keeps the decision; otherwise a hidden
/// comment is shown again. Only a moderator other than the one who
/// decided, and never the author.
pub async fn decide_appeal(
    db: &Db,
    me: &SignedIn,
    comment: Uuid,
    uphold: bool,
    note: &str,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::Moderate)?;
    let note = optional("note", note, MAX_NOTE_CHARS)?;
    let now = Timestamp::now();
    let mut tx = db.begin().await?;
    let c = comments::find_for_update(tx.conn(), comment)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let appeal = store::find_appeal(tx.conn(), comment)
        .await?
        .filter(|a| a.outcome.is_none())
        .ok_or(ServiceError::NotFound)?;
    let decisions = store::decisions(tx.conn(), comment).await?;
    if !may_decide(me, &c, &appeal, &decisions) {
        return Err(ServiceError::Conflict(ValidationError::new(
            "action",
            ErrorCode::CannotTargetSelf,
        )));
    }
    let outcome = if uphold { "upheld" } else { "overturned" };
    store::decide_appeal(tx.conn(), comment, me.user_id, outcome, now).await?;
    if !uphold {
        // Everything appealed is undone that can be: the comment shown
        // again, and the warnings and suspensions it brought lifted (kept
        // on record). A redaction cannot be: the text removed was not kept.
        if c.state == State::Hidden {
            comments::set_state(tx.conn(), comment, State::Published, None).await?;
            catalogue::count_visible(tx.conn(), c.discussion_id, 1).await?;
        }
        store::lift_sanctions(tx.conn(), comment, now).await?;
    }
    let (action, audited) = if uphold {
        ("appeal_upheld", "moderation.appeal_upheld")
    } else {
        ("appeal_overturned", "moderation.appeal_overturned")
    };
    let waited_seconds = store::find_item(tx.conn(), comment)
        .await?
        .filter(|i| i.waiting)
        .map(|i| {
            (now.as_offset() - i.waiting_since.as_offset())
                .whole_seconds()
                .max(0)
        });
    store::record_decision(
        tx.conn(),
        &store::NewDecision {
            comment,
            discussion: c.discussion_id,
            moderator: me.user_id,
            action,
            reason: None,
            note: note.as_deref(),
            waited_seconds,
            at: now,
        },
    )
    .await?;
    store::decided(tx.conn(), comment, now, false).await?;
    super::notifying::appeal_decided(tx.conn(), &c, uphold, now).await?;
    audit_log(tx.conn(), me.origin(client), audited, Some(comment), "").await?;
    tx.commit().await?;
    Ok(())
}

/// A comment's earlier versions, newest first: (version, text, when it
/// was replaced), for the moderator deciding on it.
pub async fn versions(
    db: &Db,
    me: &SignedIn,
    comment: Uuid,
) -> Result<Vec<(i64, String, Timestamp)>, ServiceError> {
    require(me, Action::Moderate)?;
    let mut c = db.acquire().await?;
    let mut list = comments::versions(c.conn(), comment).await?;
    list.sort_by_key(|v| std::cmp::Reverse(v.0));
    Ok(list)
}

/// Whether `me` may decide `appeal` against the decisions on comment `c`
/// (`decisions` being the comment's): none of the moderators who made a
/// decision appealed (up to the one the appeal was made against), nor
/// the comment's author. The appeal's page asks this too, so that it
/// offers no buttons the decision would refuse.
pub fn may_decide<'a>(
    me: &SignedIn,
    c: &Comment,
    appeal: &store::Appeal,
    decisions: impl IntoIterator<Item = &'a store::DecisionRecord>,
) -> bool {
    let me_id = me.user_id.to_string();
    let author = c.author_id.map(|a| a.to_string());
    let mut appealed = Vec::new();
    for d in decisions {
        if appealable_action(d) {
            appealed.push(d.moderator_id.map(|m| m.to_string()).unwrap_or_default());
        }
        if d.id == appeal.decision_id {
            break;
        }
    }
    !appealed.is_empty()
        && appealed
            .iter()
            .all(|by| may_decide_appeal(&me_id, by, author.as_deref()))
}

/// How many decisions `appeal` covers (every appealable decision on the
/// comment up to the one it was made against): the buttons that decide
/// it say "decision" or "decisions" accordingly.
pub fn covered<'a>(
    appeal: &store::Appeal,
    decisions: impl IntoIterator<Item = &'a store::DecisionRecord>,
) -> usize {
    let mut n = 0;
    for d in decisions {
        if appealable_action(d) {
            n += 1;
        }
        if d.id == appeal.decision_id {
            break;
        }
    }
    n
}

/// One decision on a comment with the name of the moderator who took it
/// (`None` once their account is gone).
#[derive(Debug, Clone)]
pub struct Decided {
    pub record: store::DecisionRecord,
    pub moderator: Option<String>,
    /// A warning or suspension withdrawn since (its appeal overturned):
    /// when.
    pub lifted_at: Option<Timestamp>,
}

/// A comment's decisions, oldest first, and its appeal if there is one.
pub async fn history(
    db: &Db,
    me: &SignedIn,
    comment: Uuid,
) -> Result<(Vec<Decided>, Option<store::Appeal>), ServiceError> {
    require(me, Action::Moderate)?;
    let mut c = db.acquire().await?;
    let records = store::decisions(c.conn(), comment).await?;
    let ids: Vec<Uuid> = records.iter().filter_map(|d| d.moderator_id).collect();
    let names: HashMap<Uuid, Option<String>> =
        cohesion_storage::accounts::users::names_of(c.conn(), &ids)
            .await?
            .into_iter()
            .map(|(id, name, _)| (id, name))
            .collect();
    let appeal = store::find_appeal(c.conn(), comment).await?;
    // A sanction is written with its decision, at the same instant.
    let lifted = store::lifted_sanctions(c.conn(), comment).await?;
    let decided = records
        .into_iter()
        .map(|record| Decided {
            moderator: record
                .moderator_id
                .and_then(|m| names.get(&m).cloned().flatten()),
            lifted_at: matches!(record.action.as_str(), "warn" | "suspend")
                .then(|| {
                    lifted
                        .iter()
                        .find(|(given, _)| *given == record.created_at)
                        .map(|(_, at)| *at)
                })
                .flatten(),
            record,
        })
        .collect();
    Ok((decided, appeal))
}

/// The most characters a word-list entry may have.
pub const MAX_WORD_CHARS: usize = 100;

/// Every entry of the moderators' word lists: (language, entry).
pub async fn words(db: &Db, me: &SignedIn) -> Result<Vec<(String, String)>, ServiceError> {
    require(me, Action::Moderate)?;
    let mut c = db.acquire().await?;
    Ok(store::words(c.conn()).await?)
}

/// A language tag as the word lists keep it: two to twelve letters,
/// digits or hyphens.
fn word_language(language: &str) -> Result<&str, ServiceError> {
    let language = language.trim();
    let fits = (2..=12).contains(&language.len())
        && language
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || ch == '-');
    match fits {
        true => Ok(language),
        false => Err(ServiceError::Invalid(ValidationError::new(
            "language",
            ErrorCode::InvalidChoice,
        ))),
    }
}

/// Adds `entry` to the word list of `language`, audit-logged; an entry
/// already there is refused.
pub async fn add_word(
    db: &Db,
    me: &SignedIn,
    language: &str,
    entry: &str,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::Moderate)?;
    let language = word_language(language)?;
    let entry = optional_line("entry", entry, MAX_WORD_CHARS)?
        .ok_or(ValidationError::new("entry", ErrorCode::FieldRequired))?;
    let mut tx = db.begin().await?;
    if !store::add_word(tx.conn(), language, &entry, me.user_id, Timestamp::now()).await? {
        return Err(ServiceError::Conflict(ValidationError::new(
            "entry",
            ErrorCode::DuplicateLabel,
        )));
    }
    audit_log(
        tx.conn(),
        me.origin(client),
        "moderation.word_add",
        None,
        &format!("{language}: {entry}"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Removes `entry` from the word list of `language`, audit-logged.
pub async fn remove_word(
    db: &Db,
    me: &SignedIn,
    language: &str,
    entry: &str,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::Moderate)?;
    let language = word_language(language)?;
    let mut tx = db.begin().await?;
    if !store::remove_word(tx.conn(), language, entry).await? {
        return Err(ServiceError::NotFound);
    }
    audit_log(
        tx.conn(),
        me.origin(client),
        "moderation.word_remove",
        None,
        &format!("{language}: {entry}"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
