//! A discussion's details: writing a new one and changing them, the
//! consultation stage it is part of among them. An imported discussion
//! is read-only: its edit page says so instead of showing the form.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::discussion::details::{DiscussionInput, MAX_FIRST_COMMENTS_HELD};
use cohesion_domain::discussion::moderation::PreModeration;
use cohesion_domain::discussion::record::Discussion;
use cohesion_domain::discussion::stage_link::{StageRef, FIELD};
use cohesion_domain::translation::{self, key};
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::reading as consultation_reading;
use cohesion_services::discussions::linking::{self, StageChoice};
use cohesion_services::discussions::{authoring, reading};
use cohesion_ui::{Field, FieldError, FormPage};
use serde::Deserialize;
use uuid::Uuid;

use crate::kit::{
    check_session_csrf, one_field_listed, path_id, respond, submit_form, AppError, ClientKey, May,
    PageCtx, RunEngagement, StrictForm,
};

const NEW: &str = "/staff/discussions/new";

/// A date and time, entered and refilled as the site's local time.
fn time_field(ctx: &PageCtx, name: &'static str, label: &str, value: &str) -> Field {
    let hint = ctx.dates().time_field_hint("consultation-field-time-hint");
    Field::new(name, "datetime-local", "off", ctx.t(label))
        .hint(hint)
        .value(value)
}

/// "Which language are you writing in?": the site's languages, each by
/// its name in itself (marked so); the page's unless another is chosen.
fn language_field(ctx: &PageCtx, chosen: &str) -> Field {
    let catalog = &ctx.state.catalog;
    let here = ctx.locale().tag();
    let choices = catalog
        .all()
        .iter()
        .map(|l| (l.tag().to_owned(), l.name().to_owned()))
        .collect();
    let langs = catalog
        .all()
        .iter()
        .map(|l| (l.tag() != here).then(|| (l.tag().to_owned(), l.direction().as_str())))
        .collect();
    Field::choice(
        "language",
        "radios",
        ctx.t("discussion-staff-field-language"),
        choices,
    )
    .option_langs(langs)
    .hint(ctx.t("discussion-staff-field-language-hint"))
    .value(match chosen.trim() {
        "" => here,
        chosen => chosen,
    })
}

/// "Part of a consultation": "Not linked", then every stage offered,
/// each named with its consultation ("Title — 3. Stage"), marked with
/// the consultation's language where it is not the page's.
fn stage_field(ctx: &PageCtx, chosen: &str, choices: &[StageChoice]) -> Field {
    let here = ctx.locale().tag();
    let mut options = vec![(String::new(), ctx.t("discussion-staff-not-linked"))];
    let mut langs = vec![None];
    for c in choices {
        let value = StageRef {
            consultation_id: c.consultation_id,
            stage: c.stage,
        }
        .form_value();
        let label = ctx.locale().t_plain(
            "discussion-staff-stage-choice",
            &[
                ("consultation", c.consultation_title.as_str().into()),
                ("number", u64::from(c.stage + 1).into()),
                ("stage", c.stage_name.as_str().into()),
            ],
        );
        options.push((value, label));
        let direction = ctx
            .state
            .catalog
            .get(&c.language)
            .map(|l| l.direction().as_str());
        langs.push(match direction {
            Some(dir) if !c.language.eq_ignore_ascii_case(here) => Some((c.language.clone(), dir)),
            _ => None,
        });
    }
    Field::choice(
        FIELD,
        "select",
        ctx.t("discussion-staff-field-consultation-stage"),
        options,
    )
    .option_langs(langs)
    .hint(ctx.t("discussion-staff-field-consultation-stage-hint"))
    .value(chosen.trim())
}

/// Names each stage offered in the page's language where its
/// consultation has current translations of both its title and the
/// stage's name (then the option is in the page's language); otherwise
/// both as written, in the consultation's language, so an option is
/// never in two languages at once. One query for every consultation.
async fn in_page_language(ctx: &PageCtx, choices: &mut [StageChoice]) -> Result<(), AppError> {
    let here = ctx.locale().tag();
    let mut ids: Vec<Uuid> = choices
        .iter()
        .filter(|c| !c.language.eq_ignore_ascii_case(here))
        .map(|c| c.consultation_id)
        .collect();
    ids.dedup();
    if ids.is_empty() {
        return Ok(());
    }
    let all = consultation_reading::translations_of(&ctx.state.db, &ids, here).await?;
    for c in choices.iter_mut() {
        let Some(t) = all.get(&c.consultation_id) else {
            continue;
        };
        let stage = key::stage_name(c.stage as usize);
        let title = translation::current(t, key::TITLE, &c.consultation_title);
        let name = translation::current(t, &stage, &c.stage_name);
        if let (Some(title), Some(name)) = (title, name) {
            c.consultation_title = title.to_owned();
            c.stage_name = name.to_owned();
            c.language = here.to_owned();
        }
    }
    Ok(())
}

fn details_fields(
    ctx: &PageCtx,
    v: &DiscussionInput,
    choices: &[StageChoice],
    errors: &[FieldError],
) -> Vec<Field> {
    let text = |name, id: &str| Field::new(name, "text", "off", ctx.t(id));
    let area = |name, id: &str| Field::new(name, "textarea", "off", ctx.t(id));
    let pre_moderation = Field::choice(
        "pre_moderation",
        "radios",
        ctx.t("discussion-staff-field-pre-moderation"),
        ["off", "first", "all"]
            .iter()
            .map(|k| {
                (
                    (*k).to_owned(),
                    ctx.t(&format!("discussion-staff-pre-moderation-{k}")),
                )
            })
            .collect(),
    )
    .hint(ctx.t("discussion-staff-field-pre-moderation-hint"))
    .value(match v.pre_moderation.trim() {
        "" => "off",
        chosen => chosen,
    });
    let first = text("first_comments", "discussion-staff-field-first-comments")
        .hint(ctx.locale().t_plain(
            "discussion-staff-field-first-comments-hint",
            &[("max", u64::from(MAX_FIRST_COMMENTS_HELD).into())],
        ))
        .value(&v.first_comments)
        .left_to_right();
    vec![
        language_field(ctx, &v.language),
        text("title", "discussion-staff-field-title").value(&v.title),
        area("introduction", "discussion-staff-field-introduction")
            .hint(ctx.t("discussion-staff-field-introduction-hint"))
            .value(&v.introduction),
        area("questions", "discussion-staff-field-questions")
            .hint(ctx.t("discussion-staff-field-questions-hint"))
            .value(&v.questions),
        text("topics", "discussion-staff-field-topics")
            .hint(ctx.t("discussion-staff-field-topics-hint"))
            .value(&v.topics),
        text("area", "discussion-staff-field-area")
            .hint(ctx.t("optional"))
            .value(&v.area),
        time_field(ctx, "opens_at", "discussion-staff-field-opens", &v.opens_at),
        time_field(
            ctx,
            "closes_at",
            "discussion-staff-field-closes",
            &v.closes_at,
        ),
        pre_moderation,
        first,
        stage_field(ctx, &v.consultation_stage, choices),
    ]
    .into_iter()
    .map(|f| f.errors_from(errors))
    .collect()
}

/// The details form, with the consultation stages `me` may choose from.
async fn details_page<'a>(
    ctx: &'a PageCtx,
    me: &SignedIn,
    (action, title_id): (&str, &str),
    back: String,
    v: &DiscussionInput,
    errors: Vec<FieldError>,
) -> Result<FormPage<'a>, AppError> {
    // The stage it is linked to now is offered even when its consultation
    // is not among the newest.
    let current = StageRef::parse(&v.consultation_stage).ok().flatten();
    let today = ctx
        .state
        .config
        .time_zone
        .civil(time::OffsetDateTime::now_utc())
        .date();
    let mut choices = linking::choices(&ctx.state.db, me, current, today).await?;
    in_page_language(ctx, &mut choices).await?;
    let mut page = FormPage::new(
        ctx.chrome_for(action, title_id).await?,
        me.csrf.clone(),
        action,
        ctx.t("save"),
    );
    page.back = Some((back, ctx.t("back")));
    page.fields = details_fields(ctx, v, &choices, &errors);
    page.errors = errors;
    Ok(page)
}

pub async fn new_form(ctx: PageCtx, May(me, _): May<RunEngagement>) -> Result<Response, AppError> {
    let page = details_page(
        &ctx,
        &me,
        (NEW, "discussion-staff-new-title"),
        // Creating is staff work, reached from Manage.
        "/manage".into(),
        &DiscussionInput::default(),
        Vec::new(),
    )
    .await?;
    respond(StatusCode::OK, page, None)
}

#[derive(Deserialize)]
pub struct DetailsForm {
    #[serde(default)]
    csrf: String,
    #[serde(flatten)]
    input: DiscussionInput,
}

pub async fn create(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    client: ClientKey,
    StrictForm(form): StrictForm<DetailsForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let zone = &ctx.state.config.time_zone;
    let languages = ctx.state.languages();
    let db = &ctx.state.db;
    // One problem or several, each is shown beside its field.
    let outcome = authoring::create(db, &me, &form.input, zone, &languages, Some(&client.0))
        .await
        .map_err(one_field_listed);
    submit_form(
        &ctx,
        outcome,
        |id| format!("/staff/discussions/{id}?done=discussion-created"),
        async |errors| {
            details_page(
                &ctx,
                &me,
                (NEW, "discussion-staff-new-title"),
                "/manage".into(),
                &form.input,
                errors,
            )
            .await
        },
    )
    .await
}

/// The form refilled from what is saved, its times in local time.
pub(super) fn input_of(ctx: &PageCtx, d: &Discussion) -> DiscussionInput {
    let zone = &ctx.state.config.time_zone;
    let (pre_moderation, first_comments) = match d.pre_moderation {
        PreModeration::Off => ("off", String::new()),
        PreModeration::All => ("all", String::new()),
        PreModeration::FirstComments(n) => ("first", n.to_string()),
    };
    DiscussionInput {
        title: d.title.clone(),
        introduction: d.introduction.clone(),
        questions: d.questions.join("\n"),
        topics: d.topics.join(", "),
        area: d.area.clone().unwrap_or_default(),
        opens_at: zone.input_value(d.opens_at),
        closes_at: zone.input_value(d.closes_at),
        language: d.language.clone(),
        pre_moderation: pre_moderation.to_owned(),
        first_comments,
        consultation_stage: d
            .consultation_stage
            .map(|l| l.form_value())
            .unwrap_or_default(),
    }
}

/// An imported discussion cannot change: 409 `discussion_imported`,
/// said in words on the error page, before any form is shown or read.
pub(super) fn refuse_imported(d: &Discussion) -> Result<(), AppError> {
    if d.imported {
        return Err(
            cohesion_services::ServiceError::Conflict(ValidationError::new(
                "discussion",
                ErrorCode::DiscussionImported,
            ))
            .into(),
        );
    }
    Ok(())
}

pub async fn edit_form(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let d = reading::discussion(&ctx.state.db, Some(&me), id).await?;
    refuse_imported(&d)?;
    let action = format!("/staff/discussions/{id}/edit");
    let page = details_page(
        &ctx,
        &me,
        (&action, "discussion-staff-edit-title"),
        format!("/staff/discussions/{id}"),
        &input_of(&ctx, &d),
        Vec::new(),
    )
    .await?;
    respond(StatusCode::OK, page, None)
}

pub async fn update(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(form): StrictForm<DetailsForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let id = path_id(&id)?;
    let db = &ctx.state.db;
    let d = reading::discussion(db, Some(&me), id).await?;
    refuse_imported(&d)?;
    let zone = &ctx.state.config.time_zone;
    let languages = ctx.state.languages();
    let input = &form.input;
    let outcome = authoring::update(db, &me, id, input, zone, &languages, Some(&client.0))
        .await
        .map_err(one_field_listed);
    submit_form(
        &ctx,
        outcome,
        |()| format!("/staff/discussions/{id}?done=discussion-saved"),
        async |errors| {
            let action = format!("/staff/discussions/{id}/edit");
            details_page(
                &ctx,
                &me,
                (&action, "discussion-staff-edit-title"),
                format!("/staff/discussions/{id}"),
                &form.input,
                errors,
            )
            .await
        },
    )
    .await
}
