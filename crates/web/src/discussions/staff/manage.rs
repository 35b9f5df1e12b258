//! The officers' page of one discussion: where it stands, its dates as
//! people write them, the consultation stage it is part of, how many
//! comments everyone may read, and the ways
//! to change its details, publish or withdraw it, add starting
//! statements to its statements stage, and see its public page.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::consultation::Status;
use cohesion_domain::discussion::moderation::PreModeration;
use cohesion_domain::discussion::record::Discussion;
use cohesion_domain::discussion::statements::MAX_STATEMENT_CHARS;
use cohesion_domain::timestamp::Timestamp;
use cohesion_domain::translation::key;
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::reading as consultation_reading;
use cohesion_services::discussions::{reading, statements};
use cohesion_ui::{
    ActionForm, Field, FieldError, Phrase, ReportPage, Section, Shown, SummaryRow, Value,
};
use uuid::Uuid;

use super::{date_rows, status_label};
use crate::discussions::public::translated::{title_shown, topics_lang, translated};
use crate::kit::{
    confirmation, path_id, respond, AppError, DoneQuery, Langs, May, PageCtx, RunEngagement,
};

pub async fn manage(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path(id): Path<String>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let page = page(&ctx, &me, id, q.done.as_deref(), Seeding::default()).await?;
    respond(StatusCode::OK, page, None)
}

/// The starting-statement form as sent back: its text and problems.
#[derive(Default)]
pub(super) struct Seeding {
    pub text: String,
    pub errors: Vec<FieldError>,
}

/// The officers' page of the discussion `id`, with the starting-statement
/// form as `seeding` has it.
pub(super) async fn page<'a>(
    ctx: &'a PageCtx,
    me: &SignedIn,
    id: Uuid,
    done: Option<&str>,
    seeding: Seeding,
) -> Result<ReportPage<'a>, AppError> {
    let d = reading::discussion(&ctx.state.db, Some(me), id).await?;
    let path = format!("/staff/discussions/{id}");
    let mut ui = match ctx.posted() {
        true => {
            ctx.chrome_switching_at(&path, "discussion-staff-manage")
                .await?
        }
        false => ctx.chrome_for(&path, "discussion-staff-manage").await?,
    };
    // In the page's language where translated, as the public page names it.
    ui.title = title_shown(ctx, &d).await?.into();
    let mut page = ReportPage::new(ui);
    page.back = Some(("/manage".to_owned(), ctx.t("back")));
    page.done = confirmation(ctx, done).map(Into::into);
    page.csrf = me.csrf.clone();
    if d.imported {
        page.lead.push(ctx.t("discussion-staff-imported").into());
    }
    // Its topics and area in the page's language where translated.
    let (shown, langs) = translated(ctx, d.clone()).await?;
    page.rows = summary_rows(ctx, &d, &shown, &langs);
    page.rows.push(stage_row(ctx, me, &d).await?);
    page.rows.extend(super::translations::rows(ctx, &d).await?);
    page.actions = publication_actions(ctx, &d);
    let stage = statements::has_stage(&ctx.state.db, id).await?;
    if !d.imported {
        page.actions
            .push(super::statements::stage_action(ctx, id, stage));
    }
    // Starting statements, while anyone can still vote on them.
    let closed = d.status(Timestamp::now().as_offset()) == Status::Closed;
    if stage && !d.imported && !closed {
        page.actions.push(seed_form(ctx, id, &seeding));
    }
    if stage {
        page.sections.push(seeded_table(ctx, me, id).await?);
    }
    page.errors = seeding.errors;
    page.links = vec![(
        format!("/discussions/{id}"),
        ctx.t("discussion-staff-view-public").into(),
    )];
    if stage {
        page.links.push((
            format!("/staff/discussions/{id}/statements"),
            ctx.t("statements-staff-link").into(),
        ));
    }
    Ok(page)
}

/// The starting statements already added, each with where it stands (a
/// moderator may have hidden one), as the statements page lists them.
async fn seeded_table(ctx: &PageCtx, me: &SignedIn, id: Uuid) -> Result<Section, AppError> {
    let seeded = statements::seeded(&ctx.state.db, me, id).await?;
    let path = format!("/staff/discussions/{id}/statements");
    let words = (
        "statements-staff-seeded-caption",
        "statements-staff-seeded-empty",
    );
    super::statements::table(ctx, me, &seeded, &path, words)
}

/// The form that adds a starting statement: published at once, so the
/// first voters find statements to vote on (Pol.is's seed statements).
fn seed_form(ctx: &PageCtx, id: Uuid, seeding: &Seeding) -> ActionForm {
    ActionForm {
        action: format!("/staff/discussions/{id}/statements/seed"),
        hidden: Vec::new(),
        fields: vec![
            Field::new("text", "textarea", "off", ctx.t("statement-seed-field"))
                .hint(ctx.t("statement-seed-hint"))
                .counted(MAX_STATEMENT_CHARS)
                .value(&seeding.text)
                .errors_from(&seeding.errors),
        ],
        button: ctx.t("statement-seed-button").into(),
        danger: false,
        primary: false,
        ask: false,
    }
}

fn summary_rows(
    ctx: &PageCtx,
    d: &Discussion,
    shown: &Discussion,
    langs: &Langs,
) -> Vec<SummaryRow> {
    let id = d.id;
    let (_, status) = status_label(ctx, d);
    let mut status_row = SummaryRow::new(ctx.t("consultation-status"), status);
    if !d.imported {
        status_row = status_row.change_said(
            &format!("/staff/discussions/{id}/edit"),
            ctx.t("discussion-staff-edit-details"),
            ctx.t("discussion-staff-edit-details-hidden").into(),
        );
    }
    let mut rows = vec![status_row];
    rows.extend(date_rows(ctx, d));
    if !shown.topics.is_empty() {
        rows.push(SummaryRow::written_value(
            ctx.t("discussion-staff-field-topics"),
            Shown::new(ctx.locale().list(&shown.topics), topics_lang(shown, langs)),
        ));
    }
    if let Some(area) = &shown.area {
        rows.push(SummaryRow::written_value(
            ctx.t("discussion-staff-field-area"),
            langs.shown(key::AREA, area),
        ));
    }
    rows.push(language_row(ctx, d));
    rows.push(SummaryRow::new(
        ctx.t("discussion-staff-field-pre-moderation"),
        pre_moderation_words(ctx, d.pre_moderation),
    ));
    rows.push(SummaryRow::new(
        ctx.t("discussion-staff-questions-row"),
        ctx.phrase(
            "discussion-staff-questions-count",
            &[("count", Value::Number(d.questions.len() as u64))],
        ),
    ));
    rows.push(match d.published_at {
        Some(at) => SummaryRow::when(ctx.t("discussion-staff-published"), ctx.dates().instant(at)),
        None => SummaryRow::new(ctx.t("discussion-staff-published"), ctx.t("no")),
    });
    rows.push(SummaryRow::new(
        ctx.t("discussion-staff-comments"),
        ctx.phrase(
            "discussion-staff-comment-count",
            &[("count", Value::Number(d.comment_count.max(0) as u64))],
        ),
    ));
    rows
}

/// The consultation stage it is part of ("Title — stage 3: Name"), its
/// title and the stage's name in the page's language where the
/// consultation is translated (it is another feature's text, not this
/// discussion's), each marked with the language it is shown in; or "Not
/// linked".
async fn stage_row(ctx: &PageCtx, me: &SignedIn, d: &Discussion) -> Result<SummaryRow, AppError> {
    let label = ctx.t("discussion-staff-field-consultation-stage");
    let Some(link) = d.consultation_stage else {
        return Ok(SummaryRow::new(label, ctx.t("discussion-staff-not-linked")));
    };
    let db = &ctx.state.db;
    let here = ctx.locale().tag();
    let (v, left) = consultation_reading::view_in(db, Some(me), link.consultation_id, here).await?;
    let langs = Langs::new(ctx, &v.consultation.language, left);
    let title = langs.shown(key::TITLE, &v.consultation.title);
    let i = link.stage as usize;
    let value = match v.stages.get(i) {
        Some(stage) => ctx.phrase(
            "discussion-staff-stage-choice",
            &[
                ("consultation", Value::Shown(&title)),
                ("number", Value::Number(u64::from(link.stage) + 1)),
                (
                    "stage",
                    Value::Shown(&langs.shown(&key::stage_name(i), &stage.name)),
                ),
            ],
        ),
        // The timeline has shrunk past it since (ADR 38).
        None => Phrase::from(title),
    };
    Ok(SummaryRow::new(label, value))
}

/// The language it is written in, named in the page's language.
fn language_row(ctx: &PageCtx, d: &Discussion) -> SummaryRow {
    let value = match ctx.state.catalog.get(&d.language) {
        Some(l) => Phrase::from(ctx.language_name(l.tag())),
        None => Phrase::isolated(&d.language),
    };
    SummaryRow::new(ctx.t("discussion-staff-language"), value)
}

/// Pre-moderation in words: off, a member's first N comments, or all.
pub(super) fn pre_moderation_words(ctx: &PageCtx, p: PreModeration) -> Phrase {
    match p {
        PreModeration::Off => ctx.t("discussion-staff-pre-moderation-off").into(),
        PreModeration::All => ctx.t("discussion-staff-pre-moderation-all").into(),
        PreModeration::FirstComments(n) => ctx.phrase(
            "discussion-staff-pre-moderation-first-n",
            &[("count", Value::Number(u64::from(n)))],
        ),
    }
}

/// The button that publishes or withdraws it, and while it is open the
/// one that closes it now; each asks first.
fn publication_actions(ctx: &PageCtx, d: &Discussion) -> Vec<ActionForm> {
    let publish = !d.is_published();
    let label = match publish {
        true => "discussion-staff-publish",
        false => "discussion-staff-unpublish",
    };
    let mut actions = vec![ActionForm {
        action: format!("/staff/discussions/{}/publication", d.id),
        hidden: vec![("publish", if publish { "yes" } else { "no" }.to_owned())],
        fields: Vec::new(),
        button: ctx.t(label).into(),
        danger: !publish,
        primary: false,
        ask: true,
    }];
    // Open now: it can be closed before its date (asked first).
    if super::open_now(d) {
        actions.push(ActionForm {
            action: format!("/staff/discussions/{}/close", d.id),
            hidden: Vec::new(),
            fields: Vec::new(),
            button: ctx.t("discussion-staff-close-now").into(),
            danger: true,
            primary: false,
            ask: true,
        });
    }
    actions
}
