//! Pages for officers: write a consultation, build its survey, set its
//! timeline, publish it and its results, and analyse the answers.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::consultation::{
    format_date, format_datetime, ConsultationInput, Stage, StageInput, StageLink, StageState,
};
use cohesion_domain::identity::Action;
use cohesion_domain::survey::builder::{place_of, placed, without_question, QuestionInput, KINDS};
use cohesion_domain::survey::model::{Demographic, QuestionDef};
use cohesion_services::consultations::{self, ConsultationView};
use cohesion_services::results;
use cohesion_services::ServiceError;
use cohesion_storage::consultations::catalogue::Publication;
use cohesion_ui::{ActionForm, Cell, Field, FieldError, FormPage, ReportPage, SummaryRow, Table};
use serde::Deserialize;

use crate::accounts::{messages, respond};
use crate::consultations::{consultation_id, figure, option_labels, rules, status_label};
use crate::error::AppError;
use crate::form::StrictForm;
use crate::pages::{ClientKey, PageCtx};
use crate::profile::{done_message, see_other, DoneQuery};
use crate::session::{check_session_csrf, Me};

fn t(ctx: &PageCtx, id: &str) -> String {
    ctx.locale().t(id).into_owned()
}

fn require(me: &cohesion_services::accounts::SignedIn, action: Action) -> Result<(), AppError> {
    if me.roles.allows(action) {
        Ok(())
    } else {
        Err(ServiceError::Forbidden.into())
    }
}

fn details_fields(ctx: &PageCtx, v: &ConsultationInput, errors: &[FieldError]) -> Vec<Field> {
    let text = |name, id: &str| Field::new(name, "text", "off", t(ctx, id));
    vec![
        text("title", "consultation-field-title")
            .value(&v.title)
            .errors_from(errors),
        Field::new(
            "summary",
            "textarea",
            "off",
            t(ctx, "consultation-field-summary"),
        )
        .hint(t(ctx, "consultation-field-summary-hint"))
        .value(&v.summary)
        .errors_from(errors),
        Field::new("body", "textarea", "off", t(ctx, "consultation-field-body"))
            .hint(t(ctx, "consultation-field-body-hint"))
            .value(&v.body)
            .errors_from(errors),
        text("topics", "consultation-field-topics")
            .hint(t(ctx, "consultation-field-topics-hint"))
            .value(&v.topics)
            .errors_from(errors),
        text("area", "consultation-field-area")
            .hint(t(ctx, "optional"))
            .value(&v.area)
            .errors_from(errors),
        Field::new(
            "opens_at",
            "datetime-local",
            "off",
            t(ctx, "consultation-field-opens"),
        )
        .hint(t(ctx, "consultation-field-time-hint"))
        .value(&v.opens_at)
        .errors_from(errors),
        Field::new(
            "closes_at",
            "datetime-local",
            "off",
            t(ctx, "consultation-field-closes"),
        )
        .hint(t(ctx, "consultation-field-time-hint"))
        .value(&v.closes_at)
        .errors_from(errors),
        Field::choice(
            "allow_anonymous",
            "radios",
            t(ctx, "consultation-field-anonymous"),
            vec![
                ("no".into(), t(ctx, "consultation-anonymous-no")),
                ("yes".into(), t(ctx, "consultation-anonymous-yes")),
            ],
        )
        .value(if v.allow_anonymous.is_empty() {
            "no"
        } else {
            &v.allow_anonymous
        })
        .errors_from(errors),
        Field::new(
            "strands",
            "textarea",
            "off",
            t(ctx, "consultation-field-strands"),
        )
        .hint(t(ctx, "consultation-field-strands-hint"))
        .value(&v.strands)
        .errors_from(errors),
        Field::new(
            "documents",
            "textarea",
            "off",
            t(ctx, "consultation-field-documents"),
        )
        .hint(t(ctx, "consultation-field-documents-hint"))
        .value(&v.documents)
        .errors_from(errors),
    ]
}

async fn details_page<'a>(
    ctx: &'a PageCtx,
    csrf: &str,
    action: &str,
    title_id: &str,
    back: String,
    v: &ConsultationInput,
    errors: Vec<FieldError>,
) -> Result<FormPage<'a>, AppError> {
    let mut page = FormPage::new(
        ctx.chrome_for(action, title_id).await?,
        csrf.to_owned(),
        action,
        t(ctx, "save"),
    );
    page.back = Some((back, t(ctx, "back")));
    page.fields = details_fields(ctx, v, &errors);
    page.errors = errors;
    Ok(page)
}

pub async fn new_form(ctx: PageCtx, Me(me): Me) -> Result<Response, AppError> {
    require(&me, Action::RunEngagement)?;
    let page = details_page(
        &ctx,
        &me.csrf,
        "/staff/consultations/new",
        "consultation-new-title",
        "/consultations".into(),
        &ConsultationInput::default(),
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
    input: ConsultationInput,
}

pub async fn create(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    StrictForm(form): StrictForm<DetailsForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    match consultations::create(&ctx.state.db, &me, &form.input, Some(&client.0)).await {
        Ok(id) => Ok(see_other(&format!(
            "/staff/consultations/{id}?done=consultation-created"
        ))),
        Err(ServiceError::InvalidFields(errors)) => {
            let errors = messages(&ctx, &errors);
            let page = details_page(
                &ctx,
                &me.csrf,
                "/staff/consultations/new",
                "consultation-new-title",
                "/consultations".into(),
                &form.input,
                errors,
            )
            .await?;
            respond(StatusCode::UNPROCESSABLE_ENTITY, page, None)
        }
        Err(e) => Err(e.into()),
    }
}

fn input_of(v: &ConsultationView) -> ConsultationInput {
    let c = &v.record;
    ConsultationInput {
        title: c.title.clone(),
        summary: c.summary.clone(),
        body: c.body.clone(),
        topics: c.topics.join(", "),
        area: c.area.clone().unwrap_or_default(),
        opens_at: format_datetime(c.opens_at.as_offset()),
        closes_at: format_datetime(c.closes_at.as_offset()),
        allow_anonymous: if c.allow_anonymous { "yes" } else { "no" }.into(),
        strands: c.strands.join("\n"),
        documents: cohesion_domain::consultation::documents_text(&c.documents),
    }
}

pub async fn edit_form(
    ctx: PageCtx,
    Me(me): Me,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    require(&me, Action::RunEngagement)?;
    let id = consultation_id(&id)?;
    let v = consultations::view(&ctx.state.db, Some(&me), id).await?;
    let action = format!("/staff/consultations/{id}/edit");
    let page = details_page(
        &ctx,
        &me.csrf,
        &action,
        "consultation-edit-title",
        format!("/staff/consultations/{id}"),
        &input_of(&v),
        Vec::new(),
    )
    .await?;
    respond(StatusCode::OK, page, None)
}

pub async fn update(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(form): StrictForm<DetailsForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let id = consultation_id(&id)?;
    match consultations::update(&ctx.state.db, &me, id, &form.input, Some(&client.0)).await {
        Ok(()) => Ok(see_other(&format!(
            "/staff/consultations/{id}?done=consultation-saved"
        ))),
        Err(ServiceError::InvalidFields(errors)) => {
            let errors = messages(&ctx, &errors);
            let action = format!("/staff/consultations/{id}/edit");
            let page = details_page(
                &ctx,
                &me.csrf,
                &action,
                "consultation-edit-title",
                format!("/staff/consultations/{id}"),
                &form.input,
                errors,
            )
            .await?;
            respond(StatusCode::UNPROCESSABLE_ENTITY, page, None)
        }
        Err(e) => Err(e.into()),
    }
}

fn kind_label(ctx: &PageCtx, q: &QuestionDef) -> String {
    let base = t(ctx, &format!("question-kind-{}", q.kind.key()));
    match &q.kind {
        cohesion_domain::survey::model::QuestionKind::Demographic { of, .. } => {
            format!(
                "{base}: {}",
                t(ctx, &format!("demographic-kind-{}", of.key()))
            )
        }
        _ => base,
    }
}

fn routing_text(ctx: &PageCtx, q: &QuestionDef, v: &ConsultationView) -> String {
    match &q.show_if {
        None => t(ctx, "question-always"),
        Some(rule) => {
            let labels = v
                .survey
                .question(&rule.question)
                .map(|target| option_labels(ctx, target))
                .unwrap_or_default();
            let picked: Vec<String> = rule
                .any_of
                .iter()
                .filter_map(|i| labels.get(*i).cloned())
                .collect();
            ctx.locale().t_args(
                "question-shown-if",
                &[
                    ("question", rule.question.as_str().into()),
                    ("options", ctx.locale().list(&picked).into()),
                ],
            )
        }
    }
}

pub async fn manage(
    ctx: PageCtx,
    Me(me): Me,
    Path(id): Path<String>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, AppError> {
    require(&me, Action::RunEngagement)?;
    let id = consultation_id(&id)?;
    let v = consultations::view(&ctx.state.db, Some(&me), id).await?;
    let c = &v.record;
    let path = format!("/staff/consultations/{id}");
    let mut ui = ctx.chrome_for(&path, "consultation-manage").await?;
    ui.title = c.title.clone();
    let mut page = ReportPage::new(ui);
    page.back = Some((
        format!("/consultations/{id}"),
        t(&ctx, "consultation-view-public"),
    ));
    page.done = done_message(&ctx, q.done.as_deref());
    page.csrf = me.csrf.clone();
    let (_, status) = status_label(&ctx, c);
    let yes_no = |b: bool| t(&ctx, if b { "yes" } else { "no" });
    page.rows = vec![
        SummaryRow::new(t(&ctx, "consultation-status"), status).change(
            &format!("/staff/consultations/{id}/edit"),
            t(&ctx, "consultation-edit-details"),
        ),
        SummaryRow::new(t(&ctx, "consultation-opens"), c.opens_at.to_minute()),
        SummaryRow::new(t(&ctx, "consultation-closes"), c.closes_at.to_minute()),
        SummaryRow::new(
            t(&ctx, "consultation-field-anonymous"),
            yes_no(c.allow_anonymous),
        ),
        SummaryRow::new(
            t(&ctx, "consultation-published"),
            c.published_at
                .map_or_else(|| t(&ctx, "no"), |p| p.to_minute()),
        ),
        SummaryRow::new(
            t(&ctx, "consultation-results-published"),
            c.results_published_at
                .map_or_else(|| t(&ctx, "no"), |p| p.to_minute()),
        )
        .change(
            &format!("/staff/consultations/{id}/results/publish"),
            t(
                &ctx,
                if c.results_published_at.is_none() {
                    "consultation-publish-results"
                } else {
                    "results-publication-change"
                },
            ),
        ),
        SummaryRow::new(
            t(&ctx, "consultation-responses"),
            c.response_count.to_string(),
        )
        .change(
            &format!("/consultations/{id}/results"),
            t(&ctx, "consultation-results-link"),
        ),
    ];
    let publication = |what: &str, publish: bool, label: &str| ActionForm {
        action: format!("/staff/consultations/{id}/publication"),
        hidden: vec![
            ("what", what.to_owned()),
            ("publish", if publish { "yes" } else { "no" }.to_owned()),
        ],
        fields: Vec::new(),
        button: t(&ctx, label),
        danger: !publish,
    };
    page.actions.push(if c.published_at.is_none() {
        publication("consultation", true, "consultation-publish")
    } else {
        publication("consultation", false, "consultation-unpublish")
    });
    // Publishing results means choosing what: that is its own form.
    if c.results_published_at.is_some() {
        page.actions.push(publication(
            "results",
            false,
            "consultation-withdraw-results",
        ));
    }
    let locked = c.response_count > 0;
    let mut questions = Vec::new();
    for (p, pg) in v.survey.pages.iter().enumerate() {
        for q in &pg.questions {
            let mut row = vec![
                Cell::from((p + 1).to_string()),
                Cell::from(q.id.clone()),
                Cell::from(q.text.clone()),
                Cell::from(kind_label(&ctx, q)),
                Cell::from(yes_no(q.required)),
                Cell::from(routing_text(&ctx, q, &v)),
            ];
            if !locked {
                // The question's text opens its edit form.
                row[2] = Cell::link(
                    q.text.clone(),
                    format!("/staff/consultations/{id}/questions/{}/edit", q.id),
                );
                row.push(Cell::link(
                    t(&ctx, "question-remove"),
                    format!("/staff/consultations/{id}/questions/{}/remove", q.id),
                ));
            }
            questions.push(row);
        }
    }
    let mut head = vec![
        t(&ctx, "question-page"),
        t(&ctx, "question-id"),
        t(&ctx, "question-text"),
        t(&ctx, "question-kind"),
        t(&ctx, "question-required"),
        t(&ctx, "question-routing"),
    ];
    if !locked {
        head.push(t(&ctx, "question-actions"));
    }
    page.tables.push(Table {
        caption: t(&ctx, "consultation-survey"),
        head,
        rows: questions,
        empty: t(&ctx, "consultation-survey-empty"),
    });
    page.lead = vec![if locked {
        t(&ctx, "consultation-survey-locked")
    } else {
        t(&ctx, "consultation-survey-lead")
    }];
    page.tables.push(Table {
        caption: t(&ctx, "consultation-timeline"),
        head: vec![
            t(&ctx, "stage-name"),
            t(&ctx, "stage-date"),
            t(&ctx, "stage-state"),
            t(&ctx, "question-actions"),
        ],
        rows: v
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| {
                vec![
                    Cell::from(s.name.clone()),
                    Cell::from(s.date.map(format_date).unwrap_or_default()),
                    Cell::from(t(&ctx, &format!("stage-{}", s.state.key()))),
                    Cell::link(
                        t(&ctx, "stage-remove"),
                        format!("/staff/consultations/{id}/stages/{}/remove", i + 1),
                    ),
                ]
            })
            .collect(),
        empty: t(&ctx, "consultation-timeline-empty"),
    });
    let (_, found) =
        cohesion_services::findings::shown(&ctx.state.db, Some(&me), id, rules(&ctx)).await?;
    page.tables.push(Table {
        caption: t(&ctx, "findings-heading"),
        head: vec![
            t(&ctx, "finding-field-title"),
            t(&ctx, "finding-field-question"),
            t(&ctx, "consultation-status"),
        ],
        rows: found
            .iter()
            .map(|f| {
                vec![
                    Cell::from(f.record.finding.title.clone()),
                    Cell::from(f.question.clone()),
                    Cell::from(t(
                        &ctx,
                        if f.record.published_at.is_some() {
                            "consultation-published"
                        } else {
                            "status-draft"
                        },
                    )),
                ]
            })
            .collect(),
        empty: t(&ctx, "findings-empty"),
    });
    for f in &found {
        let change = |what: &str, label: &str, danger: bool| ActionForm {
            action: format!("/staff/consultations/{id}/findings/{}", f.record.id),
            hidden: vec![("change", what.to_owned())],
            fields: Vec::new(),
            button: format!("{}: {}", t(&ctx, label), f.record.finding.title),
            danger,
        };
        page.actions.push(if f.record.published_at.is_some() {
            change("withdraw", "finding-withdraw", false)
        } else {
            change("publish", "finding-publish", false)
        });
        page.actions.push(change("remove", "finding-remove", true));
    }
    for (tag, name, missing, all) in crate::translations::missing_by_language(&ctx, &v).await? {
        page.rows.push(
            SummaryRow::new(
                ctx.locale()
                    .t_args("translations-row", &[("language", name.as_str().into())]),
                ctx.locale().t_args(
                    "translations-missing",
                    &[
                        ("missing", (missing as u64).into()),
                        ("all", (all as u64).into()),
                    ],
                ),
            )
            .change(
                &format!("/staff/consultations/{id}/translations/{tag}"),
                t(&ctx, "translations-translate"),
            ),
        );
    }
    let mut links = Vec::new();
    links.push((
        format!("/staff/consultations/{id}/findings/new"),
        t(&ctx, "finding-add"),
    ));
    if !locked {
        links.push((
            format!("/staff/consultations/{id}/questions/new"),
            t(&ctx, "question-add"),
        ));
    }
    links.push((
        format!("/staff/consultations/{id}/stages/new"),
        t(&ctx, "stage-add"),
    ));
    links.push((
        format!("/staff/consultations/{id}/analysis"),
        t(&ctx, "results-analysis-link"),
    ));
    links.push((
        format!("/staff/consultations/{id}/answers"),
        t(&ctx, "answers-title"),
    ));
    links.push((
        format!("/staff/consultations/{id}/weighting"),
        t(&ctx, "weighting-title"),
    ));
    links.extend(crate::exports::response_links(&ctx, Some(&me), id));
    page.links = links;
    respond(StatusCode::OK, page, None)
}

#[derive(Deserialize)]
pub struct PublicationForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    what: String,
    #[serde(default)]
    publish: String,
}

pub async fn publication(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(form): StrictForm<PublicationForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let id = consultation_id(&id)?;
    let what = match form.what.as_str() {
        "consultation" => Publication::Consultation,
        "results" => Publication::Results,
        _ => {
            return Err(cohesion_domain::ValidationError::new(
                "what",
                cohesion_domain::ErrorCode::InvalidChoice,
            )
            .into())
        }
    };
    let publish = match form.publish.as_str() {
        "yes" => true,
        "no" => false,
        _ => {
            return Err(cohesion_domain::ValidationError::new(
                "publish",
                cohesion_domain::ErrorCode::InvalidChoice,
            )
            .into())
        }
    };
    consultations::set_published(&ctx.state.db, &me, id, what, publish, Some(&client.0)).await?;
    let done = match (what, publish) {
        (Publication::Consultation, true) => "consultation-published",
        (Publication::Consultation, false) => "consultation-unpublished",
        (Publication::Results, true) => "results-published",
        (Publication::Results, false) => "results-withdrawn",
    };
    Ok(see_other(&format!("/staff/consultations/{id}?done={done}")))
}

/// The results publication form's fields: which questions, and the
/// population margins for weighted figures (empty: none).
fn publish_fields(
    ctx: &PageCtx,
    survey: &cohesion_domain::survey::model::SurveyDefinition,
    chosen: &[String],
    margins: &str,
    errors: &[FieldError],
) -> Vec<Field> {
    vec![
        Field::choice(
            "questions",
            "checkboxes",
            t(ctx, "results-publication-questions"),
            survey
                .questions()
                .filter(|q| cohesion_domain::analysis::publication::publishable(q))
                .map(|q| (q.id.clone(), format!("{}: {}", q.id, q.text)))
                .collect(),
        )
        .hint(t(ctx, "results-publication-questions-hint"))
        .ticked(chosen)
        .errors_from(errors),
        Field::new("margins", "textarea", "off", t(ctx, "weighting-margins"))
            .hint(t(ctx, "results-publication-margins-hint"))
            .value(margins)
            .errors_from(errors),
    ]
}

async fn publish_page<'a>(
    ctx: &'a PageCtx,
    csrf: &str,
    v: &ConsultationView,
    chosen: &[String],
    margins: &str,
    errors: Vec<FieldError>,
) -> Result<FormPage<'a>, AppError> {
    let id = v.record.id;
    let action = format!("/staff/consultations/{id}/results/publish");
    let mut page = FormPage::new(
        ctx.chrome_for(&action, "results-publication-title").await?,
        csrf.to_owned(),
        &action,
        t(ctx, "consultation-publish-results"),
    );
    page.back = Some((format!("/staff/consultations/{id}"), t(ctx, "back")));
    page.lead = vec![t(ctx, "results-publication-lead")];
    page.fields = publish_fields(ctx, &v.survey, chosen, margins, &errors);
    page.errors = errors;
    page.links = vec![(
        format!("/staff/consultations/{id}/weighting"),
        t(ctx, "results-publication-try-weighting"),
    )];
    Ok(page)
}

pub async fn publish_results_form(
    ctx: PageCtx,
    Me(me): Me,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    require(&me, Action::RunEngagement)?;
    let id = consultation_id(&id)?;
    let v = consultations::view(&ctx.state.db, Some(&me), id).await?;
    let (chosen, margins) = results::publication_choice(&ctx.state.db, &me, id).await?;
    let page = publish_page(&ctx, &me.csrf, &v, &chosen, &margins, Vec::new()).await?;
    respond(StatusCode::OK, page, None)
}

/// The form's fields as sent: ticked boxes repeat their name.
pub async fn publish_results(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(fields): StrictForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let value = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    };
    check_session_csrf(&me, value("csrf"))?;
    require(&me, Action::RunEngagement)?;
    let id = consultation_id(&id)?;
    let chosen: Vec<String> = fields
        .iter()
        .filter(|(k, _)| k == "questions")
        .map(|(_, v)| v.clone())
        .collect();
    let margins = value("margins");
    match results::publish(
        &ctx.state.db,
        &me,
        id,
        Some(&chosen),
        Some(margins),
        Some(&client.0),
    )
    .await
    {
        Ok(()) => Ok(see_other(&format!(
            "/staff/consultations/{id}?done=results-published"
        ))),
        Err(ServiceError::Invalid(e)) => {
            let v = consultations::view(&ctx.state.db, Some(&me), id).await?;
            let errors = messages(&ctx, &[e]);
            let page = publish_page(&ctx, &me.csrf, &v, &chosen, margins, errors).await?;
            respond(StatusCode::UNPROCESSABLE_ENTITY, page, None)
        }
        Err(e) => Err(e.into()),
    }
}

fn question_fields(
    ctx: &PageCtx,
    v: &QuestionInput,
    survey_pages: usize,
    errors: &[FieldError],
) -> Vec<Field> {
    let pages: Vec<(String, String)> = (1..=survey_pages + 1)
        .map(|p| {
            let label = if p == survey_pages + 1 {
                ctx.locale()
                    .t_args("question-new-page", &[("page", (p as u64).into())])
            } else {
                p.to_string()
            };
            (p.to_string(), label)
        })
        .collect();
    let default_page = survey_pages.max(1).to_string();
    vec![
        Field::choice("page", "select", t(ctx, "question-page"), pages)
            .value(if v.page.is_empty() {
                &default_page
            } else {
                &v.page
            })
            .errors_from(errors),
        Field::new("position", "text", "off", t(ctx, "question-position"))
            .hint(t(ctx, "question-position-hint"))
            .value(&v.position)
            .errors_from(errors),
        Field::choice(
            "kind",
            "select",
            t(ctx, "question-kind"),
            KINDS
                .iter()
                .map(|k| (k.to_string(), t(ctx, &format!("question-kind-{k}"))))
                .collect(),
        )
        .value(&v.kind)
        .errors_from(errors),
        Field::new("text", "textarea", "off", t(ctx, "question-text"))
            .value(&v.text)
            .errors_from(errors),
        Field::new("hint", "text", "off", t(ctx, "question-hint"))
            .hint(t(ctx, "optional"))
            .value(&v.hint)
            .errors_from(errors),
        Field::choice(
            "required",
            "radios",
            t(ctx, "question-required"),
            vec![("yes".into(), t(ctx, "yes")), ("no".into(), t(ctx, "no"))],
        )
        .value(if v.required.is_empty() {
            "no"
        } else {
            &v.required
        })
        .errors_from(errors),
        Field::new("options", "textarea", "off", t(ctx, "question-options"))
            .hint(t(ctx, "question-options-hint"))
            .value(&v.options)
            .errors_from(errors),
        Field::new("max", "text", "off", t(ctx, "question-max"))
            .hint(t(ctx, "question-max-hint"))
            .value(&v.max)
            .errors_from(errors),
        Field::new("min", "text", "off", t(ctx, "question-min"))
            .hint(t(ctx, "question-min-hint"))
            .value(&v.min)
            .errors_from(errors),
        Field::choice(
            "demographic",
            "select",
            t(ctx, "question-demographic"),
            std::iter::once((String::new(), t(ctx, "none")))
                .chain(Demographic::ALL.iter().map(|d| {
                    (
                        d.key().to_owned(),
                        t(ctx, &format!("demographic-kind-{}", d.key())),
                    )
                }))
                .collect(),
        )
        .value(&v.demographic)
        .errors_from(errors),
        Field::new("purpose", "textarea", "off", t(ctx, "question-purpose"))
            .hint(t(ctx, "question-purpose-hint"))
            .value(&v.purpose)
            .errors_from(errors),
        Field::new(
            "show_if_question",
            "text",
            "off",
            t(ctx, "question-show-if"),
        )
        .hint(t(ctx, "question-show-if-hint"))
        .value(&v.show_if_question)
        .errors_from(errors),
        Field::new(
            "show_if_options",
            "text",
            "off",
            t(ctx, "question-show-if-options"),
        )
        .hint(t(ctx, "question-show-if-options-hint"))
        .value(&v.show_if_options)
        .errors_from(errors),
    ]
}

/// The question form: adding one (`editing` is `None`) or changing
/// question `editing`.
async fn question_page<'a>(
    ctx: &'a PageCtx,
    csrf: &str,
    id: uuid::Uuid,
    pages: usize,
    v: &QuestionInput,
    errors: Vec<FieldError>,
    editing: Option<&str>,
) -> Result<FormPage<'a>, AppError> {
    let (action, title, lead) = match editing {
        None => (
            format!("/staff/consultations/{id}/questions/new"),
            "question-add",
            "question-add-lead",
        ),
        Some(qid) => (
            format!("/staff/consultations/{id}/questions/{qid}/edit"),
            "question-edit",
            "question-edit-lead",
        ),
    };
    let mut page = FormPage::new(
        ctx.chrome_for(&action, title).await?,
        csrf.to_owned(),
        &action,
        t(ctx, title),
    );
    page.back = Some((format!("/staff/consultations/{id}"), t(ctx, "back")));
    page.lead = vec![t(ctx, lead)];
    page.fields = question_fields(ctx, v, pages, &errors);
    page.errors = errors;
    Ok(page)
}

pub async fn question_form(
    ctx: PageCtx,
    Me(me): Me,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    require(&me, Action::RunEngagement)?;
    let id = consultation_id(&id)?;
    let v = consultations::view(&ctx.state.db, Some(&me), id).await?;
    let page = question_page(
        &ctx,
        &me.csrf,
        id,
        v.survey.pages.len(),
        &QuestionInput::default(),
        Vec::new(),
        None,
    )
    .await?;
    respond(StatusCode::OK, page, None)
}

#[derive(Deserialize)]
pub struct QuestionForm {
    #[serde(default)]
    csrf: String,
    #[serde(flatten)]
    input: QuestionInput,
}

/// Survey problems as form errors: they name a question or a page, and
/// the form shows them all against the question being added.
fn survey_messages(
    ctx: &PageCtx,
    errors: &[cohesion_domain::survey::model::DefinitionError],
) -> Vec<FieldError> {
    errors
        .iter()
        .map(|e| FieldError {
            field: "text",
            message: format!("{}: {}", e.at, t(ctx, &format!("reason-{}", e.code))),
        })
        .collect()
}

pub async fn add_question(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(form): StrictForm<QuestionForm>,
) -> Result<Response, AppError> {
    save_question(ctx, me, client, id, None, form).await
}

pub async fn edit_question_form(
    ctx: PageCtx,
    Me(me): Me,
    Path((id, qid)): Path<(String, String)>,
) -> Result<Response, AppError> {
    require(&me, Action::RunEngagement)?;
    let id = consultation_id(&id)?;
    let v = consultations::view(&ctx.state.db, Some(&me), id).await?;
    let (place, q) = place_of(&v.survey, &qid)
        .zip(v.survey.question(&qid))
        .ok_or(ServiceError::NotFound)?;
    let input = QuestionInput::from_question(place.page, place.position.unwrap_or(0), q);
    let page = question_page(
        &ctx,
        &me.csrf,
        id,
        v.survey.pages.len(),
        &input,
        Vec::new(),
        Some(&qid),
    )
    .await?;
    respond(StatusCode::OK, page, None)
}

pub async fn edit_question(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path((id, qid)): Path<(String, String)>,
    StrictForm(form): StrictForm<QuestionForm>,
) -> Result<Response, AppError> {
    save_question(ctx, me, client, id, Some(qid), form).await
}

/// Adds a question (`editing` is `None`) or changes one, keeping its id so
/// its translations stay with it. The survey service refuses both once
/// anyone has answered.
async fn save_question(
    ctx: PageCtx,
    me: cohesion_services::accounts::SignedIn,
    client: ClientKey,
    id: String,
    editing: Option<String>,
    form: QuestionForm,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    require(&me, Action::RunEngagement)?;
    let id = consultation_id(&id)?;
    let v = consultations::view(&ctx.state.db, Some(&me), id).await?;
    let pages = v.survey.pages.len();
    let refuse = |errors: Vec<FieldError>| async {
        let page = question_page(
            &ctx,
            &me.csrf,
            id,
            pages,
            &form.input,
            errors,
            editing.as_deref(),
        )
        .await?;
        respond(StatusCode::UNPROCESSABLE_ENTITY, page, None)
    };
    let question_id = match &editing {
        Some(qid) if v.survey.question(qid).is_none() => return Err(ServiceError::NotFound.into()),
        Some(qid) => qid.clone(),
        None => v.survey.next_id(),
    };
    let (place, question) = match form.input.build(&v.survey, question_id) {
        Ok(q) => q,
        Err(errors) => return refuse(messages(&ctx, &errors)).await,
    };
    let next = placed(&v.survey, place, question);
    let done = if editing.is_some() {
        "question-changed"
    } else {
        "question-added"
    };
    match consultations::set_survey(&ctx.state.db, &me, id, &next, Some(&client.0)).await {
        Ok(()) => Ok(see_other(&format!("/staff/consultations/{id}?done={done}"))),
        Err(ServiceError::InvalidSurvey(errors)) => refuse(survey_messages(&ctx, &errors)).await,
        Err(ServiceError::Invalid(e)) => {
            refuse(messages(
                &ctx,
                &[cohesion_domain::ValidationError::new("text", e.code)],
            ))
            .await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn remove_question_form(
    ctx: PageCtx,
    Me(me): Me,
    Path((id, qid)): Path<(String, String)>,
) -> Result<Response, AppError> {
    require(&me, Action::RunEngagement)?;
    let id = consultation_id(&id)?;
    let v = consultations::view(&ctx.state.db, Some(&me), id).await?;
    let q = v.survey.question(&qid).ok_or(ServiceError::NotFound)?;
    let action = format!("/staff/consultations/{id}/questions/{qid}/remove");
    let mut page = FormPage::new(
        ctx.chrome_for(&action, "question-remove").await?,
        me.csrf.clone(),
        &action,
        t(&ctx, "question-remove"),
    );
    page.back = Some((format!("/staff/consultations/{id}"), t(&ctx, "back")));
    page.lead = vec![q.text.clone()];
    page.danger = true;
    respond(StatusCode::OK, page, None)
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

pub async fn remove_question(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path((id, qid)): Path<(String, String)>,
    StrictForm(form): StrictForm<CsrfOnly>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    require(&me, Action::RunEngagement)?;
    let id = consultation_id(&id)?;
    let v = consultations::view(&ctx.state.db, Some(&me), id).await?;
    let next = without_question(&v.survey, &qid).ok_or(ServiceError::NotFound)?;
    consultations::set_survey(&ctx.state.db, &me, id, &next, Some(&client.0)).await?;
    Ok(see_other(&format!(
        "/staff/consultations/{id}?done=question-removed"
    )))
}

fn stage_fields(ctx: &PageCtx, v: &StageInput, errors: &[FieldError]) -> Vec<Field> {
    vec![
        Field::new("name", "text", "off", t(ctx, "stage-name"))
            .value(&v.name)
            .errors_from(errors),
        Field::new(
            "description",
            "textarea",
            "off",
            t(ctx, "stage-description"),
        )
        .hint(t(ctx, "optional"))
        .value(&v.description)
        .errors_from(errors),
        Field::new("date", "date", "off", t(ctx, "stage-date"))
            .hint(t(ctx, "stage-date-hint"))
            .value(&v.date)
            .errors_from(errors),
        Field::choice(
            "state",
            "radios",
            t(ctx, "stage-state"),
            StageState::ALL
                .iter()
                .map(|s| (s.key().to_owned(), t(ctx, &format!("stage-{}", s.key()))))
                .collect(),
        )
        .value(if v.state.is_empty() {
            "to_come"
        } else {
            &v.state
        })
        .errors_from(errors),
        Field::choice(
            "link",
            "select",
            t(ctx, "stage-link"),
            StageLink::ALL
                .iter()
                .map(|s| {
                    (
                        s.key().to_owned(),
                        t(ctx, &format!("stage-link-{}", s.key())),
                    )
                })
                .collect(),
        )
        .value(&v.link)
        .errors_from(errors),
    ]
}

async fn stage_page<'a>(
    ctx: &'a PageCtx,
    csrf: &str,
    id: uuid::Uuid,
    v: &StageInput,
    errors: Vec<FieldError>,
) -> Result<FormPage<'a>, AppError> {
    let action = format!("/staff/consultations/{id}/stages/new");
    let mut page = FormPage::new(
        ctx.chrome_for(&action, "stage-add").await?,
        csrf.to_owned(),
        &action,
        t(ctx, "stage-add"),
    );
    page.back = Some((format!("/staff/consultations/{id}"), t(ctx, "back")));
    page.fields = stage_fields(ctx, v, &errors);
    page.errors = errors;
    Ok(page)
}

pub async fn stage_form(
    ctx: PageCtx,
    Me(me): Me,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    require(&me, Action::RunEngagement)?;
    let id = consultation_id(&id)?;
    consultations::view(&ctx.state.db, Some(&me), id).await?;
    let page = stage_page(&ctx, &me.csrf, id, &StageInput::default(), Vec::new()).await?;
    respond(StatusCode::OK, page, None)
}

#[derive(Deserialize)]
pub struct StageForm {
    #[serde(default)]
    csrf: String,
    #[serde(flatten)]
    input: StageInput,
}

fn stage_input(s: &Stage) -> StageInput {
    StageInput {
        name: s.name.clone(),
        description: s.description.clone(),
        date: s.date.map(format_date).unwrap_or_default(),
        state: s.state.key().to_owned(),
        link: s.link.key().to_owned(),
    }
}

pub async fn add_stage(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(form): StrictForm<StageForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    require(&me, Action::RunEngagement)?;
    let id = consultation_id(&id)?;
    let v = consultations::view(&ctx.state.db, Some(&me), id).await?;
    let mut all: Vec<StageInput> = v.stages.iter().map(stage_input).collect();
    all.push(form.input.clone());
    match consultations::set_stages(&ctx.state.db, &me, id, &all, Some(&client.0)).await {
        Ok(()) => Ok(see_other(&format!(
            "/staff/consultations/{id}?done=stage-added"
        ))),
        Err(ServiceError::InvalidFields(errors)) => {
            let errors = messages(&ctx, &errors);
            let page = stage_page(&ctx, &me.csrf, id, &form.input, errors).await?;
            respond(StatusCode::UNPROCESSABLE_ENTITY, page, None)
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn remove_stage_form(
    ctx: PageCtx,
    Me(me): Me,
    Path((id, n)): Path<(String, String)>,
) -> Result<Response, AppError> {
    require(&me, Action::RunEngagement)?;
    let id = consultation_id(&id)?;
    let v = consultations::view(&ctx.state.db, Some(&me), id).await?;
    let index = n
        .parse::<usize>()
        .ok()
        .filter(|i| *i >= 1 && *i <= v.stages.len())
        .ok_or(ServiceError::NotFound)?;
    let action = format!("/staff/consultations/{id}/stages/{index}/remove");
    let mut page = FormPage::new(
        ctx.chrome_for(&action, "stage-remove").await?,
        me.csrf.clone(),
        &action,
        t(&ctx, "stage-remove"),
    );
    page.back = Some((format!("/staff/consultations/{id}"), t(&ctx, "back")));
    page.lead = vec![v.stages[index - 1].name.clone()];
    page.danger = true;
    respond(StatusCode::OK, page, None)
}

pub async fn remove_stage(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path((id, n)): Path<(String, String)>,
    StrictForm(form): StrictForm<CsrfOnly>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    require(&me, Action::RunEngagement)?;
    let id = consultation_id(&id)?;
    let v = consultations::view(&ctx.state.db, Some(&me), id).await?;
    let index = n
        .parse::<usize>()
        .ok()
        .filter(|i| *i >= 1 && *i <= v.stages.len())
        .ok_or(ServiceError::NotFound)?;
    let all: Vec<StageInput> = v
        .stages
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != index - 1)
        .map(|(_, s)| stage_input(s))
        .collect();
    consultations::set_stages(&ctx.state.db, &me, id, &all, Some(&client.0)).await?;
    Ok(see_other(&format!(
        "/staff/consultations/{id}?done=stage-removed"
    )))
}

#[derive(Deserialize, Default)]
pub struct AnalysisQuery {
    #[serde(default)]
    rows: String,
    #[serde(default)]
    columns: String,
}

/// What every analyst's page about a consultation starts with: the
/// right to analyse, the consultation (drafts for staff only) and a page
/// titled "`name`: the consultation's title".
async fn analysis_frame<'a>(
    ctx: &'a PageCtx,
    me: &cohesion_services::accounts::SignedIn,
    raw_id: &str,
    name: &str,
) -> Result<(uuid::Uuid, ConsultationView, ReportPage<'a>), AppError> {
    require(me, Action::Analyse)?;
    let id = consultation_id(raw_id)?;
    let v = consultations::view(&ctx.state.db, Some(me), id).await?;
    let path = format!("/staff/consultations/{id}/{name}");
    let mut ui = ctx.chrome_for(&path, &format!("{name}-title")).await?;
    ui.title = ctx.locale().t_args(
        &format!("{name}-title-of"),
        &[("title", v.record.title.as_str().into())],
    );
    Ok((id, v, ReportPage::new(ui)))
}

/// Crosstabs for analysts and officers: respondents by their answers to
/// two choice questions, suppressed like every published figure.
pub async fn analysis(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path(id): Path<String>,
    Query(q): Query<AnalysisQuery>,
) -> Result<Response, AppError> {
    let (id, v, mut page) = analysis_frame(&ctx, &me, &id, "analysis").await?;
    let path = format!("/staff/consultations/{id}/analysis");
    page.back = Some((format!("/consultations/{id}/results"), t(&ctx, "back")));
    let choices: Vec<(String, String)> =
        std::iter::once((String::new(), t(&ctx, "analysis-choose")))
            .chain(
                v.survey
                    .questions()
                    .filter(|q| q.kind.is_choice())
                    .map(|q| (q.id.clone(), format!("{}: {}", q.id, q.text))),
            )
            .collect();
    page.filter = Some(cohesion_ui::Filter {
        action: path.clone(),
        fields: vec![
            Field::choice("rows", "select", t(&ctx, "analysis-rows"), choices.clone())
                .value(&q.rows),
            Field::choice("columns", "select", t(&ctx, "analysis-columns"), choices)
                .value(&q.columns),
        ],
        button: t(&ctx, "analysis-show"),
    });
    page.lead = vec![t(&ctx, "analysis-lead")];
    if !q.rows.is_empty() && !q.columns.is_empty() {
        let x = results::crosstab(
            &ctx.state.db,
            &me,
            id,
            &q.rows,
            &q.columns,
            rules(&ctx),
            Some(&client.0),
        )
        .await?;
        let row_labels = option_labels(&ctx, &x.rows_by);
        let col_labels = option_labels(&ctx, &x.columns_by);
        let mut head = vec![String::new()];
        head.extend(col_labels.iter().cloned());
        head.push(t(&ctx, "analysis-total"));
        let mut rows: Vec<Vec<Cell>> = row_labels
            .iter()
            .enumerate()
            .map(|(i, label)| {
                let mut row = vec![Cell::from(label.clone())];
                for j in 0..col_labels.len() {
                    let cell = results::Cell {
                        count: x.cells[i][j],
                        share: x.shares[i][j],
                    };
                    row.push(Cell::from(figure(&ctx, &cell)));
                }
                row.push(Cell::from(
                    x.row_totals[i].map_or_else(|| t(&ctx, "results-hidden"), |n| n.to_string()),
                ));
                row
            })
            .collect();
        let mut totals = vec![Cell::from(t(&ctx, "analysis-total"))];
        totals.extend(
            x.column_totals.iter().map(|n| {
                Cell::from(n.map_or_else(|| t(&ctx, "results-hidden"), |n| n.to_string()))
            }),
        );
        totals.push(Cell::from(String::new()));
        rows.push(totals);
        page.tables.push(Table {
            caption: ctx.locale().t_args(
                "analysis-caption",
                &[
                    ("rows", x.rows_by.text.as_str().into()),
                    ("columns", x.columns_by.text.as_str().into()),
                ],
            ),
            head,
            rows,
            empty: String::new(),
        });
    }
    respond(StatusCode::OK, page, None)
}

#[derive(Deserialize, Default)]
pub struct AnswersQuery {
    #[serde(default)]
    question: String,
    #[serde(default)]
    search: String,
    #[serde(default)]
    page: Option<u32>,
}

/// The written answers to a question, for staff who analyse, searchable
/// and paged. Email addresses, phone numbers and postcodes are masked
/// before display: staff read what people think, not how to reach them.
pub async fn answers(
    ctx: PageCtx,
    Me(me): Me,
    Path(id): Path<String>,
    Query(q): Query<AnswersQuery>,
) -> Result<Response, AppError> {
    let (id, v, mut page) = analysis_frame(&ctx, &me, &id, "answers").await?;
    let path = format!("/staff/consultations/{id}/answers");
    page.back = Some((format!("/staff/consultations/{id}"), t(&ctx, "back")));
    let text_questions: Vec<(String, String)> = v
        .survey
        .questions()
        .filter(|q| {
            !q.kind.is_choice()
                && matches!(
                    q.kind,
                    cohesion_domain::survey::model::QuestionKind::ShortText
                        | cohesion_domain::survey::model::QuestionKind::LongText { .. }
                )
        })
        .map(|q| (q.id.clone(), format!("{}: {}", q.id, q.text)))
        .collect();
    let question = if q.question.is_empty() {
        text_questions
            .first()
            .map(|(id, _)| id.clone())
            .unwrap_or_default()
    } else {
        q.question.clone()
    };
    page.filter = Some(cohesion_ui::Filter {
        action: path.clone(),
        fields: vec![
            Field::choice(
                "question",
                "select",
                t(&ctx, "question-text"),
                text_questions.clone(),
            )
            .value(&question),
            Field::new(
                "search",
                "search",
                "off",
                t(&ctx, "consultations-filter-search"),
            )
            .value(&q.search),
        ],
        button: t(&ctx, "analysis-show"),
    });
    if question.is_empty() {
        page.lead = vec![t(&ctx, "answers-none")];
        return respond(StatusCode::OK, page, None);
    }
    let current = q.page.unwrap_or(1).clamp(1, 100_000);
    let (def, list, total) =
        results::texts(&ctx.state.db, &me, id, &question, &q.search, current).await?;
    page.lead = vec![ctx
        .locale()
        .t_args("answers-count", &[("count", (total.max(0) as u64).into())])];
    if matches!(
        def.kind,
        cohesion_domain::survey::model::QuestionKind::LongText { .. }
    ) {
        page.links.push((
            format!("/staff/consultations/{id}/themes/{}", def.id),
            ctx.locale()
                .t_args("themes-link", &[("question", def.text.as_str().into())]),
        ));
    }
    page.tables.push(Table {
        caption: def.text.clone(),
        head: vec![t(&ctx, "export-reference"), t(&ctx, "answers-answer")],
        rows: list
            .into_iter()
            .map(|(reference, text)| {
                vec![
                    Cell::from(reference),
                    Cell::from(cohesion_insight::text::pii::mask(&text).into_owned()),
                ]
            })
            .collect(),
        empty: t(&ctx, "answers-empty"),
    });
    if i64::from(current) * results::TEXTS_PAGE < total {
        let mut next = form_urlencoded::Serializer::new(String::new());
        next.append_pair("question", &question);
        next.append_pair("search", &q.search);
        next.append_pair("page", &(current + 1).to_string());
        page.next = Some(format!("{path}?{}", next.finish()));
    }
    respond(StatusCode::OK, page, None)
}

#[derive(Deserialize, Default)]
pub struct WeightingQuery {
    #[serde(default)]
    margins: String,
}

/// Results weighted to population margins, for staff who analyse, with
/// the raking report; every figure is labelled as weighted.
pub async fn weighting(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path(id): Path<String>,
    Query(q): Query<WeightingQuery>,
) -> Result<Response, AppError> {
    let (id, v, mut page) = analysis_frame(&ctx, &me, &id, "weighting").await?;
    let path = format!("/staff/consultations/{id}/weighting");
    page.back = Some((format!("/staff/consultations/{id}"), t(&ctx, "back")));
    let choices: Vec<String> = v
        .survey
        .questions()
        .filter(|q| {
            q.kind.is_choice()
                && !matches!(
                    q.kind,
                    cohesion_domain::survey::model::QuestionKind::MultipleChoice { .. }
                )
        })
        .map(|q| format!("{} ({}): {}", q.id, option_labels(&ctx, q).len(), q.text))
        .collect();
    page.lead = vec![t(&ctx, "weighting-lead"), choices.join(" · ")];
    let mut errors = Vec::new();
    let fields = |errors: &[FieldError]| {
        vec![
            Field::new("margins", "textarea", "off", t(&ctx, "weighting-margins"))
                .hint(t(&ctx, "weighting-margins-hint"))
                .value(&q.margins)
                .errors_from(errors),
        ]
    };
    if q.margins.trim().is_empty() {
        page.filter = Some(cohesion_ui::Filter {
            action: path.clone(),
            fields: fields(&errors),
            button: t(&ctx, "weighting-apply"),
        });
        return respond(StatusCode::OK, page, None);
    }
    let rules = rules(&ctx);
    let result = match results::weighted(&ctx.state.db, &me, id, &q.margins, Some(&client.0)).await
    {
        Ok(w) => Some(w),
        Err(ServiceError::Invalid(e)) => {
            errors = messages(&ctx, &[e]);
            None
        }
        Err(e) => return Err(e.into()),
    };
    page.filter = Some(cohesion_ui::Filter {
        action: path.clone(),
        fields: fields(&errors),
        button: t(&ctx, "weighting-apply"),
    });
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    page.errors = errors;
    if let Some(w) = result {
        let r = &w.report;
        let yes_no = |b: bool| t(&ctx, if b { "yes" } else { "no" });
        page.rows = vec![
            SummaryRow::new(t(&ctx, "weighting-included"), w.included.to_string()),
            SummaryRow::new(t(&ctx, "weighting-excluded"), w.excluded.to_string()),
            SummaryRow::new(
                t(&ctx, "weighting-converged"),
                format!(
                    "{} ({} {})",
                    yes_no(r.converged),
                    r.iterations,
                    t(&ctx, "weighting-iterations")
                ),
            ),
            SummaryRow::new(
                t(&ctx, "weighting-max-error"),
                format!("{:.2e}", r.max_error),
            ),
            SummaryRow::new(
                t(&ctx, "weighting-effective"),
                format!("{:.0}", r.effective_sample_size),
            ),
            SummaryRow::new(
                t(&ctx, "weighting-range"),
                format!("{:.2} – {:.2}", r.min_weight, r.max_weight),
            ),
            SummaryRow::new(t(&ctx, "weighting-trimmed"), r.trimmed.to_string()),
        ];
        for (question, tally) in &w.questions {
            let labels = option_labels(&ctx, question);
            let percent = tally.base >= rules.min_base_for_percent;
            page.tables.push(Table {
                caption: ctx.locale().t_args(
                    "weighting-caption",
                    &[
                        ("question", question.text.as_str().into()),
                        ("base", tally.base.into()),
                        ("effective", format!("{:.0}", tally.effective_base).into()),
                    ],
                ),
                head: vec![
                    t(&ctx, "results-option"),
                    t(&ctx, "weighting-share"),
                    t(&ctx, "weighting-unweighted"),
                ],
                rows: labels
                    .iter()
                    .zip(&tally.options)
                    .map(|(label, o)| {
                        let hidden = o.count < rules.min_count;
                        let share = if hidden {
                            t(&ctx, "results-hidden")
                        } else if !percent {
                            t(&ctx, "weighting-base-small")
                        } else {
                            format!(
                                "{:.0}% ({:.0}–{:.0}%)",
                                o.share * 100.0,
                                o.low * 100.0,
                                o.high * 100.0
                            )
                        };
                        let count = if hidden {
                            t(&ctx, "results-hidden")
                        } else {
                            o.count.to_string()
                        };
                        vec![
                            Cell::from(label.clone()),
                            Cell::from(share),
                            Cell::from(count),
                        ]
                    })
                    .collect(),
                empty: String::new(),
            });
        }
    }
    respond(status, page, None)
}
