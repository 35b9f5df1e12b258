//! What consultations bring to the site's shared pages: the home page's
//! "open now" and their section of *Get involved* (open, upcoming,
//! recently closed), each a few bounded queries and one for their
//! translations (ADR 0021).

use cohesion_domain::consultation::Consultation;
use cohesion_domain::timestamp::Timestamp;
use cohesion_services::consultations::reading::{self, Shortlist};
use cohesion_ui::{Listing, ListingGroup, ListingItem, Phrase, Value};
use time::Duration;

use super::list::dates;
use super::translated::translate_list;
use super::wording::status_label;
use crate::kit::{AppError, Langs, PageCtx, Part};
use cohesion_domain::translation::key;

/// How many the home page shows open at most (then "see every one").
const HOME_OPEN: i64 = 5;
/// How many each list of *Get involved* shows at most.
const SECTION_LIST: i64 = 10;
/// How long a closed consultation stays in "recently closed".
pub(super) const RECENTLY_CLOSED_DAYS: i64 = 90;

/// Consultations open now, closing soonest first, for the home page.
pub(super) fn home<'a>(ctx: &'a PageCtx) -> Part<'a, Listing> {
    Box::pin(async move {
        let lists = reading::shortlists(&ctx.state.db, None, &[Shortlist::Open], HOME_OPEN).await?;
        let mut groups = items_in_language(ctx, lists, |_, _, _| None).await?;
        Ok(Listing {
            id: "open-now",
            heading: ctx.t("home-open-heading"),
            links: Vec::new(),
            groups: vec![ListingGroup {
                heading: None,
                items: groups.pop().unwrap_or_default(),
                empty: ctx.t("home-open-empty"),
                more: Some(("/consultations".to_owned(), ctx.t("home-open-all"))),
            }],
        })
    })
}

/// Consultations' section of *Get involved*: open, upcoming and
/// recently closed (with a link to the results where published).
pub(super) fn get_involved<'a>(ctx: &'a PageCtx) -> Part<'a, Listing> {
    Box::pin(async move {
        let since = Timestamp::now().as_offset() - Duration::days(RECENTLY_CLOSED_DAYS);
        let which = [
            Shortlist::Open,
            Shortlist::Upcoming,
            Shortlist::ClosedSince(Timestamp::from(since).into()),
        ];
        let lists = reading::shortlists(&ctx.state.db, None, &which, SECTION_LIST).await?;
        // The link names its consultation: several in a list would
        // otherwise be links of one name to different places.
        let groups = items_in_language(ctx, lists, |ctx, c, langs| {
            c.results_published_at.map(|_| {
                let title = langs.shown(key::TITLE, &c.title);
                (
                    format!("/consultations/{}/results", c.id),
                    ctx.phrase("listing-results-link", &[("title", Value::Shown(&title))]),
                )
            })
        })
        .await?;
        let named = [
            ("get-involved-open", "get-involved-open-empty"),
            ("get-involved-upcoming", "get-involved-upcoming-empty"),
            ("get-involved-closed", "get-involved-closed-empty"),
        ];
        Ok(Listing {
            id: "consultations",
            heading: ctx.t("get-involved-consultations"),
            links: vec![("/consultations".to_owned(), ctx.t("home-open-all"))],
            groups: groups
                .into_iter()
                .zip(named)
                .map(|(items, (heading, empty))| ListingGroup {
                    heading: Some(ctx.t(heading)),
                    items,
                    empty: ctx.t(empty),
                    more: None,
                })
                .collect(),
        })
    })
}

/// Each list's items, titles in the reader's language where translated
/// (one query for all the lists), each with the link `link` gives it.
async fn items_in_language(
    ctx: &PageCtx,
    lists: Vec<Vec<Consultation>>,
    link: impl Fn(&PageCtx, &Consultation, &Langs) -> Option<(String, Phrase)>,
) -> Result<Vec<Vec<ListingItem>>, AppError> {
    let sizes: Vec<usize> = lists.iter().map(Vec::len).collect();
    let mut all: Vec<Consultation> = lists.into_iter().flatten().collect();
    let langs = translate_list(ctx, &mut all).await?;
    let mut items = all
        .iter()
        .zip(langs)
        .map(|(c, langs)| public_item(ctx, c, &langs, link(ctx, c, &langs)));
    Ok(sizes
        .into_iter()
        .map(|n| items.by_ref().take(n).collect())
        .collect())
}

fn public_item(
    ctx: &PageCtx,
    c: &Consultation,
    langs: &Langs,
    link: Option<(String, Phrase)>,
) -> ListingItem {
    let (status_key, status) = status_label(ctx, c);
    ListingItem {
        href: format!("/consultations/{}", c.id),
        title: langs.shown(key::TITLE, &c.title),
        status_key,
        status,
        dates: dates(ctx, c),
        note: None,
        links: link.into_iter().collect(),
    }
}
