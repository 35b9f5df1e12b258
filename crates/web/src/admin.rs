//! Administrators' pages: people and their roles, the audit log and the
//! email outbox. Links to these pages appear only for those allowed; the
//! services refuse everyone else anyway (403).

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::identity::Role;
use cohesion_services::accounts::people;
use cohesion_services::ServiceError;
use cohesion_storage::accounts::users::UserQuery;
use cohesion_storage::audit::AuditQuery;
use cohesion_ui::{ActionForm, Cell, Field, Filter, ReportPage, SummaryRow, Table};
use serde::Deserialize;
use uuid::Uuid;

use crate::accounts::respond;
use crate::error::AppError;
use crate::form::StrictForm;
use crate::pages::{ClientKey, PageCtx};
use crate::profile::{done_message, see_other, DoneQuery};
use crate::session::{check_session_csrf, Me};

fn role_label(ctx: &PageCtx, role: Role) -> String {
    ctx.locale().t(&format!("role-{}", role.key())).into_owned()
}

/// A query-string id: absent, or a UUID (anything else is a 400).
fn parse_id(raw: &Option<String>, field: &'static str) -> Result<Option<Uuid>, AppError> {
    match raw.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => Uuid::parse_str(s).map(Some).map_err(|_| AppError {
            info: crate::error::ErrorInfo {
                field: Some(field),
                ..AppError::bad_request(cohesion_domain::ErrorCode::BadRequest).info
            },
            ..AppError::bad_request(cohesion_domain::ErrorCode::BadRequest)
        }),
    }
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
        Some(k) => Some(Role::from_key(k).ok_or(AppError::from(
            cohesion_domain::ValidationError::new(
                "role",
                cohesion_domain::ErrorCode::InvalidChoice,
            ),
        ))?),
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
    page.back = Some(("/account".to_owned(), t("back")));
    let mut roles = vec![(String::new(), t("people-any-role"))];
    roles.extend(
        Role::ALL
            .into_iter()
            .filter(|r| *r != Role::Resident)
            .map(|r| (r.key().to_owned(), role_label(&ctx, r))),
    );
    page.filter = Some(Filter {
        action: "/admin/people".to_owned(),
        fields: vec![
            Field::new("q", "search", "off", t("people-search"))
                .hint(t("people-search-hint"))
                .value(&text)
                .errors_from(&[]),
            Field::choice("role", "select", t("account-roles"), roles)
                .value(role.map_or("", Role::key))
                .errors_from(&[]),
        ],
        button: t("filter"),
    });
    let next = (found.len() as i64 == people::PAGE_SIZE).then(|| {
        let last = found.last().map(|p| p.summary.id).unwrap_or_default();
        let qs = serde_urlencoded::to_string([
            ("q", text.as_str()),
            ("role", role.map_or("", Role::key)),
            ("after", &last.to_string()),
        ])
        .unwrap_or_default();
        format!("/admin/people?{qs}")
    });
    page.tables = vec![Table {
        caption: t("people-results"),
        head: vec![
            t("field-display-name"),
            t("field-email"),
            t("account-roles"),
            t("people-status"),
        ],
        rows: found
            .iter()
            .map(|p| {
                let s = &p.summary;
                vec![
                    Cell::link(
                        s.display_name.clone().unwrap_or_default(),
                        format!("/admin/people/{}", s.id),
                    ),
                    s.email.clone().unwrap_or_default().into(),
                    ctx.locale()
                        .list(
                            &p.roles
                                .iter()
                                .map(|r| role_label(&ctx, *r))
                                .collect::<Vec<_>>(),
                        )
                        .into(),
                    status(&ctx, s.suspended, s.verified).into(),
                ]
            })
            .collect(),
        empty: t("people-none"),
    }];
    page.next = next;
    respond(StatusCode::OK, page, None)
}

fn status(ctx: &PageCtx, suspended: bool, verified: bool) -> String {
    let id = match (suspended, verified) {
        (true, _) => "status-suspended",
        (false, true) => "status-active",
        (false, false) => "status-unverified",
    };
    ctx.locale().t(id).into_owned()
}

fn person_id(raw: &str) -> Result<Uuid, AppError> {
    Uuid::parse_str(raw).map_err(|_| ServiceError::NotFound.into())
}

pub async fn person(
    ctx: PageCtx,
    Me(me): Me,
    Path(id): Path<String>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, AppError> {
    let id = person_id(&id)?;
    let p = people::get(&ctx.state.db, &me, id).await?;
    let l = ctx.locale();
    let t = |id: &str| l.t(id).into_owned();
    let s = &p.summary;
    let path = format!("/admin/people/{id}");
    let mut page = ReportPage::new(ctx.chrome_for(&path, "person-title").await?);
    page.back = Some(("/admin/people".to_owned(), t("people-title")));
    page.done = done_message(&ctx, q.done.as_deref());
    page.csrf = me.csrf.clone();
    page.rows = vec![
        SummaryRow::new(
            t("field-display-name"),
            s.display_name.clone().unwrap_or_default(),
        ),
        SummaryRow::new(t("field-email"), s.email.clone().unwrap_or_default()),
        SummaryRow::new(t("people-status"), status(&ctx, s.suspended, s.verified)),
        SummaryRow::new(
            t("account-roles"),
            ctx.locale().list(
                &std::iter::once(Role::Resident)
                    .chain(p.roles.iter().copied())
                    .map(|r| role_label(&ctx, r))
                    .collect::<Vec<_>>(),
            ),
        ),
        SummaryRow::new(t("data-created-at"), s.created_at.to_minute()),
        SummaryRow::new(t("audit-title"), "").change(
            &format!("/admin/audit?subject={id}"),
            t("person-audit-link"),
        ),
    ];
    // One button per role: grant what they lack, withdraw what they hold.
    for role in Role::ALL.into_iter().filter(|r| *r != Role::Resident) {
        let held = p.roles.contains(&role);
        let label = role_label(&ctx, role);
        let button = if held {
            l.t_args("role-remove", &[("role", label.as_str().into())])
        } else {
            l.t_args("role-grant", &[("role", label.as_str().into())])
        };
        page.actions.push(ActionForm {
            action: format!("{path}/roles"),
            hidden: vec![
                ("role", role.key().to_owned()),
                ("grant", (!held).to_string()),
            ],
            fields: vec![],
            button,
            danger: held,
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
            }),
            danger: !s.suspended,
        });
    }
    page.lead = vec![t("person-lead")];
    respond(StatusCode::OK, page, None)
}

#[derive(Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    grant: String,
}

fn boolean(raw: &str, field: &'static str) -> Result<bool, AppError> {
    match raw {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(cohesion_domain::ValidationError::new(
            field,
            cohesion_domain::ErrorCode::InvalidChoice,
        )
        .into()),
    }
}

pub async fn set_role(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(form): StrictForm<RoleForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let id = person_id(&id)?;
    let role = Role::from_key(&form.role).ok_or(AppError::from(
        cohesion_domain::ValidationError::new("role", cohesion_domain::ErrorCode::InvalidChoice),
    ))?;
    let grant = boolean(&form.grant, "grant")?;
    people::set_role(&ctx.state.db, &me, id, role, grant, Some(&client.0)).await?;
    Ok(see_other(&format!("/admin/people/{id}?done=role")))
}

#[derive(Deserialize)]
pub struct SuspensionForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    suspend: String,
}

pub async fn set_suspension(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(form): StrictForm<SuspensionForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let id = person_id(&id)?;
    let suspend = boolean(&form.suspend, "suspend")?;
    people::set_suspended(&ctx.state.db, &me, id, suspend, Some(&client.0)).await?;
    Ok(see_other(&format!("/admin/people/{id}?done=suspension")))
}

pub const AUDIT_PAGE: i64 = 50;

#[derive(Deserialize, Default)]
pub struct AuditFilter {
    action: Option<String>,
    actor: Option<String>,
    subject: Option<String>,
    before: Option<String>,
}

pub async fn audit_log(
    ctx: PageCtx,
    Me(me): Me,
    Query(q): Query<AuditFilter>,
) -> Result<Response, AppError> {
    let l = ctx.locale();
    let t = |id: &str| l.t(id).into_owned();
    let action = q.action.as_deref().map(str::trim).filter(|a| !a.is_empty());
    let query = AuditQuery {
        action,
        actor: parse_id(&q.actor, "actor")?,
        subject: parse_id(&q.subject, "subject")?,
        before: parse_id(&q.before, "before")?,
        limit: AUDIT_PAGE,
    };
    let entries = people::read_audit(&ctx.state.db, &me, query).await?;
    let mut page = ReportPage::new(ctx.chrome_for("/admin/audit", "audit-title").await?);
    page.back = Some(("/account".to_owned(), t("back")));
    page.lead = vec![t("audit-lead")];
    page.filter = Some(Filter {
        action: "/admin/audit".to_owned(),
        fields: vec![
            Field::new("action", "text", "off", t("audit-action"))
                .hint(t("audit-action-hint"))
                .value(action.unwrap_or_default())
                .errors_from(&[]),
            Field::new("actor", "text", "off", t("audit-actor"))
                .value(q.actor.as_deref().unwrap_or_default())
                .errors_from(&[]),
            Field::new("subject", "text", "off", t("audit-subject"))
                .value(q.subject.as_deref().unwrap_or_default())
                .errors_from(&[]),
        ],
        button: t("filter"),
    });
    let id_cell = |id: Option<Uuid>| match id {
        Some(id) => Cell::link(id.to_string(), format!("/admin/people/{id}")),
        None => Cell::from(""),
    };
    page.next = (entries.len() as i64 == AUDIT_PAGE).then(|| {
        let last = entries.last().map(|e| e.id.to_string()).unwrap_or_default();
        let qs = serde_urlencoded::to_string([
            ("action", action.unwrap_or_default()),
            ("actor", q.actor.as_deref().unwrap_or_default()),
            ("subject", q.subject.as_deref().unwrap_or_default()),
            ("before", &last),
        ])
        .unwrap_or_default();
        format!("/admin/audit?{qs}")
    });
    page.tables = vec![Table {
        caption: t("audit-entries"),
        head: vec![
            t("data-when"),
            t("audit-action"),
            t("audit-actor"),
            t("audit-subject"),
            t("audit-detail"),
            t("audit-client"),
        ],
        rows: entries
            .into_iter()
            .map(|e| {
                vec![
                    Cell::from(e.at.to_minute()),
                    e.action.into(),
                    id_cell(e.actor_id),
                    id_cell(e.subject_id),
                    e.detail.into(),
                    e.client.unwrap_or_default().into(),
                ]
            })
            .collect(),
        empty: t("audit-none"),
    }];
    respond(StatusCode::OK, page, None)
}

#[derive(Deserialize, Default)]
pub struct OutboxQuery {
    before: Option<String>,
}

pub const OUTBOX_PAGE: i64 = 20;

/// The email the platform wrote, so that a site without a mail server
/// still works: administrators can read (and pass on) every message.
pub async fn outbox_page(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Query(q): Query<OutboxQuery>,
) -> Result<Response, AppError> {
    let l = ctx.locale();
    let t = |id: &str| l.t(id).into_owned();
    let before = parse_id(&q.before, "before")?;
    let mail = cohesion_services::accounts::people::read_outbox(
        &ctx.state.db,
        &me,
        before,
        OUTBOX_PAGE,
        Some(&client.0),
    )
    .await?;
    let show_bodies = !ctx.state.config.mail_configured;
    let mut page = ReportPage::new(ctx.chrome_for("/admin/outbox", "outbox-title").await?);
    page.back = Some(("/account".to_owned(), t("back")));
    page.lead = vec![t(if show_bodies {
        "outbox-lead"
    } else {
        "outbox-lead-smtp"
    })];
    page.next = (mail.len() as i64 == OUTBOX_PAGE)
        .then(|| {
            mail.last()
                .map(|m| format!("/admin/outbox?before={}", m.id))
        })
        .flatten();
    page.tables = vec![Table {
        caption: t("outbox-messages"),
        head: vec![
            t("data-when"),
            t("outbox-to"),
            t("data-subject"),
            t("outbox-body"),
            t("data-sent"),
        ],
        rows: mail
            .into_iter()
            .map(|m| {
                vec![
                    Cell::from(m.created_at.to_minute()),
                    m.to_address.into(),
                    m.subject.into(),
                    if show_bodies { m.body } else { String::new() }.into(),
                    t(match (m.sent_at, m.given_up_at) {
                        (Some(_), _) => "outbox-sent",
                        (None, Some(_)) => "outbox-given-up",
                        (None, None) => "outbox-waiting",
                    })
                    .into(),
                ]
            })
            .collect(),
        empty: t("outbox-none"),
    }];
    respond(StatusCode::OK, page, None)
}
