//! The survey on the officers' page of a consultation, page by page, and
//! what is done from it without opening a question's form: moving a
//! question one step up or down (a button, no script needed), and giving
//! a page its title. A change that would break a routing rule is refused
//! in words that name both questions.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::survey::changes::{Broken, Change, RuleConflict, RuleHolder};
use cohesion_domain::survey::model::{QuestionDef, QuestionKind, Rule, SurveyDefinition};
use cohesion_domain::survey::placement::{position, step, Direction, Place};
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::builder;
use cohesion_services::consultations::reading::{self, ConsultationView};
use cohesion_services::consultations::ConsultationError;
use cohesion_services::ServiceError;
use cohesion_ui::consultations::{MoveButton, PageBlock, QuestionRow, SurveyOverview};
use cohesion_ui::{Field, FieldError, FormPage, NoticePage, Phrase, Section, Shown, Value};
use serde::Deserialize;
use uuid::Uuid;

use crate::consultations::questions::{any_of, shown_options};
use crate::kit::{
    check_session_csrf, path_id, respond, see_other, submit_form, AppError, ClientKey, Langs, May,
    PageCtx, RunEngagement, StrictForm,
};

fn kind_label(ctx: &PageCtx, q: &QuestionDef) -> String {
    let base = ctx.t(&format!("question-kind-{}", q.kind.key()));
    match &q.kind {
        QuestionKind::Demographic { of, .. } => {
            format!(
                "{base}: {}",
                ctx.t(&format!("demographic-kind-{}", of.key()))
            )
        }
        _ => base,
    }
}

/// A rule in words: `message` with the question it depends on (by its
/// text) and the answers that make it hold (by their labels).
pub(super) fn rule_text(
    ctx: &PageCtx,
    (survey, language): (&SurveyDefinition, &str),
    rule: &Rule,
    message: &str,
) -> Phrase {
    let langs = Langs::as_written(ctx, language);
    let target = survey.question(&rule.question);
    let labels = target
        .map(|t| shown_options(ctx, &langs, t))
        .unwrap_or_default();
    let picked = rule
        .any_of
        .iter()
        .filter_map(|i| labels.get(*i).map(Phrase::from))
        .collect();
    let options = any_of(ctx, picked);
    let question = langs.original(target.map_or(rule.question.as_str(), |t| t.text.as_str()));
    ctx.phrase(
        message,
        &[
            ("question", Value::Shown(&question)),
            ("options", Value::Phrase(&options)),
        ],
    )
}

/// A page's heading: "Page 2: Your views", or "Page 2" without a title
/// (written in `language`).
pub(super) fn page_heading(
    ctx: &PageCtx,
    (survey, language): (&SurveyDefinition, &str),
    page: usize,
) -> Phrase {
    let number = Value::Number(page as u64 + 1);
    match survey.pages.get(page).map(|p| p.title.as_str()) {
        Some(title) if !title.is_empty() => {
            let title = Langs::as_written(ctx, language).original(title);
            ctx.phrase(
                "survey-page-heading",
                &[("number", number), ("title", Value::Shown(&title))],
            )
        }
        _ => ctx.phrase("survey-page-heading-untitled", &[("number", number)]),
    }
}

/// The button moving question `q` one step, if it can go that way.
fn move_button(
    ctx: &PageCtx,
    v: &ConsultationView,
    q: &QuestionDef,
    direction: Direction,
) -> Option<MoveButton> {
    let to = step(&v.survey, &q.id, direction)?;
    Some(MoveButton {
        action: format!(
            "/staff/consultations/{}/questions/{}/move",
            v.consultation.id, q.id
        ),
        to: to.value(),
        label: ctx.t(match direction {
            Direction::Up => "question-move-up",
            Direction::Down => "question-move-down",
        }),
    })
}

fn question_row(ctx: &PageCtx, v: &ConsultationView, q: &QuestionDef, locked: bool) -> QuestionRow {
    let base = format!(
        "/staff/consultations/{}/questions/{}",
        v.consultation.id, q.id
    );
    let changeable = !locked;
    QuestionRow {
        id: q.id.clone(),
        number: v
            .survey
            .questions()
            .position(|x| x.id == q.id)
            .map_or(0, |i| i + 1),
        text: Langs::as_written(ctx, &v.consultation.language)
            .original(q.text.as_str())
            .into(),
        // Once answered, the text leads to its page's wording form instead.
        edit: match changeable {
            true => Some(format!("{base}/edit")),
            false => position(&v.survey, &q.id).map(|(p, _)| {
                format!(
                    "/staff/consultations/{}/wording/{}",
                    v.consultation.id,
                    p + 1
                )
            }),
        },
        kind: kind_label(ctx, q),
        required: ctx.t(if q.required { "yes" } else { "no" }),
        shown: match &q.show_if {
            None => ctx.t("question-always").into(),
            Some(rule) => rule_text(
                ctx,
                (&v.survey, &v.consultation.language),
                rule,
                "question-shown-if",
            ),
        },
        up: changeable
            .then(|| move_button(ctx, v, q, Direction::Up))
            .flatten(),
        down: changeable
            .then(|| move_button(ctx, v, q, Direction::Down))
            .flatten(),
        remove: changeable.then(|| (format!("{base}/remove"), ctx.t("question-remove"))),
    }
}

/// The way to page `p`'s skip rule, where it has one or could: after a
/// choice question on an earlier page.
fn rule_link(ctx: &PageCtx, v: &ConsultationView, p: usize) -> Option<(String, Phrase)> {
    let pages = &v.survey.pages;
    let can = pages[..p]
        .iter()
        .any(|page| page.questions.iter().any(|q| q.kind.is_choice()));
    let label = match pages[p].skip_if {
        Some(_) => "survey-page-rule-change",
        None if can => "survey-page-rule-add",
        None => return None,
    };
    Some((
        format!(
            "/staff/consultations/{}/pages/{}/rule",
            v.consultation.id,
            p + 1
        ),
        ctx.phrase(label, &[("number", Value::Number(p as u64 + 1))]),
    ))
}

/// Page `p` of the survey (0-based) on the officers' page: its heading,
/// its rule, the ways to its title (or its wording, once answered) and
/// to its rule, and its questions.
fn page_block(ctx: &PageCtx, v: &ConsultationView, p: usize, locked: bool) -> PageBlock {
    let id = v.consultation.id;
    let page = &v.survey.pages[p];
    let number = Value::Number(p as u64 + 1);
    PageBlock {
        number: p + 1,
        heading: page_heading(ctx, (&v.survey, &v.consultation.language), p),
        skip: page.skip_if.as_ref().map(|rule| {
            rule_text(
                ctx,
                (&v.survey, &v.consultation.language),
                rule,
                "survey-page-skipped-if",
            )
        }),
        // Once anyone has answered, only the page's wording may change:
        // its link leads to that form instead.
        title_link: Some(match locked {
            true => (
                format!("/staff/consultations/{id}/wording/{}", p + 1),
                ctx.t("wording-title").into(),
            ),
            false => {
                let label = match page.title.is_empty() {
                    true => "survey-page-title-add",
                    false => "survey-page-title-change",
                };
                (
                    format!("/staff/consultations/{id}/pages/{}/title", p + 1),
                    ctx.phrase(label, &[("number", number)]),
                )
            }
        }),
        rule_link: (!locked).then(|| rule_link(ctx, v, p)).flatten(),
        questions: page
            .questions
            .iter()
            .map(|q| question_row(ctx, v, q, locked))
            .collect(),
    }
}

/// The survey, a section of the officers' page: page by page, each
/// question with its actions while nobody has answered (`locked`).
pub(super) fn survey_section(
    ctx: &PageCtx,
    csrf: &str,
    v: &ConsultationView,
    locked: bool,
) -> Result<Section, AppError> {
    let id = v.consultation.id;
    let pages = (0..v.survey.pages.len())
        .map(|p| page_block(ctx, v, p, locked))
        .collect();
    let mut head = [
        "question-text",
        "question-number",
        "question-kind",
        "question-required",
        "question-routing",
    ]
    .map(|h| ctx.t(h))
    .to_vec();
    if !locked {
        head.push(ctx.t("question-actions"));
    }
    let overview = SurveyOverview {
        heading: ctx.t("consultation-survey"),
        lead: match locked {
            true => vec![ctx.t("consultation-survey-locked").into()],
            false => vec![
                ctx.t("consultation-survey-lead").into(),
                ctx.t("question-moves-hint").into(),
            ],
        },
        empty: ctx.t("consultation-survey-empty"),
        head,
        csrf: csrf.to_owned(),
        actions: !locked,
        pages,
        add: (!locked).then(|| {
            (
                format!("/staff/consultations/{id}/questions/new"),
                ctx.t("question-add"),
            )
        }),
    };
    Section::render(&overview).map_err(|e| {
        tracing::error!(error = %e, "template failed");
        AppError::internal()
    })
}

/// The texts a conflict names: the questions by their text, as written;
/// `this` is the question of the form being sent (new, or reworded),
/// named as the form has it. They are in `language`, the
/// consultation's.
pub(super) struct Names<'a> {
    pub survey: &'a SurveyDefinition,
    pub language: &'a str,
    pub this: Option<(&'a str, &'a str)>,
}

impl Names<'_> {
    fn of(&self, ctx: &PageCtx, id: &str) -> Shown {
        let stored = self.survey.question(id).map(|q| q.text.as_str());
        let text = match (self.this, stored) {
            (Some((this, text)), _) if this == id => text,
            (_, Some(text)) => text,
            // Not in the survey yet: the question being added.
            (Some((_, text)), None) => text,
            (None, None) => id,
        };
        Langs::as_written(ctx, self.language).original(text)
    }
}

/// A routing rule a change would break, in words naming both ends.
pub(super) fn conflict_phrase(ctx: &PageCtx, names: &Names<'_>, c: &RuleConflict) -> Phrase {
    let message = match c.broken {
        // The question's own rule, chosen in its form: what to pick
        // instead is said too.
        Broken::Order if c.field == "show_if_question" => "rule-conflict-order-own",
        Broken::Order => "rule-conflict-order",
        Broken::NotAChoice => "rule-conflict-not-choice",
        Broken::MissingOption => "rule-conflict-missing-option",
        Broken::Missing => "rule-conflict-missing",
    };
    let question = names.of(ctx, &c.depends_on);
    match &c.holder {
        RuleHolder::Question(id) => {
            let dependent = names.of(ctx, id);
            ctx.phrase(
                message,
                &[
                    ("dependent", Value::Shown(&dependent)),
                    ("question", Value::Shown(&question)),
                ],
            )
        }
        RuleHolder::Page(p) => ctx.phrase(
            &format!("{message}-page"),
            &[
                ("page", Value::Number(*p as u64 + 1)),
                ("question", Value::Shown(&question)),
            ],
        ),
    }
}

/// A change refused for the rules it would break: a page titled `title`
/// saying which, and the way back to the survey; `status` is 422 when
/// the change was asked for (nothing was saved).
pub(super) async fn refused(
    ctx: &PageCtx,
    me: &SignedIn,
    id: Uuid,
    title: &str,
    conflicts: &[RuleConflict],
    status: StatusCode,
) -> Result<Response, AppError> {
    let v = reading::view(&ctx.state.db, Some(me), id).await?;
    let names = Names {
        survey: &v.survey,
        language: &v.consultation.language,
        this: None,
    };
    let path = format!("/staff/consultations/{id}");
    let page = NoticePage {
        ui: ctx.chrome_for(&path, title).await?,
        text: Phrase::join(
            conflicts.iter().map(|c| conflict_phrase(ctx, &names, c)),
            " ",
        ),
        link: Some((
            format!("{path}#survey"),
            ctx.t("question-back-to-survey").into(),
        )),
    };
    respond(status, page, None)
}

#[derive(Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    csrf: String,
    /// Where the question goes, named by its neighbours, so a form sent
    /// twice moves it once.
    #[serde(default)]
    to: String,
}

/// Moves a question where its button says: one step up or down.
pub async fn move_question(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    client: ClientKey,
    Path((id, qid)): Path<(String, String)>,
    StrictForm(form): StrictForm<MoveForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let id = path_id(&id)?;
    let to = Place::parse(&form.to).ok_or(ValidationError::new("to", ErrorCode::InvalidChoice))?;
    let moved = builder::change(
        &ctx.state.db,
        &me,
        id,
        Change::Move(&qid, &to),
        Some(&client.0),
    )
    .await;
    match moved {
        Ok(_) => Ok(see_other(&format!(
            "/staff/consultations/{id}?done=question-moved#question-{qid}"
        ))),
        Err(ServiceError::Consultation(ConsultationError::RuleConflicts(list))) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            refused(&ctx, &me, id, "question-move-refused", &list, status).await
        }
        // The neighbour the button named is gone: the page was shown
        // before someone else changed the survey.
        Err(ServiceError::InvalidFields(_)) => {
            let path = format!("/staff/consultations/{id}");
            let page = NoticePage {
                ui: ctx.chrome_for(&path, "question-move-refused").await?,
                text: ctx.t("question-move-stale").into(),
                link: Some((
                    format!("{path}#survey"),
                    ctx.t("question-back-to-survey").into(),
                )),
            };
            respond(StatusCode::CONFLICT, page, None)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct TitleForm {
    #[serde(default)]
    csrf: String,
    /// The revision of the survey the form was built on.
    #[serde(default)]
    revision: Option<String>,
    #[serde(default)]
    title: String,
}

/// Page `raw` (counted from 1) of the survey, counted from 0.
pub(super) fn page_number(raw: &str, survey: &SurveyDefinition) -> Result<usize, AppError> {
    match raw.parse::<usize>() {
        Ok(n) if n >= 1 && n <= survey.pages.len() => Ok(n - 1),
        _ => Err(ServiceError::NotFound.into()),
    }
}

/// "The questions on this page: …", by their texts (written in
/// `language`).
pub(super) fn page_questions(
    ctx: &PageCtx,
    (survey, language): (&SurveyDefinition, &str),
    page: usize,
) -> Phrase {
    let langs = Langs::as_written(ctx, language);
    let questions = Phrase::join(
        survey.pages[page]
            .questions
            .iter()
            .map(|q| langs.original(q.text.as_str()).into()),
        &ctx.locale().t("list-separator"),
    );
    ctx.phrase(
        "page-title-lead",
        &[("questions", Value::Phrase(&questions))],
    )
}

async fn title_page<'a>(
    ctx: &'a PageCtx,
    csrf: &str,
    v: &ConsultationView,
    page: usize,
    value: &str,
    errors: Vec<FieldError>,
) -> Result<FormPage<'a>, AppError> {
    let id = v.consultation.id;
    let action = format!("/staff/consultations/{id}/pages/{}/title", page + 1);
    // The heading names the page's number, placed below.
    let mut ui = ctx.chrome_for(&action, "page-title-field").await?;
    ui.title = ctx.phrase(
        "page-title-heading",
        &[("number", Value::Number(page as u64 + 1))],
    );
    let mut form = FormPage::new(ui, csrf.to_owned(), &action, ctx.t("page-title-save"));
    form.hidden = vec![("revision", builder::revision(&v.survey))];
    form.back = Some((format!("/staff/consultations/{id}#survey"), ctx.t("back")));
    form.lead = vec![page_questions(
        ctx,
        (&v.survey, &v.consultation.language),
        page,
    )];
    form.fields = vec![
        Field::new("title", "text", "off", ctx.t("page-title-field"))
            .hint(ctx.t("page-title-hint"))
            .value(value)
            .errors_from(&errors),
    ];
    form.errors = errors;
    Ok(form)
}

pub async fn title_form(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path((id, n)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let v = reading::view(&ctx.state.db, Some(&me), id).await?;
    let page = page_number(&n, &v.survey)?;
    let title = v.survey.pages[page].title.clone();
    let form = title_page(&ctx, &me.csrf, &v, page, &title, Vec::new()).await?;
    respond(StatusCode::OK, form, None)
}

pub async fn set_title(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    client: ClientKey,
    Path((id, n)): Path<(String, String)>,
    StrictForm(form): StrictForm<TitleForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let id = path_id(&id)?;
    let v = reading::view(&ctx.state.db, Some(&me), id).await?;
    let page = page_number(&n, &v.survey)?;
    let outcome = builder::change_seen(
        &ctx.state.db,
        &me,
        id,
        Change::PageTitle(page, &form.title),
        form.revision.as_deref(),
        Some(&client.0),
    )
    .await;
    if let Err(ServiceError::Conflict(e)) = &outcome {
        if e.code == ErrorCode::SurveyChanged {
            return changed_since(&ctx, &me, id, page, &form.title).await;
        }
    }
    submit_form(
        &ctx,
        outcome,
        |_| {
            format!(
                "/staff/consultations/{id}?done=page-titled#survey-page-{}",
                page + 1
            )
        },
        async |errors| title_page(&ctx, &me.csrf, &v, page, &form.title, errors).await,
    )
    .await
}

/// The title form again after the survey changed since it was built
/// (409): what was typed, the problem beside it, and the survey's
/// revision now, so that sending it again is a choice made on the
/// survey as it is. A page gone since is not found.
async fn changed_since(
    ctx: &PageCtx,
    me: &SignedIn,
    id: Uuid,
    page: usize,
    title: &str,
) -> Result<Response, AppError> {
    let v = reading::view(&ctx.state.db, Some(me), id).await?;
    if page >= v.survey.pages.len() {
        return Err(ServiceError::NotFound.into());
    }
    let problem = FieldError {
        field: "title",
        message: ctx.t("reason-survey_changed"),
    };
    let form = title_page(ctx, &me.csrf, &v, page, title, vec![problem]).await?;
    respond(StatusCode::CONFLICT, form, None)
}
