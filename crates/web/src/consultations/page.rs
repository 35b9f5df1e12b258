//! A consultation's own page: what it is about, its timeline (with the
//! discussions that are part of each stage), where the visitor stands,
//! and the way to respond.

use axum::extract::{Path, Query};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use cohesion_domain::consultation::Consultation;
use cohesion_domain::consultation::{Stage, StageLink, StageState, Status};
use cohesion_domain::identity::Action;
use cohesion_domain::timestamp::Timestamp;
use cohesion_domain::translation::key;
use cohesion_services::consultations::reading::{self, ConsultationView};
use cohesion_services::consultations::responding::Progress;
use cohesion_services::consultations::ConsultationError;
use cohesion_services::consultations::{findings, history};
use cohesion_services::discussions::linking;
use cohesion_services::discussions::translations as discussion_translations;
use cohesion_services::permissions::{is_staff, may};
use cohesion_services::ServiceError;
use cohesion_ui::consultations::{ConsultationPage, StageItem};
use cohesion_ui::{NoticePage, Phrase, Shown, SummaryRow, Value};

use super::respondent::known_respondent;
use super::staff::history::withdrawn_phrase;
use super::translated::progress_in;
use super::wording::{stage_states, status_label, tn};
use crate::kit::{confirmation, path_id, respond, AppError, DoneQuery, Langs, PageCtx};

/// Where "We asked, you said, we did" is: on the findings page, once
/// the consultation has closed and has published findings.
pub(super) const WE_DID: &str = "we-asked-you-said-we-did";

/// The timeline as the page shows it, each stage where it stands today
/// (as set, or as its dates put it). Only an open consultation's survey
/// stage offers the survey; a results stage links to the results once
/// they are public, and says they are not yet before; a findings stage
/// leads to "We asked, you said, we did" once there is one.
fn stage_items(
    ctx: &PageCtx,
    langs: &Langs,
    c: &Consultation,
    stages: &[Stage],
    we_did: bool,
) -> Vec<StageItem> {
    let id = c.id;
    let open = c.answering_status(Timestamp::now()) == Status::Open;
    let results_public = c.results_published_at.is_some();
    let states = stage_states(ctx, stages);
    stages
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let state = states[i];
            // A stage yet to come has produced nothing to link to.
            let shown = if state == StageState::ToCome {
                StageLink::None
            } else {
                s.link
            };
            let (link, note) = match shown {
                StageLink::None => (None, None),
                StageLink::Survey if open => (
                    Some((
                        format!("/consultations/{id}/respond"),
                        ctx.t("stage-link-survey"),
                    )),
                    None,
                ),
                StageLink::Survey => (None, None),
                StageLink::Results if results_public => (
                    Some((
                        format!("/consultations/{id}/results"),
                        ctx.t("stage-link-results"),
                    )),
                    None,
                ),
                StageLink::Results => (None, Some(ctx.t("results-not-published-yet"))),
                StageLink::Findings if we_did => (
                    Some((
                        format!("/consultations/{id}/findings#{WE_DID}"),
                        ctx.t("stage-link-we-did"),
                    )),
                    None,
                ),
                StageLink::Findings => (
                    Some((
                        format!("/consultations/{id}/findings"),
                        ctx.t("stage-link-findings"),
                    )),
                    None,
                ),
            };
            StageItem {
                name: langs.shown(&key::stage_name(i), &s.name),
                description: langs.shown(&key::stage_description(i), &s.description),
                date: s.date.map(|d| ctx.dates().day(d)),
                state_key: state.key(),
                state: ctx.t(&format!("stage-{}", state.key())),
                link,
                note,
                discussions: Vec::new(),
            }
        })
        .collect()
}

/// The published discussions that are part of a stage of consultation
/// `id`, placed at their stages, each titled in the reader's language
/// where translated. A discussion linked to a place the timeline no
/// longer has shows nowhere here.
async fn place_discussions(
    ctx: &PageCtx,
    id: uuid::Uuid,
    stages: &mut [StageItem],
) -> Result<(), AppError> {
    let linked = linking::linked_to(&ctx.state.db, id).await?;
    if linked.is_empty() {
        return Ok(());
    }
    let shown =
        discussion_translations::list_in_language(&ctx.state.db, linked, ctx.locale().tag())
            .await?;
    for (d, left) in shown {
        let Some(stage) = d
            .consultation_stage
            .and_then(|l| stages.get_mut(l.stage as usize))
        else {
            continue;
        };
        let title = Langs::new(ctx, &d.language, left).shown(key::TITLE, &d.title);
        stage
            .discussions
            .push((format!("/discussions/{}", d.id), title));
    }
    Ok(())
}

/// A withdrawn consultation's address, to those who may not see drafts:
/// 410 Gone, saying when, and where to go instead.
async fn withdrawn(ctx: &PageCtx, path: &str, at: Timestamp) -> Result<Response, AppError> {
    let page = NoticePage {
        ui: ctx.chrome_for(path, "consultation-withdrawn-title").await?,
        text: ctx
            .dates()
            .with("consultation-withdrawn-text", "when", ctx.dates().at(at)),
        link: Some((
            "/consultations".to_owned(),
            ctx.t("consultation-withdrawn-next").into(),
        )),
    };
    respond(StatusCode::GONE, page, None)
}

/// The timeline and the notes beside it: results not published yet,
/// and the way to the published findings whenever there are any, stages
/// or not (a consultation without a findings stage has no other way
/// there): "We asked, you said, we did" once the consultation has
/// closed (beside the note that it has closed, and at its findings
/// stage if it has one), "What you told us" before.
async fn timeline(
    ctx: &PageCtx,
    langs: &Langs,
    c: &Consultation,
    stages: &[Stage],
) -> Result<(Option<String>, Vec<StageItem>, Option<(String, String)>), AppError> {
    let id = c.id;
    let closed = c.status(Timestamp::now()) == Status::Closed;
    let results_note = (c.published_at.is_some() && closed && c.results_published_at.is_none())
        .then(|| ctx.t("results-not-published-yet"));
    let published = findings::published_count(&ctx.state.db, id).await? > 0;
    let we_did = closed && published;
    let mut stages = stage_items(ctx, langs, c, stages, we_did);
    place_discussions(ctx, id, &mut stages).await?;
    let findings_link = match (published, closed) {
        (false, _) => None,
        (true, true) => Some((
            format!("/consultations/{id}/findings#{WE_DID}"),
            ctx.t("we-did-summary-link"),
        )),
        (true, false) => Some((
            format!("/consultations/{id}/findings"),
            ctx.t("stage-link-findings"),
        )),
    };
    Ok((results_note, stages, findings_link))
}

pub async fn show(
    ctx: PageCtx,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let viewer = ctx.user.0.as_ref();
    let path = format!("/consultations/{id}");
    let found = reading::view_in(&ctx.state.db, viewer, id, ctx.locale().tag()).await;
    let (
        ConsultationView {
            consultation: c,
            survey,
            stages,
        },
        untranslated,
    ) = match found {
        Err(ServiceError::Consultation(ConsultationError::Withdrawn { at })) => {
            return withdrawn(&ctx, &path, at).await
        }
        found => found?,
    };
    let langs = Langs::new(&ctx, &c.language, untranslated);
    let (status_key, status) = status_label(&ctx, &c);
    let mut ui = ctx.chrome_for(&path, "consultation-title").await?;
    ui.title = c.title.clone().into();
    let rows = summary_rows(&ctx, &langs, &c);
    // Where this visitor stands, to word the button.
    let who = known_respondent(&ctx, &headers);
    let progress = if c.published_at.is_some() && !survey.pages.is_empty() {
        Some(progress_in(&ctx, who, id).await?.0)
    } else {
        None
    };
    let (respond_link, respond_note) = respond_button(&ctx, &c, progress.as_ref());
    let links = links(&ctx, &c);
    let (results_note, stages, findings_link) = timeline(&ctx, &langs, &c, &stages).await?;
    let page = ConsultationPage {
        ui,
        done: confirmation(&ctx, q.done.as_deref()),
        draft_notice: draft_notice(&ctx, &c).await?,
        results_note,
        status_key,
        status,
        dates: super::list::dates(&ctx, &c),
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
        stages,
        findings_link,
        timeline_heading: ctx.t("consultation-timeline"),
        strands: c
            .strands
            .iter()
            .enumerate()
            .map(|(i, s)| langs.shown(&key::strand(i), s))
            .collect(),
        strands_heading: ctx.t("consultation-strands"),
        documents: c
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.url.clone(), langs.shown(&key::document(i), &d.title)))
            .collect(),
        documents_heading: ctx.t("consultation-documents"),
        respond: respond_link,
        respond_note,
        links,
    };
    respond(StatusCode::OK, page, None)
}

/// What staff are told of a consultation the public cannot see: a draft,
/// or one withdrawn (when, and by whom).
async fn draft_notice(ctx: &PageCtx, c: &Consultation) -> Result<Option<Phrase>, AppError> {
    if c.published_at.is_some() {
        return Ok(None);
    }
    let Some(at) = c.withdrawn_at else {
        return Ok(Some(ctx.t("consultation-draft-notice").into()));
    };
    let viewer = ctx.user.0.as_ref();
    let entry = history::withdrawal(&ctx.state.db, viewer, c.id).await?;
    let when_by = withdrawn_phrase(ctx, at, entry.as_ref());
    Ok(Some(ctx.phrase(
        "consultation-withdrawn-notice",
        &[("when_by", Value::Phrase(&when_by))],
    )))
}

/// When it opens and closes, its topics and its area.
fn summary_rows(ctx: &PageCtx, langs: &Langs, c: &Consultation) -> Vec<SummaryRow> {
    let mut rows = super::list::date_rows(ctx, c);
    if !c.topics.is_empty() {
        let lang = langs.of_all((0..c.topics.len()).map(key::topic));
        rows.push(SummaryRow::written_value(
            ctx.t("consultation-topics"),
            Shown::new(ctx.locale().list(&c.topics), lang),
        ));
    }
    if let Some(area) = &c.area {
        rows.push(SummaryRow::written_value(
            ctx.t("consultation-area"),
            langs.shown(key::AREA, area),
        ));
    }
    rows
}

/// The button to respond, worded for where the visitor stands
/// (`progress`, when the survey can be answered at all), or the note
/// that says why there is none.
fn respond_button(
    ctx: &PageCtx,
    c: &Consultation,
    progress: Option<&Progress>,
) -> (Option<(String, String)>, Option<String>) {
    let id = c.id;
    let Some(p) = progress else {
        return (None, None);
    };
    match p.admission.status {
        Status::Open if p.admission.sign_in_first => (
            Some((
                format!("/sign-in?next=/consultations/{id}/respond"),
                ctx.t("consultation-sign-in-to-respond"),
            )),
            None,
        ),
        Status::Open => {
            let label = if p.is_submitted() {
                "consultation-change"
            } else if p.response.is_some() {
                "consultation-continue"
            } else {
                "consultation-respond"
            };
            (
                Some((format!("/consultations/{id}/respond"), ctx.t(label))),
                None,
            )
        }
        Status::Upcoming => (None, Some(ctx.t("consultation-respond-upcoming"))),
        Status::Closed => (None, Some(ctx.t("consultation-respond-closed"))),
    }
}

/// The results (once public, or for staff who analyse) and, for staff,
/// the officers' page.
fn links(ctx: &PageCtx, c: &Consultation) -> Vec<(String, String)> {
    let id = c.id;
    let viewer = ctx.user.0.as_ref();
    let mut links = Vec::new();
    // Staff who analyse see results before they are published, but
    // only once there are any: with no responses there is nothing to see.
    let analysed = may(viewer, Action::Analyse) && c.response_count > 0;
    if c.results_published_at.is_some() || analysed {
        links.push((
            format!("/consultations/{id}/results"),
            ctx.t("consultation-results-link"),
        ));
    }
    if is_staff(viewer) {
        links.push((
            format!("/staff/consultations/{id}"),
            ctx.t("consultation-manage"),
        ));
    }
    links
}
