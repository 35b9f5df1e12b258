//! When a page of the survey is skipped: never, or after certain answers
//! to a choice question on an earlier page, picked from lists as a
//! question's rule is (the question by its text, its answers by their
//! labels). Respondents who give one of those answers go straight past
//! the page.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::survey::changes::{Change, RuleConflict};
use cohesion_domain::survey::rule_form::PageRuleInput;
use cohesion_domain::ErrorCode;
use cohesion_services::consultations::reading::{self, ConsultationView};
use cohesion_services::consultations::{builder, ConsultationError};
use cohesion_services::ServiceError;
use cohesion_ui::consultations::PageRuleFormPage;
use cohesion_ui::Value;

use super::question_form::{summary, Problem};
use super::rule_picker::{self, Picking, Words};
use super::survey::{conflict_phrase, page_number, page_questions, Names};
use crate::kit::form::reason;
use crate::kit::{
    check_session_csrf, path_id, respond, see_other, AppError, ClientKey, May, PageCtx,
    RunEngagement, StrictForm,
};

/// The form of page `page`'s rule (0-based), filled in with `input`,
/// with its `problems`.
async fn rule_page<'a>(
    ctx: &'a PageCtx,
    csrf: &str,
    v: &ConsultationView,
    page: usize,
    input: &PageRuleInput,
    problems: Vec<Problem>,
) -> Result<PageRuleFormPage<'a>, AppError> {
    let id = v.consultation.id;
    let action = format!("/staff/consultations/{id}/pages/{}/rule", page + 1);
    let number = Value::Number(page as u64 + 1);
    let mut ui = ctx.chrome_for(&action, "page-rule").await?;
    ui.title = ctx.phrase("page-rule-heading", &[("number", number)]);
    // A page can only be skipped by what was answered before it.
    let candidates = v.survey.pages[..page]
        .iter()
        .enumerate()
        .flat_map(|(p, earlier)| earlier.questions.iter().map(move |q| (p, q)))
        .filter(|(_, q)| q.kind.is_choice())
        .collect();
    let ticked = |q: &str, i: usize| input.ticked(q, i);
    let problem = |field: &str| {
        problems
            .iter()
            .find(|p| p.field == field)
            .map(|p| p.message.clone())
    };
    let rule = rule_picker::rule_field(
        ctx,
        Picking {
            names: ("skip_if_question", "skip_if_options"),
            language: &v.consultation.language,
            candidates,
            chosen: &input.skip_if_question,
            ticked: &ticked,
            problems: (problem("skip_if_question"), problem("skip_if_options")),
            words: Words {
                legend: "page-rule",
                hint: "page-rule-hint",
                always: "page-rule-never",
                answers: "page-rule-answers",
                none: "page-rule-none",
            },
        },
    );
    let errors = summary(&problems, &rule);
    Ok(PageRuleFormPage {
        ui,
        back: Some((
            format!("/staff/consultations/{id}#survey-page-{}", page + 1),
            ctx.t("back"),
        )),
        lead: vec![
            ctx.t("page-rule-lead").into(),
            page_questions(ctx, (&v.survey, &v.consultation.language), page),
        ],
        errors,
        csrf: csrf.to_owned(),
        revision: builder::revision(&v.survey),
        action,
        rule,
        button: ctx.t("page-rule-save"),
    })
}

pub async fn page_rule_form(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path((id, n)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let v = reading::view(&ctx.state.db, Some(&me), id).await?;
    let page = page_number(&n, &v.survey)?;
    if let Some(locked) = super::fixes::refuse_if_locked(&ctx, &v, page).await? {
        return Ok(locked);
    }
    let input = PageRuleInput::from_page(&v.survey.pages[page]);
    let form = rule_page(&ctx, &me.csrf, &v, page, &input, Vec::new()).await?;
    respond(StatusCode::OK, form, None)
}

/// Sets the rule as the form picks it. A refusal shows the form again
/// with what was picked: its problems (422), or that the survey changed
/// since the form was built (409), on the survey as it now is.
pub async fn set_page_rule(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    client: ClientKey,
    Path((id, n)): Path<(String, String)>,
    StrictForm(fields): StrictForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let all = |name: &str| -> Vec<&str> {
        fields
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    };
    let first = |name: &str| all(name).first().copied();
    check_session_csrf(&me, first("csrf").unwrap_or_default())?;
    let id = path_id(&id)?;
    let v = reading::view(&ctx.state.db, Some(&me), id).await?;
    let page = page_number(&n, &v.survey)?;
    // Ticked boxes repeat their name.
    let input = PageRuleInput {
        skip_if_question: first("skip_if_question").unwrap_or_default().to_owned(),
        skip_if_options: all("skip_if_options").join(","),
    };
    let change = Change::PageRule(page, &input);
    let seen = first("revision");
    let db = &ctx.state.db;
    let refusal = match builder::change_seen(db, &me, id, change, seen, Some(&client.0)).await {
        Ok(_) => {
            // "Never" gets its own words: the page is always shown, so
            // "skipped as you chose" would say the opposite.
            let done = if input.skip_if_question.is_empty() {
                "page-rule-cleared"
            } else {
                "page-rule-set"
            };
            return Ok(see_other(&format!(
                "/staff/consultations/{id}?done={done}#survey-page-{}",
                page + 1
            )));
        }
        Err(e) => e,
    };
    let (status, problems) = problems(&ctx, &v, refusal)?;
    // The form again, on the survey as it now is.
    let v = reading::view(&ctx.state.db, Some(&me), id).await?;
    if page >= v.survey.pages.len() {
        return Err(ServiceError::NotFound.into());
    }
    let form = rule_page(&ctx, &me.csrf, &v, page, &input, problems).await?;
    respond(status, form, None)
}

/// A refusal of the rule as the form's problems, with the status to
/// answer; anything else passes on.
fn problems(
    ctx: &PageCtx,
    v: &ConsultationView,
    refusal: ServiceError,
) -> Result<(StatusCode, Vec<Problem>), AppError> {
    let said = |field: &'static str, code: ErrorCode| Problem {
        field,
        message: reason(ctx.locale(), field, code).into(),
    };
    Ok(match refusal {
        ServiceError::InvalidFields(errors) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            errors.iter().map(|e| said(e.field, e.code)).collect(),
        ),
        ServiceError::Consultation(ConsultationError::RuleConflicts(list)) => {
            (StatusCode::UNPROCESSABLE_ENTITY, conflicts(ctx, v, &list))
        }
        // The rule's own problems and the rules of others it would break.
        ServiceError::Consultation(ConsultationError::FieldsAndConflicts(errors, list)) => {
            let mut problems: Vec<Problem> = errors.iter().map(|e| said(e.field, e.code)).collect();
            problems.extend(conflicts(ctx, v, &list));
            (StatusCode::UNPROCESSABLE_ENTITY, problems)
        }
        ServiceError::Invalid(e) if e.code == ErrorCode::SurveyLocked => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            (status, vec![said("skip_if_question", e.code)])
        }
        ServiceError::Conflict(e) if e.code == ErrorCode::SurveyChanged => {
            (StatusCode::CONFLICT, vec![said("skip_if_question", e.code)])
        }
        e => return Err(e.into()),
    })
}

/// The rules of others a change would break, each beside the field to
/// change.
fn conflicts(ctx: &PageCtx, v: &ConsultationView, list: &[RuleConflict]) -> Vec<Problem> {
    let names = Names {
        survey: &v.survey,
        language: &v.consultation.language,
        this: None,
    };
    list.iter()
        .map(|c| Problem {
            field: c.field,
            message: conflict_phrase(ctx, &names, c),
        })
        .collect()
}
