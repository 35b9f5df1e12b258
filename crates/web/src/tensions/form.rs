//! The public form: anyone, signed in or not, CSRF-protected, throttled
//! per client across servers; an acknowledgement with a reference and
//! the review promise, never a copy of the text.

use axum::extract::Query;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use cohesion_domain::tension::{Kind, Police, ReportInput, ELSEWHERE, MAX_TEXT_CHARS};
use cohesion_services::tensions::reporting;
use cohesion_services::ServiceError;
use cohesion_ui::tensions::{ClosedPage, ReportForm, SentPage};
use cohesion_ui::{Field, FieldError};
use serde::Deserialize;

use crate::kit::form::{text_problems, TextWords};
use crate::kit::{
    anon_csrf, check_csrf, respond, see_other, too_many, AppError, ClientKey, CurrentUser, PageCtx,
    StrictForm,
};

const PATH: &str = "/tension-reports/new";

async fn fields(
    ctx: &PageCtx,
    v: &ReportInput,
    errors: &[FieldError],
) -> Result<(Vec<Field>, Field, Vec<Field>), AppError> {
    let locale = ctx.locale().tag().to_owned();
    let mut areas = vec![(String::new(), ctx.t("tension-area-choose"))];
    for a in cohesion_services::site::areas::in_use(&ctx.state.db).await? {
        areas.push((a.id.to_string(), a.name_in(&locale).to_owned()));
    }
    areas.push((ELSEWHERE.to_owned(), ctx.t("tension-area-elsewhere")));
    let kinds = Kind::ALL
        .iter()
        .map(|k| {
            (
                k.key().to_owned(),
                ctx.t(&format!("tension-kind-{}", k.key())),
            )
        })
        .collect();
    let police = Police::ALL
        .iter()
        .map(|p| {
            (
                p.key().to_owned(),
                ctx.t(&format!("tension-police-{}", p.key())),
            )
        })
        .collect();
    let before = vec![
        Field::choice("area", "select", ctx.t("tension-area"), areas)
            .value(&v.area)
            .errors_from(errors),
        Field::choice("kind", "radios", ctx.t("tension-kind"), kinds)
            .value(&v.kind)
            .errors_from(errors),
        Field::new("occurred_on", "date", "off", ctx.t("tension-when"))
            .hint(ctx.t("tension-when-hint"))
            .value(&v.occurred_on)
            .errors_from(errors),
    ];
    let text = Field::new("text", "textarea", "off", ctx.t("tension-text"))
        .hint(ctx.locale().t_plain(
            "tension-text-hint",
            &[("limit", (MAX_TEXT_CHARS as u64).into())],
        ))
        .counted(MAX_TEXT_CHARS)
        .value(&v.text)
        .errors_from(errors);
    let after = vec![
        Field::choice("police", "radios", ctx.t("tension-police"), police)
            .value(&v.police)
            .errors_from(errors),
    ];
    Ok((before, text, after))
}

async fn page<'a>(
    ctx: &'a PageCtx,
    csrf: String,
    v: &ReportInput,
    errors: Vec<FieldError>,
) -> Result<ReportForm<'a>, AppError> {
    let (before, text, after) = fields(ctx, v, &errors).await?;
    Ok(ReportForm {
        ui: ctx.chrome_for(PATH, "tension-form-title").await?,
        csrf,
        errors,
        before,
        text,
        after,
    })
}

/// "Not taken here", with a 404: the site has switched the form off.
async fn closed(ctx: &PageCtx) -> Result<Response, AppError> {
    let page = ClosedPage {
        ui: ctx.chrome_for(PATH, "tension-closed-title").await?,
    };
    respond(StatusCode::NOT_FOUND, page, None)
}

pub async fn new(ctx: PageCtx, headers: HeaderMap) -> Result<Response, AppError> {
    if reporting::open(&ctx.state.db).await.is_err() {
        return closed(&ctx).await;
    }
    let (csrf, set) = anon_csrf(&ctx, &headers).await?;
    let page = page(&ctx, csrf, &ReportInput::default(), Vec::new()).await?;
    respond(StatusCode::OK, page, set)
}

#[derive(Deserialize)]
pub struct SendForm {
    #[serde(default)]
    csrf: String,
    #[serde(flatten)]
    input: ReportInput,
}

pub async fn send(
    ctx: PageCtx,
    user: CurrentUser,
    client: ClientKey,
    headers: HeaderMap,
    StrictForm(form): StrictForm<SendForm>,
) -> Result<Response, AppError> {
    check_csrf(&ctx.state, &headers, &user, &form.csrf).await?;
    let today = super::today(&ctx.state.config.time_zone);
    match reporting::send(&ctx.state.db, &form.input, &client.0, today).await {
        Ok(sent) => Ok(see_other(&format!(
            "/tension-reports/sent?reference={}&days={}",
            sent.reference, sent.review_working_days
        ))),
        Err(ServiceError::NotFound) => closed(&ctx).await,
        Err(ServiceError::InvalidFields(errors)) => {
            let words = TextWords {
                empty: "tension-text-empty",
                too_long: "tension-text-too-long",
                limit: MAX_TEXT_CHARS,
            };
            let errors = text_problems(&ctx, &errors, &words);
            let page = page(&ctx, form.csrf.clone(), &form.input, errors).await?;
            respond(StatusCode::UNPROCESSABLE_ENTITY, page, None)
        }
        Err(ServiceError::RateLimited { retry_after }) => {
            let errors = vec![too_many(&ctx, "text", "tension-too-many", retry_after)];
            let page = page(&ctx, form.csrf.clone(), &form.input, errors).await?;
            crate::kit::respond_throttled(page, retry_after)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct SentQuery {
    #[serde(default)]
    reference: String,
    #[serde(default)]
    days: String,
}

/// The acknowledgement. The reference and the days come back in the
/// address (no text, nothing personal); anything odd in them is dropped.
pub async fn sent(ctx: PageCtx, Query(q): Query<SentQuery>) -> Result<Response, AppError> {
    let reference: String = q
        .reference
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(16)
        .collect();
    let days = match q.days.parse::<u64>() {
        Ok(d) if (1..=30).contains(&d) => d,
        _ => {
            cohesion_services::tensions::settings::current(&ctx.state.db)
                .await?
                .review_working_days as u64
        }
    };
    let promise = ctx
        .locale()
        .t_plain("tension-sent-promise", &[("days", days.into())]);
    let page = SentPage {
        ui: ctx
            .chrome_for("/tension-reports/sent", "tension-sent-title")
            .await?,
        reference,
        promise,
    };
    respond(StatusCode::OK, page, None)
}
