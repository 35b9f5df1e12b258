//! The audit log, filtered and a page at a time.

use std::collections::HashMap;

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_services::accounts::people;
use cohesion_services::accounts::people::{AuditEntry, AuditNames, AuditQuery, UserQuery};
use cohesion_services::accounts::SignedIn;
use cohesion_ui::{Cell, Field, FieldError, Filter, Phrase, ReportPage, Shown, Table};
use serde::Deserialize;
use uuid::Uuid;

use super::parse_id;
use crate::accounts::your_data::detail_in_words;
use crate::consultations::yours::titles_in_language;
use crate::kit::{respond, AppError, Me, PageCtx};

/// Entries per page of the audit log, on the page and in the API.
pub(crate) const AUDIT_PAGE: i64 = 50;

/// The actions the log can be filtered by, offered in plain words: every
/// action the services write but respondents' own (left out of this log,
/// ADR 7). A test checks it against the services' source, so a new
/// action is not left out of the list.
const ACTIONS: &[&str] = &[
    "account.create",
    "account.delete",
    "account.email_change",
    "account.email_change_requested",
    "account.end_session",
    "account.export",
    "account.password_change",
    "account.password_reset",
    "account.reinstate",
    "account.rename",
    "account.reset_requested",
    "account.sign_in",
    "account.sign_out_everywhere",
    "account.suspend",
    "account.verify_email",
    "area.add",
    "area.rename",
    "area.retire",
    "community_message.create",
    "community_message.send",
    "community_message.translate",
    "community_message.update",
    "community_subscription.confirm",
    "community_subscription.unsubscribe",
    "consultation.create",
    "consultation.publish",
    "consultation.results.publish",
    "consultation.results.withdraw",
    "consultation.stages",
    "consultation.survey",
    "consultation.translate",
    "consultation.unpublish",
    "consultation.update",
    "consultation.wording",
    "discussion.close",
    "discussion.create",
    "discussion.import",
    "discussion.publish",
    "discussion.statement_seed",
    "discussion.statements_stage",
    "discussion.translate",
    "discussion.unpublish",
    "discussion.update",
    "discussion.votes_export",
    "finding.add",
    "finding.publish",
    "finding.remove",
    "finding.what_we_did",
    "finding.withdraw",
    "help.exit_change",
    "help.route_edit",
    "help.service_retire",
    "help.service_save",
    "moderation.appeal",
    "moderation.appeal_overturned",
    "moderation.appeal_upheld",
    "moderation.approve",
    "moderation.escalate",
    "moderation.hide",
    "moderation.outside_action",
    "moderation.redact",
    "moderation.restore",
    "moderation.statement_approve",
    "moderation.statement_hide",
    "moderation.suspend",
    "moderation.warn",
    "moderation.word_add",
    "moderation.word_remove",
    "organisation.invite",
    "organisation.join",
    "organisation.register",
    "outbox.view",
    "responses.export",
    "role.grant",
    "role.revoke",
    "special_category.export",
    "special_category.view",
    "tension_counts.export",
    "tension_report.read",
    "tension_reports.delete_texts",
    "tension_settings.save",
    "themes.add",
    "themes.confirm",
    "themes.delete",
    "themes.map",
    "themes.merge",
    "themes.rename",
    "themes.review",
    "themes.run",
    "themes.split",
];

/// How many people a name or address is looked up among: enough to find
/// the one whose address it is exactly, few enough to stay one small
/// query.
const LOOKUP: i64 = 10;

/// Who the "By" or "On" filter names: anyone, one account (by its number,
/// as links from a person's page give it, or found by name or address),
/// or nobody / more than one person, which the page says.
enum Who {
    Any,
    One(Uuid),
    Nobody,
    Several,
}

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
    let before = parse_id(&q.before, "before")?;
    let actor = who(&ctx, &me, q.actor.as_deref()).await?;
    let subject = who(&ctx, &me, q.subject.as_deref()).await?;
    let mut errors = Vec::new();
    for (field, w) in [("actor", &actor), ("subject", &subject)] {
        let message = match w {
            Who::Nobody => t("audit-nobody"),
            Who::Several => t("audit-several"),
            _ => continue,
        };
        errors.push(FieldError { field, message });
    }
    let entries = match (&actor, &subject) {
        (Who::Nobody | Who::Several, _) | (_, Who::Nobody | Who::Several) => Vec::new(),
        _ => {
            let id = |w: &Who| match w {
                Who::One(id) => Some(*id),
                _ => None,
            };
            let query = AuditQuery {
                action,
                actor: id(&actor),
                subject: id(&subject),
                before,
                limit: AUDIT_PAGE,
            };
            people::read_audit(&ctx.state.db, &me, query).await?
        }
    };
    let mut page = ReportPage::new(ctx.chrome_for("/admin/audit", "audit-title").await?);
    // Administration is reached from Manage, not from the account.
    page.back = Some(("/manage".to_owned(), t("back")));
    page.lead = vec![t("audit-lead").into()];
    page.filter = Some(Filter {
        action: "/admin/audit".to_owned(),
        fields: vec![
            Field::choice(
                "action",
                "select",
                t("audit-action"),
                action_choices(&ctx, action),
            )
            .value(action.unwrap_or_default())
            .errors_from(&[]),
            Field::new("actor", "search", "off", t("audit-actor"))
                .value(q.actor.as_deref().unwrap_or_default())
                .errors_from(&errors),
            Field::new("subject", "search", "off", t("audit-subject"))
                .value(q.subject.as_deref().unwrap_or_default())
                .errors_from(&errors),
        ],
        button: t("filter"),
    });
    page.errors = errors;
    let names = people::audit_names(&ctx.state.db, &me, &entries).await?;
    let titles = consultation_titles(&ctx, &names).await?;
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
        caption: t("audit-entries").into(),
        head: vec![
            t("data-when").into(),
            t("audit-by").into(),
            t("audit-action").into(),
            t("audit-on").into(),
            t("audit-detail").into(),
            t("audit-client").into(),
        ],
        rows: entries
            .iter()
            .map(|e| {
                vec![
                    Cell::when(ctx.dates().at(e.at)),
                    actor_cell(&ctx, &names, e.actor_id),
                    action_name(&ctx, &e.action).into(),
                    subject_cell(&ctx, &names, &titles, e.subject_id),
                    detail(&ctx, e).into(),
                    e.client.clone().unwrap_or_default().into(),
                ]
            })
            .collect(),
        empty: t("audit-none"),
    }];
    respond(StatusCode::OK, page, None)
}

/// The titles of the consultations the page names, in the page's
/// language where translated (one query for them all).
async fn consultation_titles(
    ctx: &PageCtx,
    names: &AuditNames,
) -> Result<HashMap<Uuid, Shown>, AppError> {
    let written: Vec<(Uuid, String)> = names
        .consultations
        .iter()
        .map(|(id, title)| (*id, title.clone()))
        .collect();
    let shown = titles_in_language(ctx, &written).await?;
    Ok(written.into_iter().map(|(id, _)| id).zip(shown).collect())
}

/// The actions to filter by, in plain words in the page's language and
/// sorted by them, after "Any action"; one asked for by a link but not in
/// the list (a respondent's, which the log leaves out) by its code, so
/// the list still says what is asked.
fn action_choices(ctx: &PageCtx, chosen: Option<&str>) -> Vec<(String, String)> {
    let mut named: Vec<(String, String)> = ACTIONS
        .iter()
        .map(|a| ((*a).to_owned(), action_name(ctx, a).unmarked()))
        .collect();
    if let Some(c) = chosen.filter(|c| !ACTIONS.contains(c)) {
        named.push((c.to_owned(), c.to_owned()));
    }
    named.sort_by(|a, b| a.1.cmp(&b.1));
    let mut choices = vec![(String::new(), ctx.t("audit-any-action"))];
    choices.extend(named);
    choices
}

/// The person a filter names: an account number as given, or a name or
/// email address looked up (one bounded query); an address matching
/// exactly wins over names that contain it.
async fn who(ctx: &PageCtx, me: &SignedIn, value: Option<&str>) -> Result<Who, AppError> {
    let Some(text) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(Who::Any);
    };
    if let Ok(id) = Uuid::parse_str(text) {
        return Ok(Who::One(id));
    }
    let query = UserQuery {
        text,
        role: None,
        after: None,
        limit: LOOKUP,
    };
    let found = people::find(&ctx.state.db, me, query).await?;
    let exact = |p: &&people::Person| {
        p.email
            .as_deref()
            .is_some_and(|e| e.eq_ignore_ascii_case(text))
            || p.display_name.as_deref().is_some_and(|n| n.trim() == text)
    };
    Ok(match found.as_slice() {
        [] => Who::Nobody,
        [one] => Who::One(one.id),
        many => match many.iter().filter(exact).collect::<Vec<_>>().as_slice() {
            [one] => Who::One(one.id),
            _ => Who::Several,
        },
    })
}

/// A person the log names, by name and linking to their page; an
/// account deleted since (or never named), said so.
fn person_cell(ctx: &PageCtx, names: &AuditNames, id: Uuid) -> Option<Cell> {
    let account = names.people.get(&id)?;
    Some(match (&account.name, account.deleted) {
        (Some(name), false) => Cell::link(Phrase::isolated(name), format!("/admin/people/{id}")),
        (None, false) => Cell::link(ctx.t("audit-unnamed"), format!("/admin/people/{id}")),
        (_, true) => ctx.t("audit-deleted-account").into(),
    })
}

/// Who did it: a person, or the system itself (the demonstration loader,
/// scheduled work), which acts as no one.
fn actor_cell(ctx: &PageCtx, names: &AuditNames, actor: Option<Uuid>) -> Cell {
    match actor {
        None => ctx.t("audit-system").into(),
        Some(id) => {
            person_cell(ctx, names, id).unwrap_or_else(|| ctx.t("audit-deleted-account").into())
        }
    }
}

/// What it was done to: a person, or a consultation by its title linking
/// to its officers' page; anything else (an organisation) is named in
/// the detail.
fn subject_cell(
    ctx: &PageCtx,
    names: &AuditNames,
    titles: &HashMap<Uuid, Shown>,
    subject: Option<Uuid>,
) -> Cell {
    let Some(id) = subject else {
        return Cell::from("");
    };
    if let Some(cell) = person_cell(ctx, names, id) {
        return cell;
    }
    match titles.get(&id) {
        Some(title) => Cell::link(title, format!("/staff/consultations/{id}")),
        None => Cell::from(""),
    }
}

/// An action in plain words: the staff's work on consultations as their
/// History says it ("Published the consultation"), the rest as this log
/// says it ("Gave a role"); one without words, by its code.
fn action_name(ctx: &PageCtx, action: &str) -> Phrase {
    let key = action.replace(['.', '_'], "-");
    let l = ctx.locale();
    let known = l.message_ids();
    [format!("audit-do-{key}"), format!("history-{key}")]
        .into_iter()
        .find(|id| known.contains(id))
        .map_or_else(|| Phrase::isolated(action), |id| ctx.t(&id).into())
}

/// The detail without what only the database knows: fixed words, roles
/// and names as "Your data" says them; a survey's or a consultation's
/// changes (kept as data, shown before and after in the consultation's
/// History) not at all; and ids taken out of the staff's notes
/// ("question q7 run …: 12 answers" reads "question q7: 12 answers").
fn detail(ctx: &PageCtx, e: &AuditEntry) -> Phrase {
    let detail = e.detail.trim();
    // The consultation's title is its subject already.
    if detail.starts_with(['{', '[']) || e.action == "consultation.create" {
        return Phrase::from("");
    }
    let cleaned = without_ids(detail);
    if cleaned.is_empty() {
        return Phrase::from("");
    }
    detail_in_words(ctx, &e.action, &cleaned)
}

/// `text` with each id taken out, and the word "run" that names one with
/// it; brackets left empty go too.
fn without_ids(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let core = word.trim_matches(|c: char| !c.is_ascii_alphanumeric());
        if core.len() < 32 || Uuid::parse_str(core).is_err() {
            out.push(word.to_owned());
            continue;
        }
        let at = word.find(core).unwrap_or(0);
        let (before, after) = (&word[..at], &word[at + core.len()..]);
        let mut opened = before.contains('(');
        if out
            .last()
            .is_some_and(|w| w.trim_start_matches('(') == "run")
        {
            opened |= out.pop().is_some_and(|w| w.starts_with('('));
        }
        let after = if opened {
            after.replacen(')', "", 1)
        } else {
            after.to_owned()
        };
        match out.last_mut() {
            Some(last) => last.push_str(&after),
            None if !after.trim().is_empty() => out.push(after),
            None => {}
        }
    }
    out.join(" ").trim_end_matches([':', ',', ' ']).to_owned()
}

#[cfg(test)]
mod tests {
    use super::without_ids;

    #[test]
    fn ids_leave_the_detail_readable() {
        let id = "0193a2b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b";
        assert_eq!(
            without_ids(&format!(
                "question q7 run {id}: 12 answers mapped to 4 themes"
            )),
            "question q7: 12 answers mapped to 4 themes"
        );
        assert_eq!(
            without_ids(&format!(
                "question q7 seed 3: 80 answers, 6 candidate themes (run {id})"
            )),
            "question q7 seed 3: 80 answers, 6 candidate themes"
        );
        assert_eq!(without_ids(id), "");
        assert_eq!(without_ids(&format!("invitation {id}")), "invitation");
        assert_eq!(without_ids("moderator"), "moderator");
    }

    /// The filter offers every action the services write but
    /// respondents' own.
    #[test]
    fn the_filter_offers_every_action() {
        let written: Vec<String> = crate::accounts::your_data::tests::audit_actions()
            .into_iter()
            .filter(|a| !a.starts_with(cohesion_services::audit::RESPONDENTS_ACTIONS))
            .collect();
        let offered: Vec<String> = super::ACTIONS.iter().map(|a| (*a).to_owned()).collect();
        assert_eq!(offered, written);
    }

    /// Every action the services write has words in this log: its own,
    /// or the consultation History's.
    #[test]
    fn every_action_has_words() {
        let catalog = cohesion_i18n::Catalog::load().unwrap();
        let known = catalog.default_locale().message_ids();
        let missing: Vec<String> = crate::accounts::your_data::tests::audit_actions()
            .into_iter()
            .filter(|a| !a.starts_with(cohesion_services::audit::RESPONDENTS_ACTIONS))
            .filter(|a| {
                let key = a.replace(['.', '_'], "-");
                !known.contains(&format!("audit-do-{key}"))
                    && !known.contains(&format!("history-{key}"))
            })
            .collect();
        assert!(missing.is_empty(), "no words for {missing:?}");
    }
}
