//! What officers with the tension-reading role see: counts by area, kind
//! and week with small counts suppressed, the recent reports, and each
//! report's masked text, every view of which is audit-logged.

use std::collections::BTreeMap;

use cohesion_domain::identity::Action;
use cohesion_domain::local_area::LocalArea;
use cohesion_domain::tension::{recent_weeks, Figure, Kind, Place, Police, SMALLEST_SHOWN};
use cohesion_insight::disclosure::{suppress, Margins, SmallBaseRules};
use cohesion_storage::site::areas as area_store;
use cohesion_storage::tensions::{counts, reports};
use cohesion_storage::{Db, Timestamp};
use time::Date;
use uuid::Uuid;

use crate::accounts::SignedIn;
use crate::audit::{audit_log, Origin};
use crate::permissions::may;
use crate::ServiceError;

/// The most weeks one view covers.
pub const MOST_WEEKS: u32 = 52;

/// How many recent reports the dashboard lists.
pub const RECENT: i64 = 50;

/// The dashboard: one period's counts, suppressed, and recent reports.
#[derive(Debug, Clone)]
pub struct Dashboard {
    /// The Mondays of the period, oldest first.
    pub weeks: Vec<Date>,
    pub total: Figure,
    pub by_area: Vec<(Place, Figure)>,
    pub by_kind: Vec<(Kind, Figure)>,
    pub by_week: Vec<(Date, Figure)>,
    /// Every area the counts or the list name, retired ones included.
    pub areas: Vec<LocalArea>,
    pub recent: Vec<Summary>,
}

impl Dashboard {
    /// An area's name in `locale`, or `None` for "somewhere else".
    pub fn area_name(&self, place: Place, locale: &str) -> Option<String> {
        match place {
            Place::Area(id) => self
                .areas
                .iter()
                .find(|a| a.id == id)
                .map(|a| a.name_in(locale).to_owned()),
            Place::Elsewhere => None,
        }
    }
}

/// A report as listed: never its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub id: Uuid,
    pub reference: String,
    pub place: Place,
    pub kind: Kind,
    pub occurred_on: Date,
    pub police: Police,
    pub has_text: bool,
    pub created_at: Timestamp,
}

/// One report with its masked text, or the tombstone left in its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub summary: Summary,
    pub area: Option<LocalArea>,
    pub text: Option<String>,
    pub text_deleted_at: Option<Timestamp>,
    /// The days it was kept before its text was deleted.
    pub kept_days: Option<i64>,
}

fn require(me: &SignedIn) -> Result<(), ServiceError> {
    if may(Some(me), Action::ReadTensionReports) {
        Ok(())
    } else {
        Err(ServiceError::Forbidden)
    }
}

fn summary(r: &reports::ReportRow) -> Summary {
    Summary {
        id: r.id,
        reference: r.reference.clone(),
        place: Place::from_key(&r.area).unwrap_or(Place::Elsewhere),
        kind: Kind::from_key(&r.kind).unwrap_or(Kind::Other),
        occurred_on: Date::parse(&r.occurred_on, DATE).unwrap_or(Date::MIN),
        police: Police::from_key(&r.police).unwrap_or(Police::DontKnow),
        has_text: r.text.is_some(),
        created_at: r.created_at,
    }
}

const DATE: &[time::format_description::FormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

/// The counts of the `weeks` weeks up to `today`'s, suppressed, with the
/// latest reports.
pub async fn dashboard(
    db: &Db,
    me: &SignedIn,
    weeks: u32,
    today: Date,
) -> Result<Dashboard, ServiceError> {
    require(me)?;
    let weeks = recent_weeks(today, weeks.clamp(1, MOST_WEEKS));
    let first = weeks[0].to_string();
    let last = weeks[weeks.len() - 1].to_string();
    let mut c = db.acquire().await?;
    let rows = counts::between(c.conn(), &first, &last).await?;
    let recent: Vec<Summary> = reports::recent(c.conn(), RECENT)
        .await?
        .iter()
        .map(summary)
        .collect();
    let mut areas = area_store::in_use(c.conn()).await?;
    let mut by_area: BTreeMap<Place, u64> = areas.iter().map(|a| (Place::Area(a.id), 0)).collect();
    by_area.insert(Place::Elsewhere, 0);
    let mut by_kind: BTreeMap<Kind, u64> = Kind::ALL.iter().map(|k| (*k, 0)).collect();
    let mut by_week: BTreeMap<Date, u64> = weeks.iter().map(|w| (*w, 0)).collect();
    for r in &rows {
        let n = u64::try_from(r.reports).unwrap_or(0);
        let place = Place::from_key(&r.area).unwrap_or(Place::Elsewhere);
        *by_area.entry(place).or_default() += n;
        if let Some(k) = Kind::from_key(&r.kind) {
            *by_kind.entry(k).or_default() += n;
        }
        if let Ok(w) = Date::parse(&r.week, DATE) {
            *by_week.entry(w).or_default() += n;
        }
    }
    // Retired areas that the counts or the list still name.
    let named: Vec<Uuid> = by_area
        .keys()
        .chain(recent.iter().map(|s| &s.place))
        .filter_map(|p| match p {
            Place::Area(id) => Some(*id),
            Place::Elsewhere => None,
        })
        .collect();
    for id in named {
        if !areas.iter().any(|a| a.id == id) {
            if let Some(a) = area_store::find(c.conn(), id).await? {
                areas.push(a);
            }
        }
    }
    // Areas in their order, then "somewhere else".
    let order = |p: &Place| match p {
        Place::Area(id) => areas
            .iter()
            .position(|a| a.id == *id)
            .unwrap_or(usize::MAX - 1),
        Place::Elsewhere => usize::MAX,
    };
    let mut area_list: Vec<(Place, u64)> = by_area.into_iter().collect();
    area_list.sort_by_key(|(p, _)| order(p));
    let (by_area, total) = suppressed(area_list);
    let (by_kind, _) = suppressed(by_kind.into_iter().collect());
    let (by_week, _) = suppressed(by_week.into_iter().collect());
    Ok(Dashboard {
        weeks,
        total,
        by_area,
        by_kind,
        by_week,
        areas,
        recent,
    })
}

/// One breakdown's counts as they may be shown: under five hidden as
/// "fewer than 5", and more where one could be worked out from the
/// others and the total (the insight crate's disclosure control).
pub fn suppressed<T: Copy>(counts: Vec<(T, u64)>) -> (Vec<(T, Figure)>, Figure) {
    let table: Vec<Vec<u64>> = counts.iter().map(|(_, n)| vec![*n]).collect();
    let total: u64 = counts.iter().map(|(_, n)| n).sum();
    let rules = SmallBaseRules {
        min_count: SMALLEST_SHOWN,
        ..SmallBaseRules::default()
    };
    let margins = Margins {
        row_totals: false,
        column_totals: true,
    };
    let published = suppress(&table, margins, rules);
    let figures = counts
        .iter()
        .zip(&published.cells)
        .map(|((key, n), cell)| {
            let f = match cell.first().copied().flatten() {
                Some(shown) => Figure::Shown(shown),
                None if *n < SMALLEST_SHOWN => Figure::FewerThanSmallest,
                None => Figure::Hidden,
            };
            (*key, f)
        })
        .collect();
    let total = match published.grand_total {
        Some(n) => Figure::Shown(n),
        None => Figure::of(total),
    };
    (figures, total)
}

/// One report's masked text, for an officer with the role; every view is
/// written to the audit log, in the same transaction as the read.
pub async fn read(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    client: Option<&str>,
) -> Result<Report, ServiceError> {
    require(me)?;
    let mut tx = db.begin().await?;
    let row = reports::find(tx.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let detail = if row.text.is_some() {
        format!("report {}", row.reference)
    } else {
        format!("report {} (text already deleted)", row.reference)
    };
    let origin = Origin {
        actor: Some(me.user_id),
        client,
    };
    audit_log(tx.conn(), origin, "tension_report.read", Some(id), &detail).await?;
    let s = summary(&row);
    let area = match s.place {
        Place::Area(a) => area_store::find(tx.conn(), a).await?,
        Place::Elsewhere => None,
    };
    tx.commit().await?;
    Ok(Report {
        summary: s,
        area,
        text: row.text,
        text_deleted_at: row.text_deleted_at,
        kept_days: row.kept_days,
    })
}

/// The suppressed counts as CSV (breakdown, item, count), English names;
/// audited, as every export is.
pub async fn export_csv(
    db: &Db,
    me: &SignedIn,
    weeks: u32,
    today: Date,
    client: Option<&str>,
) -> Result<String, ServiceError> {
    let d = dashboard(db, me, weeks, today).await?;
    let mut out = String::from("breakdown,item,reports\r\n");
    let mut line = |breakdown: &str, item: &str, f: Figure| {
        out.push_str(&format!(
            "{breakdown},{},{}\r\n",
            csv_field(item),
            figure_text(f)
        ));
    };
    line("total", "all", d.total);
    for (p, f) in &d.by_area {
        let name = d
            .area_name(*p, "en")
            .unwrap_or_else(|| "Somewhere else / not sure".to_owned());
        line("area", &name, *f);
    }
    for (k, f) in &d.by_kind {
        line("kind", k.key(), *f);
    }
    for (w, f) in &d.by_week {
        line("week", &w.to_string(), *f);
    }
    let mut tx = db.begin().await?;
    let origin = Origin {
        actor: Some(me.user_id),
        client,
    };
    let detail = format!("{} weeks from {}", d.weeks.len(), d.weeks[0]);
    audit_log(tx.conn(), origin, "tension_counts.export", None, &detail).await?;
    tx.commit().await?;
    Ok(out)
}

/// A figure as the export writes it.
pub fn figure_text(f: Figure) -> String {
    match f {
        Figure::Shown(n) => n.to_string(),
        Figure::FewerThanSmallest => format!("fewer than {SMALLEST_SHOWN}"),
        Figure::Hidden => "hidden".to_owned(),
    }
}

/// A CSV field, quoted where it must be; a leading `=`, `+`, `-` or `@`
/// is escaped so that spreadsheets do not run it.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}
