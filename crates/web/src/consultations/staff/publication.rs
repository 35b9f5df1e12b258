//! Publishing a consultation, and choosing what of its results the
//! public sees; publishing the consultation and withdrawing either ask
//! first (ADR 22).

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::consultation::{Consultation, Publication, Status};
use cohesion_domain::survey::model::SurveyDefinition;
use cohesion_domain::timestamp::Timestamp;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::authoring;
use cohesion_services::consultations::reading::{self, ConsultationView};
use cohesion_services::consultations::results::publication;
use cohesion_ui::{ConfirmNote, Field, FieldError, FormPage, Phrase, Value};
use serde::Deserialize;
use uuid::Uuid;

use crate::consultations::listings::RECENTLY_CLOSED_DAYS;
use crate::consultations::translations::coverage_by_language;
use crate::consultations::wording::tn;
use crate::kit::confirm::{act_or_ask, ask, ask_noting, asked_about, confirmed, stale, Ask};
use crate::kit::{
    check_session_csrf, one_field_listed, path_id, respond, see_other, submit_form, AppError,
    ClientKey, Langs, May, PageCtx, RunEngagement, StrictForm,
};

/// What to publish or withdraw: the query of the asking page, and the
/// form.
#[derive(Deserialize)]
pub struct PublicationForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    what: String,
    #[serde(default)]
    publish: String,
    #[serde(default)]
    confirm: String,
}

fn chosen(form: &PublicationForm) -> Result<(Publication, bool), AppError> {
    let invalid = |field| AppError::from(ValidationError::new(field, ErrorCode::InvalidChoice));
    let what = match form.what.as_str() {
        "consultation" => Publication::Consultation,
        "results" => Publication::Results,
        _ => return Err(invalid("what")),
    };
    match form.publish.as_str() {
        "yes" => Ok((what, true)),
        "no" => Ok((what, false)),
        _ => Err(invalid("publish")),
    }
}

/// "Withdraw …?": what withdrawing the consultation (how many responses
/// it keeps) or its results takes from the public. Refused with a 409
/// when there is nothing published to withdraw.
async fn withdrawal_question(
    ctx: &PageCtx,
    me: &SignedIn,
    id: Uuid,
    what: Publication,
) -> Result<Ask, AppError> {
    let v = reading::view(&ctx.state.db, Some(me), id).await?;
    let c = &v.consultation;
    let published = match what {
        Publication::Consultation => c.published_at,
        Publication::Results => c.results_published_at,
    };
    if published.is_none() {
        return Err(stale("publish", ErrorCode::NotPublished));
    }
    let title = Langs::as_written(ctx, &c.language).original(asked_about(&c.title));
    let args = [
        ("title", Value::Shown(&title)),
        ("count", Value::Number(c.response_count.max(0) as u64)),
    ];
    let (key, what_key) = match what {
        Publication::Consultation => ("confirm-withdraw-consultation", "consultation"),
        Publication::Results => ("confirm-withdraw-results", "results"),
    };
    // A closed consultation takes no responses either way: what it loses
    // is being public, with its results if they are.
    let closed = c.status(Timestamp::now()) == Status::Closed;
    let lead_part = match (what, closed, c.results_published_at) {
        (Publication::Consultation, true, Some(_)) => "lead-closed-results",
        (Publication::Consultation, true, None) => "lead-closed",
        _ => "lead",
    };
    let lead = [lead_part, "kept"]
        .iter()
        .map(|part| ctx.phrase(&format!("{key}-{part}"), &args))
        .collect();
    Ok(Ask {
        after: Vec::new(),
        title: ctx.phrase(&format!("{key}-title"), &args),
        lead,
        points: Vec::new(),
        warning: None,
        hidden: vec![("what", what_key.to_owned()), ("publish", "no".to_owned())],
        button: ctx.t(&format!("{key}-button")),
        danger: true,
        cancel: format!("/staff/consultations/{id}"),
    })
}

/// For each language some of whose translations of the consultation's
/// texts are missing or need review: how many, and the way to its
/// translations page, after a paragraph saying that publishing is still
/// allowed. Empty when every language has every text.
async fn translation_notes(
    ctx: &PageCtx,
    v: &ConsultationView,
) -> Result<Vec<ConfirmNote>, AppError> {
    let id = v.consultation.id;
    let mut notes = Vec::new();
    for c in coverage_by_language(ctx, v).await? {
        let (missing, stale, all) = (c.counts.missing, c.counts.stale, c.counts.all);
        if missing == 0 && stale == 0 {
            continue;
        }
        let language = c.name;
        let mut said = Vec::new();
        for (count, message) in [
            (missing, "confirm-publish-untranslated"),
            (stale, "confirm-publish-stale"),
        ] {
            if count > 0 {
                said.push(ctx.phrase(
                    message,
                    &[
                        ("language", Value::Shown(&language)),
                        ("count", Value::Number(count as u64)),
                        ("all", Value::Number(all as u64)),
                    ],
                ));
            }
        }
        notes.push(ConfirmNote {
            text: Phrase::join(said, " "),
            link: Some((
                format!("/staff/consultations/{id}/translations/{}", c.tag),
                ctx.phrase(
                    "confirm-publish-translate",
                    &[("language", Value::Shown(&language))],
                ),
            )),
        });
    }
    if !notes.is_empty() {
        let lead = ConfirmNote {
            text: ctx.t("confirm-publish-translations").into(),
            link: None,
        };
        notes.insert(0, lead);
    }
    Ok(notes)
}

/// "Publish …?": what publishing makes public and when it takes
/// responses, with notes on the translations still to do. Refused with
/// a 409 while the survey has no question.
async fn publishing_question(
    ctx: &PageCtx,
    me: &SignedIn,
    id: Uuid,
) -> Result<(Ask, Vec<ConfirmNote>), AppError> {
    let v = reading::view(&ctx.state.db, Some(me), id).await?;
    let c = &v.consultation;
    let questions = v.survey.questions().count();
    if questions == 0 {
        return Err(stale("survey", ErrorCode::NoQuestions));
    }
    let title = Langs::as_written(ctx, &c.language).original(asked_about(&c.title));
    let when = where_listed(ctx, c);
    // A phrase, so that the plural forms Fluent chooses come without its
    // isolation marks around them (ADR 20).
    let size = ctx.phrase(
        "confirm-publish-size",
        &[
            ("questions", Value::Number(questions as u64)),
            ("pages", Value::Number(v.survey.pages.len() as u64)),
        ],
    );
    let notes = translation_notes(ctx, &v).await?;
    let ask = Ask {
        after: Vec::new(),
        title: ctx.phrase(
            "confirm-publish-consultation-title",
            &[("title", Value::Shown(&title))],
        ),
        lead: vec![when],
        points: vec![size, ctx.t("confirm-publish-locks").into()],
        warning: None,
        hidden: vec![
            ("what", "consultation".to_owned()),
            ("publish", "yes".to_owned()),
        ],
        button: ctx.t("confirm-publish-consultation-button"),
        danger: false,
        cancel: format!("/staff/consultations/{id}"),
    };
    Ok((ask, notes))
}

/// Where publishing lists the consultation and when it takes responses,
/// as its dates make it: upcoming ones under "Opening soon" on Get
/// involved until they open (the home page lists only open ones), open
/// ones on the home page too, closed ones with the closed consultations
/// (and under "Recently closed" while they are recent).
fn where_listed(ctx: &PageCtx, c: &Consultation) -> Phrase {
    let d = ctx.dates();
    let (opens, closes) = (d.at(c.opens_at), d.at(c.closes_at));
    let now = Timestamp::now();
    match c.status(now) {
        Status::Upcoming => d.sentence(
            "confirm-publish-upcoming",
            &[("opens", &opens), ("closes", &closes)],
        ),
        Status::Open => d.with("confirm-publish-open", "closes", closes),
        Status::Closed => {
            let recent = now.as_offset() - c.closes_at.as_offset()
                < time::Duration::days(RECENTLY_CLOSED_DAYS);
            let id = match recent {
                true => "confirm-publish-closed-recently",
                false => "confirm-publish-closed",
            };
            d.with(id, "closes", closes)
        }
    }
}

pub async fn ask_publication(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path(id): Path<String>,
    Query(form): Query<PublicationForm>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let (what, publish) = chosen(&form)?;
    let action = format!("/staff/consultations/{id}/publication");
    let question = match (what, publish) {
        // Publishing results is choosing what: its own form asks.
        (Publication::Results, true) => {
            return Ok(see_other(&format!(
                "/staff/consultations/{id}/results/publish"
            )))
        }
        (Publication::Consultation, true) => {
            let (question, notes) = publishing_question(&ctx, &me, id).await?;
            return ask_noting(&ctx, &me.csrf, &action, question, notes).await;
        }
        (what, false) => withdrawal_question(&ctx, &me, id, what).await?,
    };
    ask(&ctx, &me.csrf, &action, question).await
}

pub async fn publication(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(form): StrictForm<PublicationForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let id = path_id(&id)?;
    let (what, publish) = chosen(&form)?;
    let act = async || {
        let db = &ctx.state.db;
        authoring::set_published(db, &me, id, what, publish, Some(&client.0)).await?;
        let done = match (what, publish) {
            (Publication::Consultation, true) => "consultation-published",
            (Publication::Consultation, false) => "consultation-unpublished",
            (Publication::Results, true) => "results-published",
            (Publication::Results, false) => "results-withdrawn",
        };
        Ok(format!("/staff/consultations/{id}?done={done}"))
    };
    if what == Publication::Results && publish {
        // What the results publication form sends once chosen.
        return Ok(see_other(&act().await?));
    }
    let action = format!("/staff/consultations/{id}/publication");
    if publish && !confirmed(&form.confirm) {
        // Asked again, with its notes, as the asking page has them.
        let (question, notes) = publishing_question(&ctx, &me, id).await?;
        return ask_noting(&ctx, &me.csrf, &action, question, notes).await;
    }
    let question = async || withdrawal_question(&ctx, &me, id, what).await;
    act_or_ask(&ctx, &me.csrf, &action, &form.confirm, question, act).await
}

/// The results publication form's fields: which questions, and the
/// population margins for weighted figures (empty: none).
fn publish_fields(
    ctx: &PageCtx,
    survey: &SurveyDefinition,
    chosen: &[String],
    margins: &str,
    errors: &[FieldError],
) -> Vec<Field> {
    vec![
        Field::choice(
            "questions",
            "checkboxes",
            ctx.t("results-publication-questions"),
            survey
                .questions()
                .filter(|q| cohesion_domain::analysis::publication::publishable(q))
                .map(|q| (q.id.clone(), format!("{}: {}", q.id, q.text)))
                .collect(),
        )
        .hint(ctx.t("results-publication-questions-hint"))
        .ticked(chosen)
        .errors_from(errors),
        Field::new("margins", "textarea", "off", ctx.t("weighting-margins"))
            .hint(ctx.t("results-publication-margins-hint"))
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
    let id = v.consultation.id;
    let action = format!("/staff/consultations/{id}/results/publish");
    let mut page = FormPage::new(
        ctx.chrome_for(&action, "results-publication-title").await?,
        csrf.to_owned(),
        &action,
        ctx.t("consultation-publish-results"),
    );
    page.back = Some((format!("/staff/consultations/{id}"), ctx.t("back")));
    page.lead = vec![ctx.t("results-publication-lead").into()];
    if v.consultation.status(Timestamp::now()) == Status::Open {
        let min = ctx.state.config.small_base.min_count;
        page.lead
            .push(tn(ctx, "results-publication-snapshot", "count", min).into());
    }
    page.fields = publish_fields(ctx, &v.survey, chosen, margins, &errors);
    page.errors = errors;
    page.links = vec![(
        format!("/staff/consultations/{id}/weighting"),
        ctx.t("results-publication-try-weighting"),
    )];
    Ok(page)
}

pub async fn publish_results_form(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let v = reading::view(&ctx.state.db, Some(&me), id).await?;
    let (chosen, margins) = publication::publication_choice(&ctx.state.db, &me, id).await?;
    let page = publish_page(&ctx, &me.csrf, &v, &chosen, &margins, Vec::new()).await?;
    respond(StatusCode::OK, page, None)
}

/// The form's fields as sent: ticked boxes repeat their name.
pub async fn publish_results(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
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
    let id = path_id(&id)?;
    let chosen: Vec<String> = fields
        .iter()
        .filter(|(k, _)| k == "questions")
        .map(|(_, v)| v.clone())
        .collect();
    let margins = value("margins");
    let outcome = publication::publish(
        &ctx.state.db,
        &me,
        id,
        Some(&chosen),
        Some(margins),
        Some(&client.0),
    )
    .await;
    submit_form(
        &ctx,
        outcome.map_err(one_field_listed),
        |()| format!("/staff/consultations/{id}?done=results-published"),
        async |errors| {
            let v = reading::view(&ctx.state.db, Some(&me), id).await?;
            publish_page(&ctx, &me.csrf, &v, &chosen, margins, errors).await
        },
    )
    .await
}
