//! The demo's record of moderation: over the weeks the closed festival
//! discussion ran, comments held and approved, hidden for public
//! reasons, warnings, a suspension and appeals decided by the other
//! moderator, so that the transparency pages have figures to show (and
//! small ones to suppress). Written straight to storage with the times
//! they would have had, as the rest of the demo is.

use cohesion_domain::discussion::comment::State;
use cohesion_domain::discussion::record::Badge;
use cohesion_domain::discussion::thread::ThreadPath;
use cohesion_domain::identity::Email;
use cohesion_storage::accounts::users;
use cohesion_storage::discussions::moderation::{self as store, NewDecision, Waiting};
use cohesion_storage::discussions::{catalogue, comments};
use cohesion_storage::{Conn, Timestamp};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::ServiceError;

/// Who wrote the comments, in turn.
const AUTHORS: [&str; 4] = [
    "amina@brightwater.example",
    "tom@brightwater.example",
    "priya@brightwater.example",
    "samir@brightwater.example",
];

/// What they wrote, in turn: the kept ones first, then what moderators
/// hid (the public reason beside each).
const KEPT: [&str; 5] = [
    "The lantern parade was the best part. Please keep it.",
    "More benches near the stage next year, for older people.",
    "The signs in several languages made my parents feel welcome.",
    "Could the festival end a little earlier on a school night?",
    "The volunteers at the entrance were friendly and helpful.",
];
const HIDDEN: [(&str, &str); 4] = [
    ("spam", "Cheap festival tickets and phones, message me now."),
    (
        "off_topic",
        "Does anyone know when the bin collection changes?",
    ),
    (
        "spam",
        "Visit my shop for the best deals in town, link below.",
    ),
    (
        "hate",
        "[Hidden by a moderator: it attacked a whole group of people.]",
    ),
];

/// How many comments each demo week adds, and how many weeks.
const PER_WEEK: usize = 9;
const WEEKS: usize = 8;

/// Adds the record to the discussion `d`, which opened at `opened`.
pub(super) async fn record(
    mut conn: Conn<'_>,
    d: Uuid,
    opened: OffsetDateTime,
) -> Result<(), ServiceError> {
    let mut authors = Vec::new();
    for email in AUTHORS {
        if let Some(u) = users::find_by_email(conn.reborrow(), &Email::parse(email)?).await? {
            authors.push(u.id);
        }
    }
    let mut moderators = Vec::new();
    for email in ["grace@brightwater.example", "karim@brightwater.example"] {
        if let Some(u) = users::find_by_email(conn.reborrow(), &Email::parse(email)?).await? {
            moderators.push(u.id);
        }
    }
    if authors.is_empty() || moderators.len() < 2 {
        return Ok(());
    }
    for n in 0..PER_WEEK * WEEKS {
        let at = opened + Duration::hours(30 + (n as i64) * 7 * 24 / PER_WEEK as i64);
        let author = authors[n % authors.len()];
        // Every other comment was held for checking; four in nine were hidden.
        let hidden = HIDDEN.get(n % PER_WEEK).filter(|_| n % PER_WEEK < 4);
        let held = n % 2 == 0;
        let body = match hidden {
            Some((_, text)) => *text,
            None => KEPT[n % KEPT.len()],
        };
        let state = if hidden.is_some() {
            State::Hidden
        } else {
            State::Published
        };
        let id = comment(conn.reborrow(), d, author, body, state, at).await?;
        if hidden.is_none() && !held {
            continue;
        }
        let waited = Duration::minutes(20 + (n as i64 * 37) % 400);
        store::wait(
            conn.reborrow(),
            &Waiting {
                comment_id: id,
                discussion_id: d,
                severity: 1,
                weight: i64::from(!held),
                held,
                reported: !held,
                appealed: false,
                reasons: if held { "first_comments" } else { "" },
                at: Timestamp::from(at),
            },
        )
        .await?;
        let moderator = moderators[n % 2];
        let decided = at + waited;
        let (action, reason) = match hidden {
            Some((reason, _)) => ("hide", Some(*reason)),
            None => ("approve", None),
        };
        let decision = decide(
            conn.reborrow(),
            id,
            d,
            moderator,
            action,
            reason,
            decided,
            Some(waited),
        )
        .await?;
        // Now and then the author was warned, and once suspended.
        if hidden.is_some() && n % 3 == 0 {
            let (kind, until, what) = match n {
                0 => (
                    "suspension",
                    Some(Timestamp::from(decided + Duration::days(7))),
                    "suspend",
                ),
                _ => ("warning", None, "warn"),
            };
            store::sanction(
                conn.reborrow(),
                author,
                kind,
                until,
                id,
                "",
                moderator,
                Timestamp::from(decided),
            )
            .await?;
            decide(conn.reborrow(), id, d, moderator, what, None, decided, None).await?;
        }
        // Some authors appealed; the other moderator decided.
        if hidden.is_some() && n % 4 == 1 {
            let appealed = decided + Duration::hours(5);
            store::appeal(
                conn.reborrow(),
                id,
                decision,
                author,
                "It was not meant that way.",
                Timestamp::from(appealed),
            )
            .await?;
            let overturn = n % 8 == 5;
            let outcome = if overturn { "overturned" } else { "upheld" };
            let other = moderators[(n + 1) % 2];
            let answered = appealed + Duration::hours(20);
            store::decide_appeal(
                conn.reborrow(),
                id,
                other,
                outcome,
                Timestamp::from(answered),
            )
            .await?;
            decide(
                conn.reborrow(),
                id,
                d,
                other,
                &format!("appeal_{outcome}"),
                None,
                answered,
                Some(Duration::hours(20)),
            )
            .await?;
            if overturn {
                comments::set_state(conn.reborrow(), id, State::Published, None).await?;
                catalogue::count_visible(conn.reborrow(), d, 1).await?;
            }
        }
    }
    Ok(())
}

/// A top-level comment as posting would place it.
async fn comment(
    mut conn: Conn<'_>,
    d: Uuid,
    author: Uuid,
    body: &str,
    state: State,
    at: OffsetDateTime,
) -> Result<Uuid, ServiceError> {
    let seq = catalogue::place_top_level(conn.reborrow(), d)
        .await?
        .unwrap_or(0);
    let path = ThreadPath::top(seq as u64).ok_or(ServiceError::NotFound)?;
    let id = comments::insert(
        conn.reborrow(),
        &comments::NewComment {
            discussion_id: d,
            path: path.as_str(),
            depth: path.depth() as i64,
            parent_id: None,
            root_id: None,
            author_id: Some(author),
            author_name: None,
            badge: Badge::CommunityMember,
            body,
            state,
            created_at: Timestamp::from(at),
            fingerprint: None,
        },
    )
    .await?;
    if state == State::Published {
        catalogue::count_visible(conn, d, 1).await?;
    }
    Ok(id)
}

/// Records one decision and, when it ended the wait, takes the comment
/// out of the queue.
#[allow(clippy::too_many_arguments)]
async fn decide(
    mut conn: Conn<'_>,
    comment: Uuid,
    d: Uuid,
    moderator: Uuid,
    action: &str,
    reason: Option<&str>,
    at: OffsetDateTime,
    waited: Option<Duration>,
) -> Result<Uuid, ServiceError> {
    let id = store::record_decision(
        conn.reborrow(),
        &NewDecision {
            comment,
            discussion: d,
            moderator,
            action,
            reason,
            note: None,
            waited_seconds: waited.map(|w| w.whole_seconds()),
            at: Timestamp::from(at),
        },
    )
    .await?;
    if waited.is_some() {
        store::decided(conn, comment, Timestamp::from(at), false).await?;
    }
    Ok(id)
}
