//! Consultation pages for everyone: the list, a consultation with its
//! timeline, answering its survey page by page, checking and submitting
//! the answers, and the published results.

use axum::extract::{Path, Query};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use cohesion_domain::consultation::{format_date, Stage, StageLink, StageState, Status};
use cohesion_domain::survey::answers::{AnswerError, RawAnswers};
use cohesion_domain::survey::model::{Options, QuestionDef, QuestionKind, SurveyDefinition};
use cohesion_domain::translation::{key, Texts, Translator};
use cohesion_insight::disclosure::SmallBaseRules;
use cohesion_services::accounts::tokens::new_token;
use cohesion_services::consultations::{self, is_staff, ConsultationView, PAGE_SIZE};
use cohesion_services::responding::{self, Next, Progress, Respondent};
use cohesion_services::results::{self, Line, Results};
use cohesion_services::throttle::{throttle, Throttled};
use cohesion_services::ServiceError;
use cohesion_storage::consultations::catalogue::{ConsultationRecord, ListQuery};
use cohesion_storage::Timestamp;
use cohesion_ui::consultations::{
    Bar, CheckAnswersPage, ConsultationItem, ConsultationListPage, ConsultationPage, OptionView,
    QuestionView, ResultView, ResultsPage, StageItem, SubField, SurveyPage,
};
use cohesion_ui::{ConfirmationPage, ErrorLink, Field, Shown, SummaryRow};
use serde::Deserialize;
use uuid::Uuid;

use crate::accounts::{anon_csrf, respond};
use crate::error::AppError;
use crate::form::StrictForm;
use crate::pages::{ClientKey, PageCtx};
use crate::profile::{done_message, see_other, DoneQuery};
use crate::session::{check_csrf, cookie, set_cookie};
use crate::shown::Langs;

/// The cookie that lets someone without an account come back to their
/// anonymous response. Only its SHA-256, per consultation, is stored.
pub const RESPONDENT_COOKIE: &str = "cohesion_respondent";
const RESPONDENT_COOKIE_DAYS: i64 = 120;

pub(crate) fn consultation_id(raw: &str) -> Result<Uuid, AppError> {
    Uuid::parse_str(raw).map_err(|_| ServiceError::NotFound.into())
}

/// The page's own messages, looked up once per call site.
fn t(ctx: &PageCtx, id: &str) -> String {
    ctx.locale().t(id).into_owned()
}

fn tn(ctx: &PageCtx, id: &str, name: &str, n: u64) -> String {
    ctx.locale().t_args(id, &[(name, n.into())])
}

fn t1(ctx: &PageCtx, id: &str, name: &str, value: &str) -> String {
    ctx.locale().t_args(id, &[(name, value.into())])
}

fn t2(ctx: &PageCtx, id: &str, a: (&str, &str), b: (&str, &str)) -> String {
    ctx.locale()
        .t_args(id, &[(a.0, a.1.into()), (b.0, b.1.into())])
}

pub(crate) fn status_of(c: &ConsultationRecord) -> (&'static str, Status) {
    let status = c.status(Timestamp::now());
    if c.published_at.is_none() {
        ("draft", status)
    } else {
        (status.key(), status)
    }
}

pub(crate) fn status_label(ctx: &PageCtx, c: &ConsultationRecord) -> (&'static str, String) {
    let (key, _) = status_of(c);
    (key, t(ctx, &format!("status-{key}")))
}

fn dates(ctx: &PageCtx, c: &ConsultationRecord) -> String {
    t2(
        ctx,
        "consultation-dates",
        ("opens", &c.opens_at.to_minute()),
        ("closes", &c.closes_at.to_minute()),
    )
}

#[derive(Deserialize, Default)]
pub struct ListParams {
    #[serde(default)]
    status: String,
    #[serde(default)]
    topic: String,
    #[serde(default)]
    area: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<u32>,
}

fn list_href(p: &ListParams, page: u32) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (k, v) in [
        ("status", &p.status),
        ("topic", &p.topic),
        ("area", &p.area),
        ("q", &p.q),
    ] {
        if !v.is_empty() {
            query.append_pair(k, v);
        }
    }
    query.append_pair("page", &page.to_string());
    format!("/consultations?{}", query.finish())
}

pub async fn index(ctx: PageCtx, Query(p): Query<ListParams>) -> Result<Response, AppError> {
    let status = match p.status.as_str() {
        "" => None,
        s => Some(
            Status::parse(s).ok_or(cohesion_domain::ValidationError::new(
                "status",
                cohesion_domain::ErrorCode::InvalidChoice,
            ))?,
        ),
    };
    let page = p.page.unwrap_or(1).clamp(1, 10_000);
    let viewer = ctx.user.0.as_ref();
    let query = ListQuery {
        drafts: true,
        status,
        topic: Some(p.topic.trim()).filter(|s| !s.is_empty()),
        area: Some(p.area.trim()).filter(|s| !s.is_empty()),
        search: Some(p.q.trim()).filter(|s| !s.is_empty()),
        ..Default::default()
    };
    let (mut list, total) = consultations::list(&ctx.state.db, viewer, query, page).await?;
    let mut area_options = vec![(String::new(), t(&ctx, "consultations-filter-any"))];
    area_options.extend(
        consultations::areas(&ctx.state.db)
            .await?
            .into_iter()
            .map(|a| (a.clone(), a)),
    );
    let langs = translate_list(&ctx, &mut list).await?;
    let items = list
        .iter()
        .zip(langs)
        .map(|(c, langs)| {
            let (status_key, status) = status_label(&ctx, c);
            ConsultationItem {
                href: format!("/consultations/{}", c.id),
                title: langs.shown(key::TITLE, &c.title),
                summary: langs.shown(key::SUMMARY, &c.summary),
                status_key,
                status,
                dates: dates(&ctx, c),
                responded: tn(
                    &ctx,
                    "consultation-responded",
                    "count",
                    c.response_count.max(0) as u64,
                ),
            }
        })
        .collect();
    let mut status_options = vec![(String::new(), t(&ctx, "consultations-filter-any"))];
    status_options
        .extend(Status::ALL.map(|s| (s.key().to_owned(), t(&ctx, &format!("status-{}", s.key())))));
    let filter = vec![
        Field::choice(
            "status",
            "select",
            t(&ctx, "consultations-filter-status"),
            status_options,
        )
        .value(&p.status),
        Field::new(
            "topic",
            "text",
            "off",
            t(&ctx, "consultations-filter-topic"),
        )
        .value(&p.topic),
        Field::choice(
            "area",
            "select",
            t(&ctx, "consultations-filter-area"),
            area_options,
        )
        .value(p.area.trim()),
        Field::new("q", "search", "off", t(&ctx, "consultations-filter-search")).value(&p.q),
    ];
    let pages = (total.max(0) as u64).div_ceil(PAGE_SIZE as u64) as u32;
    let ui = ctx
        .chrome_for("/consultations", "consultations-title")
        .await?;
    let page_view = ConsultationListPage {
        ui: ui.with_nav(cohesion_ui::Nav::GetInvolved),
        lead: t(&ctx, "consultations-lead"),
        filter,
        filter_button: t(&ctx, "consultations-filter-button"),
        count: tn(&ctx, "consultations-count", "count", total.max(0) as u64),
        items,
        empty: t(&ctx, "consultations-empty"),
        previous: (page > 1).then(|| list_href(&p, page - 1)),
        next: (page < pages).then(|| list_href(&p, page + 1)),
        create: is_staff(viewer).then(|| {
            (
                "/staff/consultations/new".to_owned(),
                t(&ctx, "consultations-create"),
            )
        }),
    };
    respond(StatusCode::OK, page_view, None)
}

pub(crate) fn stage_items(
    ctx: &PageCtx,
    langs: &Langs,
    id: Uuid,
    stages: &[Stage],
    results_public: bool,
) -> Vec<StageItem> {
    stages
        .iter()
        .enumerate()
        .map(|(i, s)| StageItem {
            name: langs.shown(&key::stage_name(i), &s.name),
            description: langs.shown(&key::stage_description(i), &s.description),
            date: s.date.map(format_date),
            state_key: s.state.key(),
            state: t(ctx, &format!("stage-{}", s.state.key())),
            // A stage yet to come has produced nothing to link to.
            link: match s.link {
                _ if s.state == StageState::ToCome => None,
                StageLink::None => None,
                StageLink::Survey => Some((
                    format!("/consultations/{id}/respond"),
                    t(ctx, "stage-link-survey"),
                )),
                StageLink::Results if results_public => Some((
                    format!("/consultations/{id}/results"),
                    t(ctx, "stage-link-results"),
                )),
                StageLink::Results => None,
                StageLink::Findings => Some((
                    format!("/consultations/{id}/findings"),
                    t(ctx, "stage-link-findings"),
                )),
            },
        })
        .collect()
}

pub async fn show(
    ctx: PageCtx,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, AppError> {
    let id = consultation_id(&id)?;
    let viewer = ctx.user.0.as_ref();
    let (
        ConsultationView {
            record: c,
            survey,
            stages,
        },
        untranslated,
    ) = consultations::view_in(&ctx.state.db, viewer, id, ctx.locale().tag()).await?;
    let langs = Langs::new(&ctx, untranslated);
    let (status_key, status) = status_label(&ctx, &c);
    let path = format!("/consultations/{id}");
    let mut ui = ctx.chrome_for(&path, "consultation-title").await?;
    ui.title = c.title.clone();
    let mut rows = vec![
        SummaryRow::new(t(&ctx, "consultation-opens"), c.opens_at.to_minute()),
        SummaryRow::new(t(&ctx, "consultation-closes"), c.closes_at.to_minute()),
    ];
    if !c.topics.is_empty() {
        let lang = langs.of_all((0..c.topics.len()).map(key::topic));
        rows.push(SummaryRow::written_value(
            t(&ctx, "consultation-topics"),
            Shown::new(ctx.locale().list(&c.topics), lang),
        ));
    }
    if let Some(area) = &c.area {
        rows.push(SummaryRow::written_value(
            t(&ctx, "consultation-area"),
            langs.shown(key::AREA, area),
        ));
    }
    // Where this visitor stands, to word the button.
    let who = known_respondent(&ctx, &headers);
    let progress = if c.published_at.is_some() && !survey.pages.is_empty() {
        Some(progress_in(&ctx, who, id).await?.0)
    } else {
        None
    };
    let open = c.published_at.is_some() && c.status(Timestamp::now()) == Status::Open;
    let (respond_link, respond_note) = match (&progress, open) {
        (Some(p), true) if viewer.is_none() && !c.allow_anonymous => (
            Some((
                format!("/sign-in?next=/consultations/{id}/respond"),
                t(&ctx, "consultation-sign-in-to-respond"),
            )),
            None,
        ),
        (Some(p), true) => {
            let label = if p.is_submitted() {
                "consultation-change"
            } else if p.response.is_some() {
                "consultation-continue"
            } else {
                "consultation-respond"
            };
            (
                Some((format!("/consultations/{id}/respond"), t(&ctx, label))),
                None,
            )
        }
        (Some(_), false) if c.status(Timestamp::now()) == Status::Upcoming => {
            (None, Some(t(&ctx, "consultation-respond-upcoming")))
        }
        (Some(_), false) => (None, Some(t(&ctx, "consultation-respond-closed"))),
        (None, _) => (None, None),
    };
    let results_public = c.results_published_at.is_some();
    let mut links = Vec::new();
    if results_public
        || viewer.is_some_and(|v| v.roles.allows(cohesion_domain::identity::Action::Analyse))
    {
        links.push((
            format!("/consultations/{id}/results"),
            t(&ctx, "consultation-results-link"),
        ));
    }
    if is_staff(viewer) {
        links.push((
            format!("/staff/consultations/{id}"),
            t(&ctx, "consultation-manage"),
        ));
    }
    let page = ConsultationPage {
        ui,
        done: done_message(&ctx, q.done.as_deref()),
        draft_notice: c
            .published_at
            .is_none()
            .then(|| t(&ctx, "consultation-draft-notice")),
        status_key,
        status,
        responded: tn(
            &ctx,
            "consultation-responded",
            "count",
            c.response_count.max(0) as u64,
        ),
        title_lang: langs.of(key::TITLE).to_owned(),
        summary: langs.shown(key::SUMMARY, &c.summary),
        body_html: cohesion_ui::markdown::render(&c.body),
        body_lang: langs.of(key::BODY).to_owned(),
        rows,
        stages: stage_items(&ctx, &langs, id, &stages, results_public),
        timeline_heading: t(&ctx, "consultation-timeline"),
        strands: c
            .strands
            .iter()
            .enumerate()
            .map(|(i, s)| langs.shown(&key::strand(i), s))
            .collect(),
        strands_heading: t(&ctx, "consultation-strands"),
        documents: c
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.url.clone(), langs.shown(&key::document(i), &d.title)))
            .collect(),
        documents_heading: t(&ctx, "consultation-documents"),
        respond: respond_link,
        respond_note,
        links,
    };
    respond(StatusCode::OK, page, None)
}

/// Who is answering, as far as the request tells, without making a new
/// anonymous cookie: the signed-in person, or the cookie's holder (an
/// empty secret, which matches no response, when there is none).
fn known_respondent<'a>(ctx: &'a PageCtx, headers: &'a HeaderMap) -> Respondent<'a> {
    match &ctx.user.0 {
        Some(me) => Respondent::Account(me),
        None => Respondent::Anonymous(cookie(headers, RESPONDENT_COOKIE).unwrap_or("")),
    }
}

/// Who is answering: the signed-in person, or the anonymous respondent
/// cookie (made when missing; its `Set-Cookie` is returned).
fn respondent<'a>(
    ctx: &'a PageCtx,
    headers: &'a HeaderMap,
    fresh: &'a mut Option<String>,
) -> Result<(Respondent<'a>, Option<HeaderValue>), AppError> {
    if let Some(me) = &ctx.user.0 {
        return Ok((Respondent::Account(me), None));
    }
    if let Some(secret) = cookie(headers, RESPONDENT_COOKIE) {
        return Ok((Respondent::Anonymous(secret), None));
    }
    let token = new_token()?;
    let set = set_cookie(
        RESPONDENT_COOKIE,
        &token,
        RESPONDENT_COOKIE_DAYS * 24 * 60 * 60,
        "Lax",
        ctx.state.config.tls,
    );
    *fresh = Some(token);
    Ok((
        Respondent::Anonymous(fresh.as_deref().unwrap_or_default()),
        Some(set),
    ))
}

/// Sends people without an account to sign in when the consultation
/// wants one.
fn needs_sign_in(ctx: &PageCtx, c: &ConsultationRecord) -> Option<Response> {
    (ctx.user.0.is_none() && !c.allow_anonymous)
        .then(|| see_other(&format!("/sign-in?next=/consultations/{}/respond", c.id)))
}

/// A clear page, not an error, when the consultation is not open.
async fn not_open(ctx: &PageCtx, c: &ConsultationRecord) -> Result<Option<Response>, AppError> {
    let status = c.status(Timestamp::now());
    if c.published_at.is_some() && status == Status::Open {
        return Ok(None);
    }
    let key = if status == Status::Upcoming {
        "consultation-respond-upcoming"
    } else {
        "consultation-respond-closed"
    };
    let mut ui = ctx
        .chrome_for(
            &format!("/consultations/{}", c.id),
            "consultation-not-open-title",
        )
        .await?;
    ui.title = t(ctx, "consultation-not-open-title");
    let page = cohesion_ui::NoticePage {
        ui,
        text: t(ctx, key),
        link: Some((format!("/consultations/{}", c.id), c.title.clone())),
    };
    respond(StatusCode::CONFLICT, page, None).map(Some)
}

pub async fn start(
    ctx: PageCtx,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = consultation_id(&id)?;
    let mut fresh = None;
    let (who, _) = respondent(&ctx, &headers, &mut fresh)?;
    let (p, _) = progress_in(&ctx, who, id).await?;
    if let Some(res) = needs_sign_in(&ctx, &p.consultation) {
        return Ok(res);
    }
    if let Some(res) = not_open(&ctx, &p.consultation).await? {
        return Ok(res);
    }
    if p.survey.pages.is_empty() {
        return Err(ServiceError::NotFound.into());
    }
    // Someone who has answered everything goes to check their answers.
    if p.response.is_some() && !p.draft.is_empty() {
        return Ok(see_other(&format!("/consultations/{id}/respond/check")));
    }
    Ok(see_other(&format!("/consultations/{id}/respond/1")))
}

/// The labels of a question's options in the page's language.
pub(crate) fn option_labels(ctx: &PageCtx, q: &QuestionDef) -> Vec<String> {
    match q.kind.options() {
        Options::None => Vec::new(),
        Options::Written(list) => list.to_vec(),
        Options::Keys(prefix, keys) => keys
            .iter()
            .map(|k| t(ctx, &format!("{prefix}-{k}")))
            .collect(),
    }
}

fn values<'a>(draft: &'a RawAnswers, field: &str) -> &'a [String] {
    draft.get(field).map_or(&[], Vec::as_slice)
}

/// A question's option labels as shown: the written ones in their
/// language, the platform's scales in the reader's.
fn shown_options(ctx: &PageCtx, langs: &Langs, q: &QuestionDef) -> Vec<Shown> {
    let written = matches!(q.kind.options(), Options::Written(_));
    option_labels(ctx, q)
        .into_iter()
        .enumerate()
        .map(|(i, label)| match written {
            true => langs.shown(&key::option(&q.id, i), &label),
            false => langs.reader(label),
        })
        .collect()
}

fn question_view(
    ctx: &PageCtx,
    langs: &Langs,
    q: &QuestionDef,
    draft: &RawAnswers,
    error: Option<String>,
) -> QuestionView {
    let labels = shown_options(ctx, langs, q);
    let picked = values(draft, &q.id);
    let options = labels
        .iter()
        .enumerate()
        .map(|(i, label)| OptionView {
            value: i.to_string(),
            label: label.clone(),
            checked: picked.iter().any(|v| *v == i.to_string()),
        })
        .collect();
    let pick_list = |field: &str, labels: &[Shown]| -> Vec<OptionView> {
        let current = values(draft, field).first().cloned().unwrap_or_default();
        labels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let value = i.to_string();
                OptionView {
                    checked: value == current,
                    value,
                    label: l.clone(),
                }
            })
            .collect()
    };
    let (control, subfields, max_chars) = match &q.kind {
        QuestionKind::SingleChoice { .. }
        | QuestionKind::Agreement
        | QuestionKind::Effectiveness
        | QuestionKind::Demographic { .. } => ("radios", Vec::new(), 0),
        QuestionKind::MultipleChoice { .. } => ("checkboxes", Vec::new(), 0),
        QuestionKind::Matrix { rows } => (
            "matrix",
            rows.iter()
                .enumerate()
                .map(|(r, label)| {
                    let name = format!("{}-{r}", q.id);
                    SubField {
                        options: pick_list(&name, &labels),
                        name,
                        label: langs.shown(&key::row(&q.id, r), label),
                    }
                })
                .collect(),
            0,
        ),
        QuestionKind::Ranking { options } => {
            let ranks: Vec<String> = (1..=options.len()).map(|r| r.to_string()).collect();
            (
                "ranking",
                options
                    .iter()
                    .enumerate()
                    .map(|(i, label)| {
                        let name = format!("{}-{i}", q.id);
                        let current = values(draft, &name).first().cloned().unwrap_or_default();
                        SubField {
                            options: ranks
                                .iter()
                                .map(|r| OptionView {
                                    checked: *r == current,
                                    value: r.clone(),
                                    label: langs.reader(r.as_str()),
                                })
                                .collect(),
                            name,
                            label: langs.shown(&key::option(&q.id, i), label),
                        }
                    })
                    .collect(),
                0,
            )
        }
        QuestionKind::Number { .. } => ("number", Vec::new(), 0),
        QuestionKind::Date => ("date", Vec::new(), 0),
        QuestionKind::ShortText => (
            "text",
            Vec::new(),
            cohesion_domain::survey::model::SHORT_TEXT_CHARS,
        ),
        QuestionKind::LongText { max_chars } => ("textarea", Vec::new(), *max_chars),
    };
    let hint = (!q.hint.trim().is_empty())
        .then(|| langs.shown(&key::question(&q.id, "hint"), &q.hint))
        .or_else(|| {
            let platform = match &q.kind {
                QuestionKind::MultipleChoice { max: Some(m), .. } => {
                    tn(ctx, "survey-choose-up-to", "count", *m as u64)
                }
                QuestionKind::MultipleChoice { .. } => t(ctx, "survey-choose-all"),
                QuestionKind::Ranking { .. } => t(ctx, "survey-ranking-hint"),
                QuestionKind::Date => t(ctx, "survey-date-hint"),
                _ => return None,
            };
            Some(langs.reader(platform))
        });
    let purpose = (q.kind.is_special_category() && !q.purpose.is_empty())
        .then(|| langs.shown(&key::question(&q.id, "purpose"), &q.purpose));
    let mut described = Vec::new();
    if hint.is_some() {
        described.push(format!("{}-hint", q.id));
    }
    if purpose.is_some() {
        described.push(format!("{}-purpose", q.id));
    }
    if error.is_some() {
        described.push(format!("{}-error", q.id));
    }
    QuestionView {
        id: q.id.clone(),
        control,
        text: langs.shown(&key::question(&q.id, "text"), &q.text),
        hint,
        purpose,
        optional: !q.required,
        error,
        options,
        value: picked.first().cloned().unwrap_or_default(),
        subfields,
        max_chars,
        max_chars_text: tn(ctx, "survey-max-characters", "count", max_chars as u64),
        describedby: described.join(" "),
    }
}

fn answer_messages(ctx: &PageCtx, errors: &[AnswerError]) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|e| (e.question.clone(), t(ctx, &format!("reason-{}", e.code))))
        .collect()
}

/// The error summary's lines, each naming its question and linking to
/// where it is answered (`href_of`), or to the page's content when the
/// field is no question there.
fn error_links(
    p: &Progress,
    langs: &Langs,
    errors: &[(String, String)],
    href_of: impl Fn(&str) -> Option<String>,
) -> Vec<ErrorLink> {
    errors
        .iter()
        .map(|(qid, message)| ErrorLink {
            href: href_of(qid).unwrap_or_else(|| "#main-content".to_owned()),
            question: p.survey.question(qid).map_or_else(
                || langs.reader(""),
                |q| langs.shown(&key::question(qid, "text"), &q.text),
            ),
            message: message.clone(),
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
async fn survey_page(
    ctx: &PageCtx,
    p: &Progress,
    langs: &Langs,
    page: usize,
    csrf: String,
    draft: &RawAnswers,
    errors: Vec<(String, String)>,
    status: StatusCode,
    set: Option<HeaderValue>,
) -> Result<Response, AppError> {
    let id = p.consultation.id;
    let def = &p.survey.pages[page];
    let earlier = p.answers_before(page);
    let questions: Vec<QuestionView> = def
        .questions
        .iter()
        .filter(|q| cohesion_domain::survey::answers::is_shown(q, &earlier))
        .map(|q| {
            let error = errors
                .iter()
                .find(|(qid, _)| *qid == q.id)
                .map(|(_, m)| m.clone());
            question_view(ctx, langs, q, draft, error)
        })
        .collect();
    let position = p
        .pages
        .iter()
        .position(|x| *x == page)
        .map_or(page + 1, |i| i + 1);
    let path = format!("/consultations/{id}/respond/{}", page + 1);
    let mut ui = ctx.chrome_for(&path, "survey-title").await?;
    let mut title_lang = ctx.locale().tag().to_owned();
    if !def.title.trim().is_empty() {
        ui.title = def.title.clone();
        title_lang = langs.of(&key::page_title(page)).to_owned();
    }
    let previous = p.pages.iter().rev().find(|x| **x < page).copied();
    let back = match previous {
        Some(prev) => format!("/consultations/{id}/respond/{}", prev + 1),
        None => format!("/consultations/{id}"),
    };
    let view = SurveyPage {
        ui,
        back: Some((back, t(ctx, "back"))),
        consultation: langs.shown(key::TITLE, &p.consultation.title),
        title_lang,
        progress: t2(
            ctx,
            "survey-progress",
            ("page", &position.to_string()),
            ("pages", &p.pages.len().max(position).to_string()),
        ),
        csrf,
        action: path,
        errors: error_links(p, langs, &errors, |qid| {
            questions
                .iter()
                .any(|q| q.id == qid)
                .then(|| format!("#{qid}"))
        }),
        questions,
        button: t(ctx, "survey-continue"),
        optional_label: t(ctx, "optional").to_lowercase(),
    };
    respond(status, view, set)
}

fn page_index(raw: &str, survey: &SurveyDefinition) -> Result<usize, AppError> {
    raw.parse::<usize>()
        .ok()
        .filter(|n| *n >= 1 && *n <= survey.pages.len())
        .map(|n| n - 1)
        .ok_or_else(|| ServiceError::NotFound.into())
}

pub async fn page_form(
    ctx: PageCtx,
    headers: HeaderMap,
    Path((id, page)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let id = consultation_id(&id)?;
    let mut fresh = None;
    let (who, set) = respondent(&ctx, &headers, &mut fresh)?;
    let (p, langs) = progress_in(&ctx, who, id).await?;
    if let Some(res) = needs_sign_in(&ctx, &p.consultation) {
        return Ok(res);
    }
    if let Some(res) = not_open(&ctx, &p.consultation).await? {
        return Ok(res);
    }
    let page = page_index(&page, &p.survey)?;
    if !p.pages.contains(&page) {
        // Routing skips this page for this respondent: on to the next one.
        let next = p.pages.iter().find(|x| **x > page);
        return Ok(match next {
            Some(n) => see_other(&format!("/consultations/{id}/respond/{}", n + 1)),
            None => see_other(&format!("/consultations/{id}/respond/check")),
        });
    }
    let (csrf, csrf_cookie) = anon_csrf(&ctx, &headers)?;
    let mut res = survey_page(
        &ctx,
        &p,
        &langs,
        page,
        csrf,
        &p.draft,
        Vec::new(),
        StatusCode::OK,
        set,
    )
    .await?;
    if let Some(c) = csrf_cookie {
        res.headers_mut().append(header::SET_COOKIE, c);
    }
    Ok(res)
}

/// A survey form's fields, without the CSRF token.
fn raw_answers(pairs: Vec<(String, String)>) -> (String, RawAnswers) {
    let mut csrf = String::new();
    let mut raw = RawAnswers::new();
    for (k, v) in pairs {
        if k == "csrf" {
            csrf = v;
        } else {
            raw.entry(k).or_default().push(v);
        }
    }
    (csrf, raw)
}

pub async fn save_page(
    ctx: PageCtx,
    headers: HeaderMap,
    client: ClientKey,
    Path((id, page)): Path<(String, String)>,
    StrictForm(pairs): StrictForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let id = consultation_id(&id)?;
    let (csrf, raw) = raw_answers(pairs);
    check_csrf(&headers, &ctx.user, &csrf)?;
    let mut fresh = None;
    let (who, set) = respondent(&ctx, &headers, &mut fresh)?;
    let (p, langs) = progress_in(&ctx, who, id).await?;
    if let Some(res) = needs_sign_in(&ctx, &p.consultation) {
        return Ok(res);
    }
    if let Some(res) = not_open(&ctx, &p.consultation).await? {
        return Ok(res);
    }
    let page = page_index(&page, &p.survey)?;
    if matches!(who, Respondent::Anonymous(_)) && p.response.is_none() {
        throttle(&ctx.state.db, Throttled::AnonymousResponse, &client.0).await?;
    }
    match responding::save_page(&ctx.state.db, who, id, page, &raw).await {
        Ok(next) => {
            let to = match next {
                Next::Page(n) => format!("/consultations/{id}/respond/{}", n + 1),
                Next::CheckAnswers => format!("/consultations/{id}/respond/check"),
            };
            let mut res = see_other(&to);
            if let Some(c) = set {
                res.headers_mut().append(header::SET_COOKIE, c);
            }
            Ok(res)
        }
        Err(ServiceError::InvalidAnswers(errors)) => {
            let messages = answer_messages(&ctx, &errors);
            survey_page(
                &ctx,
                &p,
                &langs,
                page,
                csrf,
                &raw,
                messages,
                StatusCode::UNPROCESSABLE_ENTITY,
                set,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// A person-readable rendering of one answer from the draft.
fn answer_text(ctx: &PageCtx, q: &QuestionDef, draft: &RawAnswers) -> String {
    let labels = option_labels(ctx, q);
    let label = |v: &str| {
        v.parse::<usize>()
            .ok()
            .and_then(|i| labels.get(i))
            .cloned()
            .unwrap_or_default()
    };
    let text = match &q.kind {
        QuestionKind::Matrix { rows } => rows
            .iter()
            .enumerate()
            .filter_map(|(r, row)| {
                values(draft, &format!("{}-{r}", q.id))
                    .first()
                    .map(|v| format!("{row}: {}", label(v)))
            })
            .collect::<Vec<_>>()
            .join("\n"),
        QuestionKind::Ranking { options } => {
            let mut ranked: Vec<(usize, &String)> = options
                .iter()
                .enumerate()
                .filter_map(|(i, o)| {
                    values(draft, &format!("{}-{i}", q.id))
                        .first()
                        .and_then(|r| r.parse::<usize>().ok())
                        .map(|r| (r, o))
                })
                .collect();
            ranked.sort();
            ranked
                .iter()
                .map(|(r, o)| format!("{r}. {o}"))
                .collect::<Vec<_>>()
                .join("\n")
        }
        k if k.is_choice() => values(draft, &q.id)
            .iter()
            .map(|v| label(v))
            .collect::<Vec<_>>()
            .join("\n"),
        _ => values(draft, &q.id).join("\n"),
    };
    if text.is_empty() {
        t(ctx, "check-answers-not-answered")
    } else {
        text
    }
}

async fn check_page(
    ctx: &PageCtx,
    p: &Progress,
    langs: &Langs,
    csrf: String,
    errors: Vec<(String, String)>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let id = p.consultation.id;
    let all = p.answers_before(p.survey.pages.len());
    let mut rows = Vec::new();
    for page in &p.pages {
        for q in &p.survey.pages[*page].questions {
            if !cohesion_domain::survey::answers::is_shown(q, &all) {
                continue;
            }
            let href = format!("/consultations/{id}/respond/{}", page + 1);
            let question = langs.shown(&key::question(&q.id, "text"), &q.text);
            rows.push(
                SummaryRow::written_label(question, answer_text(ctx, q, &p.draft))
                    .change(&href, t(ctx, "change")),
            );
        }
    }
    let path = format!("/consultations/{id}/respond/check");
    let view = CheckAnswersPage {
        ui: ctx.chrome_for(&path, "check-answers-title").await?,
        back: p.pages.last().map(|last| {
            (
                format!("/consultations/{id}/respond/{}", last + 1),
                t(ctx, "back"),
            )
        }),
        lead: t(ctx, "check-answers-lead"),
        rows,
        errors: error_links(p, langs, &errors, |qid| {
            p.survey
                .pages
                .iter()
                .position(|page| page.questions.iter().any(|q| q.id == qid))
                .map(|n| format!("/consultations/{id}/respond/{}#{qid}", n + 1))
        }),
        csrf,
        action: format!("/consultations/{id}/respond/submit"),
        button: t(
            ctx,
            if p.is_submitted() {
                "check-answers-resubmit"
            } else {
                "check-answers-submit"
            },
        ),
    };
    respond(status, view, None)
}

pub async fn check(
    ctx: PageCtx,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = consultation_id(&id)?;
    let who = known_respondent(&ctx, &headers);
    let (p, langs) = progress_in(&ctx, who, id).await?;
    if let Some(res) = needs_sign_in(&ctx, &p.consultation) {
        return Ok(res);
    }
    if let Some(res) = not_open(&ctx, &p.consultation).await? {
        return Ok(res);
    }
    if p.response.is_none() {
        return Ok(see_other(&format!("/consultations/{id}/respond/1")));
    }
    let (csrf, set) = anon_csrf(&ctx, &headers)?;
    let mut res = check_page(&ctx, &p, &langs, csrf, Vec::new(), StatusCode::OK).await?;
    if let Some(c) = set {
        res.headers_mut().append(header::SET_COOKIE, c);
    }
    Ok(res)
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

pub async fn submit(
    ctx: PageCtx,
    headers: HeaderMap,
    Path(id): Path<String>,
    StrictForm(form): StrictForm<CsrfForm>,
) -> Result<Response, AppError> {
    let id = consultation_id(&id)?;
    check_csrf(&headers, &ctx.user, &form.csrf)?;
    let who = known_respondent(&ctx, &headers);
    let (p, langs) = progress_in(&ctx, who, id).await?;
    if let Some(res) = needs_sign_in(&ctx, &p.consultation) {
        return Ok(res);
    }
    if let Some(res) = not_open(&ctx, &p.consultation).await? {
        return Ok(res);
    }
    match responding::submit(&ctx.state.db, who, id).await {
        Ok(_) => Ok(see_other(&format!("/consultations/{id}/respond/done"))),
        Err(ServiceError::InvalidAnswers(errors)) => {
            let messages = answer_messages(&ctx, &errors);
            check_page(
                &ctx,
                &p,
                &langs,
                form.csrf,
                messages,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn done(
    ctx: PageCtx,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = consultation_id(&id)?;
    let who = known_respondent(&ctx, &headers);
    let (p, _) = progress_in(&ctx, who, id).await?;
    let Some(response) = p.response.as_ref().filter(|r| r.submitted_at.is_some()) else {
        return Err(ServiceError::NotFound.into());
    };
    let path = format!("/consultations/{id}/respond/done");
    let view = ConfirmationPage {
        ui: ctx.chrome_for(&path, "confirmation-title").await?,
        reference_label: t(&ctx, "confirmation-reference"),
        reference: response.reference.clone(),
        paragraphs: vec![t2(
            &ctx,
            "confirmation-text",
            ("title", &p.consultation.title),
            ("closes", &p.consultation.closes_at.to_minute()),
        )],
        links: vec![
            (
                format!("/consultations/{id}/respond/check"),
                t(&ctx, "confirmation-change"),
            ),
            (format!("/consultations/{id}"), p.consultation.title.clone()),
        ],
    };
    respond(StatusCode::OK, view, None)
}

/// "42 (35%, 95% CI 27–44%)", or why a figure is hidden.
pub(crate) fn figure(ctx: &PageCtx, cell: &results::Cell) -> String {
    match (cell.count, &cell.share) {
        (None, _) => t(ctx, "results-hidden"),
        (Some(n), None) => n.to_string(),
        (Some(n), Some(p)) => ctx.locale().t_args(
            "results-figure",
            &[
                ("count", n.into()),
                ("percent", format!("{:.0}", p.share * 100.0).into()),
                ("low", format!("{:.0}", p.low * 100.0).into()),
                ("high", format!("{:.0}", p.high * 100.0).into()),
            ],
        ),
    }
}

fn line_view(
    ctx: &PageCtx,
    id: &str,
    heading: Shown,
    labels: &[Shown],
    line: &Line,
    base: String,
) -> ResultView {
    let bars = labels
        .iter()
        .zip(&line.cells)
        .map(|(label, cell)| Bar {
            label: label.clone(),
            figure: figure(ctx, cell),
            length: cell.share.map_or(0, |p| (p.share * 100.0).round() as u32),
        })
        .collect();
    ResultView {
        id: id.to_owned(),
        base,
        note: line.base_hidden.then(|| t(ctx, "results-base-hidden")),
        caption: t2(
            ctx,
            "results-table-caption",
            ("question", &heading.text),
            ("base", &line.base.to_string()),
        ),
        heading,
        head: [t(ctx, "results-option"), t(ctx, "results-figure-head")],
        bars,
    }
}

/// Published weighted figures for one question, labelled as weighted,
/// with the effective base their ranges use.
fn weighted_view(
    ctx: &PageCtx,
    w: &results::WeightedSnapshot,
    q: &QuestionDef,
    labels: &[Shown],
    tally: &cohesion_insight::weighted::WeightedTally,
    rules: SmallBaseRules,
) -> ResultView {
    let heading = t1(ctx, "results-weighted-heading", "question", &q.text);
    let effective = format!("{:.0}", tally.effective_base);
    let cells = results::weighted_cells(tally, rules);
    let percent = |x: f64| format!("{:.0}", x * 100.0);
    let bars = match &cells {
        None => Vec::new(),
        Some(cells) => labels
            .iter()
            .zip(cells)
            .map(|(label, cell)| Bar {
                label: label.clone(),
                figure: cell.map_or_else(
                    || t(ctx, "results-hidden"),
                    |o| {
                        ctx.locale().t_args(
                            "results-weighted-figure",
                            &[
                                ("percent", percent(o.share).into()),
                                ("low", percent(o.low).into()),
                                ("high", percent(o.high).into()),
                            ],
                        )
                    },
                ),
                length: cell.map_or(0, |o| (o.share * 100.0).round() as u32),
            })
            .collect(),
    };
    ResultView {
        id: format!("{}-weighted", q.id),
        // A sentence of the reader's language naming the question.
        heading: Shown::new(heading.as_str(), ctx.locale().tag()),
        base: ctx.locale().t_args(
            "results-weighted-base",
            &[
                ("count", tally.base.into()),
                ("effective", effective.as_str().into()),
            ],
        ),
        note: Some(if cells.is_none() {
            t(ctx, "weighting-base-small")
        } else {
            t1(ctx, "results-weighted-note", "date", &w.computed_at)
        }),
        caption: t2(
            ctx,
            "results-table-caption",
            ("question", &heading),
            ("base", &tally.base.to_string()),
        ),
        head: [t(ctx, "results-option"), t(ctx, "weighting-share")],
        bars,
    }
}

fn text_view(id: &str, heading: Shown, base: String, note: String) -> ResultView {
    ResultView {
        id: id.to_owned(),
        heading,
        base,
        note: Some(note),
        caption: String::new(),
        head: [String::new(), String::new()],
        bars: Vec::new(),
    }
}

pub(crate) fn result_views(ctx: &PageCtx, langs: &Langs, r: &Results) -> Vec<ResultView> {
    let mut out = Vec::new();
    for q in &r.questions {
        let text = langs.shown(&key::question(&q.question.id, "text"), &q.question.text);
        let mut base = tn(ctx, "results-answered", "count", q.answered);
        // Staff see every question; they are told which ones the public
        // does not see.
        if r.published
            .as_ref()
            .is_some_and(|p| !p.contains(&q.question.id))
        {
            base = format!("{base} · {}", t(ctx, "results-not-public"));
        }
        if q.withheld {
            out.push(text_view(
                &q.question.id,
                text,
                base,
                t(ctx, "results-withheld"),
            ));
            continue;
        }
        let labels = shown_options(ctx, langs, &q.question);
        match &q.question.kind {
            QuestionKind::Matrix { rows } => {
                for (i, (row, line)) in rows.iter().zip(&q.lines).enumerate() {
                    let heading = Shown::new(format!("{text} – {row}"), text.lang.as_str());
                    let base = tn(ctx, "results-answered", "count", line.base);
                    out.push(line_view(
                        ctx,
                        &format!("{}-{i}", q.question.id),
                        heading,
                        &labels,
                        line,
                        base,
                    ));
                }
            }
            QuestionKind::Ranking { .. } => {
                if let Some(line) = q.lines.first() {
                    let heading = t1(ctx, "results-ranked-first", "question", &q.question.text);
                    out.push(line_view(
                        ctx,
                        &q.question.id,
                        langs.reader(heading),
                        &labels,
                        line,
                        base,
                    ));
                }
            }
            k if k.is_choice() => {
                if let Some(line) = q.lines.first() {
                    out.push(line_view(ctx, &q.question.id, text, &labels, line, base));
                }
                let weighted = r.weighting.as_ref().and_then(|w| {
                    w.question(&q.question.id)
                        .map(|tally| weighted_view(ctx, w, &q.question, &labels, tally, r.rules))
                });
                out.extend(weighted);
            }
            _ => out.push(text_view(
                &q.question.id,
                text,
                base,
                t(ctx, "results-free-text"),
            )),
        }
    }
    out
}

pub(crate) fn rules(ctx: &PageCtx) -> SmallBaseRules {
    ctx.state.config.small_base
}

pub async fn results_page(
    ctx: PageCtx,
    client: ClientKey,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = consultation_id(&id)?;
    let viewer = ctx.user.0.as_ref();
    let mut r = results::results(&ctx.state.db, viewer, id, rules(&ctx), Some(&client.0)).await?;
    let langs = translate_results(&ctx, &mut r).await?;
    let path = format!("/consultations/{id}/results");
    let mut ui = ctx.chrome_for(&path, "results-title").await?;
    ui.title = t1(&ctx, "results-title-of", "title", &r.consultation.title);
    let staff_view = r.consultation.results_published_at.is_none();
    let mut lead = vec![
        tn(
            &ctx,
            "consultation-responded",
            "count",
            r.consultation.response_count.max(0) as u64,
        ),
        ctx.locale().t_args(
            "results-rules",
            &[
                ("count", r.rules.min_count.into()),
                ("base", r.rules.min_base_for_percent.into()),
            ],
        ),
    ];
    if staff_view {
        lead.insert(0, t(&ctx, "results-not-published"));
    }
    let questions = result_views(&ctx, &langs, &r);
    let mut links = Vec::new();
    if viewer.is_some_and(|v| v.roles.allows(cohesion_domain::identity::Action::Analyse)) {
        links.push((
            format!("/staff/consultations/{id}/analysis"),
            t(&ctx, "results-analysis-link"),
        ));
    }
    // Analysts, who alone may export special-category answers, reach the
    // response exports from here (the manage page is for officers).
    links.extend(crate::exports::response_links(&ctx, viewer, id));
    links.push((
        format!("/consultations/{id}/results.csv"),
        t(&ctx, "export-results"),
    ));
    let view = ResultsPage {
        ui,
        back: Some((format!("/consultations/{id}"), t(&ctx, "back"))),
        lead,
        empty: questions.is_empty().then(|| t(&ctx, "results-empty")),
        questions,
        links,
    };
    respond(StatusCode::OK, view, None)
}

/// Where `who` stands, with the survey and title in the page's language,
/// and the language each of those texts is shown in.
async fn progress_in(
    ctx: &PageCtx,
    who: Respondent<'_>,
    id: Uuid,
) -> Result<(Progress, Langs), AppError> {
    let mut p = responding::progress(&ctx.state.db, who, id).await?;
    let t = consultations::translation(&ctx.state.db, id, ctx.locale().tag()).await?;
    let mut tr = Translator::new(&t);
    let c = &mut p.consultation;
    tr.main(&mut c.title, &mut c.summary, &mut c.body);
    tr.survey(&mut p.survey);
    Ok((p, Langs::new(ctx, tr.finish())))
}

/// A list page's titles and summaries in the page's language (one
/// query), and the language each consultation's are shown in.
async fn translate_list(
    ctx: &PageCtx,
    list: &mut [ConsultationRecord],
) -> Result<Vec<Langs>, AppError> {
    let ids: Vec<Uuid> = list.iter().map(|c| c.id).collect();
    let all = consultations::translations_of(&ctx.state.db, &ids, ctx.locale().tag()).await?;
    let none = Texts::new();
    Ok(list
        .iter_mut()
        .map(|c| {
            let mut tr = Translator::new(all.get(&c.id).unwrap_or(&none));
            tr.main(&mut c.title, &mut c.summary, &mut c.body);
            Langs::new(ctx, tr.finish())
        })
        .collect())
}

/// Results with question texts and options in the page's language, and
/// the language each is shown in.
pub(crate) async fn translate_results(ctx: &PageCtx, r: &mut Results) -> Result<Langs, AppError> {
    let t =
        consultations::translation(&ctx.state.db, r.consultation.id, ctx.locale().tag()).await?;
    let mut tr = Translator::new(&t);
    let c = &mut r.consultation;
    tr.main(&mut c.title, &mut c.summary, &mut c.body);
    tr.survey(&mut r.survey);
    // Without a translation every text is as written: nothing to copy.
    if !t.is_empty() {
        for q in &mut r.questions {
            if let Some(translated) = r.survey.question(&q.question.id) {
                q.question = translated.clone();
            }
        }
    }
    Ok(Langs::new(ctx, tr.finish()))
}
