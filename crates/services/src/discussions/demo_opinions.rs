//! The demo's statements stage: twelve statements on the open, polarised
//! discussion about feeling safe, and votes from sixty fictional voters
//! (demo accounts nobody can sign in as) who lean two ways — towards
//! policing and cameras, or towards youth work and community trust —
//! while agreeing on a few things, so the opinion map shows groups and
//! consensus. Every word was written for Cohesion.

use cohesion_domain::discussion::statements::{State, Vote};
use cohesion_domain::identity::{DisplayName, Email};
use cohesion_storage::accounts::users;
use cohesion_storage::discussions::statements::{self, NewStatement};
use cohesion_storage::{Conn, Timestamp};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::ServiceError;

/// How many fictional voters vote.
const VOTERS: usize = 60;

/// A statement, and how each side tends to vote on it: +1 agree, -1
/// disagree, 0 pass or split. `None` for the author: written by someone
/// whose account is not one of the demo's.
struct Said {
    text: &'static str,
    by: Option<&'static str>,
    /// How the side that wants more policing votes, and the side that
    /// wants more youth and community work.
    policing: i8,
    community: i8,
}

const STATEMENTS: &[Said] = &[
    Said {
        text: "People who report a hate incident should be told what happened next.",
        by: Some("amina@brightwater.example"),
        policing: 1,
        community: 1,
    },
    Said {
        text: "More CCTV at the bus station would make me feel safer.",
        by: Some("tom@brightwater.example"),
        policing: 1,
        community: -1,
    },
    Said {
        text: "Reopening the youth club would do more for safety than more patrols.",
        by: Some("priya@brightwater.example"),
        policing: -1,
        community: 1,
    },
    Said {
        text: "The police should patrol the town centre on Friday and Saturday nights.",
        by: None,
        policing: 1,
        community: 0,
    },
    Said {
        text: "I would report an incident online if I did not have to give my name.",
        by: None,
        policing: 1,
        community: 1,
    },
    Said {
        text: "Shops should be able to ban people who abuse others from the precinct.",
        by: None,
        policing: 1,
        community: -1,
    },
    Said {
        text: "Community groups, not the police, should be the first place to report to.",
        by: Some("samir@brightwater.example"),
        policing: -1,
        community: 1,
    },
    Said {
        text: "Hate incidents in Brightwater are taken seriously today.",
        by: None,
        policing: 1,
        community: -1,
    },
    Said {
        text: "Schools should teach what to do when you see someone being harassed.",
        by: None,
        policing: 1,
        community: 1,
    },
    Said {
        text: "Stop and search makes some of my neighbours feel less safe, not more.",
        by: None,
        policing: -1,
        community: 1,
    },
    Said {
        text: "Better street lighting on Mill Lane is needed now.",
        by: None,
        policing: 1,
        community: 1,
    },
    Said {
        text: "Fines for hateful graffiti should be much higher.",
        by: None,
        policing: 1,
        community: 0,
    },
];

/// A small, fixed stream of numbers, so the demo is the same each time.
fn mix(a: u64, b: u64) -> u64 {
    let mut z = a
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(b.wrapping_mul(0xBF58_476D_1CE4_E5B9));
    z = (z ^ (z >> 30)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// How voter `v` votes on statement `s`, if at all.
fn vote_of(v: usize, s: usize, said: &Said) -> Option<Vote> {
    let roll = mix(v as u64, s as u64) % 100;
    // Nearly everyone votes on nearly everything.
    if roll < 8 {
        return None;
    }
    let lean = if v % 5 < 3 {
        said.policing
    } else {
        said.community
    };
    // Most follow their side; some pass or go against it.
    let noise = mix(s as u64 + 100, v as u64) % 100;
    let vote = match (lean, noise) {
        (_, n) if n < 10 => Vote::Pass,
        (1, n) if n < 85 => Vote::Agree,
        (1, _) => Vote::Disagree,
        (-1, n) if n < 85 => Vote::Disagree,
        (-1, _) => Vote::Agree,
        (_, n) if n < 55 => Vote::Agree,
        _ => Vote::Disagree,
    };
    Some(vote)
}

/// Adds the statements stage, its statements and the voters' votes to the
/// discussion `discussion`, opened at `opened`.
pub(super) async fn load(
    mut conn: Conn<'_>,
    discussion: Uuid,
    opened: OffsetDateTime,
) -> Result<(), ServiceError> {
    statements::set_stage(conn.reborrow(), discussion, true).await?;
    let mut placed = Vec::new();
    for (i, s) in STATEMENTS.iter().enumerate() {
        let author = match s.by {
            Some(email) => users::find_by_email(conn.reborrow(), &Email::parse(email)?)
                .await?
                .map(|u| u.id),
            None => None,
        };
        let id = statements::insert(
            conn.reborrow(),
            &NewStatement {
                discussion_id: discussion,
                author_id: author,
                body: s.text,
                state: State::Published,
                reasons: "",
                severity: 1,
                created_at: Timestamp::from(opened + Duration::hours(2 + i as i64 * 5)),
            },
        )
        .await?;
        // Written by nobody in particular: the officers' starting ones.
        if s.by.is_none() {
            statements::mark_seeded(conn.reborrow(), id).await?;
        }
        placed.push(id);
    }
    let found = statements::list(conn.reborrow(), discussion, None, 100).await?;
    for v in 0..VOTERS {
        let email = Email::parse(&format!("voter-{:02}@brightwater.example", v + 1))?;
        let name = DisplayName::parse(&format!("Demo voter {}", v + 1))?;
        // "!" is no password hash: nobody can sign in as a demo voter.
        let Some(user) = users::insert(conn.reborrow(), &email, &name, "!", "en").await? else {
            continue;
        };
        for (i, (said, id)) in STATEMENTS.iter().zip(&placed).enumerate() {
            let (Some(vote), Some(s)) = (vote_of(v, i, said), found.iter().find(|s| s.id == *id))
            else {
                continue;
            };
            // Spread over the days since it opened and never later than
            // now: a vote "from the future" would look newer than every
            // map, and the opinion job would redraw it twice a second.
            let after = Duration::hours(60) + Duration::minutes(((v * 7 + i) * 40) as i64);
            let at = Timestamp::from(opened + after);
            statements::vote(conn.reborrow(), s, user, vote.value(), at).await?;
        }
    }
    Ok(())
}
