//! Confirming a question's themes asks first (ADR 22): the set becomes
//! the one every written answer is mapped to. The question names the
//! themes and how many answers will be mapped; its form carries the run
//! and the themes it lists, so that a set changed since (discovery run
//! again, a theme added, merged, split or deleted) is refused rather
//! than confirmed unseen.

use axum::extract::Path;
use axum::response::Response;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::themes::{self, confirm, discover};
use cohesion_services::ServiceError;
use cohesion_ui::Value;
use uuid::Uuid;

use super::{base_path, question_shown, sent_by, theme_name, Sent};
use crate::kit::confirm::{act_or_ask, ask, asked_about, stale, Ask};
use crate::kit::{path_id, Analyse, AppError, ClientKey, May, PageCtx, StrictForm};

/// Where confirming the themes of `question` asks and acts.
pub(super) fn path(id: Uuid, question: &str) -> String {
    format!("{}/confirm", base_path(id, question))
}

/// "Confirm these 4 themes for …?": the themes, how many answers they
/// will be mapped to, and what changing them later does. Refused with a
/// 409 when the set is confirmed already, like the confirmation itself.
pub(super) async fn question(
    ctx: &PageCtx,
    me: &SignedIn,
    id: Uuid,
    question: &str,
) -> Result<Ask, AppError> {
    let a = themes::analysis(&ctx.state.db, me, id, question).await?;
    let Some(run) = &a.run else {
        return Err(ValidationError::new("seed", ErrorCode::NoAnswers).into());
    };
    if a.confirmed() {
        return Err(stale("themes", ErrorCode::ThemesAlreadyConfirmed));
    }
    if a.themes.is_empty() {
        return Err(ValidationError::new("label", ErrorCode::FieldRequired).into());
    }
    let text = question_shown(ctx, &a, asked_about).await?;
    let count = Value::Number(a.themes.len() as u64);
    let answers = Value::Number(a.answers.max(0) as u64);
    let hidden = std::iter::once(("run", run.id.to_string()))
        .chain(a.themes.iter().map(|t| ("themes", t.id.to_string())))
        .collect();
    Ok(Ask {
        after: Vec::new(),
        title: ctx.phrase(
            "themes-confirm-title",
            &[("count", count), ("question", Value::Shown(&text))],
        ),
        lead: vec![
            ctx.phrase("themes-confirm-what", &[("answers", answers)]),
            ctx.t("themes-confirm-later").into(),
        ],
        points: a.themes.iter().map(|t| theme_name(ctx, t)).collect(),
        warning: None,
        hidden,
        button: ctx.t("themes-confirm-button"),
        danger: false,
        cancel: base_path(id, &a.question.id),
    })
}

/// "Find themes again for …?", asked when the latest run has an
/// analyst's work: it names what a new run replaces (confirmed themes,
/// changes, the mapping), and its form carries the run and that work,
/// so that a replay, or work done since, is refused rather than thrown
/// away unseen.
pub(super) async fn rerun_question(
    ctx: &PageCtx,
    a: &themes::Analysis,
    seed: &str,
) -> Result<Ask, AppError> {
    let id = a.consultation.id;
    let text = question_shown(ctx, a, asked_about).await?;
    let w = a.work;
    let points = [
        ("themes-rerun-confirmed", w.confirmed),
        ("themes-rerun-changes", w.changes),
        ("themes-rerun-mapped", w.mapped),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .map(|(key, n)| ctx.phrase(key, &[("count", Value::Number(n))]))
    .collect();
    let run = a.run.as_ref().map(|r| r.id.to_string()).unwrap_or_default();
    Ok(Ask {
        title: ctx.phrase("themes-rerun-title", &[("question", Value::Shown(&text))]),
        lead: vec![ctx.t("themes-rerun-lead").into()],
        points,
        after: Vec::new(),
        warning: Some(ctx.t("themes-rerun-warning")),
        hidden: vec![
            ("step", "run".to_owned()),
            ("seed", seed.trim().to_owned()),
            ("run", run),
            ("work", w.token()),
        ],
        button: ctx.t("themes-rerun-button"),
        danger: true,
        cancel: base_path(id, &a.question.id),
    })
}

/// What a confirmed "find themes again" form says was asked about; a
/// run or work that does not parse is a forged form.
pub(super) fn rerun_asked(s: &Sent) -> Result<discover::Replace, AppError> {
    let forged = || AppError::from(ServiceError::NotFound);
    let run = Uuid::parse_str(s.run.trim()).map_err(|_| forged())?;
    let work = themes::Work::from_token(&s.work).ok_or_else(forged)?;
    Ok(discover::Replace::Asked { run, work })
}

/// The question, asked (the themes page's button is a GET form).
pub async fn ask_confirm(
    ctx: PageCtx,
    May(me, _): May<Analyse>,
    Path((id, q)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let asked = question(&ctx, &me, id, &q).await?;
    ask(&ctx, &me.csrf, &path(id, &q), asked).await
}

/// The set the form says was asked about; ids that are not ids are a
/// forged form.
fn asked_set(s: &Sent) -> Result<confirm::AskedSet, AppError> {
    let forged = || AppError::from(ServiceError::NotFound);
    let run = Uuid::parse_str(s.run.trim()).map_err(|_| forged())?;
    let themes = s
        .themes
        .iter()
        .map(|t| Uuid::parse_str(t.trim()).map_err(|_| forged()))
        .collect::<Result<_, _>>()?;
    Ok(confirm::AskedSet { run, themes })
}

/// With `confirm=yes` and the session's token, confirms the set asked
/// about and goes back to the themes; without, asks.
pub async fn confirm(
    ctx: PageCtx,
    May(me, _): May<Analyse>,
    client: ClientKey,
    Path((id, q)): Path<(String, String)>,
    StrictForm(pairs): StrictForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let s = sent_by(&me, pairs)?;
    let id = path_id(&id)?;
    let ask = async || question(&ctx, &me, id, &q).await;
    let act = async || {
        let asked = asked_set(&s)?;
        let db = &ctx.state.db;
        confirm::confirm_asked(db, &me, id, &q, &asked, Some(&client.0)).await?;
        Ok(format!("{}?done=confirm", base_path(id, &q)))
    };
    act_or_ask(&ctx, &me.csrf, &path(id, &q), &s.confirm, ask, act).await
}
