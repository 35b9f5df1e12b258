//! A consultation's results: counts and shares with their intervals,
//! small counts hidden, weighted figures where published.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::identity::Action;
use cohesion_domain::survey::model::{QuestionDef, QuestionKind};
use cohesion_domain::timestamp::Timestamp;
use cohesion_domain::translation::key;
use cohesion_domain::ErrorCode;
use cohesion_insight::disclosure::SmallBaseRules;
use cohesion_services::consultations::results::{self, Line, Results};
use cohesion_services::permissions::may;
use cohesion_ui::consultations::{Bar, ResultView, ResultsPage};
use cohesion_ui::{Phrase, Shown, Value};

use super::exports::response_links;
use super::questions::shown_options;
use super::translated::results_in_language;
use super::wording::{figure, t1, tn};
use crate::kit::{notice, path_id, respond, whole_percent, AppError, ClientKey, Langs, PageCtx};

fn line_view(
    ctx: &PageCtx,
    id: &str,
    heading: Phrase,
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
        note: line
            .base_hidden
            .then(|| ctx.t("results-base-hidden").into()),
        caption: ctx.phrase(
            "results-table-caption",
            &[
                ("question", Value::Phrase(&heading)),
                ("base", Value::Number(line.base)),
            ],
        ),
        heading,
        head: [ctx.t("results-option"), ctx.t("results-figure-head")],
        bars,
    }
}

/// Published weighted figures for one question, labelled as weighted,
/// with the effective base their ranges use.
fn weighted_view(
    ctx: &PageCtx,
    w: &results::WeightedSnapshot,
    q: &QuestionDef,
    text: &Shown,
    labels: &[Shown],
    tally: &cohesion_insight::weighted::WeightedTally,
    rules: SmallBaseRules,
) -> ResultView {
    let heading = ctx.phrase(
        "results-weighted-heading",
        &[("question", Value::Shown(text))],
    );
    let cells = results::weighted_cells(tally, rules);
    let bars = match &cells {
        None => Vec::new(),
        Some(cells) => labels
            .iter()
            .zip(cells)
            .map(|(label, cell)| Bar {
                label: label.clone(),
                figure: cell.map_or_else(
                    || ctx.t("results-hidden").into(),
                    |o| {
                        ctx.phrase(
                            "results-weighted-figure",
                            &[
                                ("percent", Value::Number(whole_percent(o.share))),
                                ("range", Value::Unbroken(&ctx.percent_range(o.low, o.high))),
                            ],
                        )
                    },
                ),
                length: cell.map_or(0, |o| (o.share * 100.0).round() as u32),
            })
            .collect(),
    };
    let (base, caption) = weighted_base(ctx, w, &q.id, tally, &heading, rules);
    ResultView {
        id: format!("{}-weighted", q.id),
        // A sentence of the reader's language naming the question.
        base,
        note: Some(if cells.is_none() {
            ctx.t("weighting-base-small").into()
        } else {
            weighted_note(ctx, &w.computed_at)
        }),
        caption,
        heading,
        head: [ctx.t("results-option"), ctx.t("weighting-share")],
        bars,
    }
}

/// The sentence under a weighted question's heading and its table's
/// caption: the number who answered and the effective base, unless a
/// handful who answered were left out of the weighting, when the
/// weighted base beside the question's own would count them.
fn weighted_base(
    ctx: &PageCtx,
    w: &results::WeightedSnapshot,
    id: &str,
    tally: &cohesion_insight::weighted::WeightedTally,
    heading: &Phrase,
    rules: SmallBaseRules,
) -> (String, Phrase) {
    let effective = format!("{:.0}", tally.effective_base);
    let exact = w.counts_shown(Some(id), rules);
    let base = match exact {
        true => ctx.locale().t_args(
            "results-weighted-base",
            &[
                ("count", tally.base.into()),
                ("effective", effective.as_str().into()),
            ],
        ),
        false => ctx.locale().t_args(
            "results-weighted-base-few",
            &[
                ("count", rules.min_count.into()),
                (
                    "effective",
                    results::weighting::rounded_effective_base(tally.effective_base, rules).into(),
                ),
            ],
        ),
    };
    let caption = match exact {
        true => ctx.phrase(
            "results-table-caption",
            &[
                ("question", Value::Phrase(heading)),
                ("base", Value::Number(tally.base)),
            ],
        ),
        false => ctx.phrase(
            "results-weighted-caption-few",
            &[
                ("question", Value::Phrase(heading)),
                ("count", Value::Number(rules.min_count)),
            ],
        ),
    };
    (base, caption)
}

/// When the weighted figures were worked out: a snapshot keeps the
/// instant in RFC 3339 (older ones kept "2026-11-22 09:41 UTC", shown as
/// they are).
fn weighted_note(ctx: &PageCtx, computed_at: &str) -> Phrase {
    match Timestamp::parse_rfc3339(computed_at) {
        Some(at) => ctx
            .dates()
            .with("results-weighted-note", "date", ctx.dates().at(at)),
        None => t1(ctx, "results-weighted-note", "date", computed_at).into(),
    }
}

fn text_view(id: &str, heading: Shown, base: String, note: String) -> ResultView {
    ResultView {
        id: id.to_owned(),
        heading: heading.into(),
        base,
        note: Some(note.into()),
        caption: Phrase::default(),
        head: [String::new(), String::new()],
        bars: Vec::new(),
    }
}

fn result_views(ctx: &PageCtx, langs: &Langs, r: &Results) -> Vec<ResultView> {
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
            base = format!("{base} · {}", ctx.t("results-not-public"));
        }
        if q.withheld {
            out.push(text_view(
                &q.question.id,
                text,
                base,
                ctx.t("results-withheld"),
            ));
            continue;
        }
        let labels = shown_options(ctx, langs, &q.question);
        match &q.question.kind {
            QuestionKind::Matrix { rows } => {
                for (i, (row, line)) in rows.iter().zip(&q.lines).enumerate() {
                    let row = langs.shown(&key::row(&q.question.id, i), row);
                    let heading = Phrase::join([(&text).into(), row.into()], " – ");
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
                    let heading =
                        ctx.phrase("results-ranked-first", &[("question", Value::Shown(&text))]);
                    out.push(line_view(ctx, &q.question.id, heading, &labels, line, base));
                }
            }
            k if k.is_choice() => {
                if let Some(line) = q.lines.first() {
                    out.push(line_view(
                        ctx,
                        &q.question.id,
                        (&text).into(),
                        &labels,
                        line,
                        base.clone(),
                    ));
                }
                let weighted = r.weighting.as_ref().and_then(|w| {
                    w.question(&q.question.id).map(|tally| {
                        weighted_view(ctx, w, &q.question, &text, &labels, tally, r.rules)
                    })
                });
                out.extend(weighted);
            }
            _ => out.push(text_view(
                &q.question.id,
                text,
                base,
                ctx.t("results-free-text"),
            )),
        }
    }
    out
}

/// What the page says first: whether it is published (staff only see
/// it before), how many responded, and the small-count rules.
fn lead(ctx: &PageCtx, r: &Results) -> Vec<String> {
    let mut lead = Vec::new();
    if r.consultation.results_published_at.is_none() {
        lead.push(ctx.t("results-not-published"));
    }
    // A snapshot says how many it counts itself; a count of today beside
    // it would only confuse.
    if r.as_of.is_none() {
        lead.push(tn(
            ctx,
            "consultation-responded",
            "count",
            r.respondents.max(0) as u64,
        ));
    }
    lead.push(ctx.locale().t_args(
        "results-rules",
        &[
            ("count", r.rules.min_count.into()),
            ("base", r.rules.min_base_for_percent.into()),
        ],
    ));
    lead
}

/// When the figures are from, while the public sees a snapshot: said to
/// the public of the figures they see, and to analysts (who see them as
/// they stand) of the public's.
fn as_of(ctx: &PageCtx, r: &Results) -> Option<Phrase> {
    let (id, taken) = match (r.as_of, r.public_as_of) {
        (Some(taken), _) => ("results-as-of", taken),
        (None, Some(taken)) => ("results-public-as-of", taken),
        (None, None) => return None,
    };
    let when = ctx.dates().at(taken.at);
    Some(ctx.phrase(
        id,
        &[
            ("when", Value::When(&when)),
            ("count", Value::Number(taken.responses.max(0) as u64)),
            ("min", Value::Number(r.rules.min_count)),
        ],
    ))
}

pub async fn results_page(
    ctx: PageCtx,
    client: ClientKey,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let viewer = ctx.user.0.as_ref();
    let path = format!("/consultations/{id}/results");
    let (r, langs) = match results_in_language(&ctx, &client, id).await {
        // Before publication the public is told so, not "not found".
        Err(e) if e.info.code == ErrorCode::NotPublished => {
            let page = notice(
                &ctx,
                &path,
                "results-not-published-yet",
                "results-not-published-yet-text",
                Some((
                    &format!("/consultations/{id}"),
                    "results-back-to-consultation",
                )),
            )
            .await?;
            return respond(StatusCode::OK, page, None);
        }
        other => other?,
    };
    let mut ui = ctx.chrome_for(&path, "results-title").await?;
    let title = langs.shown(key::TITLE, &r.consultation.title);
    ui.title = ctx.phrase("results-title-of", &[("title", Value::Shown(&title))]);
    let lead = lead(&ctx, &r);
    let questions = result_views(&ctx, &langs, &r);
    let mut links = Vec::new();
    // Nothing to cross-tabulate or export before anyone responds.
    if r.respondents > 0 {
        if may(viewer, Action::Analyse) {
            links.push((
                format!("/staff/consultations/{id}/analysis"),
                ctx.t("results-analysis-link"),
            ));
        }
        // Analysts, who alone may export special-category answers, reach
        // the response exports from here (the manage page is for officers).
        links.extend(response_links(&ctx, viewer, id));
        links.push((
            format!("/consultations/{id}/results.csv"),
            ctx.t("export-results"),
        ));
        // The same figures as the API's JSON document, named by format
        // like the others.
        links.push((
            format!("/api/v1/consultations/{id}/results"),
            ctx.t("export-results-json"),
        ));
    }
    let published = r.consultation.results_published_at.map(|at| {
        ctx.dates()
            .with("results-published-on", "when", ctx.dates().at(at))
    });
    let view = ResultsPage {
        ui,
        back: Some((format!("/consultations/{id}"), ctx.t("back"))),
        lead,
        published,
        as_of: as_of(&ctx, &r),
        empty: questions.is_empty().then(|| ctx.t("results-empty")),
        questions,
        links,
    };
    respond(StatusCode::OK, view, None)
}
