//! `GET/POST /moderation/comments/{id}`: one comment with what the queue
//! shows of it, its earlier versions and its decisions, and the forms
//! that decide on it (and on its appeal). A refused decision comes back
//! on the same page with what was wrong, and nothing changed.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::discussion::comment::State;
use cohesion_domain::discussion::decision::Decision;
use cohesion_domain::discussion::moderation::ReportReason;
use cohesion_domain::identity::Action;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::accounts::SignedIn;
use cohesion_services::discussions::{moderating, reading};
use cohesion_services::ServiceError;
use cohesion_ui::{
    ActionForm, Cell, Field, FieldError, Phrase, ReportPage, SummaryRow, Table, Value,
};
use serde::Deserialize;
use uuid::Uuid;

use super::{card, report_reason, with_filters, QueueFilters};
use crate::discussions::public::translated::translated;
use crate::discussions::public::wording::author_name;
use crate::kit::confirm::{self, Ask};
use crate::kit::{
    check_session_csrf, field_messages, path_id, respond, see_other, AppError, ClientKey, May,
    Moderate, PageCtx, StrictForm,
};

/// The decisions the form offers, in its order. The step outside the
/// platform has a form of its own, with its tick box and note.
const ACTIONS: [&str; 7] = [
    "approve", "hide", "restore", "redact", "warn", "suspend", "escalate",
];

#[derive(Deserialize, Default)]
pub(super) struct DecisionInput {
    #[serde(default)]
    csrf: String,
    /// A decision's code, or `uphold` / `overturn` for an appeal.
    #[serde(default)]
    action: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    words: String,
    #[serde(default)]
    days: String,
    #[serde(default)]
    note: String,
    /// The step outside the platform's tick box (`yes`) and note.
    #[serde(default)]
    done: String,
    #[serde(default)]
    outside_note: String,
    /// The note to the member with an appeal upheld or overturned (each
    /// button's form has its own box).
    #[serde(default)]
    uphold_note: String,
    #[serde(default)]
    overturn_note: String,
    /// `yes` from the question a suspension asks first.
    #[serde(default)]
    confirm: String,
}

pub(super) async fn show(
    ctx: PageCtx,
    May(me, _): May<Moderate>,
    Path(id): Path<String>,
    Query(from): Query<QueueFilters>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    page(
        &ctx,
        &me,
        id,
        &DecisionInput::default(),
        Vec::new(),
        StatusCode::OK,
        &from.query(),
    )
    .await
}

pub(super) async fn decide(
    ctx: PageCtx,
    May(me, _): May<Moderate>,
    client: ClientKey,
    Path(id): Path<String>,
    Query(from): Query<QueueFilters>,
    StrictForm(f): StrictForm<DecisionInput>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &f.csrf)?;
    let id = path_id(&id)?;
    let filters = from.query();
    let db = &ctx.state.db;
    let client = Some(client.0.as_str());
    let (outcome, appeal) = match f.action.trim() {
        "uphold" | "overturn" => {
            let uphold = f.action.trim() == "uphold";
            // Each button's form has its own box for the note to the
            // member; `note` is taken too, as the other decisions send it.
            let note = match uphold {
                true => &f.uphold_note,
                false => &f.overturn_note,
            };
            let note = if note.trim().is_empty() {
                &f.note
            } else {
                note
            };
            (
                moderating::decide_appeal(db, &me, id, uphold, note, client).await,
                true,
            )
        }
        "outside_action" => (
            moderating::record_outside_action(
                db,
                &me,
                id,
                f.done == "yes",
                &f.outside_note,
                client,
            )
            .await,
            false,
        ),
        action => match Decision::parse(action, &f.reason, &f.words, &f.days) {
            // Stopping someone commenting asks first (ADR 22), naming
            // whom and until when.
            Ok(Decision::Suspend(days)) if !confirm::confirmed(&f.confirm) => {
                return suspension_question(&ctx, &me, id, days, &f, &filters).await;
            }
            Ok(d) => (
                moderating::decide(db, &me, id, &d, &f.note, client).await,
                false,
            ),
            Err(e) => (Err(ServiceError::Invalid(e)), false),
        },
    };
    let (status, errors) = match outcome {
        // The queue says it was done, with the way back to this comment:
        // hiding and warning are separate decisions, so the next one is
        // a click away.
        // An appeal's banner says how it was decided, and nothing more:
        // there is no other decision to suggest once an appeal is done.
        Ok(()) if appeal => {
            let done = match f.action.trim() {
                "uphold" => "moderation-appeal-upheld",
                _ => "moderation-appeal-overturned",
            };
            return Ok(see_other(&with_filters(
                &format!("/moderation?done={done}"),
                &filters,
            )));
        }
        Ok(()) => {
            return Ok(see_other(&with_filters(
                &format!("/moderation?done=moderation-decided&comment={id}"),
                &filters,
            )))
        }
        Err(ServiceError::Invalid(e)) => (StatusCode::UNPROCESSABLE_ENTITY, vec![e]),
        Err(ServiceError::InvalidFields(list)) => (StatusCode::UNPROCESSABLE_ENTITY, list),
        Err(ServiceError::Conflict(e)) => (StatusCode::CONFLICT, vec![e]),
        Err(other) => return Err(other.into()),
    };
    let problems = problems(&ctx, &errors, appeal);
    page(&ctx, &me, id, &f, problems, status, &filters).await
}

/// What was wrong, in words about moderating.
fn problems(ctx: &PageCtx, errors: &[ValidationError], appeal: bool) -> Vec<FieldError> {
    let kit = field_messages(ctx, errors);
    errors
        .iter()
        .zip(kit)
        .map(|(e, said)| {
            let key = match (e.field, e.code) {
                ("action", ErrorCode::CannotTargetSelf) if appeal => "moderation-error-own-appeal",
                ("action", ErrorCode::CannotTargetSelf) => "moderation-error-own-comment",
                ("action", ErrorCode::InvalidChoice) => "moderation-error-action",
                ("reason", ErrorCode::InvalidChoice) => "moderation-error-reason",
                ("words", ErrorCode::FieldRequired) => "moderation-error-words-missing",
                ("words", ErrorCode::UnknownText) => "moderation-error-words-not-found",
                ("days", ErrorCode::OutOfRange) => "moderation-error-days",
                ("done", ErrorCode::ConfirmationRequired) => "moderation-error-outside-done",
                ("outside_note", ErrorCode::FieldRequired) => "moderation-error-outside-note",
                _ => return said,
            };
            FieldError {
                field: e.field,
                message: ctx.t(key),
            }
        })
        .collect()
}

/// The question a suspension asks before it is given: whose comments
/// stop, until when, and what they are told.
async fn suspension_question(
    ctx: &PageCtx,
    me: &SignedIn,
    id: Uuid,
    days: u32,
    f: &DecisionInput,
    filters: &str,
) -> Result<Response, AppError> {
    let entry = moderating::entry(&ctx.state.db, me, id).await?;
    let name = author_name(ctx, entry.comment.author_name.as_deref());
    let until = time::OffsetDateTime::now_utc() + time::Duration::days(i64::from(days));
    let until = ctx.dates().instant(until);
    let here = with_filters(&format!("/moderation/comments/{id}"), filters);
    let question = Ask {
        title: ctx.phrase(
            "moderation-suspend-ask-title",
            &[
                ("name", Value::Phrase(&name)),
                ("until", Value::When(&until)),
            ],
        ),
        lead: vec![ctx.t("moderation-suspend-ask-lead").into()],
        points: Vec::new(),
        after: Vec::new(),
        warning: None,
        hidden: vec![
            ("action", "suspend".to_owned()),
            ("days", days.to_string()),
            ("note", f.note.clone()),
        ],
        button: ctx.t("moderation-suspend-ask-button"),
        danger: true,
        cancel: here.clone(),
    };
    confirm::ask(ctx, &me.csrf, &here, question).await
}

async fn page(
    ctx: &PageCtx,
    me: &SignedIn,
    id: Uuid,
    sent: &DecisionInput,
    errors: Vec<FieldError>,
    status: StatusCode,
    filters: &str,
) -> Result<Response, AppError> {
    let db = &ctx.state.db;
    let mut entry = moderating::entry(db, me, id).await?;
    // Its discussion named in the page's language where translated, as
    // the queue names it.
    if let Ok(d) = reading::discussion(db, Some(me), entry.comment.discussion_id).await {
        let (d, _) = translated(ctx, d).await?;
        entry.item.discussion_title = d.title.as_str().to_owned();
    }
    let versions = moderating::versions(db, me, id).await?;
    let (decided, appeal) = moderating::history(db, me, id).await?;
    let path = format!("/moderation/comments/{id}");
    // The forms post to this page with the queue's filters, which the
    // way back keeps.
    let here = with_filters(&path, filters);
    let ui = match ctx.posted() {
        true => {
            ctx.chrome_switching_at(&path, "moderation-item-title")
                .await?
        }
        false => ctx.chrome_for(&path, "moderation-item-title").await?,
    };
    let mut view = ReportPage::new(ui.with_nav("moderation"));
    view.back = Some((
        with_filters("/moderation", filters),
        ctx.t("moderation-back"),
    ));
    view.csrf = me.csrf.clone();
    let mut c = card(ctx, &me.csrf, &entry, false);
    let open_appeal = appeal.as_ref().filter(|a| a.outcome.is_none());
    if let Some(a) = &appeal {
        c.rows.push(SummaryRow::new(
            ctx.t("moderation-row-appeal"),
            Phrase::isolated(&a.text),
        ));
    }
    // The comment first, then the forms: its card's rows as the page's
    // summary, its flags and any step outside the platform as the lead.
    view.lead.push(c.heading);
    if !c.flags.is_empty() {
        view.lead.push(Phrase::plain(c.flags.join(" · ")));
    }
    if let Some(o) = c.outside {
        view.lead.push(Phrase::plain(o.heading));
        view.lead.extend(o.text.into_iter().map(Phrase::plain));
        match o.recorded {
            Some(said) => view.lead.push(said),
            None => view.actions.push(outside_form(ctx, &here, sent, &errors)),
        }
    }
    view.rows = c.rows;
    let senior_only = entry.item.waiting && entry.item.escalated;
    if open_appeal.is_some() {
        // The appeal is what waits: it is decided as such (the service
        // refuses another decision meanwhile), so only its form shows.
    } else if senior_only && !me.roles.allows(Action::DecideEscalated) {
        // Escalated comments are a senior moderator's to decide (ADR 37):
        // others read them, and may still record a step outside.
        view.lead
            .push(ctx.t("moderation-escalated-senior-only").into());
    } else {
        let state = entry.comment.state;
        view.actions
            .push(decision_form(ctx, &here, state, sent, &errors));
    }
    let may_decide = open_appeal.is_some_and(|a| {
        moderating::may_decide(me, &entry.comment, a, decided.iter().map(|d| &d.record))
    });
    if open_appeal.is_some() && !may_decide {
        // The moderator who decided (or the author) is told who decides.
        view.lead.push(ctx.t("moderation-appeal-another").into());
    }
    if let (true, Some(a)) = (may_decide, open_appeal) {
        // One appeal covers every decision on the comment (hidden and
        // warned, say): the buttons say how many they uphold or overturn.
        let count = moderating::covered(a, decided.iter().map(|d| &d.record)).max(1) as u64;
        // Each with its own box for a note to the member, which they
        // read with the outcome.
        for (action, label, note, value, danger) in [
            (
                "uphold",
                "moderation-appeal-uphold",
                "uphold_note",
                &sent.uphold_note,
                false,
            ),
            (
                "overturn",
                "moderation-appeal-overturn",
                "overturn_note",
                &sent.overturn_note,
                true,
            ),
        ] {
            view.actions.push(ActionForm {
                action: here.clone(),
                hidden: vec![("action", action.to_owned())],
                fields: vec![Field::new(
                    note,
                    "textarea",
                    "off",
                    ctx.t(&format!("moderation-appeal-{action}-note")),
                )
                .hint(ctx.t("moderation-appeal-note-hint"))
                .value(value)
                .errors_from(&errors)],
                button: ctx
                    .locale()
                    .t_plain(label, &[("count", count.into())])
                    .into(),
                danger,
                primary: false,
                ask: false,
            });
        }
    }
    view.errors = errors;
    let dt = ctx.dates();
    view.tables.push(Table {
        caption: ctx.t("moderation-versions").into(),
        head: vec![
            ctx.t("moderation-versions-version").into(),
            ctx.t("moderation-versions-text").into(),
            ctx.t("moderation-versions-replaced").into(),
        ],
        rows: versions
            .iter()
            .map(|(n, text, at)| {
                vec![
                    Cell::from(n.to_string()),
                    Cell::from(Phrase::isolated(text)),
                    Cell::when(dt.instant(at.as_offset())),
                ]
            })
            .collect(),
        empty: ctx.t("moderation-versions-none"),
    });
    view.tables.push(Table {
        caption: ctx.t("moderation-history").into(),
        head: vec![
            ctx.t("moderation-history-when").into(),
            ctx.t("moderation-history-who").into(),
            ctx.t("moderation-history-what").into(),
            ctx.t("moderation-history-note").into(),
        ],
        rows: decided
            .iter()
            .map(|d| {
                let r = &d.record;
                let mut what = ctx.t(&format!("moderation-did-{}", r.action.replace('_', "-")));
                if let Some(reason) = &r.reason {
                    what = format!("{what}: {}", report_reason(ctx, reason));
                }
                // A warning or suspension an overturned appeal lifted.
                if let Some(at) = d.lifted_at {
                    let day = dt.day_of(at.as_offset()).text;
                    let withdrawn = ctx
                        .locale()
                        .t_plain("moderation-withdrawn-on", &[("date", day.into())]);
                    what = format!("{what} ({withdrawn})");
                }
                vec![
                    Cell::when(dt.instant(r.created_at.as_offset())),
                    match &d.moderator {
                        Some(name) => Cell::from(Phrase::isolated(name)),
                        None => Cell::from(ctx.t("comment-anonymous")),
                    },
                    Cell::from(what),
                    Cell::from(Phrase::isolated(r.note.as_deref().unwrap_or(""))),
                ]
            })
            .collect(),
        empty: ctx.t("moderation-history-none"),
    });
    respond(status, view, None)
}

/// The form that records the step outside the platform: a tick box to
/// say it was done, and what was done.
fn outside_form(
    ctx: &PageCtx,
    here: &str,
    sent: &DecisionInput,
    errors: &[FieldError],
) -> ActionForm {
    let done = ctx.t("moderation-outside-done");
    ActionForm {
        action: here.to_owned(),
        hidden: vec![("action", "outside_action".to_owned())],
        fields: vec![
            Field::choice(
                "done",
                "checkboxes",
                ctx.t("moderation-outside-heading"),
                vec![("yes".to_owned(), done)],
            )
            .value(&sent.done)
            .errors_from(errors),
            Field::new(
                "outside_note",
                "textarea",
                "off",
                ctx.t("moderation-outside-note"),
            )
            .hint(ctx.t("moderation-outside-note-hint"))
            .value(&sent.outside_note)
            .errors_from(errors),
        ],
        button: ctx.t("moderation-outside-button").into(),
        danger: false,
        primary: false,
        ask: false,
    }
}

/// The one form that takes a decision: which, and what it needs. Each
/// field a single decision reads says which (`data-shown-for`), so that
/// with scripts only those show for the decision picked; without them
/// every field shows, with hints saying what each is for, and the
/// decision reads only its own (`Decision::parse`).
fn decision_form(
    ctx: &PageCtx,
    here: &str,
    state: State,
    sent: &DecisionInput,
    errors: &[FieldError],
) -> ActionForm {
    // Only what can be taken on the comment as it stands.
    let actions = ACTIONS
        .iter()
        .filter(|a| Decision::offered(a, state))
        .map(|a| {
            (
                (*a).to_owned(),
                ctx.t(&format!("moderation-action-{}", a.replace('_', "-"))),
            )
        })
        .collect();
    let reasons = ReportReason::ALL
        .iter()
        .map(|r| (r.code().to_owned(), report_reason(ctx, r.code())))
        .collect();
    let action_value = match sent.action.as_str() {
        "uphold" | "overturn" => "",
        a => a,
    };
    ActionForm {
        action: here.to_owned(),
        hidden: Vec::new(),
        fields: vec![
            Field::choice(
                "action",
                "radios",
                ctx.t("moderation-action-label"),
                actions,
            )
            .value(action_value)
            .errors_from(errors),
            Field::choice(
                "reason",
                "radios",
                ctx.t("moderation-reason-label"),
                reasons,
            )
            .hint(ctx.t("moderation-reason-hint"))
            .value(&sent.reason)
            .shown_for(&["hide"])
            .errors_from(errors),
            Field::new("words", "text", "off", ctx.t("moderation-words-label"))
                .hint(ctx.t("moderation-words-hint"))
                .value(&sent.words)
                .shown_for(&["redact"])
                .errors_from(errors),
            Field::new("days", "text", "off", ctx.t("moderation-days-label"))
                .hint(ctx.t("moderation-days-hint"))
                .value(&sent.days)
                .left_to_right()
                .shown_for(&["suspend"])
                .errors_from(errors),
            Field::new("note", "textarea", "off", ctx.t("moderation-note-label"))
                .hint(ctx.t("moderation-note-hint"))
                .value(&sent.note)
                .errors_from(errors),
        ],
        button: ctx.t("moderation-decide-button").into(),
        danger: false,
        // The page's main action.
        primary: true,
        ask: false,
    }
}
