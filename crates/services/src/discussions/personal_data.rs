//! A member's part of "your data" (their comments, agreements and
//! reports, the warnings and suspensions they received, lifted or not,
//! and their appeals with how each was decided) and of their account's deletion: comments stay in their
//! threads, attributed to nobody, or — with "remove my contributions" —
//! give way to a removal notice while the replies under them stay.
//! Agreements go; reports stay for the moderators, without the name.
//! Votes on statements go (the opinion maps they were in are redrawn);
//! statements stay by nobody, or give way to a removal notice.
//! Notifications, the choices of what to be told and follows go, and so
//! do warnings and suspensions (lifted ones too) and the keys of comment
//! forms sent.

use cohesion_domain::discussion::statements::Vote;
use cohesion_storage::discussions::{
    catalogue, comments, moderation, notifications, reactions, statements, submissions,
};
use cohesion_storage::Conn;

use crate::accounts::your_data::{
    iso, AppealData, CommentData, NotificationChoiceData, NotificationData, ReactionData,
    SanctionData, StatementData, VoteData, YourData,
};
use crate::erasure::{Contributions, Names, Person, PersonalData, Step};

/// How many of a person's comments and reactions a download carries
/// (the newest).
const EXPORT_LIMIT: i64 = 10_000;

/// The discussions' hook (see `erasure`).
pub struct DiscussionsHook;

impl PersonalData<YourData> for DiscussionsHook {
    fn names(&self) -> &'static [Names] {
        const NAMES: &[Names] = &[
            Names::chosen("discussion_comments.author_id"),
            Names::erased("discussion_agreements.user_id"),
            Names::erased("discussion_reports.reporter_id"),
            Names::kept("discussions.created_by"),
            Names::kept("discussion_translations.updated_by"),
            Names::kept("moderation_decisions.moderator_id"),
            Names::chosen("moderation_appeals.author_id"),
            Names::kept("moderation_appeals.decided_by"),
            Names::erased("member_sanctions.user_id"),
            Names::kept("member_sanctions.decided_by"),
            Names::kept("moderation_words.added_by"),
            Names::chosen("discussion_statements.author_id"),
            Names::kept("discussion_statements.decided_by"),
            Names::erased("discussion_votes.user_id"),
            Names::erased("notifications.user_id"),
            Names::erased("notification_preferences.user_id"),
            Names::erased("discussion_follows.user_id"),
            // A comment form's key, claimed as it is sent (ADR 40): a
            // random token the form carried and the comment it made,
            // forgotten a day later. It says nothing the download does
            // not (the comment is among the person's comments), so it is
            // not listed there; it goes with the account.
            Names::erased("comment_submissions.author_id"),
        ];
        NAMES
    }

    fn export<'a>(
        &'a self,
        mut conn: Conn<'a>,
        person: &'a Person,
        into: &'a mut YourData,
    ) -> Step<'a> {
        Box::pin(async move {
            into.comments = comments::by_author(conn.reborrow(), person.id, EXPORT_LIMIT)
                .await?
                .into_iter()
                .map(|(c, title)| CommentData {
                    discussion_id: c.discussion_id,
                    discussion: title,
                    comment_id: c.id,
                    posted_at: iso(c.created_at.into()),
                    state: c.state.code().to_owned(),
                    text: c.body,
                })
                .collect();
            into.statements = statements::by_author(conn.reborrow(), person.id, EXPORT_LIMIT)
                .await?
                .into_iter()
                .map(|(s, title)| StatementData {
                    discussion_id: s.discussion_id,
                    discussion: title,
                    statement_id: s.id,
                    submitted_at: iso(s.created_at),
                    state: s.state.code().to_owned(),
                    text: s.body,
                })
                .collect();
            into.votes = statements::votes_by(conn.reborrow(), person.id, EXPORT_LIMIT)
                .await?
                .into_iter()
                .map(|(discussion_id, _, statement, vote, at)| VoteData {
                    discussion_id,
                    statement,
                    vote: Vote::from_value(vote).map_or("pass", Vote::code).to_owned(),
                    at: iso(at),
                })
                .collect();
            into.notifications = notifications::of_person(conn.reborrow(), person.id, EXPORT_LIMIT)
                .await?
                .into_iter()
                .map(|n| NotificationData {
                    kind: n.kind,
                    discussion_id: n.discussion_id,
                    comment_id: n.comment_id,
                    detail: n.detail,
                    at: iso(n.created_at),
                    read_at: n.read_at.map(iso),
                })
                .collect();
            into.notification_choices = notifications::preferences(conn.reborrow(), person.id)
                .await?
                .into_iter()
                .map(|(kind, in_site, by_email)| NotificationChoiceData {
                    kind,
                    in_site,
                    by_email,
                })
                .collect();
            into.following =
                notifications::followed_by(conn.reborrow(), person.id, EXPORT_LIMIT).await?;
            into.sanctions = moderation::sanctions_of(conn.reborrow(), person.id, EXPORT_LIMIT)
                .await?
                .into_iter()
                .map(|s| SanctionData {
                    kind: s.kind,
                    comment_id: s.comment_id,
                    given_at: iso(s.created_at),
                    until: s.until.map(iso),
                    lifted_at: s.lifted_at.map(iso),
                })
                .collect();
            into.appeals = moderation::appeals_of(conn.reborrow(), person.id, EXPORT_LIMIT)
                .await?
                .into_iter()
                .map(|a| AppealData {
                    comment_id: a.comment_id,
                    text: a.text,
                    sent_at: iso(a.created_at),
                    outcome: a.outcome,
                    decided_at: a.decided_at.map(iso),
                    note: a.decision_note,
                })
                .collect();
            into.reactions = reactions::by_person(conn, person.id, EXPORT_LIMIT)
                .await?
                .into_iter()
                .map(|(comment_id, what, reason, at)| ReactionData {
                    comment_id,
                    what,
                    reason,
                    at: iso(at),
                })
                .collect();
            Ok(())
        })
    }

    fn erase<'a>(
        &'a self,
        mut conn: Conn<'a>,
        person: &'a Person,
        choice: Contributions,
    ) -> Step<'a> {
        Box::pin(async move {
            let remove = choice == Contributions::Remove;
            let touched = comments::erase_author(conn.reborrow(), person.id, remove).await?;
            if remove {
                // What everyone could read is no longer there to count:
                // one change per discussion.
                let mut gone: std::collections::BTreeMap<_, i64> = Default::default();
                for (discussion, _) in touched.into_iter().filter(|(_, visible)| *visible) {
                    *gone.entry(discussion).or_default() += 1;
                }
                for (discussion, n) in gone {
                    catalogue::count_visible(conn.reborrow(), discussion, -n).await?;
                }
            }
            reactions::erase_person(conn.reborrow(), person.id).await?;
            submissions::erase_person(conn.reborrow(), person.id).await?;
            statements::erase_person(conn.reborrow(), person.id, remove).await?;
            notifications::erase_person(conn.reborrow(), person.id).await?;
            moderation::erase_person(conn, person.id, remove).await?;
            Ok(())
        })
    }
}
