//! Transparency about moderation (issue 18 part 7): for the site and for
//! each published discussion, month by month over the last year, how
//! many comments were posted and held, how many hidden and for which
//! public reason, the warnings and suspensions given, the appeals upheld
//! and overturned, and the median wait for a decision. Small counts are
//! suppressed as survey results are (`insight::disclosure`), so that no
//! figure picks out a person; the counting is done by the database.

use std::collections::HashMap;

use cohesion_domain::discussion::moderation::ReportReason;
use cohesion_domain::discussion::record::Discussion;
use cohesion_domain::local_time::SiteZone;
use cohesion_insight::disclosure::{suppress_knowing, Margins, SmallBaseRules};
use cohesion_storage::discussions::catalogue;
use cohesion_storage::discussions::transparency::{self as store, Scope};
use cohesion_storage::{Db, Timestamp};
use time::{Date, Month, OffsetDateTime};
use uuid::Uuid;

use crate::ServiceError;

/// How many calendar months the pages show, this one included.
pub const MONTHS: usize = 12;

/// One month's figures as they may be published: `None` is a figure
/// suppressed because it is small (or could be worked out from others).
#[derive(Debug, Clone, PartialEq)]
pub struct MonthFigures {
    pub year: i32,
    pub month: Month,
    pub comments: Option<u64>,
    pub held: Option<u64>,
    pub hidden: Option<u64>,
    /// Hidden comments for each public reason, in `ReportReason::ALL`'s order.
    pub hidden_by_reason: Vec<(ReportReason, Option<u64>)>,
    pub warnings: Option<u64>,
    pub suspensions: Option<u64>,
    pub appeals_upheld: Option<u64>,
    pub appeals_overturned: Option<u64>,
    /// The median wait for a decision, in seconds; `None` when fewer
    /// decisions than the smallest count were taken.
    pub median_wait_seconds: Option<u64>,
    /// Whether no decision at all ended a wait that month: then there is
    /// no median to hide, and the pages say so rather than "not shown".
    pub no_waits: bool,
}

/// A year of figures, newest month first, and the smallest count shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub months: Vec<MonthFigures>,
    pub min_count: u64,
}

/// The site's figures across every discussion, by month on the site's
/// clocks (`zone`), from the first of the last [`MONTHS`] months with
/// anything in it (none at all when nothing happened).
pub async fn site(
    db: &Db,
    rules: SmallBaseRules,
    now: OffsetDateTime,
    zone: &SiteZone,
) -> Result<Figures, ServiceError> {
    let list = months(zone.civil(now).date(), None);
    // Months before anything happened are left out, not listed empty.
    figures(db, rules, zone, list, None, true).await
}

/// One published discussion and its figures, from the month it opened
/// (at most [`MONTHS`] months).
pub async fn discussion(
    db: &Db,
    id: Uuid,
    rules: SmallBaseRules,
    now: OffsetDateTime,
    zone: &SiteZone,
) -> Result<(Discussion, Figures), ServiceError> {
    let d = {
        let mut c = db.acquire().await?;
        catalogue::find(c.conn(), id)
            .await?
            .filter(Discussion::is_published)
            .ok_or(ServiceError::NotFound)?
    };
    // Nothing happened in it before it opened: its months start there.
    let opened = zone.civil(d.opens_at).date();
    let list = months(zone.civil(now).date(), Some(opened));
    let f = figures(db, rules, zone, list, Some(id), false).await?;
    Ok((d, f))
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// One month's hidden comments: its total, and the count for each
/// public reason. This is the one suppression rule both pages apply,
/// month by month, to the month's figures alone: the total is shown as
/// every other figure is (`SmallBaseRules::shows_count`), and the
/// reasons are suppressed beside that total, so that no small reason
/// can be worked out from the total less the others (a second reason is
/// hidden with it). Nothing published adds months up, so no month's
/// figure depends on another's, nor on how many months a page shows: a
/// month's figure for the site and the same month's for a discussion
/// differ only where other discussions add to the site's. A zero is
/// shown as 0: none at all picks nobody out.
pub fn hidden_month(by_reason: &[u64], rules: SmallBaseRules) -> (Option<u64>, Vec<Option<u64>>) {
    let total: u64 = by_reason.iter().sum();
    if total == 0 {
        return (Some(0), by_reason.iter().map(|_| Some(0)).collect());
    }
    let zeros = vec![by_reason.iter().map(|n| *n == 0).collect::<Vec<bool>>()];
    let cells = suppress_knowing(
        &[by_reason.to_vec()],
        Margins {
            row_totals: false,
            column_totals: false,
        },
        rules,
        &zeros,
    )
    .cells
    .into_iter()
    .next()
    .unwrap_or_default();
    (rules.shows_count(total).then_some(total), cells)
}

/// The last [`MONTHS`] months up to `today`'s, newest first; none
/// before `from`'s month when given (none at all before it comes).
fn months(today: Date, from: Option<Date>) -> Vec<(i32, Month)> {
    let mut at = (today.year(), today.month());
    let first = from.map(|f| (f.year(), f.month() as u8));
    let mut out = Vec::with_capacity(MONTHS);
    for _ in 0..MONTHS {
        if first.is_some_and(|f| (at.0, at.1 as u8) < f) {
            break;
        }
        out.push(at);
        at = match at.1 {
            Month::January => (at.0 - 1, Month::December),
            m => (at.0, m.previous()),
        };
    }
    out
}

fn key((year, month): (i32, Month)) -> String {
    format!("{year:04}-{:02}", month as u8)
}

async fn figures(
    db: &Db,
    rules: SmallBaseRules,
    zone: &SiteZone,
    list: Vec<(i32, Month)>,
    discussion: Option<Uuid>,
    from_activity: bool,
) -> Result<Figures, ServiceError> {
    let scope = Scope {
        months: list
            .iter()
            .map(|&(y, m)| {
                let first = Date::from_calendar_date(y, m, 1).expect("the first of a month exists");
                (key((y, m)), Timestamp::from(zone.start_of_day(first)))
            })
            .collect(),
        discussion,
    };
    let mut c = db.acquire().await?;
    let comments: HashMap<String, i64> = store::comments(c.conn(), &scope)
        .await?
        .into_iter()
        .collect();
    let held: HashMap<String, i64> = store::held(c.conn(), &scope).await?.into_iter().collect();
    let mut decided: HashMap<(String, String, String), i64> = HashMap::new();
    for (month, action, reason, n) in store::decisions(c.conn(), &scope).await? {
        decided.insert((month, action, reason), n);
    }
    let medians: HashMap<String, (f64, i64)> = store::median_waits(c.conn(), &scope)
        .await?
        .into_iter()
        .map(|(month, median, n)| (month, (median, n)))
        .collect();
    drop(c);

    let shown = |n: u64| rules.shows_count(n).then_some(n);
    let hidden_of = |at: &(i32, Month)| {
        let row: Vec<u64> = ReportReason::ALL
            .iter()
            .map(|r| {
                let k = (key(*at), "hide".to_owned(), r.code().to_owned());
                count(decided.get(&k).copied().unwrap_or(0))
            })
            .collect();
        hidden_month(&row, rules)
    };
    let of = |at: &(i32, Month), action: &str| {
        count(
            decided
                .get(&(key(*at), action.to_owned(), String::new()))
                .copied()
                .unwrap_or(0),
        )
    };
    // A month anything happened in: the site's list starts at the first.
    let active = |at: &(i32, Month)| {
        let k = key(*at);
        comments.get(&k).is_some_and(|n| *n > 0)
            || held.get(&k).is_some_and(|n| *n > 0)
            || decided.iter().any(|((m, _, _), n)| *m == k && *n > 0)
            || medians.contains_key(&k)
    };
    let kept = match from_activity {
        true => list.iter().rposition(active).map_or(0, |oldest| oldest + 1),
        false => list.len(),
    };
    let months = list[..kept]
        .iter()
        .map(|at| {
            let k = key(*at);
            let (hidden, by_reason) = hidden_of(at);
            MonthFigures {
                year: at.0,
                month: at.1,
                comments: shown(count(comments.get(&k).copied().unwrap_or(0))),
                held: shown(count(held.get(&k).copied().unwrap_or(0))),
                hidden,
                hidden_by_reason: ReportReason::ALL.iter().copied().zip(by_reason).collect(),
                warnings: shown(of(at, "warn")),
                suspensions: shown(of(at, "suspend")),
                appeals_upheld: shown(of(at, "appeal_upheld")),
                appeals_overturned: shown(of(at, "appeal_overturned")),
                median_wait_seconds: medians.get(&k).and_then(|(median, n)| {
                    (count(*n) >= rules.min_count.max(1)).then(|| median.max(0.0).round() as u64)
                }),
                no_waits: medians.get(&k).is_none_or(|(_, n)| *n <= 0),
            }
        })
        .collect();
    Ok(Figures {
        months,
        min_count: rules.min_count,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_year_of_months_runs_back_across_new_year() {
        let list = months(date!(2026 - 02 - 10), None);
        assert_eq!(list.len(), MONTHS);
        assert_eq!(list[0], (2026, Month::February));
        assert_eq!(list[1], (2026, Month::January));
        assert_eq!(list[2], (2025, Month::December));
        assert_eq!(list[11], (2025, Month::March));
        assert_eq!(key(list[2]), "2025-12");
    }

    #[test]
    fn a_discussion_s_months_start_at_the_month_it_opened() {
        let list = months(date!(2026 - 02 - 10), Some(date!(2025 - 12 - 31)));
        assert_eq!(
            list,
            [
                (2026, Month::February),
                (2026, Month::January),
                (2025, Month::December)
            ]
        );
        assert_eq!(
            months(date!(2026 - 02 - 10), Some(date!(2026 - 02 - 28))).len(),
            1
        );
        assert!(months(date!(2026 - 02 - 10), Some(date!(2026 - 03 - 01))).is_empty());
        assert_eq!(
            months(date!(2026 - 02 - 10), Some(date!(2020 - 01 - 01))).len(),
            MONTHS
        );
    }

    const RULES: SmallBaseRules = SmallBaseRules {
        min_count: 10,
        min_base_for_percent: 30,
    };

    #[test]
    fn a_month_s_hidden_total_is_shown_by_the_rule_every_figure_follows() {
        // Shown whatever other months hold: 19 is not small.
        assert_eq!(
            hidden_month(&[19, 0, 0], RULES),
            (Some(19), vec![Some(19), Some(0), Some(0)])
        );
        assert_eq!(hidden_month(&[0, 0, 0], RULES), (Some(0), vec![Some(0); 3]));
        // A small total is hidden, and so are its reasons.
        assert_eq!(
            hidden_month(&[3, 2, 0], RULES),
            (None, vec![None, None, Some(0)])
        );
    }

    #[test]
    fn a_small_reason_beside_a_shown_total_hides_a_second_reason() {
        let (total, cells) = hidden_month(&[12, 7, 0], RULES);
        assert_eq!(total, Some(19));
        // 7 alone hidden would be 19 - 12: 12 is hidden with it; the
        // known zero stays shown.
        assert_eq!(cells, vec![None, None, Some(0)]);
        let (total, cells) = hidden_month(&[12, 7, 15, 0], RULES);
        assert_eq!(total, Some(34));
        assert_eq!(cells.iter().filter(|c| c.is_none()).count(), 2);
        assert_eq!(cells[1], None);
    }
}
