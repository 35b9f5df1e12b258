//! Consultations' panel of the staff's dashboard (`/manage`, ADR 0021).
//! Officers: "Create a consultation", their drafts, what is open,
//! upcoming, closed and withdrawn, results still to publish and translations still
//! missing, each leading to the consultation's own page. Analysts (and
//! officers): each consultation's results, crosstabs, written answers
//! and themes, weighting and exports, once anyone has responded.

use cohesion_domain::consultation::Consultation;
use cohesion_domain::identity::Action;
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::findings;
use cohesion_services::consultations::reading::{self, Shortlist};
use cohesion_ui::{Listing, ListingGroup, ListingItem, Phrase, Value};
use uuid::Uuid;

use crate::consultations::exports::response_links;
use crate::consultations::list::dates;
use crate::consultations::translations::{counts_phrase, coverage_by_language};
use crate::consultations::wording::status_label;
use crate::kit::{AppError, Langs, PageCtx, Part, StaffPanel};

pub(in crate::consultations) const PANEL: StaffPanel = StaffPanel {
    actions: &[Action::RunEngagement, Action::Analyse],
    panel,
};

/// How many each list of the panel shows at most.
const LIST: i64 = 10;
/// How many consultations have their translations counted (each takes
/// a few queries).
const TRANSLATION_CHECKS: usize = 8;

fn panel<'a>(ctx: &'a PageCtx, me: &'a SignedIn) -> Part<'a, Listing> {
    Box::pin(async move {
        let officer = me.roles.allows(Action::RunEngagement);
        let far_past = time::OffsetDateTime::UNIX_EPOCH;
        let closed =
            Shortlist::ClosedSince(cohesion_domain::timestamp::Timestamp::from(far_past).into());
        let mut named: Vec<(Shortlist, &str)> = vec![
            (Shortlist::Open, "manage-open"),
            (Shortlist::Upcoming, "manage-upcoming"),
            (closed, "manage-closed"),
        ];
        if officer {
            named.insert(0, (Shortlist::Drafts, "manage-drafts"));
            // Withdrawn ones are not drafts: they were public, and may
            // hold responses.
            named.push((Shortlist::Withdrawn, "manage-withdrawn"));
            named.push((Shortlist::ResultsToPublish, "manage-results-to-publish"));
        }
        let which: Vec<Shortlist> = named.iter().map(|(w, _)| *w).collect();
        let lists = reading::shortlists(&ctx.state.db, Some(me), &which, LIST).await?;
        let mut groups = Vec::new();
        for ((_, name), list) in named.iter().zip(&lists) {
            groups.push(ListingGroup {
                heading: Some(ctx.t(name)),
                items: list.iter().map(|c| item(ctx, me, c, None)).collect(),
                empty: ctx.t(&format!("{name}-empty")),
                more: None,
            });
        }
        if officer {
            // Drafts, open and upcoming, then the closed ones whose
            // results or findings the public still reads.
            let mut shown: Vec<&Consultation> = lists.iter().take(3).flatten().collect();
            for c in &lists[3] {
                let db = &ctx.state.db;
                if c.results_published_at.is_some()
                    || findings::published_count(db, c.id).await? > 0
                {
                    shown.push(c);
                }
            }
            groups.push(translations_group(ctx, me, shown.into_iter()).await?);
        }
        let mut links = Vec::new();
        if officer {
            links.push((
                "/staff/consultations/new".to_owned(),
                ctx.t("consultations-create"),
            ));
        }
        links.push(("/consultations".to_owned(), ctx.t("home-open-all")));
        Ok(Listing {
            id: "consultations",
            heading: ctx.t("manage-consultations"),
            links,
            groups,
        })
    })
}

/// The consultations people still read (drafts, open, upcoming, and
/// closed ones whose results or findings are shown: the first few) with
/// texts not translated into some language, and how many.
async fn translations_group(
    ctx: &PageCtx,
    me: &SignedIn,
    unfinished: impl Iterator<Item = &Consultation>,
) -> Result<ListingGroup, AppError> {
    let mut items = Vec::new();
    for c in unfinished.take(TRANSLATION_CHECKS) {
        let v = reading::view(&ctx.state.db, Some(me), c.id).await?;
        let mut notes = Vec::new();
        for c in coverage_by_language(ctx, &v).await? {
            if c.counts.missing == 0 && c.counts.stale == 0 {
                continue;
            }
            let language = c.name;
            let count = counts_phrase(ctx, &c.counts);
            notes.push(ctx.phrase(
                "manage-translation-note",
                &[
                    ("language", Value::Shown(&language)),
                    ("count", Value::Phrase(&count)),
                ],
            ));
        }
        if !notes.is_empty() {
            let note = Phrase::join(notes, &ctx.locale().t("list-separator"));
            items.push(item(ctx, me, c, Some(note)));
        }
    }
    Ok(ListingGroup {
        heading: Some(ctx.t("manage-translations-missing")),
        items,
        empty: ctx.t("manage-translations-missing-empty"),
        more: None,
    })
}

/// A consultation as the panel lists it: to officers its own page, to
/// analysts its crosstabs; to both its results and the analyst's tools
/// once anyone has responded, and until then "No responses yet" in their
/// place (to an analyst, the title then leads to the consultation).
fn item(ctx: &PageCtx, me: &SignedIn, c: &Consultation, note: Option<Phrase>) -> ListingItem {
    let id = c.id;
    let (status_key, status) = status_label(ctx, c);
    let officer = me.roles.allows(Action::RunEngagement);
    let analyst = me.roles.allows(Action::Analyse);
    let answered = c.response_count > 0;
    let mut links: Vec<(String, Phrase)> = Vec::new();
    let mut note = note;
    if analyst && answered {
        links = analyst_links(ctx, me, id);
    } else if analyst && note.is_none() {
        note = Some(ctx.t("manage-no-responses").into());
    }
    ListingItem {
        href: match (officer, answered) {
            (true, _) => format!("/staff/consultations/{id}"),
            (false, true) => format!("/staff/consultations/{id}/analysis"),
            (false, false) => format!("/consultations/{id}"),
        },
        title: Langs::as_written(ctx, &c.language).original(c.title.as_str()),
        status_key,
        status,
        dates: dates(ctx, c),
        note,
        links,
    }
}

/// A consultation's results as staff read them (everything, before
/// publication too), then the tools that go further.
fn analyst_links(ctx: &PageCtx, me: &SignedIn, id: Uuid) -> Vec<(String, Phrase)> {
    let mut links: Vec<(String, Phrase)> = vec![(
        format!("/consultations/{id}/results"),
        ctx.t("manage-results").into(),
    )];
    for (page, label) in [
        ("analysis", "manage-crosstabs"),
        ("answers", "manage-answers"),
        ("weighting", "weighting-title"),
    ] {
        links.push((
            format!("/staff/consultations/{id}/{page}"),
            ctx.t(label).into(),
        ));
    }
    links.extend(
        response_links(ctx, Some(me), id)
            .into_iter()
            .map(|(href, label)| (href, label.into())),
    );
    links
}
