//! Results weighted to population margins, for staff who analyse: the
//! margins picked from lists (or typed), how the weighting went in
//! words, and each question's weighted shares. Where a handful of
//! respondents were left out, nothing counts those weighted exactly
//! (ADR 27): beside the results page's counts it would count them.

use axum::extract::{Path, RawQuery};
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::analysis::margin_form::typed_margins;
use cohesion_domain::analysis::weighting::{normalised_range, settling, Settling};
use cohesion_domain::identity::Action;
use cohesion_domain::survey::model::{QuestionDef, SurveyDefinition};
use cohesion_insight::weighted::WeightedTally;
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::results::weighting::{
    self, rounded_effective_base, staff_cells, Margins, Weighted, WeightedCell, WeightedQuestion,
};
use cohesion_services::ServiceError;
use cohesion_ui::consultations::{MarginWords, WeightingPage};
use cohesion_ui::{
    ErrorLink, Field, Figure, FigureRow, FigureTable, Phrase, Shown, SummaryRow, Value,
};
use uuid::Uuid;

use super::figures::back_to_staff;
use super::figures::{count, hidden_key, key_line, percent, withheld};
use super::margin_form::{eligible, pick_field, question_views, Asked, FormProblems, PICK};
use super::margins::margin_message;
use super::{analysis_frame, question_text};
use crate::consultations::questions::shown_options;
use crate::kit::{respond, Analyse, AppError, ClientKey, Langs, May, PageCtx};

/// Results weighted to population margins, for staff who analyse, with
/// the raking report; every figure is labelled as weighted. The margins
/// come from the lists form (`by`, a box per option, `step` naming the
/// button) or typed (`margins`); nothing sent is a first visit.
pub async fn weighting(
    ctx: PageCtx,
    May(me, _): May<Analyse>,
    client: ClientKey,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let frame = analysis_frame(&ctx, &me, &id, "weighting").await?;
    let (id, report, langs) = (frame.id, frame.page, &frame.langs);
    let survey = &frame.v.survey;
    let mut asked = Asked::from_query(query.as_deref());
    let choosable = eligible(survey, me.roles.allows(Action::ViewSpecialCategory));
    let Outcome {
        weighted,
        mut problems,
        typed_errors,
    } = outcome(
        &ctx,
        (&me, &client, id),
        (survey, langs),
        &mut asked,
        &choosable,
    )
    .await?;

    let action = format!("/staff/consultations/{id}/weighting");
    let mut ui = report.ui;
    ui.keep_query(&asked.query(survey, None, true));
    let pick = pick_field(&ctx, langs, &choosable, &asked, &problems);
    let mut errors = std::mem::take(&mut problems.links);
    if pick.is_none() {
        // No select to lead to: the form's heading.
        for e in errors.iter_mut().filter(|e| e.href == format!("#{PICK}")) {
            e.href = "#margins-form".to_owned();
        }
    }
    errors.extend(typed_errors);
    let typed_field = typed_field(&ctx, survey, &asked, weighted.is_some(), &errors);
    let status = match errors.is_empty() {
        true => StatusCode::OK,
        false => StatusCode::UNPROCESSABLE_ENTITY,
    };
    let rules = ctx.state.config.small_base;
    let (rows, figures) = match &weighted {
        Some(w) => (
            report_rows(&ctx, w),
            w.questions
                .iter()
                .map(|q| {
                    // The question as the page's language shows it.
                    let shown = survey.question(&q.question.id).unwrap_or(&q.question);
                    weighted_table(&ctx, langs, shown, q, w.counts_shown(Some(q), rules))
                })
                .collect(),
        ),
        None => (Vec::new(), Vec::new()),
    };
    let page = WeightingPage {
        ui,
        // As the other analysts' pages: the consultation's staff page for
        // those who run it, else Manage, which lists the analyst's tools.
        back: Some(back_to_staff(&ctx, &me, id)),
        errors,
        lead: vec![ctx.t("weighting-lead").into()],
        questions: question_views(&ctx, langs, survey, &asked, &problems, &action),
        action,
        words: words(&ctx),
        pick,
        typed: typed_field,
        typed_lead: typed_lead(&ctx, langs, survey),
        typed_open: asked.margins.is_some(),
        rows,
        figures,
    };
    respond(status, page, None)
}

/// What the form asked for came to: the results weighted, or the
/// problems of the lists form or of the typed lines.
#[derive(Default)]
struct Outcome {
    weighted: Option<Weighted>,
    problems: FormProblems,
    typed_errors: Vec<ErrorLink>,
}

/// Weights by the margins typed, or by the lists form's when its
/// "Weight the results" was pressed; adds the question picked when "Add
/// this question" was; on a first visit, or with a question taken off
/// the form, does nothing.
async fn outcome(
    ctx: &PageCtx,
    (me, client, id): (&SignedIn, &ClientKey, Uuid),
    (survey, langs): (&SurveyDefinition, &Langs),
    asked: &mut Asked,
    choosable: &[&QuestionDef],
) -> Result<Outcome, AppError> {
    let db = &ctx.state.db;
    let mut out = Outcome::default();
    match (asked.margins.clone(), asked.step.as_deref()) {
        (Some(typed), _) => {
            match weighting::weighted(db, me, id, Margins::Typed(&typed), Some(&client.0)).await {
                Ok(w) => out.weighted = Some(w),
                Err(e) => {
                    // Margins that cannot be used: the form again, with
                    // why, a message for each line at fault.
                    out.typed_errors = margin_problems(e)?
                        .iter()
                        .map(|e| ErrorLink {
                            href: "#margins".to_owned(),
                            question: Shown::new("", ""),
                            message: margin_message(ctx, survey, &typed, e),
                        })
                        .collect();
                }
            }
        }
        (None, Some("add")) => add(ctx, asked, choosable, &mut out.problems),
        (None, Some("weigh")) => {
            let form = asked.form_shares(survey);
            match weighting::weighted(db, me, id, Margins::Form(&form), Some(&client.0)).await {
                Ok(w) => out.weighted = Some(w),
                Err(e) => {
                    out.problems = FormProblems::of(ctx, langs, survey, asked, &margin_problems(e)?)
                }
            }
        }
        _ => {}
    }
    Ok(out)
}

/// The typed lines' box: as typed, or once the lists form has weighted,
/// the lines it made, to copy into the publication form.
fn typed_field(
    ctx: &PageCtx,
    survey: &SurveyDefinition,
    asked: &Asked,
    weighted: bool,
    errors: &[ErrorLink],
) -> Field {
    let typed = match (&asked.margins, weighted) {
        (Some(typed), _) => typed.clone(),
        (None, true) => typed_margins(&asked.form_shares(survey)),
        (None, false) => String::new(),
    };
    let message = errors
        .iter()
        .find(|e| e.href == "#margins")
        .map(|e| Phrase::plain(e.message.clone()));
    Field::new("margins", "textarea", "off", ctx.t("weighting-margins"))
        .hint(ctx.t("weighting-margins-hint"))
        .left_to_right()
        .value(&typed)
        .error_phrase(message)
}

/// The problems of margins that cannot be used; any other refusal is the
/// page's (not allowed, not found).
fn margin_problems(e: ServiceError) -> Result<Vec<cohesion_domain::ValidationError>, AppError> {
    match e {
        ServiceError::Invalid(e) => Ok(vec![e]),
        ServiceError::InvalidFields(list) => Ok(list),
        e => Err(e.into()),
    }
}

/// "Add this question": the question picked joins the form, unless none
/// was picked, it is not one to weight by (only a forged form sends
/// one), or the form has as many as weighting takes.
fn add(ctx: &PageCtx, asked: &mut Asked, choosable: &[&QuestionDef], problems: &mut FormProblems) {
    use cohesion_domain::analysis::weighting::MAX_MARGINS;
    let picked = asked.add.clone().unwrap_or_default();
    if picked.is_empty() {
        problems.on_pick(ctx.t("weighting-pick-error-empty"));
    } else if !choosable.iter().any(|q| q.id == picked) {
        problems.on_pick(ctx.t("weighting-pick-error"));
    } else if !asked.by.contains(&picked) {
        if asked.by.len() >= MAX_MARGINS {
            problems.on_pick(ctx.locale().t_plain(
                "weighting-pick-error-too-many",
                &[("most", MAX_MARGINS.into())],
            ));
        } else {
            asked.by.push(picked);
            asked.add = None;
        }
    }
}

/// The lists form's words.
fn words(ctx: &PageCtx) -> MarginWords {
    MarginWords {
        heading: ctx.t("weighting-form-heading"),
        hint: ctx.t("weighting-shares-hint"),
        remove: ctx.t("weighting-remove"),
        add: ctx.t("weighting-add"),
        weigh: ctx.t("weighting-apply"),
        typed: ctx.t("weighting-typed"),
        typed_button: ctx.t("weighting-apply"),
    }
}

/// Above the typed box: each question it can weight by with its options
/// in order (the order shares are typed in): "q8: What is your age?
/// (Under 16, 16 to 24, …)", the question as written, in its language,
/// the options as the reader reads them.
fn typed_lead(ctx: &PageCtx, langs: &Langs, survey: &SurveyDefinition) -> Vec<Phrase> {
    let separator = ctx.t("list-separator");
    let questions = survey
        .questions()
        .filter(|q| cohesion_domain::analysis::weighting::can_weight_by(q))
        .map(|q| {
            let text = question_text(langs, q);
            let options = Phrase::join(
                shown_options(ctx, langs, q).iter().map(Phrase::from),
                &separator,
            );
            ctx.phrase(
                "weighting-question",
                &[
                    ("id", Value::Text(&q.id)),
                    ("question", Value::Shown(&text)),
                    ("options", Value::Phrase(&options)),
                ],
            )
        });
    std::iter::once(ctx.t("weighting-typed-lead").into())
        .chain(questions)
        .collect()
}

/// How the raking went, in words: who was weighted, whether the weights
/// settled and after how many rounds, how far they reach (scaled to a
/// mean of 1) and what the weighting costs in effective sample size.
fn report_rows(ctx: &PageCtx, w: &Weighted) -> Vec<SummaryRow> {
    let r = &w.report;
    let rules = ctx.state.config.small_base;
    let exact = w.counts_shown(None, rules);
    let included = match exact {
        true => Phrase::plain(w.included.to_string()),
        false => ctx.phrase(
            "weighting-included-few",
            &[("count", Value::Number(rules.min_count))],
        ),
    };
    let mut rows = vec![
        SummaryRow::new(ctx.t("weighting-included"), included),
        SummaryRow::new(ctx.t("weighting-excluded"), left_out(ctx, w.excluded)),
        SummaryRow::new(
            ctx.t("weighting-converged"),
            settled(ctx, settling(r.converged, r.iterations, r.max_error)),
        ),
        SummaryRow::new(
            ctx.t("weighting-effective"),
            effective(ctx, r.effective_sample_size, exact),
        ),
    ];
    if let Some((smallest, largest)) = normalised_range(&r.weights) {
        let (smallest, largest) = (format!("{smallest:.2}"), format!("{largest:.2}"));
        rows.push(SummaryRow::new(
            ctx.t("weighting-range"),
            ctx.phrase(
                "weighting-range-value",
                &[
                    ("smallest", Value::Text(&smallest)),
                    ("largest", Value::Text(&largest)),
                ],
            ),
        ));
    }
    rows.push(SummaryRow::new(
        ctx.t("weighting-trimmed"),
        r.trimmed.to_string(),
    ));
    rows
}

/// How many respondents were left out: a count under the smallest one
/// shown is "fewer than 10", like any other small count.
fn left_out(ctx: &PageCtx, excluded: usize) -> Phrase {
    let rules = ctx.state.config.small_base;
    let n = u64::try_from(excluded).unwrap_or(u64::MAX);
    match rules.shows_count(n) {
        true => Phrase::plain(n.to_string()),
        false => ctx.phrase(
            "weighting-excluded-few",
            &[("count", Value::Number(rules.min_count))],
        ),
    }
}

/// "The weights settled after 7 rounds", or did not, and by how much.
fn settled(ctx: &PageCtx, s: Settling) -> Phrase {
    let rounds = |n: usize| Value::Number(u64::try_from(n).unwrap_or(u64::MAX));
    match s {
        Settling::Settled { rounds: 0 } => ctx.t("weighting-settled-at-once").into(),
        Settling::Settled { rounds: n } => {
            ctx.phrase("weighting-settled", &[("rounds", rounds(n))])
        }
        Settling::Unsettled {
            rounds: n,
            gap_tenths: 0,
        } => ctx.phrase("weighting-unsettled-tiny", &[("rounds", rounds(n))]),
        Settling::Unsettled {
            rounds: n,
            gap_tenths,
        } => {
            // Always one decimal ("1.0 percentage points"), so the unit
            // reads as a plural in every case.
            let gap = format!("{}.{}", gap_tenths / 10, gap_tenths % 10);
            ctx.phrase(
                "weighting-unsettled",
                &[("rounds", rounds(n)), ("gap", Value::Text(&gap))],
            )
        }
    }
}

/// The effective sample size: exact ("117"), or where the counts are not
/// shown exactly, to the nearest ten ("About 120").
fn effective(ctx: &PageCtx, effective: f64, exact: bool) -> Phrase {
    match exact {
        true => Phrase::plain(format!("{effective:.0}")),
        false => {
            let about = rounded_effective_base(effective, ctx.state.config.small_base);
            ctx.phrase("weighting-about", &[("count", Value::Number(about))])
        }
    }
}

/// One question's weighted shares beside its unweighted counts, as the
/// services show them to staff (small counts hidden, shares left out
/// where the base is too small). Where a handful who answered it were
/// left out, no count: neither the base nor a column of counts, which
/// beside the results page's would say how those few answered.
fn weighted_table(
    ctx: &PageCtx,
    langs: &Langs,
    question: &QuestionDef,
    w: &WeightedQuestion,
    exact: bool,
) -> FigureTable {
    let tally = &w.tally;
    let rules = ctx.state.config.small_base;
    let labels = shown_options(ctx, langs, question);
    let text = question_text(langs, question);
    let cells = staff_cells(tally, rules);
    let rows = labels
        .iter()
        .zip(&cells)
        .map(|(label, cell)| {
            let mut cells = match cell {
                WeightedCell::Hidden => vec![withheld(ctx), withheld(ctx)],
                WeightedCell::Shown { count: n, share } => vec![
                    share.map_or_else(
                        || Figure::shown(ctx.t("weighting-base-small")),
                        |o| {
                            Figure::with_under(
                                percent(ctx, o.share),
                                ctx.phrase(
                                    "weighting-figure-range",
                                    &[(
                                        "range",
                                        Value::Unbroken(&ctx.percent_range(o.low, o.high)),
                                    )],
                                ),
                            )
                        },
                    ),
                    Figure::shown(count(*n)),
                ],
            };
            cells.truncate(if exact { 2 } else { 1 });
            FigureRow {
                head: label.into(),
                cells,
                total: false,
            }
        })
        .collect();
    let key = match exact {
        true => "weighting-key",
        false => "weighting-key-few",
    };
    let mut key = vec![key_line(
        ctx.phrase(key, &[("count", Value::Number(rules.min_count))]),
    )];
    if cells.iter().any(|c| matches!(c, WeightedCell::Hidden)) {
        key.push(hidden_key(ctx));
    }
    let caption = weighted_caption(ctx, &text, tally, exact);
    let mut head = vec![Phrase::heading(&ctx.t("weighting-share"), None)];
    if exact {
        head.push(Phrase::heading(&ctx.t("weighting-unweighted"), None));
    }
    FigureTable {
        caption,
        corner: ctx.t("results-option").into(),
        head,
        rows,
        key,
    }
}

/// "Weighted: … (base 300, effective base 255)", or where a handful who
/// answered were left out, "(all but fewer than 10 of those who
/// answered; effective base about 260)".
fn weighted_caption(ctx: &PageCtx, text: &Shown, tally: &WeightedTally, exact: bool) -> Phrase {
    let rules = ctx.state.config.small_base;
    match exact {
        true => ctx.phrase(
            "weighting-caption",
            &[
                ("question", Value::Shown(text)),
                ("base", Value::Number(tally.base)),
                (
                    "effective",
                    Value::Text(&format!("{:.0}", tally.effective_base)),
                ),
            ],
        ),
        false => ctx.phrase(
            "weighting-caption-few",
            &[
                ("question", Value::Shown(text)),
                ("count", Value::Number(rules.min_count)),
                (
                    "effective",
                    Value::Number(rounded_effective_base(tally.effective_base, rules)),
                ),
            ],
        ),
    }
}
