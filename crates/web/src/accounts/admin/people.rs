//! Finding people, and the page of one, with the buttons that grant and
//! withdraw their roles, suspend and reinstate them (`changes.rs`).

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::identity::Role;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::accounts::people::UserQuery;
use cohesion_services::accounts::people::{self, Person};
use cohesion_ui::{ActionForm, Cell, Field, Filter, Phrase, ReportPage, SummaryRow, Table, Value};
use serde::Deserialize;

use super::parse_id;
use crate::kit::{confirmation, path_id, respond, AppError, Me, PageCtx};

pub(super) fn role_label(ctx: &PageCtx, role: Role) -> String {
    ctx.locale().t(&format!("role-{}", role.key())).into_owned()
}

#[derive(Deserialize, Default)]
pub struct PeopleQuery {
    q: Option<String>,
    role: Option<String>,
    after: Option<String>,
}

pub async fn people_list(
    ctx: PageCtx,
    Me(me): Me,
    Query(q): Query<PeopleQuery>,
) -> Result<Response, AppError> {
    let l = ctx.locale();
    let t = |id: &str| l.t(id).into_owned();
    let text = q.q.clone().unwrap_or_default();
    let role = match q.role.as_deref() {
        None | Some("") => None,
        Some(k) => Some(Role::from_key(k).ok_or(AppError::from(ValidationError::new(
            "role",
            ErrorCode::InvalidChoice,
        )))?),
    };
    let after = parse_id(&q.after, "after")?;
    let query = UserQuery {
        text: &text,
        role,
        after,
        limit: people::PAGE_SIZE,
    };
    let found = people::find(&ctx.state.db, &me, query).await?;
    let mut page = ReportPage::new(ctx.chrome_for("/admin/people", "people-title").await?);
    // Administration is reached from Manage, not from the account.
    page.back = Some(("/manage".to_owned(), t("back")));
    page.filter = Some(people_filter(&ctx, &text, role));
    let next = (found.len() as i64 == people::PAGE_SIZE).then(|| {
        let last = found.last().map(|p| p.id).unwrap_or_default();
        let qs = serde_urlencoded::to_string([
            ("q", text.as_str()),
            ("role", role.map_or("", Role::key)),
            ("after", &last.to_string()),
        ])
        .unwrap_or_default();
        format!("/admin/people?{qs}")
    });
    page.tables = vec![people_table(&ctx, &found)];
    page.next = next;
    respond(StatusCode::OK, page, None)
}

/// The search: words in a name or address, and a role.
fn people_filter(ctx: &PageCtx, text: &str, role: Option<Role>) -> Filter {
    let t = |id: &str| ctx.t(id);
    // "Resident" finds the people who hold no other role, as the list
    // shows them.
    let mut roles = vec![(String::new(), t("people-any-role"))];
    roles.extend(
        Role::ALL
            .into_iter()
            .map(|r| (r.key().to_owned(), role_label(ctx, r))),
    );
    Filter {
        action: "/admin/people".to_owned(),
        fields: vec![
            Field::new("q", "search", "off", t("people-search"))
                .hint(t("people-search-hint"))
                .value(text)
                .errors_from(&[]),
            Field::choice("role", "select", t("account-roles"), roles)
                .value(role.map_or("", Role::key))
                .errors_from(&[]),
        ],
        button: t("filter"),
    }
}

/// The people found, each linking to their page.
fn people_table(ctx: &PageCtx, found: &[Person]) -> Table {
    let t = |id: &str| ctx.t(id);
    Table {
        caption: t("people-results").into(),
        head: vec![
            t("field-display-name").into(),
            t("field-email").into(),
            t("account-roles").into(),
            t("people-status").into(),
        ],
        rows: found
            .iter()
            .map(|p| {
                let s = &p;
                vec![
                    // Names and addresses as people wrote them, in a
                    // language not known: isolated, as elsewhere.
                    Cell::link(
                        Phrase::isolated(s.display_name.as_deref().unwrap_or_default()),
                        format!("/admin/people/{}", s.id),
                    ),
                    Phrase::isolated(s.email.as_deref().unwrap_or_default()).into(),
                    roles_cell(ctx, &p.roles).into(),
                    status(ctx, s.suspended, s.verified).into(),
                ]
            })
            .collect(),
        empty: t("people-none"),
    }
}

/// The roles a person holds; residency, which everyone has, only for
/// those who hold no other (an empty cell read as "no roles at all").
fn roles_cell(ctx: &PageCtx, roles: &[Role]) -> String {
    if roles.is_empty() {
        return role_label(ctx, Role::Resident);
    }
    let names: Vec<String> = roles.iter().map(|r| role_label(ctx, *r)).collect();
    ctx.locale().list(&names)
}

fn status(ctx: &PageCtx, suspended: bool, verified: bool) -> String {
    let id = match (suspended, verified) {
        (true, _) => "status-suspended",
        (false, true) => "status-active",
        (false, false) => "status-unverified",
    };
    ctx.locale().t(id).into_owned()
}

/// The person's page's query: after a role changed, which (`done` is
/// `role-granted` or `role-withdrawn`, `role` its key).
#[derive(Deserialize)]
pub struct PersonQuery {
    done: Option<String>,
    role: Option<String>,
}

/// "Tom Fletcher is now an analyst": the role change said by who and
/// which, when the page shows it so; else the generic confirmation.
fn role_done(ctx: &PageCtx, p: &Person, q: &PersonQuery) -> Option<Phrase> {
    let role = q.role.as_deref().and_then(Role::from_key);
    let id = match (q.done.as_deref(), role) {
        (Some("role-granted"), Some(r)) if p.roles.contains(&r) => "done-role-granted",
        (Some("role-withdrawn"), Some(r)) if !p.roles.contains(&r) => "done-role-withdrawn",
        // A stale or hand-made address says nothing it cannot stand by.
        (Some("role-granted" | "role-withdrawn"), _) => {
            return confirmation(ctx, Some("role")).map(Into::into)
        }
        _ => return confirmation(ctx, q.done.as_deref()).map(Into::into),
    };
    let role = role?;
    let name = person_name(p);
    let label = role_label(ctx, role);
    let as_role = ctx.t(&format!("role-as-{}", role.key()));
    Some(ctx.phrase(
        id,
        &[
            ("name", Value::Text(&name)),
            ("role", Value::Text(&label)),
            ("as_role", Value::Text(&as_role)),
        ],
    ))
}

/// Who a person is in a sentence: their display name, else their email.
pub(super) fn person_name(p: &Person) -> String {
    p.display_name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .or_else(|| p.email.clone())
        .unwrap_or_default()
}

pub async fn person(
    ctx: PageCtx,
    Me(me): Me,
    Path(id): Path<String>,
    Query(q): Query<PersonQuery>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let p = people::get(&ctx.state.db, &me, id).await?;
    let l = ctx.locale();
    let t = |id: &str| l.t(id).into_owned();
    let s = &p;
    let path = format!("/admin/people/{id}");
    let mut ui = ctx.chrome_for(&path, "person-title").await?;
    // Headed with who it is: a name as the person wrote it, in a
    // language not known.
    if let Some(name) = s.display_name.as_deref().filter(|n| !n.trim().is_empty()) {
        ui.title = Phrase::isolated(name);
    }
    let mut page = ReportPage::new(ui);
    page.back = Some(("/admin/people".to_owned(), t("people-title")));
    page.done = role_done(&ctx, &p, &q);
    page.csrf = me.csrf.clone();
    page.rows = vec![
        SummaryRow::new(
            t("field-display-name"),
            Phrase::isolated(s.display_name.as_deref().unwrap_or_default()),
        ),
        SummaryRow::new(
            t("field-email"),
            Phrase::isolated(s.email.as_deref().unwrap_or_default()),
        ),
        SummaryRow::new(t("people-status"), status(&ctx, s.suspended, s.verified)),
        SummaryRow::new(
            t("account-roles"),
            crate::accounts::roles_in_words(&ctx, p.roles.iter().copied()),
        ),
        SummaryRow::when(t("data-created-at"), ctx.dates().at(s.created_at)),
        SummaryRow::new(t("audit-title"), "").change(
            &format!("/admin/audit?subject={id}"),
            t("person-audit-link"),
        ),
    ];
    // One button per role: grant what they lack, withdraw what they hold.
    for role in Role::ALL.into_iter().filter(|r| *r != Role::Resident) {
        let held = p.roles.contains(&role);
        // Worded as the question that follows asks it ("Make them an
        // analyst", "Withdraw the analyst role"): the role in lower case
        // mid-sentence, and in Arabic without "منح" twice ("مقيّم منح").
        let args = [
            ("role", role_label(&ctx, role).into()),
            (
                "role_name",
                ctx.t(&format!("role-name-{}", role.key())).into(),
            ),
            ("as_role", ctx.t(&format!("role-as-{}", role.key())).into()),
        ];
        let button = l.t_plain(if held { "role-remove" } else { "role-grant" }, &args);
        page.actions.push(ActionForm {
            action: format!("{path}/roles"),
            hidden: vec![
                ("role", role.key().to_owned()),
                ("grant", (!held).to_string()),
            ],
            fields: vec![],
            button: button.into(),
            danger: held,
            primary: false,
            ask: true,
        });
    }
    if me.user_id != id {
        page.actions.push(ActionForm {
            action: format!("{path}/suspension"),
            hidden: vec![("suspend", (!s.suspended).to_string())],
            fields: vec![],
            button: t(if s.suspended {
                "person-reinstate"
            } else {
                "person-suspend"
            })
            .into(),
            danger: !s.suspended,
            // Suspending asks first; reinstating gives nothing new.
            primary: false,
            ask: !s.suspended,
        });
    }
    page.lead = vec![t("person-lead").into()];
    respond(StatusCode::OK, page, None)
}
