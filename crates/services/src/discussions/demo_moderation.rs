//! The demo's record of moderation: over the weeks the closed festival
//! discussion ran, comments reported and kept, hidden for public
//! reasons, and appeals decided by the other moderator, so that the
//! transparency pages have figures to show (and small ones to suppress).
//! As on a real site, most authors were never warned: the spam and most
//! of what attacked a group came from accounts deleted since, one
//! resident was warned and later suspended, and one was warned once. Written straight to storage with the times
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

/// The demo's residents and its two moderators.
struct People {
    authors: Vec<Uuid>,
    moderators: Vec<Uuid>,
}

async fn people(mut conn: Conn<'_>) -> Result<Option<People>, ServiceError> {
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
    Ok(
        (!authors.is_empty() && moderators.len() == 2).then_some(People {
            authors,
            moderators,
        }),
    )
}

/// Adds the record to the discussion `d`, which opened at `opened`.
pub(super) async fn record(
    mut conn: Conn<'_>,
    d: Uuid,
    opened: OffsetDateTime,
) -> Result<(), ServiceError> {
    let Some(people) = people(conn.reborrow()).await? else {
        return Ok(());
    };
    for n in 0..PER_WEEK * WEEKS {
        let at = opened + Duration::hours(30 + (n as i64) * 7 * 24 / PER_WEEK as i64);
        one(conn.reborrow(), d, &people, n, at).await?;
    }
    Ok(())
}

/// Who wrote the `n`th comment (`None`: an account deleted since), and
/// the warning or suspension its author was given, if any.
fn authored(people: &People, n: usize) -> (Option<Uuid>, Option<&'static str>) {
    let resident = |i: usize| people.authors.get(i % people.authors.len()).copied();
    match (HIDDEN.get(n % PER_WEEK), n) {
        // Tom (the second author): warned, then suspended a month on.
        (_, WARNED_THEN_SUSPENDED) => (resident(1), Some("warn")),
        (_, SUSPENDED) => (resident(1), Some("suspend")),
        // Priya (the third): warned once, for off-topic posts.
        (_, WARNED) => (resident(2), Some("warn")),
        // Spam and attacks on a group: accounts since deleted.
        (Some((reason, _)), _) if *reason != "off_topic" => (None, None),
        _ => (resident(n), None),
    }
}

/// The comments whose authors were sanctioned: see [`authored`].
const WARNED_THEN_SUSPENDED: usize = 12;
const SUSPENDED: usize = 39;
const WARNED: usize = 46;

/// The comments whose authors appealed their hiding (the other
/// moderator decided): the second overturned, the rest upheld.
const APPEALED: [usize; 4] = [1, 12, 37, 46];
const OVERTURNED: usize = 37;

/// The `n`th comment and what moderators did about it: four in nine were
/// reported and hidden, three of their authors sanctioned and four
/// appealing; of the rest, every other one was reported and kept
/// (approved). None was held: the festival discussion pre-moderated no
/// one, and its authors had published comments before (a "first
/// comments" hold would have been untrue).
async fn one(
    mut conn: Conn<'_>,
    d: Uuid,
    people: &People,
    n: usize,
    at: OffsetDateTime,
) -> Result<(), ServiceError> {
    let (author, sanction) = authored(people, n);
    let hidden = HIDDEN.get(n % PER_WEEK);
    let reported = hidden.is_some() || n.is_multiple_of(2);
    let (body, state) = match hidden {
        Some((_, text)) => (*text, State::Hidden),
        None => (KEPT[n % KEPT.len()], State::Published),
    };
    let id = comment(conn.reborrow(), d, author, body, state, at).await?;
    // A hidden comment carries its public reason, as hiding it would
    // have saved it: its notice says why ("removed by a moderator: Spam").
    if let Some((reason, _)) = hidden {
        comments::set_state(conn.reborrow(), id, State::Hidden, Some(*reason)).await?;
    }
    if !reported {
        return Ok(());
    }
    store::wait(
        conn.reborrow(),
        &Waiting {
            comment_id: id,
            discussion_id: d,
            severity: 1,
            weight: 1,
            held: false,
            reported: true,
            appealed: false,
            reasons: "",
            at: Timestamp::from(at),
        },
    )
    .await?;
    let moderator = people.moderators[n % 2];
    let waited = Duration::minutes(20 + (n as i64 * 37) % 400);
    let decided = at + waited;
    let Some((reason, _)) = hidden else {
        let approved = Act::new(id, d, moderator, "approve", decided);
        decide(conn, approved.waited(waited)).await?;
        return Ok(());
    };
    let hide = Act {
        reason: Some(reason),
        ..Act::new(id, d, moderator, "hide", decided)
    };
    let decision = decide(conn.reborrow(), hide.waited(waited)).await?;
    let Some(author) = author else {
        return Ok(());
    };
    if let Some(what) = sanction {
        let (kind, until) = match what {
            "suspend" => (
                "suspension",
                Some(Timestamp::from(decided + Duration::days(7))),
            ),
            _ => ("warning", None),
        };
        let at = Timestamp::from(decided);
        store::sanction(conn.reborrow(), author, kind, until, id, "", moderator, at).await?;
        decide(conn.reborrow(), Act::new(id, d, moderator, what, decided)).await?;
    }
    if APPEALED.contains(&n) {
        // The author appealed; the other moderator decided.
        let appealed = decided + Duration::hours(5);
        let why = "It was not meant that way.";
        store::appeal(conn.reborrow(), id, decision, author, why, appealed.into()).await?;
        let overturn = n == OVERTURNED;
        let outcome = if overturn { "overturned" } else { "upheld" };
        let other = people.moderators[(n + 1) % 2];
        let answered = appealed + Duration::hours(20);
        store::decide_appeal(conn.reborrow(), id, other, outcome, answered.into()).await?;
        let action = format!("appeal_{outcome}");
        let act = Act::new(id, d, other, &action, answered);
        decide(conn.reborrow(), act.waited(Duration::hours(20))).await?;
        if overturn {
            comments::set_state(conn.reborrow(), id, State::Published, None).await?;
            catalogue::count_visible(conn, d, 1).await?;
        }
    }
    Ok(())
}

/// A top-level comment as posting would place it.
async fn comment(
    mut conn: Conn<'_>,
    d: Uuid,
    author: Option<Uuid>,
    body: &str,
    state: State,
    at: OffsetDateTime,
) -> Result<Uuid, ServiceError> {
    let seq = catalogue::place_top_level(conn.reborrow(), d, false)
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
            author_id: author,
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

/// One decision of the record.
#[derive(Clone, Copy)]
struct Act<'a> {
    comment: Uuid,
    d: Uuid,
    moderator: Uuid,
    action: &'a str,
    reason: Option<&'a str>,
    at: OffsetDateTime,
    /// How long the comment had waited, when the decision ended the wait.
    waited: Option<Duration>,
}

impl<'a> Act<'a> {
    fn new(comment: Uuid, d: Uuid, moderator: Uuid, action: &'a str, at: OffsetDateTime) -> Self {
        Self {
            comment,
            d,
            moderator,
            action,
            reason: None,
            at,
            waited: None,
        }
    }

    fn waited(self, waited: Duration) -> Self {
        Self {
            waited: Some(waited),
            ..self
        }
    }
}

/// Records one decision and, when it ended the wait, takes the comment
/// out of the queue.
async fn decide(mut conn: Conn<'_>, a: Act<'_>) -> Result<Uuid, ServiceError> {
    let id = store::record_decision(
        conn.reborrow(),
        &NewDecision {
            comment: a.comment,
            discussion: a.d,
            moderator: a.moderator,
            action: a.action,
            reason: a.reason,
            note: None,
            waited_seconds: a.waited.map(|w| w.whole_seconds()),
            at: Timestamp::from(a.at),
        },
    )
    .await?;
    if a.waited.is_some() {
        store::decided(conn, a.comment, Timestamp::from(a.at), false).await?;
    }
    Ok(id)
}
