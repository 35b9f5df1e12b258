//! Discussions' panel of the staff's dashboard (`/manage`, ADR 0021):
//! for officers, "Create a discussion", the drafts, and what is open,
//! upcoming and closed, each leading to the discussion's officers' page;
//! for moderators, how many comments wait and the ways to the queue and
//! the word lists.

use cohesion_domain::discussion::record::Discussion;
use cohesion_domain::identity::Action;
use cohesion_services::accounts::SignedIn;
use cohesion_services::discussions::{moderating, overview, QueueQuery};
use cohesion_ui::{Listing, ListingGroup, ListingItem};

use super::{dates, status_label};
use crate::discussions::public::translated::translated_list;
use crate::kit::{Langs, PageCtx, Part, StaffPanel};
use cohesion_domain::translation::key;

pub(in crate::discussions) const PANEL: StaffPanel = StaffPanel {
    actions: &[Action::RunEngagement, Action::Moderate],
    panel,
};

/// How many each list of the panel shows at most.
const LIST: i64 = 10;

fn panel<'a>(ctx: &'a PageCtx, me: &'a SignedIn) -> Part<'a, Listing> {
    Box::pin(async move {
        let mut links = Vec::new();
        let mut groups = Vec::new();
        if me.roles.allows(Action::RunEngagement) {
            links.push((
                "/staff/discussions/new".to_owned(),
                ctx.t("discussion-staff-create"),
            ));
            let lists = overview::shortlists(&ctx.state.db, me, LIST).await?;
            let named = [
                (&lists.drafts, "discussion-staff-drafts"),
                (&lists.open, "discussion-staff-open"),
                (&lists.upcoming, "discussion-staff-upcoming"),
                (&lists.closed, "discussion-staff-closed"),
            ];
            for (list, name) in named {
                // Titles in the page's language where translated.
                let list = translated_list(ctx, list.clone()).await?;
                groups.push(ListingGroup {
                    heading: Some(ctx.t(name)),
                    items: list.iter().map(|(d, langs)| item(ctx, d, langs)).collect(),
                    empty: ctx.t(&format!("{name}-empty")),
                    more: None,
                });
            }
        }
        if me.roles.allows(Action::Moderate) {
            let q = QueueQuery {
                limit: 0,
                ..QueueQuery::default()
            };
            let (_, waiting) = moderating::queue(&ctx.state.db, me, &q).await?;
            links.push((
                "/moderation/words".to_owned(),
                ctx.t("moderation-words-link"),
            ));
            groups.push(ListingGroup {
                heading: Some(ctx.t("moderation-panel")),
                items: Vec::new(),
                empty: crate::discussions::moderation::queue::waiting_phrase(ctx, waiting),
                more: Some(("/moderation".to_owned(), ctx.t("moderation-open-queue"))),
            });
        }
        Ok(Listing {
            id: "discussions",
            heading: ctx.t("discussion-staff-panel"),
            links,
            groups,
        })
    })
}

fn item(ctx: &PageCtx, d: &Discussion, langs: &Langs) -> ListingItem {
    let (status_key, status) = status_label(ctx, d);
    ListingItem {
        href: format!("/staff/discussions/{}", d.id),
        title: langs.shown(key::TITLE, &d.title),
        status_key,
        status,
        dates: dates(ctx, d),
        note: None,
        links: Vec::new(),
    }
}
