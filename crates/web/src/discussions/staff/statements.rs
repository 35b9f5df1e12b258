//! A discussion's statements stage for officers and moderators: adding
//! or removing the stage ("Add a statements stage"), officers' starting
//! statements (sent from the discussion's officers' page), the statements with
//! where each stands and why screening held it, the moderators' approve
//! and hide buttons, and the Pol.is export of statements and votes.

use axum::extract::{Path, Query};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use cohesion_domain::discussion::statements::{State, MAX_STATEMENT_CHARS};
use cohesion_domain::identity::Action;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::accounts::SignedIn;
use cohesion_services::discussions::statements::Statement;
use cohesion_services::discussions::statements::{self, Decision};
use cohesion_services::discussions::{opinion_export, reading};
use cohesion_services::ServiceError;
use cohesion_ui::discussions::opinions::{StaffStatement, StaffStatements};
use cohesion_ui::{ActionForm, FieldError, Phrase, ReportPage, Section, Value};
use serde::Deserialize;

use crate::discussions::public::translated::title_shown;

use super::manage::Seeding;
use crate::kit::confirm::{act_or_ask, ask, asked_about, Ask};
use crate::kit::form::{text_problems, TextWords};
use crate::kit::{
    check_session_csrf, confirmation, path_id, respond, see_other, AppError, ClientKey, DoneQuery,
    Langs, May, Me, Moderate, PageCtx, RunEngagement, StrictForm,
};

/// `GET /staff/discussions/{id}/statements`: for officers and moderators.
pub async fn list(
    ctx: PageCtx,
    Me(me): Me,
    Path(id): Path<String>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let all = statements::for_staff(&ctx.state.db, &me, id).await?;
    let d = reading::discussion(&ctx.state.db, Some(&me), id).await?;
    let on = statements::has_stage(&ctx.state.db, id).await?;
    let path = format!("/staff/discussions/{id}/statements");
    let mut ui = ctx.chrome_for(&path, "statements-staff-title").await?;
    ui.title = ctx.t("statements-staff-title").into();
    let mut page = ReportPage::new(ui);
    page.back = Some(match me.roles.allows(Action::RunEngagement) {
        true => (format!("/staff/discussions/{id}"), ctx.t("back")),
        false => ("/moderation".to_owned(), ctx.t("back")),
    });
    page.done = confirmation(&ctx, q.done.as_deref()).map(Into::into);
    page.csrf = me.csrf.clone();
    page.lead = vec![
        title_shown(&ctx, &d).await?.into(),
        ctx.t(match on {
            true => "statements-staff-stage-on",
            false => "statements-staff-stage-off",
        })
        .into(),
    ];
    if me.roles.allows(Action::RunEngagement) && !d.imported {
        page.actions = vec![stage_action(&ctx, id, on)];
    }
    let words = ("statements-staff-caption", "statements-staff-empty");
    page.sections = vec![table(&ctx, &me, &all, &path, words)?];
    let mut links = vec![(
        format!("/discussions/{id}/opinions"),
        ctx.t("statements-staff-results").into(),
    )];
    if on && (me.roles.allows(Action::Analyse) || me.roles.allows(Action::RunEngagement)) {
        links.push((
            format!("{path}/comments.csv"),
            ctx.t("statements-staff-export-comments").into(),
        ));
        links.push((
            format!("{path}/votes.csv"),
            ctx.t("statements-staff-export-votes").into(),
        ));
    }
    page.links = links;
    respond(StatusCode::OK, page, None)
}

/// `list` as a table of statements, each with where it stands and (for
/// moderators) its decision buttons, under the caption `words.0`, or
/// `words.1` when there are none; decisions lead back to `path`.
pub(super) fn table(
    ctx: &PageCtx,
    me: &SignedIn,
    list: &[Statement],
    path: &str,
    words: (&str, &str),
) -> Result<Section, AppError> {
    let table = StaffStatements {
        caption: ctx.t(words.0),
        head: vec![
            ctx.t("statements-staff-number"),
            ctx.t("opinions-statement"),
            ctx.t("statements-staff-state"),
            ctx.t("statements-staff-decide"),
        ],
        csrf: me.csrf.clone(),
        statements: rows(ctx, me, list, path),
        empty: ctx.t(words.1),
    };
    Section::render(&table).map_err(|e| {
        tracing::error!(error = %e, "template failed");
        AppError::internal()
    })
}

/// Each statement with where it stands and, for a moderator, the
/// decisions open to them (none on their own statements).
fn rows(ctx: &PageCtx, me: &SignedIn, all: &[Statement], path: &str) -> Vec<StaffStatement> {
    let moderator = me.roles.allows(Action::Moderate);
    let l = ctx.locale();
    all.iter()
        .map(|s| {
            let number = s.number as u64 + 1;
            let mut decisions = Vec::new();
            if moderator && s.author_id != Some(me.user_id) {
                if matches!(s.state, State::AwaitingModeration | State::Hidden) {
                    decisions.push((
                        "approve",
                        l.t_plain("statements-staff-approve", &[("number", number.into())]),
                    ));
                }
                if matches!(s.state, State::AwaitingModeration | State::Published) {
                    decisions.push((
                        "hide",
                        l.t_plain("statements-staff-hide", &[("number", number.into())]),
                    ));
                }
            }
            StaffStatement {
                id: s.id.to_string(),
                number: number.to_string(),
                text: Phrase::isolated(&s.body),
                state: ctx.t(&format!("statement-state-{}", s.state.code())),
                reasons: s
                    .reasons
                    .lines()
                    .map(|r| crate::discussions::moderation::screening_reason(ctx, r, &[], 0))
                    .collect(),
                decisions,
                action: format!("{path}/{}/decision", s.id),
            }
        })
        .collect()
}

/// The switch that adds or removes the stage.
pub(super) fn stage_action(ctx: &PageCtx, id: uuid::Uuid, on: bool) -> ActionForm {
    ActionForm {
        action: format!("/staff/discussions/{id}/statements/stage"),
        hidden: vec![("stage", if on { "off" } else { "on" }.to_owned())],
        fields: Vec::new(),
        button: ctx
            .t(match on {
                true => "statements-staff-remove-stage",
                false => "statements-staff-add-stage",
            })
            .into(),
        danger: on,
        // Removing stops voting at once: asked first.
        primary: false,
        ask: on,
    }
}

#[derive(Deserialize)]
pub struct StageForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    stage: String,
    #[serde(default)]
    confirm: String,
}

/// "Remove the statements stage from …?": what residents lose, and that
/// nothing is deleted.
async fn removing(ctx: &PageCtx, me: &SignedIn, id: uuid::Uuid) -> Result<Ask, AppError> {
    let d = reading::discussion(&ctx.state.db, Some(me), id).await?;
    let title = Langs::as_written(ctx, &d.language).original(asked_about(&d.title));
    Ok(Ask {
        title: ctx.phrase(
            "confirm-remove-stage-title",
            &[("title", Value::Shown(&title))],
        ),
        lead: vec![ctx.t("confirm-remove-stage-lead").into()],
        points: Vec::new(),
        after: Vec::new(),
        warning: None,
        hidden: vec![("stage", "off".to_owned())],
        button: ctx.t("statements-staff-remove-stage"),
        danger: true,
        cancel: format!("/staff/discussions/{id}"),
    })
}

/// `GET /staff/discussions/{id}/statements/stage?stage=off`: asks before
/// removing the stage.
pub async fn ask_stage(
    May(me, _): May<RunEngagement>,
    ctx: PageCtx,
    Path(id): Path<String>,
    Query(_): Query<StageForm>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let action = format!("/staff/discussions/{id}/statements/stage");
    ask(&ctx, &me.csrf, &action, removing(&ctx, &me, id).await?).await
}

/// `POST /staff/discussions/{id}/statements/stage`: adds the stage, or
/// removes it once confirmed.
pub async fn stage(
    May(me, _): May<RunEngagement>,
    ctx: PageCtx,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(f): StrictForm<StageForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &f.csrf)?;
    let id = path_id(&id)?;
    let on = match f.stage.as_str() {
        "on" => true,
        "off" => false,
        _ => return Err(ValidationError::new("stage", ErrorCode::InvalidChoice).into()),
    };
    let act = async || {
        statements::set_stage(&ctx.state.db, &me, id, on, Some(&client.0)).await?;
        Ok(match on {
            // Where the starting-statement form is, said added.
            true => format!("/staff/discussions/{id}?done=statements-stage-added#text"),
            false => format!("/staff/discussions/{id}/statements?done=statements-stage-removed"),
        })
    };
    if on {
        return Ok(see_other(&act().await?));
    }
    let action = format!("/staff/discussions/{id}/statements/stage");
    let asking = async || removing(&ctx, &me, id).await;
    act_or_ask(&ctx, &me.csrf, &action, &f.confirm, asking, act).await
}

#[derive(Deserialize)]
pub struct SeedForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    text: String,
}

/// `POST /staff/discussions/{id}/statements/seed`: a starting statement,
/// published at once; its problems show the officers' page again with
/// what was typed (422).
pub async fn seed(
    May(me, _): May<RunEngagement>,
    ctx: PageCtx,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(f): StrictForm<SeedForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &f.csrf)?;
    let id = path_id(&id)?;
    let errors = match statements::seed(&ctx.state.db, &me, id, &f.text, Some(&client.0)).await {
        Ok(_) => {
            return Ok(see_other(&format!(
                "/staff/discussions/{id}?done=statement-seeded"
            )))
        }
        Err(ServiceError::Invalid(v)) => vec![v],
        Err(ServiceError::InvalidFields(list)) => list,
        Err(other) => return Err(other.into()),
    };
    let seeding = Seeding {
        text: f.text,
        errors: seed_problems(&ctx, &errors),
    };
    let page = super::manage::page(&ctx, &me, id, None, seeding).await?;
    respond(StatusCode::UNPROCESSABLE_ENTITY, page, None)
}

/// Problems with a starting statement, in words about one.
fn seed_problems(ctx: &PageCtx, errors: &[ValidationError]) -> Vec<FieldError> {
    let words = TextWords {
        empty: "statement-seed-error-empty",
        too_long: "statement-seed-error-too-long",
        limit: MAX_STATEMENT_CHARS,
    };
    text_problems(ctx, errors, &words)
}

#[derive(Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    decision: String,
}

/// `POST /staff/discussions/{id}/statements/{sid}/decision`.
pub async fn decide(
    May(me, _): May<Moderate>,
    ctx: PageCtx,
    client: ClientKey,
    Path((id, sid)): Path<(String, String)>,
    StrictForm(f): StrictForm<DecisionForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &f.csrf)?;
    let id = path_id(&id)?;
    let sid = path_id(&sid)?;
    let decision = Decision::from_code(f.decision.trim())
        .ok_or_else(|| ValidationError::new("decision", ErrorCode::InvalidChoice))?;
    statements::decide(&ctx.state.db, &me, id, sid, decision, Some(&client.0)).await?;
    Ok(see_other(&format!(
        "/staff/discussions/{id}/statements?done=statement-decided"
    )))
}

/// `GET /staff/discussions/{id}/statements/comments.csv` and
/// `…/votes.csv`: Pol.is's two files.
pub async fn export_comments(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let files = opinion_export::export(&ctx.state.db, &me, id, Some(&client.0)).await?;
    Ok(csv(files.comments_csv, "comments.csv"))
}

pub async fn export_votes(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let files = opinion_export::export(&ctx.state.db, &me, id, Some(&client.0)).await?;
    Ok(csv(files.votes_csv, "votes.csv"))
}

fn csv(body: String, filename: &'static str) -> Response {
    let mut res = (StatusCode::OK, body).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static(match filename {
            "comments.csv" => "attachment; filename=\"comments.csv\"",
            _ => "attachment; filename=\"votes.csv\"",
        }),
    );
    res
}
