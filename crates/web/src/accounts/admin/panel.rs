//! Administration's panel of the staff's dashboard: the ways to the
//! people, the audit log and the outbox, each for those allowed.

use cohesion_domain::identity::Action;
use cohesion_services::accounts::SignedIn;
use cohesion_ui::Listing;

use crate::kit::{AppError, PageCtx, Part, StaffPanel};

pub(in crate::accounts) const PANEL: StaffPanel = StaffPanel {
    actions: &[Action::ManagePeople, Action::Audit],
    panel,
};

fn panel<'a>(ctx: &'a PageCtx, me: &'a SignedIn) -> Part<'a, Listing> {
    Box::pin(async move { Ok::<_, AppError>(links(ctx, me)) })
}

fn links(ctx: &PageCtx, me: &SignedIn) -> Listing {
    let mut links = Vec::new();
    if me.roles.allows(Action::ManagePeople) {
        links.push(("/admin/people".to_owned(), ctx.t("people-title")));
    }
    if me.roles.allows(Action::Audit) {
        links.push(("/admin/audit".to_owned(), ctx.t("audit-title")));
        links.push(("/admin/outbox".to_owned(), ctx.t("outbox-title")));
    }
    Listing {
        id: "administration",
        heading: ctx.t("admin-title"),
        links,
        groups: Vec::new(),
    }
}
