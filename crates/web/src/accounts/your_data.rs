//! "Your data": everything the platform holds about the person, as a
//! page and as a JSON download. Thin handlers over
//! `services::accounts::your_data`.

use std::collections::HashMap;

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use cohesion_domain::identity::Role;
use cohesion_domain::timestamp::Timestamp;
use cohesion_services::accounts::your_data::{self, Access, ActivityData, EmailData, YourData};
use cohesion_services::discussions::reading;
use cohesion_ui::{Cell, Phrase, ReportPage, Shown, SummaryRow, Table, Value, When};
use uuid::Uuid;

use super::roles_in_words;
use crate::kit::{respond, AppError, ClientKey, Me, PageCtx};

/// The person's data as a readable page.
pub async fn data_page(ctx: PageCtx, Me(me): Me, client: ClientKey) -> Result<Response, AppError> {
    let data = your_data::export(&ctx.state.db, &me, Some(&client.0), Access::Viewed).await?;
    let page = data_report(&ctx, &data).await?;
    respond(StatusCode::OK, page, None)
}

async fn data_report<'a>(ctx: &'a PageCtx, d: &YourData) -> Result<ReportPage<'a>, AppError> {
    let mut page = ReportPage::new(ctx.chrome_for("/account/data", "data-title").await?);
    page.back = Some(("/account".to_owned(), ctx.t("back")));
    page.lead = vec![ctx.t("data-lead").into()];
    page.rows = account_rows(ctx, d);
    let titles: Vec<_> = d
        .responses
        .iter()
        .map(|r| (r.consultation_id, r.consultation.clone()))
        .collect();
    let titles = crate::consultations::yours::titles_in_language(ctx, &titles).await?;
    // The activity names the consultation answers were sent to by the
    // same title as the list of responses.
    let consultations: HashMap<Uuid, Shown> = d
        .responses
        .iter()
        .map(|r| r.consultation_id)
        .zip(titles.iter().cloned())
        .collect();
    page.tables = vec![
        sessions_table(ctx, d),
        organisations_table(ctx, d),
        responses_table(ctx, d, titles),
        super::your_votes::comments_table(ctx, d, &when_cell),
        reactions_table(ctx, d),
        super::your_votes::sanctions_table(ctx, d, &when_cell),
        super::your_votes::appeals_table(ctx, d, &when_cell),
        super::your_votes::statements_table(ctx, d, &when_cell),
        super::your_votes::votes_table(ctx, d, &when_cell),
    ];
    // The discussions named, as their lists name them: only those the
    // notifications and follows refer to.
    let mut ids: Vec<Uuid> = d.notifications.iter().map(|n| n.discussion_id).collect();
    ids.extend(d.following.iter().copied());
    ids.sort_unstable();
    ids.dedup();
    let discussions: HashMap<Uuid, String> =
        reading::titles_of(&ctx.state.db, ctx.locale().tag(), &ids)
            .await?
            .into_iter()
            .collect();
    page.tables.extend(super::your_votes::notification_tables(
        ctx,
        d,
        &when_cell,
        &discussions,
    ));
    page.tables.push(emails_table(ctx, d));
    page.tables.push(activity_table(ctx, d, &consultations));
    Ok(page)
}

/// A date the export holds in RFC 3339, as people read it; anything else
/// as it is.
fn when(ctx: &PageCtx, rfc3339: &str) -> Result<When, String> {
    Timestamp::parse_rfc3339(rfc3339)
        .map(|at| ctx.dates().at(at))
        .ok_or_else(|| rfc3339.to_owned())
}

fn when_row(ctx: &PageCtx, label: &str, at: Option<&str>) -> SummaryRow {
    match at.map(|at| when(ctx, at)) {
        Some(Ok(w)) => SummaryRow::when(ctx.t(label), w),
        Some(Err(text)) => SummaryRow::new(ctx.t(label), text),
        None => SummaryRow::new(ctx.t(label), ctx.t("none")),
    }
}

fn when_cell(ctx: &PageCtx, at: &str) -> Cell {
    when(ctx, at).map_or_else(Cell::from, Cell::when)
}

/// The account itself: its id, address, name, language, dates and roles,
/// and when this was gathered.
fn account_rows(ctx: &PageCtx, d: &YourData) -> Vec<SummaryRow> {
    let t = |id: &str| ctx.t(id);
    let none = || t("none");
    let a = &d.account;
    vec![
        when_row(ctx, "data-as-of", Some(&d.generated_at)),
        SummaryRow::new(t("data-account-id"), a.id.to_string()),
        SummaryRow::new(t("field-email"), a.email.clone().unwrap_or_else(none)),
        SummaryRow::new(
            t("field-display-name"),
            a.display_name.clone().unwrap_or_else(none),
        ),
        language_row(ctx, a.language.as_deref()),
        when_row(ctx, "data-verified-at", a.email_verified_at.as_deref()),
        when_row(ctx, "data-created-at", Some(&a.created_at)),
        SummaryRow::new(t("account-roles"), roles_in_words(ctx, d.roles.clone())),
    ]
}

/// The language the person chose, named in the reader's language
/// ("الإنجليزية" on an Arabic page), as every sentence of the site names
/// one; a tag the site no longer offers, as it is.
fn language_row(ctx: &PageCtx, tag: Option<&str>) -> SummaryRow {
    let label = ctx.t("account-language");
    match tag {
        None => SummaryRow::new(label, ctx.t("none")),
        Some(tag) => match ctx.state.catalog.get(tag) {
            Some(l) => SummaryRow::written_value(label, ctx.language_shown(l.tag())),
            None => SummaryRow::new(label, Phrase::isolated(tag)),
        },
    }
}

/// The person's sessions.
fn sessions_table(ctx: &PageCtx, d: &YourData) -> Table {
    Table {
        caption: ctx.t("account-sessions").into(),
        head: vec![
            ctx.t("session-started").into(),
            ctx.t("session-last-seen").into(),
            ctx.t("session-device").into(),
        ],
        rows: d
            .sessions
            .iter()
            .map(|s| {
                vec![
                    when_cell(ctx, &s.started_at),
                    when_cell(ctx, &s.last_seen_at),
                    // Said as the account page says it ("Chrome, Linux"),
                    // not the raw identification string (which the JSON
                    // download keeps), isolated as a placed value.
                    s.device.as_deref().map_or_else(
                        || ctx.t("none").into(),
                        |ua| Phrase::isolated(&super::profile::device(Some(ua))).into(),
                    ),
                ]
            })
            .collect(),
        empty: ctx.t("none"),
    }
}

/// The organisations the person belongs to.
fn organisations_table(ctx: &PageCtx, d: &YourData) -> Table {
    Table {
        caption: ctx.t("account-organisations").into(),
        head: vec![
            ctx.t("organisation-name").into(),
            ctx.t("organisation-owner").into(),
        ],
        rows: d
            .organisations
            .iter()
            .map(|o| {
                vec![
                    Cell::from(o.name.clone()),
                    ctx.t(if o.owner { "yes" } else { "no" }).into(),
                ]
            })
            .collect(),
        empty: ctx.t("account-no-organisations"),
    }
}

/// The person's survey responses, each linking to its consultation
/// and, once sent, to the answers, whose title is in the page's language where translated (`titles`,
/// one per response).
fn responses_table(ctx: &PageCtx, d: &YourData, titles: Vec<Shown>) -> Table {
    Table {
        caption: ctx.t("data-responses").into(),
        head: vec![
            ctx.t("data-consultation").into(),
            ctx.t("export-reference").into(),
            ctx.t("data-submitted").into(),
        ],
        rows: d
            .responses
            .iter()
            .zip(titles)
            .map(|(r, title)| {
                vec![
                    Cell::link(title, format!("/consultations/{}", r.consultation_id)),
                    // A sent response's reference leads to its answers,
                    // read back as questions and answers.
                    match (&r.submitted_at, r.removed) {
                        (Some(_), false) => Cell::link(
                            r.reference.clone(),
                            format!("/consultations/{}/respond/answers", r.consultation_id),
                        ),
                        _ => r.reference.clone().into(),
                    },
                    r.submitted_at.as_deref().map_or_else(
                        || ctx.t("data-not-submitted").into(),
                        |at| when_cell(ctx, at),
                    ),
                ]
            })
            .collect(),
        empty: ctx.t("none"),
    }
}

/// The person's agreements with and reports of others' comments.
fn reactions_table(ctx: &PageCtx, d: &YourData) -> Table {
    Table {
        caption: ctx.t("data-reactions").into(),
        head: vec![ctx.t("data-when").into(), ctx.t("data-reaction").into()],
        rows: d
            .reactions
            .iter()
            .map(|r| {
                let what: Phrase = match r.reason.as_deref() {
                    Some(reason) if r.what == "reported" => {
                        let id = format!("report-reason-{reason}");
                        let reason = match ctx.locale().message_ids().contains(&id) {
                            true => ctx.t(&id),
                            false => reason.to_owned(),
                        };
                        ctx.phrase("reaction-reported", &[("reason", Value::Text(&reason))])
                    }
                    _ if r.what == "reported" => {
                        ctx.phrase("reaction-reported", &[("reason", Value::Text(""))])
                    }
                    _ => ctx.t("reaction-agreed").into(),
                };
                vec![when_cell(ctx, &r.at), what.into()]
            })
            .collect(),
        empty: ctx.t("none"),
    }
}

/// The emails the outbox still keeps, each with where it stands.
fn emails_table(ctx: &PageCtx, d: &YourData) -> Table {
    Table {
        caption: ctx.t("data-emails").into(),
        head: vec![
            ctx.t("data-when").into(),
            ctx.t("data-subject").into(),
            ctx.t("data-email-status").into(),
        ],
        rows: d
            .emails
            .iter()
            .map(|m| {
                vec![
                    when_cell(ctx, &m.created_at),
                    // Written in the language it was sent in, which
                    // the outbox does not record: isolated.
                    Phrase::isolated(&m.subject).into(),
                    ctx.t(email_status(ctx, m)).into(),
                ]
            })
            .collect(),
        empty: ctx.t("none"),
    }
}

/// Where an email stands, in words that are true of this site: without
/// a mail server, unsent mail stays in the outbox for administrators and
/// is not "waiting" for anything.
fn email_status(ctx: &PageCtx, m: &EmailData) -> &'static str {
    match (m.sent, m.given_up) {
        (true, _) => "data-email-sent",
        (false, true) => "data-email-given-up",
        (false, false) if ctx.state.config.mail_configured => "data-email-waiting",
        (false, false) => "data-email-no-server",
    }
}

/// What the audit log records of the person and their account.
fn activity_table(ctx: &PageCtx, d: &YourData, consultations: &HashMap<Uuid, Shown>) -> Table {
    Table {
        caption: ctx.t("data-activity").into(),
        head: vec![
            ctx.t("data-when").into(),
            ctx.t("audit-action").into(),
            ctx.t("audit-detail").into(),
            ctx.t("audit-client").into(),
        ],
        rows: d
            .activity
            .iter()
            .map(|e| {
                vec![
                    when_cell(ctx, &e.at),
                    activity_name(ctx, e, consultations).into(),
                    activity_detail(ctx, e).into(),
                    e.from.clone().unwrap_or_default().into(),
                ]
            })
            .collect(),
        empty: ctx.t("none"),
    }
}

/// What an audit entry records, as a sentence from the person's side
/// ("You downloaded your data"); answers sent or copied name their
/// consultation ("You sent your answers to “…”") by its title in
/// `consultations`; an action without a sentence, by its code.
fn activity_name(ctx: &PageCtx, e: &ActivityData, consultations: &HashMap<Uuid, Shown>) -> Phrase {
    let id = activity_message(&e.action);
    let l = ctx.locale();
    if !l.message_ids().contains(&id) {
        return e.action.clone().into();
    }
    if let Some(title) = e.consultation_id.and_then(|c| consultations.get(&c)) {
        return ctx.phrase(&format!("{id}-to"), &[("title", Value::Shown(title))]);
    }
    l.t_text(&id, "who", if e.by_you { "you" } else { "other" })
        .into()
}

/// The details the services write in fixed words for what people do
/// with their own accounts (and what staff do to them), with the message
/// saying each in the reader's language: by action and detail, so that
/// words a service changes fall back to what is written, not to a wrong
/// translation. A test holds each pair to the services' source.
const FIXED_DETAILS: &[(&str, &str, &str)] = &[
    ("account.create", "signed up", "activity-detail-signed-up"),
    ("account.sign_in", "signed in", "activity-detail-signed-in"),
    (
        "account.verify_email",
        "email address verified",
        "activity-detail-email-verified",
    ),
    (
        "account.password_change",
        "password changed",
        "activity-detail-password-changed",
    ),
    (
        "account.email_change_requested",
        "email change requested",
        "activity-detail-email-change-requested",
    ),
    (
        "account.email_change",
        "email address changed",
        "activity-detail-email-changed",
    ),
    (
        "account.export",
        "data viewed",
        "activity-detail-data-viewed",
    ),
    (
        "account.export",
        "data downloaded",
        "activity-detail-data-downloaded",
    ),
    (
        "account.reset_requested",
        "password reset link sent",
        "activity-detail-reset-link-sent",
    ),
    (
        "account.password_reset",
        "password reset",
        "activity-detail-password-reset",
    ),
    (
        "account.rename",
        "display name changed",
        "activity-detail-name-changed",
    ),
    (
        "account.sign_out_everywhere",
        "every session ended",
        "activity-detail-sessions-ended",
    ),
    ("organisation.join", "joined", "activity-detail-joined"),
    ("account.suspend", "suspended", "activity-detail-suspended"),
    (
        "account.reinstate",
        "reinstated",
        "activity-detail-reinstated",
    ),
    (
        "response.submit",
        "answers sent",
        "activity-detail-answers-sent",
    ),
    (
        "response.submit",
        "answers changed",
        "activity-detail-answers-changed",
    ),
    (
        "response.copy",
        "copy asked for by email",
        "activity-detail-copy-asked",
    ),
];

/// An audit entry's detail in the reader's language. Fixed words have
/// their message; a role, a session's or an invitation's number are
/// placed in one; an organisation's name is shown as registered. Other
/// details (the staff's work, counts and ids of questions and runs) are
/// written in English for the people who keep the site (ADR 7), and
/// shown so, marked English.
fn activity_detail(ctx: &PageCtx, e: &ActivityData) -> Phrase {
    detail_in_words(ctx, &e.action, &e.detail)
}

/// An audit entry's `detail` of `action` in the reader's language, as
/// [`activity_detail`] explains (the administrators' log says them so too).
pub(crate) fn detail_in_words(ctx: &PageCtx, action: &str, detail: &str) -> Phrase {
    let fixed = FIXED_DETAILS
        .iter()
        .find(|(a, words, _)| *a == action && *words == detail);
    if let Some((_, _, id)) = fixed {
        return ctx.t(id).into();
    }
    let number = |id: &str, name: &str, raw: &str| {
        Uuid::parse_str(raw)
            .ok()
            .map(|n| ctx.phrase(id, &[(name, Value::Text(&n.to_string()))]))
    };
    let translated = match action {
        "role.grant" | "role.revoke" => Role::from_key(detail).map(|role| {
            let name = ctx.t(&format!("role-{}", role.key()));
            ctx.phrase("activity-detail-role", &[("role", Value::Text(&name))])
        }),
        "account.end_session" => number("activity-detail-session", "session", detail),
        "organisation.invite" => detail
            .strip_prefix("invitation ")
            .and_then(|n| number("activity-detail-invitation", "invitation", n)),
        // The name as the organisation gave it, in whatever language.
        "organisation.register" => Some(Phrase::isolated(detail)),
        _ => None,
    };
    translated.unwrap_or_else(|| Shown::new(detail, "en").into())
}

/// The message naming an audit action: `role.grant` is `activity-role-grant`.
fn activity_message(action: &str) -> String {
    format!("activity-{}", action.replace(['.', '_'], "-"))
}

/// The same data as a JSON download.
pub async fn data_json(ctx: PageCtx, Me(me): Me, client: ClientKey) -> Result<Response, AppError> {
    let data = your_data::export(&ctx.state.db, &me, Some(&client.0), Access::Downloaded).await?;
    let body = serde_json::to_vec_pretty(&data).map_err(|_| AppError::internal())?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"cohesion-your-data.json\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response())
}

#[cfg(test)]
pub(crate) mod tests {
    use std::path::Path;

    /// Every action the services write to the audit log has a sentence
    /// for "your data" (and so, by the i18n test, one in every language).
    #[test]
    fn every_audit_action_has_a_plain_language_name() {
        let catalog = cohesion_i18n::Catalog::load().unwrap();
        let known = catalog.default_locale().message_ids();
        let actions = audit_actions();
        let missing: Vec<_> = actions
            .iter()
            .filter(|a| !known.contains(&super::activity_message(a)))
            .collect();
        assert!(missing.is_empty(), "no activity- message for {missing:?}");
    }

    /// Every action the services write to the audit log, read from their
    /// source: the literals that look like one ("role.grant").
    pub(crate) fn audit_actions() -> std::collections::BTreeSet<String> {
        let services = Path::new(env!("CARGO_MANIFEST_DIR")).join("../services/src");
        let mut actions = std::collections::BTreeSet::new();
        for text in sources(&services) {
            // Actions are literals such as "role.grant": lower case words
            // joined by dots, nothing else. The erasure hooks name columns
            // the same way ("sessions.user_id") inside `Names::kept(..)`,
            // `Names::erased(..)` and `Names::chosen(..)`; those are not actions.
            let parts: Vec<&str> = text.split('"').collect();
            for pair in parts.chunks(2).filter(|p| p.len() == 2) {
                let (before, literal) = (pair[0], pair[1]);
                let names_a_column = ["kept(", "erased(", "chosen("]
                    .iter()
                    .any(|call| before.ends_with(call));
                let is_action = !names_a_column
                    && literal.contains('.')
                    && literal.split('.').all(|w| {
                        !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                    });
                if is_action {
                    actions.insert(literal.to_owned());
                }
            }
        }
        assert!(
            actions.contains("account.export") && actions.len() > 30,
            "{actions:?}"
        );
        actions
    }

    /// Answers sent or copied are named with their consultation's title:
    /// each such action has a sentence that places it.
    #[test]
    fn actions_on_answers_name_their_consultation() {
        let catalog = cohesion_i18n::Catalog::load().unwrap();
        let known = catalog.default_locale().message_ids();
        for action in cohesion_services::accounts::your_data::RESPONSE_ACTIONS {
            let id = format!("{}-to", super::activity_message(action));
            assert!(known.contains(&id), "{id}");
        }
    }

    /// Each detail translated from fixed words is still written, in
    /// those words, by the services (beside its action), and has its
    /// message.
    #[test]
    fn fixed_details_are_the_services_own_words() {
        let catalog = cohesion_i18n::Catalog::load().unwrap();
        let known = catalog.default_locale().message_ids();
        let services = Path::new(env!("CARGO_MANIFEST_DIR")).join("../services/src");
        let sources = sources(&services);
        for (action, words, id) in super::FIXED_DETAILS {
            let written = sources.iter().any(|text| {
                text.contains(&format!("\"{action}\"")) && text.contains(&format!("\"{words}\""))
            });
            assert!(written, "{action} with \"{words}\" in the services");
            assert!(known.contains(*id), "{id}");
        }
    }

    fn sources(dir: &Path) -> Vec<String> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                out.extend(sources(&path));
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push(std::fs::read_to_string(path).unwrap());
            }
        }
        out
    }
}
