//! "What you told us": the public page of a consultation's findings, and
//! the officers' forms to write, publish and remove them.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::analysis::findings::FindingInput;
use cohesion_domain::identity::Action;
use cohesion_domain::survey::model::QuestionKind;
use cohesion_domain::translation::{key, Translator};
use cohesion_services::consultations;
use cohesion_services::findings::{self, ShownFinding};
use cohesion_services::ServiceError;
use cohesion_ui::consultations::{FindingView, FindingsPage};
use cohesion_ui::{Field, FieldError, FormPage};
use serde::Deserialize;
use uuid::Uuid;

use crate::accounts::{messages, respond};
use crate::consultations::{consultation_id, option_labels, rules};
use crate::error::AppError;
use crate::form::StrictForm;
use crate::pages::{ClientKey, PageCtx};
use crate::profile::see_other;
use crate::session::{check_session_csrf, Me};
use crate::shown::Langs;

fn t(ctx: &PageCtx, id: &str) -> String {
    ctx.locale().t(id).into_owned()
}

/// The sentence under a finding's headline figure.
fn figure(ctx: &PageCtx, f: &ShownFinding) -> (String, String) {
    if let Some(theme) = &f.theme {
        let (base, question, theme) = (f.base, f.question.as_str(), theme.as_str());
        return match (f.base_hidden, f.cell.count, f.cell.share) {
            (false, Some(count), Some(p)) => (
                format!("{:.0}%", p.share * 100.0),
                ctx.locale().t_args(
                    "finding-figure-theme",
                    &[
                        ("count", count.into()),
                        ("base", base.into()),
                        ("question", question.into()),
                        ("theme", theme.into()),
                        ("low", format!("{:.0}", p.low * 100.0).into()),
                        ("high", format!("{:.0}", p.high * 100.0).into()),
                    ],
                ),
            ),
            (false, Some(count), None) => (
                count.to_string(),
                ctx.locale().t_args(
                    "finding-figure-theme-count",
                    &[
                        ("count", count.into()),
                        ("base", base.into()),
                        ("question", question.into()),
                        ("theme", theme.into()),
                    ],
                ),
            ),
            _ => (
                "–".to_owned(),
                ctx.locale().t_args(
                    "finding-figure-theme-hidden",
                    &[("question", question.into()), ("theme", theme.into())],
                ),
            ),
        };
    }
    let labels = option_labels(ctx, &f.question_def);
    let option = labels
        .get(f.record.finding.option)
        .cloned()
        .unwrap_or_default();
    let question = match (&f.question_def.kind, f.record.finding.row) {
        (QuestionKind::Matrix { rows }, Some(r)) => format!(
            "{} – {}",
            f.question,
            rows.get(r).cloned().unwrap_or_default()
        ),
        _ => f.question.clone(),
    };
    match (f.base_hidden, f.cell.count, f.cell.share) {
        (false, Some(count), Some(p)) => (
            format!("{:.0}%", p.share * 100.0),
            ctx.locale().t_args(
                "finding-figure",
                &[
                    ("count", count.into()),
                    ("base", f.base.into()),
                    ("question", question.as_str().into()),
                    ("option", option.as_str().into()),
                    ("low", format!("{:.0}", p.low * 100.0).into()),
                    ("high", format!("{:.0}", p.high * 100.0).into()),
                ],
            ),
        ),
        (false, Some(count), None) => (
            count.to_string(),
            ctx.locale().t_args(
                "finding-figure-count",
                &[
                    ("count", count.into()),
                    ("base", f.base.into()),
                    ("question", question.as_str().into()),
                    ("option", option.as_str().into()),
                ],
            ),
        ),
        _ => (
            "–".to_owned(),
            ctx.locale().t_args(
                "finding-figure-hidden",
                &[
                    ("question", question.as_str().into()),
                    ("option", option.as_str().into()),
                ],
            ),
        ),
    }
}

pub async fn page(ctx: PageCtx, Path(id): Path<String>) -> Result<Response, AppError> {
    let id = consultation_id(&id)?;
    let viewer = ctx.user.0.as_ref();
    let (mut c, mut list) = findings::shown(&ctx.state.db, viewer, id, rules(&ctx)).await?;
    // In the reader's language where translated: the findings, the
    // questions and theme labels they rest on and the consultation's
    // title.
    let texts = consultations::translation(&ctx.state.db, id, ctx.locale().tag()).await?;
    let mut tr = Translator::new(&texts);
    tr.main(&mut c.title, &mut c.summary, &mut c.body);
    for f in &mut list {
        let finding = &mut f.record.finding;
        tr.put(&key::finding(f.record.id, "title"), &mut finding.title);
        tr.put(&key::finding(f.record.id, "body"), &mut finding.body);
        // The label of the theme it cites (empty while the figure is
        // hidden: nothing to translate then).
        if let (Some(theme), Some(label)) = (&finding.theme, &mut f.theme) {
            if !label.is_empty() {
                tr.put(&key::theme_label(theme), label);
            }
        }
        tr.question(&mut f.question_def);
        f.question = f.question_def.text.clone();
    }
    let langs = Langs::new(&ctx, tr.finish());
    let path = format!("/consultations/{id}/findings");
    let mut ui = ctx.chrome_for(&path, "findings-title").await?;
    ui.title = ctx
        .locale()
        .t_args("findings-title-of", &[("title", c.title.as_str().into())]);
    let findings = list
        .iter()
        .map(|f| {
            let (headline, figure) = figure(&ctx, f);
            FindingView {
                title: langs.shown(&key::finding(f.record.id, "title"), &f.record.finding.title),
                headline,
                figure,
                body_html: cohesion_ui::markdown::render(&f.record.finding.body),
                body_lang: langs.of(&key::finding(f.record.id, "body")).to_owned(),
                draft: f
                    .record
                    .published_at
                    .is_none()
                    .then(|| t(&ctx, "status-draft")),
            }
        })
        .collect::<Vec<_>>();
    let view = FindingsPage {
        ui,
        back: Some((format!("/consultations/{id}"), t(&ctx, "back"))),
        lead: t(&ctx, "findings-lead"),
        empty: findings.is_empty().then(|| t(&ctx, "findings-empty")),
        findings,
        links: if c.results_published_at.is_some() {
            vec![(
                format!("/consultations/{id}/results"),
                t(&ctx, "consultation-results-link"),
            )]
        } else {
            Vec::new()
        },
    };
    respond(StatusCode::OK, view, None)
}

fn require(me: &cohesion_services::accounts::SignedIn) -> Result<(), AppError> {
    if me.roles.allows(Action::RunEngagement) {
        Ok(())
    } else {
        Err(ServiceError::Forbidden.into())
    }
}

fn fields(
    ctx: &PageCtx,
    choices: Vec<(String, String)>,
    themes: Vec<(String, String)>,
    v: &FindingInput,
    errors: &[FieldError],
) -> Vec<Field> {
    vec![
        Field::new("title", "text", "off", t(ctx, "finding-field-title"))
            .value(&v.title)
            .errors_from(errors),
        Field::new("body", "textarea", "off", t(ctx, "finding-field-body"))
            .hint(t(ctx, "consultation-field-body-hint"))
            .value(&v.body)
            .errors_from(errors),
        Field::choice(
            "question",
            "select",
            t(ctx, "finding-field-question"),
            choices,
        )
        .value(&v.question)
        .errors_from(errors),
        Field::new("row", "text", "off", t(ctx, "finding-field-row"))
            .hint(t(ctx, "finding-field-row-hint"))
            .value(&v.row)
            .errors_from(errors),
        Field::new("option", "text", "off", t(ctx, "finding-field-option"))
            .hint(t(ctx, "finding-field-option-hint"))
            .value(&v.option)
            .errors_from(errors),
        Field::choice("theme", "select", t(ctx, "finding-field-theme"), themes)
            .hint(t(ctx, "finding-field-theme-hint"))
            .value(&v.theme)
            .errors_from(errors),
    ]
}

async fn form_page(
    ctx: &PageCtx,
    me_csrf: &str,
    id: Uuid,
    v: &FindingInput,
    errors: Vec<FieldError>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let me = ctx.user.0.as_ref();
    let view = consultations::view(&ctx.state.db, me, id).await?;
    let choices = view
        .survey
        .questions()
        .filter(|q| {
            (q.kind.is_choice() || matches!(q.kind, QuestionKind::Matrix { .. }))
                && !q.kind.is_special_category()
        })
        .map(|q| {
            let options = option_labels(ctx, q)
                .iter()
                .enumerate()
                .map(|(i, l)| format!("{} {l}", i + 1))
                .collect::<Vec<_>>()
                .join(" · ");
            (q.id.clone(), format!("{}: {} ({options})", q.id, q.text))
        })
        .collect();
    let themes = std::iter::once((String::new(), t(ctx, "finding-theme-none")))
        .chain(
            cohesion_services::themes::citable(&ctx.state.db, id)
                .await?
                .into_iter()
                .map(|(tid, q, label)| (tid.to_string(), format!("{q}: {label}"))),
        )
        .collect();
    let action = format!("/staff/consultations/{id}/findings/new");
    let mut page = FormPage::new(
        ctx.chrome_for(&action, "finding-add").await?,
        me_csrf.to_owned(),
        &action,
        t(ctx, "finding-add"),
    );
    page.back = Some((format!("/staff/consultations/{id}"), t(ctx, "back")));
    page.lead = vec![t(ctx, "finding-add-lead")];
    page.fields = fields(ctx, choices, themes, v, &errors);
    page.errors = errors;
    respond(status, page, None)
}

pub async fn new_form(
    ctx: PageCtx,
    Me(me): Me,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    require(&me)?;
    let id = consultation_id(&id)?;
    form_page(
        &ctx,
        &me.csrf,
        id,
        &FindingInput::default(),
        Vec::new(),
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize)]
pub struct FindingForm {
    #[serde(default)]
    csrf: String,
    #[serde(flatten)]
    input: FindingInput,
}

pub async fn add(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(form): StrictForm<FindingForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let id = consultation_id(&id)?;
    match findings::add(&ctx.state.db, &me, id, &form.input, Some(&client.0)).await {
        Ok(_) => Ok(see_other(&format!(
            "/staff/consultations/{id}?done=finding-added"
        ))),
        Err(ServiceError::InvalidFields(errors)) => {
            let errors = messages(&ctx, &errors);
            form_page(
                &ctx,
                &me.csrf,
                id,
                &form.input,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    csrf: String,
    /// `publish`, `withdraw` or `remove`.
    #[serde(default)]
    change: String,
}

pub async fn change(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path((id, finding)): Path<(String, String)>,
    StrictForm(form): StrictForm<ChangeForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let id = consultation_id(&id)?;
    let finding = consultation_id(&finding)?;
    let db = &ctx.state.db;
    let done = match form.change.as_str() {
        "publish" => findings::set_published(db, &me, id, finding, true, Some(&client.0))
            .await
            .map(|_| "finding-published"),
        "withdraw" => findings::set_published(db, &me, id, finding, false, Some(&client.0))
            .await
            .map(|_| "finding-withdrawn"),
        "remove" => findings::remove(db, &me, id, finding, Some(&client.0))
            .await
            .map(|_| "finding-removed"),
        _ => {
            return Err(cohesion_domain::ValidationError::new(
                "change",
                cohesion_domain::ErrorCode::InvalidChoice,
            )
            .into())
        }
    }?;
    Ok(see_other(&format!("/staff/consultations/{id}?done={done}")))
}
