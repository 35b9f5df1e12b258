//! One theme: renaming, merging, splitting or deleting it.

use axum::extract::Path;
use axum::response::Response;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::themes::edit;
use cohesion_services::consultations::themes::review;
use cohesion_ui::consultations::{Choice, ThemeEditPage};
use cohesion_ui::{FieldError, Value};
use uuid::Uuid;

use super::{
    base_path, field_errors, quotes, response_href, sent_by, theme_name, theme_name_text, Sent,
};
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

/// Rename, merge, split or delete one theme.
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
    match edit::edit(&ctx.state.db, &me, id, &question, &s.edit, Some(&client.0)).await {
        Ok(_) => Ok(see_other(&format!(
            "{}?done={}",
            base_path(id, &question),
            s.edit.change
        ))),
        Err(e) => {
            let mut errors = field_errors(&ctx, e)?;
            // The split form's fields have ids of their own.
            if s.edit.change == "split" {
                for e in &mut errors {
                    e.field = match e.field {
                        "label" => "split-label",
                        "description" => "split-description",
                        other => other,
                    };
                }
            }
            // A theme that is gone (forged, deleted, merged) has no page.
            if errors.iter().any(|e| e.field == "theme") {
                return Err(ValidationError::new("theme", ErrorCode::InvalidChoice).into());
            }
            edit_page(&ctx, &me, id, &question, &s.edit.theme, errors, Some(&s)).await
        }
    }
}
