//! Sending a report: throttled per client across servers, checked and
//! masked in the domain, stored with its count in one transaction.

use cohesion_domain::rate_limit::RateLimit;
use cohesion_domain::tension::{week_of, NewReport, ReportInput, Settings};
use cohesion_storage::tensions::{counts, reports, settings};
use cohesion_storage::{new_id, rate_limits, Db, Timestamp};
use time::Date;
use uuid::Uuid;

use crate::clock::unix_now;
use crate::site::areas;
use crate::ServiceError;

/// Reports one client may send: a few an hour is plenty for a person; a
/// flood is refused across every server.
pub const REPORTS_PER_CLIENT: RateLimit = RateLimit {
    max: 10,
    window_secs: 3600,
};

/// What the acknowledgement says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    pub id: Uuid,
    pub reference: String,
    pub review_working_days: i64,
}

/// Whether the form takes reports; refused with 404 when switched off.
pub async fn open(db: &Db) -> Result<Settings, ServiceError> {
    let s = super::settings::current(db).await?;
    if s.enabled {
        Ok(s)
    } else {
        Err(ServiceError::NotFound)
    }
}

/// The areas a report may name: id and every name (for masking).
pub async fn area_names(db: &Db) -> Result<Vec<(Uuid, Vec<String>)>, ServiceError> {
    Ok(areas::in_use(db)
        .await?
        .into_iter()
        .map(|a| {
            let mut names = vec![a.name.clone()];
            names.extend(a.translations.values().cloned());
            (a.id, names)
        })
        .collect())
}

/// Sends a report from `client` (an address, used only for the throttle)
/// on `today` in the site's zone.
pub async fn send(
    db: &Db,
    input: &ReportInput,
    client: &str,
    today: Date,
) -> Result<Sent, ServiceError> {
    let s = open(db).await?;
    throttle(db, client).await?;
    let known = area_names(db).await?;
    let report = NewReport::parse(input, &known, today).map_err(ServiceError::InvalidFields)?;
    let id = new_id();
    let reference = reference_of(Uuid::new_v4());
    let area = report.place.key();
    let occurred_on = report.occurred_on.to_string();
    let week = week_of(report.occurred_on).to_string();
    let mut tx = db.begin().await?;
    // The settings as this transaction sees them: switched off meanwhile,
    // nothing is saved.
    if !settings::get(tx.conn()).await?.enabled {
        return Err(ServiceError::NotFound);
    }
    let row = reports::NewRow {
        id,
        reference: &reference,
        area: &area,
        kind: report.kind.key(),
        occurred_on: &occurred_on,
        police: report.police.key(),
        text: &report.text,
        created_at: Timestamp::now(),
    };
    reports::insert(tx.conn(), &row).await?;
    counts::add(tx.conn(), &area, report.kind.key(), &week).await?;
    tx.commit().await?;
    Ok(Sent {
        id,
        reference,
        review_working_days: s.review_working_days,
    })
}

async fn throttle(db: &Db, client: &str) -> Result<(), ServiceError> {
    let now = unix_now();
    let mut c = db.acquire().await?;
    let hits = rate_limits::hit(
        c.conn(),
        &format!("tension-report:{client}"),
        REPORTS_PER_CLIENT,
        now,
    )
    .await?;
    if REPORTS_PER_CLIENT.allows(hits) {
        Ok(())
    } else {
        Err(ServiceError::RateLimited {
            retry_after: REPORTS_PER_CLIENT.retry_after(now),
        })
    }
}

/// A reference people can read out: `TR-` and eight letters and digits
/// (no 0, O, 1, I) from random bits.
fn reference_of(random: Uuid) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let bits = random.as_u128();
    let code: String = (0..8)
        .map(|i| ALPHABET[((bits >> (i * 5)) & 31) as usize] as char)
        .collect();
    format!("TR-{code}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn references_are_readable() {
        let r = super::reference_of(uuid::Uuid::from_u128(u128::MAX));
        assert_eq!(r.len(), 11);
        assert!(r.starts_with("TR-"));
    }
}
