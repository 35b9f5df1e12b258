//! One theme: renaming, merging, splitting or deleting it.

use axum::extract::Path;
use axum::response::Response;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::themes::edit::{self, Consequence, Edit};
use cohesion_services::consultations::themes::review;
use cohesion_services::ServiceError;
use cohesion_ui::consultations::{Choice, ThemeEditPage};
use cohesion_ui::{FieldError, Value};
use uuid::Uuid;

use super::{
    base_path, label_errors, quotes, response_href, sent_by, theme_name, theme_name_text, Sent,
};
use crate::kit::confirm::{ask, confirmed, Ask};
use crate::kit::{
    path_id, respond_form, see_other, Analyse, AppError, ClientKey, May, PageCtx, StrictForm,
};

async fn edit_page(
    ctx: &PageCtx,
    me: &SignedIn,
    id: Uuid,
    question: &str,
    theme: &str,
    errors: Vec<FieldError>,
    sent: Option<&Sent>,
) -> Result<Response, AppError> {
    let (a, view, members) = review::split_choices(&ctx.state.db, me, id, question, theme).await?;
    let path = base_path(id, &a.question.id);
    let mut ui = ctx
        .chrome_for(&format!("{path}/{}", view.id), "theme-edit-title")
        .await?;
    ui.title = ctx.phrase(
        "theme-edit-title-of",
        &[("label", Value::Phrase(&theme_name(ctx, &view)))],
    );
    let chosen: Vec<&str> = sent
        .filter(|s| s.edit.change == "split")
        .map(|s| s.edit.examples.iter().map(String::as_str).collect())
        .unwrap_or_default();
    let from = |change: &str, get: fn(&Sent) -> &String, fallback: &str| -> String {
        sent.filter(|s| s.edit.change == change)
            .map(|s| get(s).clone())
            .unwrap_or_else(|| fallback.to_owned())
    };
    let page = ThemeEditPage {
        back: Some((path.clone(), ctx.t("back"))),
        errors,
        csrf: me.csrf.clone(),
        action: format!("{path}/edit"),
        theme: view.id.to_string(),
        label: from("rename", |s| &s.edit.label, &view.label),
        description: from("rename", |s| &s.edit.description, &view.description),
        quotes: quotes(id, &view.quotes),
        merge_into: a
            .themes
            .iter()
            .filter(|o| o.id != view.id)
            .map(|o| (o.id.to_string(), theme_name_text(ctx, o)))
            .collect(),
        split_label: from("split", |s| &s.edit.label, ""),
        split_description: from("split", |s| &s.edit.description, ""),
        split: members
            .iter()
            .map(|m| Choice {
                value: m.response_id.to_string(),
                label: format!("{} – {}", m.reference, m.text),
                href: response_href(id, m.response_id),
                checked: chosen.contains(&m.response_id.to_string().as_str()),
            })
            .collect(),
        ui,
    };
    respond_form(!page.errors.is_empty(), page)
}

pub async fn theme_page(
    ctx: PageCtx,
    May(me, _): May<Analyse>,
    Path((id, question, theme)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    edit_page(&ctx, &me, id, &question, &theme, Vec::new(), None).await
}

/// Rename, merge, split or delete one theme. Merging and deleting ask
/// first (ADR 22): the form leads to a page that says what will happen,
/// whose own form sends `confirm=yes` with the same fields.
pub async fn edit(
    ctx: PageCtx,
    May(me, _): May<Analyse>,
    client: ClientKey,
    Path((id, question)): Path<(String, String)>,
    StrictForm(pairs): StrictForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let s = sent_by(&me, pairs)?;
    let id = path_id(&id)?;
    if !matches!(
        s.edit.change.as_str(),
        "rename" | "merge" | "split" | "delete"
    ) {
        return Err(ValidationError::new("change", ErrorCode::InvalidChoice).into());
    }
    let asks = matches!(s.edit.change.as_str(), "merge" | "delete");
    if asks && !confirmed(&s.confirm) {
        return match edit::consequence(&ctx.state.db, &me, id, &question, &s.edit).await {
            Ok(c) => {
                let asked = asked(&ctx, id, &question, &s.edit, &c);
                let action = format!("{}/edit", base_path(id, &question));
                ask(&ctx, &me.csrf, &action, asked).await
            }
            Err(e) => refused(&ctx, &me, id, &question, &s, e).await,
        };
    }
    match edit::edit_said(&ctx.state.db, &me, id, &question, &s.edit, Some(&client.0)).await {
        Ok(edited) => Ok(see_other(&format!(
            "{}?done={}",
            base_path(id, &question),
            if edited.changed {
                s.edit.change.as_str()
            } else {
                "nothing"
            }
        ))),
        Err(e) => refused(&ctx, &me, id, &question, &s, e).await,
    }
}

/// The theme's page again with what is wrong, or the error itself when
/// it is not about the form's fields.
async fn refused(
    ctx: &PageCtx,
    me: &SignedIn,
    id: Uuid,
    question: &str,
    s: &Sent,
    e: ServiceError,
) -> Result<Response, AppError> {
    let mut errors = label_errors(ctx, e, &s.edit.label)?;
    for e in &mut errors {
        // The split form's fields have ids of their own.
        if s.edit.change == "split" {
            e.field = match e.field {
                "label" => "split-label",
                "description" => "split-description",
                other => other,
            };
        }
    }
    // A theme that is gone (forged, of another run) has no page.
    if errors.iter().any(|e| e.field == "theme") {
        return Err(ValidationError::new("theme", ErrorCode::InvalidChoice).into());
    }
    edit_page(ctx, me, id, question, &s.edit.theme, errors, Some(s)).await
}

/// "Merge “Parks” into “Green spaces”?": how many answers move where (or,
/// for a delete, that they will count under "No theme"), that the theme
/// stays on record, and that a confirmed set must be confirmed again.
fn asked(ctx: &PageCtx, id: Uuid, question: &str, e: &Edit, c: &Consequence) -> Ask {
    let a = &c.analysis;
    let named = |t: Uuid| a.themes.iter().find(|v| v.id == t);
    let count = |t: Uuid| named(t).map_or(0, |v| v.mapped.as_ref().unwrap_or(&v.candidate).count);
    let theme = named(c.theme)
        .map(|v| theme_name(ctx, v))
        .unwrap_or_default();
    let answers = Value::Number(count(c.theme));
    let mut lead = Vec::new();
    let mut hidden = vec![("change", e.change.clone()), ("theme", c.theme.to_string())];
    let (title, button, danger) = match c.into.and_then(named) {
        Some(into) => {
            let into_name = theme_name(ctx, into);
            let args = [
                ("theme", Value::Phrase(&theme)),
                ("into", Value::Phrase(&into_name)),
                ("count", answers),
            ];
            lead.push(ctx.phrase("themes-merge-ask-what", &args));
            hidden.push(("into", into.id.to_string()));
            (
                ctx.phrase("themes-merge-ask-title", &args),
                ctx.t("themes-merge-ask-button"),
                false,
            )
        }
        None => {
            let args = [("theme", Value::Phrase(&theme)), ("count", answers)];
            lead.push(ctx.phrase("themes-delete-ask-what", &args));
            (
                ctx.phrase("themes-delete-ask-title", &args),
                ctx.t("themes-delete-ask-button"),
                true,
            )
        }
    };
    lead.push(ctx.phrase("themes-ask-record", &[("theme", Value::Phrase(&theme))]));
    if a.confirmed() {
        lead.push(ctx.t("themes-ask-confirm-again").into());
    }
    Ask {
        after: Vec::new(),
        title,
        lead,
        points: Vec::new(),
        warning: None,
        hidden,
        button,
        danger,
        cancel: format!("{}/{}", base_path(id, question), c.theme),
    }
}
