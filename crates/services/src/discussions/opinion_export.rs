//! A discussion's statements and votes in Pol.is's export format
//! (`comments.csv` and `votes.csv`), for officers and analysts: anyone
//! can recompute the published opinion map from them (ADR 8), and
//! `cohesion_insight::opinions::import` reads them back. People are
//! numbered 0, 1, 2… in the order they first took part; no account id or
//! name leaves the site.

use std::collections::HashMap;

use cohesion_domain::discussion::statements::State;
use cohesion_domain::identity::Action;
use cohesion_storage::discussions::catalogue;
use cohesion_storage::discussions::statements::{self, Statement, VoteRow};
use cohesion_storage::{Db, Timestamp};
use uuid::Uuid;

use crate::accounts::SignedIn;
use crate::audit::audit_log;
use crate::ServiceError;

/// The two files of the export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolisExport {
    pub comments_csv: String,
    pub votes_csv: String,
}

/// Exports the discussion's statements and votes; officers and analysts
/// only, and recorded in the audit log.
pub async fn export(
    db: &Db,
    me: &SignedIn,
    discussion: Uuid,
    client: Option<&str>,
) -> Result<PolisExport, ServiceError> {
    if !(me.roles.allows(Action::Analyse) || me.roles.allows(Action::RunEngagement)) {
        return Err(ServiceError::Forbidden);
    }
    let mut tx = db.begin().await?;
    let d = catalogue::find(tx.conn(), discussion)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !statements::has_stage(tx.conn(), d.id).await? {
        return Err(ServiceError::NotFound);
    }
    let all = statements::list(tx.conn(), d.id, None, i64::MAX).await?;
    let votes = statements::all_votes(tx.conn(), d.id).await?;
    audit_log(
        tx.conn(),
        me.origin(client),
        "discussion.votes_export",
        Some(d.id),
        &d.title,
    )
    .await?;
    tx.commit().await?;
    Ok(polis_files(&all, &votes))
}

/// Writes the two files. Pol.is's `moderated`: 1 accepted, 0 waiting,
/// -1 moderated out.
pub fn polis_files(all: &[Statement], votes: &[VoteRow]) -> PolisExport {
    // People numbered by when they first took part: as authors, then as
    // voters, in time order.
    let mut people: HashMap<Uuid, usize> = HashMap::new();
    let mut events: Vec<(Timestamp, Uuid)> = all
        .iter()
        .filter_map(|s| s.author_id.map(|a| (s.created_at, a)))
        .chain(votes.iter().map(|v| (v.voted_at, v.user_id)))
        .collect();
    events.sort();
    for (_, who) in events {
        let next = people.len();
        people.entry(who).or_insert(next);
    }
    let mut counts: HashMap<Uuid, (u32, u32)> = HashMap::new();
    for v in votes {
        let e = counts.entry(v.statement_id).or_default();
        match v.vote {
            1 => e.0 += 1,
            -1 => e.1 += 1,
            _ => {}
        }
    }
    let mut comments = String::from(
        "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n",
    );
    for s in all {
        let (agrees, disagrees) = counts.get(&s.id).copied().unwrap_or_default();
        let moderated = match s.state {
            State::Published => 1,
            State::AwaitingModeration => 0,
            State::Hidden | State::RemovedWithAccount => -1,
        };
        let author = s
            .author_id
            .and_then(|a| people.get(&a))
            .map(usize::to_string)
            .unwrap_or_default();
        comments.push_str(&format!(
            "{},{},{},{},{},{},{},{}\n",
            seconds(s.created_at),
            field(&datetime(s.created_at)),
            s.number,
            author,
            agrees,
            disagrees,
            moderated,
            field(&s.body)
        ));
    }
    let number: HashMap<Uuid, i64> = all.iter().map(|s| (s.id, s.number)).collect();
    let mut out = String::from("timestamp,datetime,comment-id,voter-id,vote\n");
    for v in votes {
        let (Some(n), Some(p)) = (number.get(&v.statement_id), people.get(&v.user_id)) else {
            continue;
        };
        out.push_str(&format!(
            "{},{},{},{},{}\n",
            seconds(v.voted_at),
            field(&datetime(v.voted_at)),
            n,
            p,
            v.vote
        ));
    }
    PolisExport {
        comments_csv: comments,
        votes_csv: out,
    }
}

fn seconds(t: Timestamp) -> i64 {
    t.as_offset().unix_timestamp()
}

/// The time as Pol.is's exports write it, in UTC.
fn datetime(t: Timestamp) -> String {
    let t = t.as_offset();
    let weekday = &t.weekday().to_string()[..3];
    let month = &t.month().to_string()[..3];
    format!(
        "{weekday} {month} {:02} {} {:02}:{:02}:{:02} GMT+0000 (Coordinated Universal Time)",
        t.day(),
        t.year(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// One CSV field: quoted when it holds a comma, quote or line break, and
/// kept from being read as a formula by spreadsheets.
fn field(text: &str) -> String {
    let text = match text.chars().next() {
        Some('=' | '+' | '-' | '@') => format!("'{text}"),
        _ => text.to_owned(),
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}
