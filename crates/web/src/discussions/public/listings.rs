//! What discussions bring to the site's shared pages: the home page's
//! open discussions and their section of *Get involved* (open, upcoming,
//! recently closed), each a bounded query.

use cohesion_domain::consultation::Status;
use cohesion_domain::discussion::record::Discussion;
use cohesion_services::discussions::reading;
use cohesion_ui::{Listing, ListingGroup, ListingItem};
use time::{Duration, OffsetDateTime};

use super::list::item;
use super::translated::translated_list;
use crate::kit::{Langs, PageCtx, Part};

/// How many the home page shows open at most.
const HOME_OPEN: i64 = 5;
/// How many each list of *Get involved* shows at most.
const SECTION_LIST: i64 = 10;
/// How long a closed discussion stays in "recently closed".
const RECENTLY_CLOSED_DAYS: i64 = 90;

fn listed(ctx: &PageCtx, (d, langs): &(Discussion, Langs)) -> ListingItem {
    let i = item(ctx, d, langs);
    ListingItem {
        href: i.href,
        title: i.title,
        status_key: i.status_key,
        status: i.status,
        dates: i.dates,
        note: Some(i.comments.into()),
        links: Vec::new(),
    }
}

/// Discussions open now, closing soonest first, for the home page.
pub(in crate::discussions) fn home<'a>(ctx: &'a PageCtx) -> Part<'a, Listing> {
    Box::pin(async move {
        let open = reading::shortlist(&ctx.state.db, Status::Open, HOME_OPEN).await?;
        let open = translated_list(ctx, open).await?;
        Ok(Listing {
            id: "discussions-open-now",
            heading: ctx.t("home-discussions-heading"),
            links: Vec::new(),
            groups: vec![ListingGroup {
                heading: None,
                items: open.iter().map(|d| listed(ctx, d)).collect(),
                empty: ctx.t("home-discussions-empty"),
                more: Some(("/discussions".to_owned(), ctx.t("home-discussions-all"))),
            }],
        })
    })
}

/// Discussions' section of *Get involved*.
pub(in crate::discussions) fn get_involved<'a>(ctx: &'a PageCtx) -> Part<'a, Listing> {
    Box::pin(async move {
        let db = &ctx.state.db;
        let since = OffsetDateTime::now_utc() - Duration::days(RECENTLY_CLOSED_DAYS);
        let open = reading::shortlist(db, Status::Open, SECTION_LIST).await?;
        let upcoming = reading::shortlist(db, Status::Upcoming, SECTION_LIST).await?;
        let mut closed = reading::shortlist(db, Status::Closed, SECTION_LIST).await?;
        closed.retain(|d| d.closes_at >= since);
        let (open, upcoming, closed) = (
            translated_list(ctx, open).await?,
            translated_list(ctx, upcoming).await?,
            translated_list(ctx, closed).await?,
        );
        let groups = [
            (open, "discussions-open", "discussions-open-empty"),
            (
                upcoming,
                "discussions-upcoming",
                "discussions-upcoming-empty",
            ),
            (closed, "discussions-closed", "discussions-closed-empty"),
        ]
        .into_iter()
        .map(|(list, heading, empty)| ListingGroup {
            heading: Some(ctx.t(heading)),
            items: list.iter().map(|d| listed(ctx, d)).collect(),
            empty: ctx.t(empty),
            more: None,
        })
        .collect();
        Ok(Listing {
            id: "discussions",
            heading: ctx.t("get-involved-discussions"),
            links: vec![("/discussions".to_owned(), ctx.t("home-discussions-all"))],
            groups,
        })
    })
}
