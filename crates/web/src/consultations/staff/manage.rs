//! The officers' page of one consultation: its state, survey, timeline,
//! findings and translations, with the way to each change.

use std::collections::HashMap;

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::consultation::{Consultation, StageState, Status};
use cohesion_domain::timestamp::Timestamp;
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::findings::ShownFinding;
use cohesion_services::consultations::reading::{self, ConsultationView};
use cohesion_ui::{ActionForm, Cell, Phrase, ReportPage, Shown, SummaryRow, Table, Value};
use uuid::Uuid;

use super::history;
use crate::consultations::exports::response_links;
use crate::consultations::list::date_rows;
use crate::consultations::translations::{counts_phrase, coverage_by_language};
use crate::consultations::wording::{stage_states, status_label};
use crate::kit::{
    confirmation, path_id, respond, AppError, DoneQuery, Langs, May, PageCtx, RunEngagement,
};
use cohesion_services::consultations::results::publication::results_unpublishable;

pub async fn manage(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path(id): Path<String>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let v = reading::view(&ctx.state.db, Some(&me), id).await?;
    let c = &v.consultation;
    let path = format!("/staff/consultations/{id}");
    let mut ui = ctx.chrome_for(&path, "consultation-manage").await?;
    ui.title = Langs::as_written(&ctx, &c.language)
        .original(c.title.as_str())
        .into();
    let mut page = ReportPage::new(ui);
    page.back = Some((
        format!("/consultations/{id}"),
        ctx.t("consultation-view-public"),
    ));
    page.done = confirmation(&ctx, q.done.as_deref()).map(Into::into);
    page.csrf = me.csrf.clone();
    page.rows = summary_rows(&ctx, &v);
    if let (None, Some(at)) = (c.published_at, c.withdrawn_at) {
        page.rows
            .insert(1, history::withdrawn_row(&ctx, &me, id, at).await?);
    }
    let questions = v.survey.questions().count();
    page.actions = publication_actions(&ctx, c, questions);
    // Answers name questions and options: once anyone has answered, the
    // survey stays as it is but for its wording.
    let locked = c.response_count > 0;
    page.sections
        .push(super::survey::survey_section(&ctx, &me.csrf, &v, locked)?);
    if c.published_at.is_none() && questions == 0 {
        page.lead
            .push(ctx.t("consultation-publish-needs-questions").into());
    }
    // Dates already past are allowed (a consultation run on paper can be
    // recorded), but an officer who meant it to take responses is told.
    if c.published_at.is_none() && c.status(Timestamp::now()) == Status::Closed {
        page.lead.push(ctx.dates().with(
            "consultation-closed-draft-warning",
            "closes",
            ctx.dates().at(c.closes_at),
        ));
    }
    page.tables.push(timeline_table(&ctx, &v));
    let (_, found) = cohesion_services::consultations::findings::shown(
        &ctx.state.db,
        Some(&me),
        id,
        ctx.state.config.small_base,
    )
    .await?;
    let titles = super::findings::finding_titles(&ctx, c, &found).await?;
    page.tables.push(findings_table(&ctx, c, &found, &titles));
    page.actions
        .extend(finding_actions(&ctx, c, &found, &titles));
    page.rows.extend(translation_rows(&ctx, &v).await?);
    page.tables
        .push(history::history_table(&ctx, &me, &v).await?);
    page.links = change_links(&ctx, &me, c);
    respond(StatusCode::OK, page, None)
}

fn yes_no(ctx: &PageCtx, b: bool) -> String {
    ctx.t(if b { "yes" } else { "no" })
}

/// When something was published, or "No".
fn when_or_no(ctx: &PageCtx, label: &str, at: Option<Timestamp>) -> SummaryRow {
    match at {
        Some(at) => SummaryRow::when(ctx.t(label), ctx.dates().at(at)),
        None => SummaryRow::new(ctx.t(label), ctx.t("no")),
    }
}

/// Where the consultation stands: its status and dates, its survey (to
/// preview), what is published, and how many have responded.
fn summary_rows(ctx: &PageCtx, v: &ConsultationView) -> Vec<SummaryRow> {
    let c = &v.consultation;
    let id = c.id;
    let (_, status) = status_label(ctx, c);
    let mut results = when_or_no(
        ctx,
        "consultation-results-published",
        c.results_published_at,
    );
    // Offered only when there are results to publish (published, with
    // responses); the form refuses otherwise, and the row says why.
    let unpublishable = results_unpublishable(c);
    if let (Some(code), None) = (unpublishable, c.results_published_at) {
        results.value = ctx.t(&format!("reason-{code}")).into();
    }
    if unpublishable.is_none() {
        results = results.change(
            &format!("/staff/consultations/{id}/results/publish"),
            ctx.t(if c.results_published_at.is_none() {
                "consultation-publish-results"
            } else {
                "results-publication-change"
            }),
        );
    }
    let questions = v.survey.questions().count() as u64;
    let mut survey = SummaryRow::new(
        ctx.t("consultation-survey"),
        ctx.phrase(
            "consultation-survey-size",
            &[
                ("questions", Value::Number(questions)),
                ("pages", Value::Number(v.survey.pages.len() as u64)),
            ],
        ),
    );
    if questions > 0 {
        survey = survey.change(
            &format!("/staff/consultations/{id}/preview"),
            ctx.t("preview-link"),
        );
    }
    let mut rows = vec![
        SummaryRow::new(ctx.t("consultation-status"), status).change_said(
            &format!("/staff/consultations/{id}/edit"),
            ctx.t("consultation-edit-details"),
            ctx.t("consultation-edit-details-hidden").into(),
        ),
    ];
    rows.extend(date_rows(ctx, c));
    rows.extend([
        SummaryRow::new(
            ctx.t("consultation-field-anonymous"),
            yes_no(ctx, c.allow_anonymous),
        ),
        language_row(ctx, c),
        survey,
        when_or_no(ctx, "consultation-published", c.published_at),
        results,
        responses_row(ctx, c),
    ]);
    rows
}

/// The language the consultation is written in, named in the page's
/// language, which its translations are made from (ADR 16).
fn language_row(ctx: &PageCtx, c: &Consultation) -> SummaryRow {
    let value = match ctx.state.catalog.get(&c.language) {
        Some(l) => Phrase::from(ctx.language_shown(l.tag())),
        None => Phrase::isolated(&c.language),
    };
    SummaryRow::new(ctx.t("consultation-field-language"), value)
}

/// How many have responded, with the way to their results; none yet
/// is said in words, with nothing to see.
fn responses_row(ctx: &PageCtx, c: &Consultation) -> SummaryRow {
    let label = ctx.t("consultation-responses");
    if c.response_count == 0 {
        return SummaryRow::new(label, ctx.t("manage-no-responses"));
    }
    SummaryRow::new(label, c.response_count.to_string()).change(
        &format!("/consultations/{}/results", c.id),
        ctx.t("consultation-results-link"),
    )
}

/// The buttons that publish (once it has `questions`) or withdraw the
/// consultation, and withdraw its results. Each asks first.
fn publication_actions(ctx: &PageCtx, c: &Consultation, questions: usize) -> Vec<ActionForm> {
    let publication = |what: &str, publish: bool, label: &str| ActionForm {
        action: format!("/staff/consultations/{}/publication", c.id),
        hidden: vec![
            ("what", what.to_owned()),
            ("publish", if publish { "yes" } else { "no" }.to_owned()),
        ],
        fields: Vec::new(),
        button: ctx.t(label).into(),
        danger: !publish,
        // Publishing and withdrawing both reach far: each asks first.
        primary: false,
        ask: true,
    };
    let mut actions = Vec::new();
    if c.published_at.is_some() {
        actions.push(publication("consultation", false, "consultation-unpublish"));
    } else if questions > 0 {
        actions.push(publication("consultation", true, "consultation-publish"));
    }
    // Publishing results means choosing what: that is its own form.
    if c.results_published_at.is_some() {
        actions.push(publication(
            "results",
            false,
            "consultation-withdraw-results",
        ));
    }
    actions
}

fn timeline_table(ctx: &PageCtx, v: &ConsultationView) -> Table {
    let id = v.consultation.id;
    let langs = Langs::as_written(ctx, &v.consultation.language);
    let states = stage_states(ctx, &v.stages);
    // Withdrawn, nothing is under way: a stage its dates make current
    // stopped when the consultation was withdrawn.
    let c = &v.consultation;
    let withdrawn = c.published_at.is_none() && c.withdrawn_at.is_some();
    Table {
        caption: ctx.t("consultation-timeline").into(),
        head: vec![
            ctx.t("stage-name").into(),
            ctx.t("stage-date").into(),
            ctx.t("stage-state").into(),
            ctx.t("question-actions").into(),
        ],
        rows: v
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| {
                vec![
                    Cell::from(langs.original(s.name.as_str())),
                    s.date
                        .map_or_else(|| Cell::from(""), |d| Cell::when(ctx.dates().day(d))),
                    Cell::from(if withdrawn && states[i] == StageState::Current {
                        ctx.t("stage-stopped").into()
                    } else {
                        stage_state_text(ctx, s.state, states[i])
                    }),
                    Cell::link(
                        ctx.t("stage-remove"),
                        format!("/staff/consultations/{id}/stages/{}/remove", i + 1),
                    ),
                ]
            })
            .collect(),
        empty: ctx.t("consultation-timeline-empty"),
    }
}

/// Where a stage stands as officers read it: as set, or for an
/// automatic stage where its dates put it, saying so.
fn stage_state_text(ctx: &PageCtx, set: StageState, shown: StageState) -> Phrase {
    let state = ctx.t(&format!("stage-{}", shown.key()));
    match set {
        StageState::Automatic => {
            ctx.phrase("stage-automatic-shown", &[("state", Value::Text(&state))])
        }
        _ => state.into(),
    }
}

/// A finding's title as [`super::findings::finding_titles`] found it.
fn title_of(
    ctx: &PageCtx,
    c: &Consultation,
    titles: &HashMap<Uuid, Shown>,
    f: &ShownFinding,
) -> Shown {
    titles
        .get(&f.id)
        .cloned()
        .unwrap_or_else(|| Langs::as_written(ctx, &c.language).original(f.finding.title.as_str()))
}

/// The findings, each titled in the reader's language where translated,
/// as the buttons that act on them name them.
fn findings_table(
    ctx: &PageCtx,
    c: &Consultation,
    found: &[ShownFinding],
    titles: &HashMap<Uuid, Shown>,
) -> Table {
    let id = c.id;
    let langs = Langs::as_written(ctx, &c.language);
    Table {
        caption: ctx.t("findings-heading").into(),
        head: vec![
            ctx.t("finding-field-title").into(),
            ctx.t("finding-field-question").into(),
            ctx.t("consultation-status").into(),
            ctx.t("finding-field-what-we-did").into(),
        ],
        rows: found
            .iter()
            .map(|f| {
                let did = if f.finding.what_we_did.is_empty() {
                    "finding-what-we-did-write"
                } else {
                    "finding-what-we-did-change"
                };
                vec![
                    Cell::from(title_of(ctx, c, titles, f)),
                    Cell::from(langs.original(f.question.as_str())),
                    Cell::from(ctx.t(if f.published_at.is_some() {
                        "consultation-published"
                    } else {
                        "status-draft"
                    })),
                    Cell::link(
                        ctx.t(did),
                        format!("/staff/consultations/{}/findings/{}/what-we-did", id, f.id),
                    ),
                ]
            })
            .collect(),
        empty: ctx.t("findings-empty"),
    }
}

/// For each finding, the buttons that publish or withdraw it and remove
/// it, each naming it by its title as the table shows it.
fn finding_actions(
    ctx: &PageCtx,
    c: &Consultation,
    found: &[ShownFinding],
    titles: &HashMap<Uuid, Shown>,
) -> Vec<ActionForm> {
    let id = c.id;
    let mut actions = Vec::new();
    for f in found {
        let title = title_of(ctx, c, titles, f);
        let change = |what: &str, danger: bool| ActionForm {
            action: format!("/staff/consultations/{id}/findings/{}", f.id),
            hidden: vec![("change", what.to_owned())],
            fields: Vec::new(),
            button: ctx.phrase(
                &format!("finding-{what}-titled"),
                &[("title", Value::Shown(&title))],
            ),
            danger,
            // Removing asks first.
            primary: false,
            ask: what == "remove",
        };
        actions.push(if f.published_at.is_some() {
            change("withdraw", false)
        } else {
            change("publish", false)
        });
        actions.push(change("remove", true));
    }
    actions
}

/// A row per other language: how many texts it lacks, and the way to
/// translate them.
async fn translation_rows(
    ctx: &PageCtx,
    v: &ConsultationView,
) -> Result<Vec<SummaryRow>, AppError> {
    let id = v.consultation.id;
    let mut rows = Vec::new();
    for c in coverage_by_language(ctx, v).await? {
        // The language's name in itself, marked so.
        let language = c.name;
        rows.push(
            SummaryRow::new(
                ctx.phrase("translations-row", &[("language", Value::Shown(&language))]),
                counts_phrase(ctx, &c.counts),
            )
            .change_said(
                &format!("/staff/consultations/{id}/translations/{}", c.tag),
                ctx.t("translations-translate"),
                ctx.phrase(
                    "translations-translate-hidden",
                    &[("language", Value::Shown(&language))],
                ),
            ),
        );
    }
    Ok(rows)
}

/// The ways to the consultation's other staff pages: the analyst's
/// tools and exports once anyone has responded (the responses row says
/// when nobody has).
fn change_links(ctx: &PageCtx, me: &SignedIn, c: &Consultation) -> Vec<(String, Phrase)> {
    let id = c.id;
    let mut pages = vec![("findings/new", "finding-add"), ("stages/new", "stage-add")];
    let answered = c.response_count > 0;
    if answered {
        pages.extend([
            ("analysis", "results-analysis-link"),
            ("answers", "answers-title"),
            ("weighting", "weighting-title"),
        ]);
    }
    let mut links: Vec<(String, Phrase)> = pages
        .into_iter()
        .map(|(page, label)| {
            (
                format!("/staff/consultations/{id}/{page}"),
                ctx.t(label).into(),
            )
        })
        .collect();
    if answered {
        links.extend(
            response_links(ctx, Some(me), id)
                .into_iter()
                .map(|(href, label)| (href, label.into())),
        );
    }
    links
}
