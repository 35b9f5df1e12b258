//! The results as figures, for API clients.

use axum::extract::State;
use axum::Json;
use cohesion_domain::survey::model::QuestionKind;
use cohesion_services::consultations::results;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::{AppError, ClientKey, CurrentUser, PathId, Problem, SharedState};

/// One answer's figures; `null` where small-count rules hide them.
#[derive(Serialize, ToSchema)]
pub struct CellBody {
    /// The option's index.
    pub option: usize,
    pub count: Option<u64>,
    /// Share of the base, 0 to 1, with its 95% Wilson interval.
    pub share: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub struct LineBody {
    /// The matrix row, if any.
    pub row: Option<usize>,
    pub base: Option<u64>,
    pub cells: Vec<CellBody>,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionResultBody {
    pub id: String,
    pub text: String,
    #[schema(example = "single_choice")]
    pub r#type: String,
    pub answered: u64,
    /// Special-category results the caller may not see.
    pub withheld: bool,
    pub lines: Vec<LineBody>,
}

/// A snapshot of the figures: when it was taken and the respondents it
/// counts.
#[derive(Serialize, ToSchema)]
pub struct AsOfBody {
    /// RFC 3339, UTC.
    #[schema(example = "2026-12-06T09:00:00.000000Z")]
    pub taken_at: String,
    pub respondents: i64,
}

#[derive(Serialize, ToSchema)]
pub struct ResultsBody {
    pub consultation_id: Uuid,
    /// The respondents the figures count (as of `as_of`, when given).
    pub respondents: i64,
    pub published: bool,
    /// While the consultation is open the public sees the figures as of
    /// a snapshot, refreshed at most once a day and only after enough
    /// new responses, so that no one response can be worked out by
    /// comparing two readings; `null`: the figures as they stand.
    pub as_of: Option<AsOfBody>,
    /// For analysts, who see the figures as they stand: the snapshot the
    /// public sees meanwhile.
    pub public_as_of: Option<AsOfBody>,
    /// Counts under this are hidden.
    pub min_count: u64,
    /// Percentages need at least this base.
    pub min_base_for_percent: u64,
    pub questions: Vec<QuestionResultBody>,
    /// Weighted figures, when the officer published them.
    pub weighted: Option<WeightedBody>,
}

/// Figures weighted to population margins by raking, as worked out when
/// the results were published.
#[derive(Serialize, ToSchema)]
pub struct WeightedBody {
    pub margins: String,
    pub computed_at: String,
    /// `null` where fewer than `min_count` respondents were left out of
    /// the weighting: beside `respondents` it would count them.
    pub respondents_weighted: Option<usize>,
    pub converged: bool,
    /// Rounded to the nearest `min_count` where `respondents_weighted`
    /// is `null` (with weights all alike it is the number weighted).
    pub effective_sample_size: f64,
    pub questions: Vec<WeightedQuestionBody>,
}

#[derive(Serialize, ToSchema)]
pub struct WeightedQuestionBody {
    pub id: String,
    /// Respondents who answered, unweighted; `null` where fewer than
    /// `min_count` of those who answered were left out of the weighting.
    pub base: Option<u64>,
    /// The base the ranges use; rounded to the nearest `min_count` where
    /// `base` is `null`.
    pub effective_base: f64,
    /// `null` when the base is too small for percentages.
    pub cells: Option<Vec<WeightedCellBody>>,
}

/// A weighted share; `null` fields where the small-count rules hide it.
#[derive(Serialize, ToSchema)]
pub struct WeightedCellBody {
    pub option: usize,
    pub share: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
}

/// The results.
///
/// Public once an officer publishes them (without special-category
/// questions); staff who analyse see them before. Counts under the
/// threshold are `null`, with secondary suppression. While the
/// consultation is open the public's figures are as of a snapshot
/// (`as_of`); analysts see them as they stand.
#[utoipa::path(get, path = "/api/v1/consultations/{id}/results", operation_id = "get_results", tag = "consultations",
    params(("id" = Uuid, Path)),
    responses((status = 200, body = ResultsBody), (status = 404, description = "No such consultation, or results not published", body = Problem, content_type = "application/problem+json")))]
pub async fn results_json(
    State(state): State<SharedState>,
    user: CurrentUser,
    client: ClientKey,
    PathId(id): PathId,
) -> Result<Json<ResultsBody>, AppError> {
    let r = results::results(
        &state.db,
        user.0.as_ref(),
        id,
        state.config.small_base,
        Some(&client.0),
    )
    .await?;
    Ok(Json(ResultsBody {
        consultation_id: id,
        respondents: r.respondents,
        published: r.consultation.results_published_at.is_some(),
        as_of: r.as_of.map(as_of_body),
        public_as_of: r.public_as_of.map(as_of_body),
        min_count: r.rules.min_count,
        min_base_for_percent: r.rules.min_base_for_percent,
        questions: r.questions.iter().map(question_body).collect(),
        weighted: r.weighting.as_ref().map(|w| weighted_body(w, &r)),
    }))
}

fn as_of_body(a: results::public::AsOf) -> AsOfBody {
    AsOfBody {
        taken_at: a.at.to_rfc3339(),
        respondents: a.responses,
    }
}

/// One question's figures, a line per matrix row (one line otherwise).
fn question_body(q: &results::QuestionResult) -> QuestionResultBody {
    let matrix = matches!(q.question.kind, QuestionKind::Matrix { .. });
    QuestionResultBody {
        id: q.question.id.clone(),
        text: q.question.text.clone(),
        r#type: q.question.kind.key().to_owned(),
        answered: q.answered,
        withheld: q.withheld,
        lines: q
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| LineBody {
                row: matrix.then_some(i),
                base: (!l.base_hidden).then_some(l.base),
                cells: l
                    .cells
                    .iter()
                    .enumerate()
                    .map(|(o, c)| CellBody {
                        option: o,
                        count: c.count,
                        share: c.share.map(|p| p.share),
                        low: c.share.map(|p| p.low),
                        high: c.share.map(|p| p.high),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// The published weighted figures, for the questions the caller sees.
fn weighted_body(w: &results::WeightedSnapshot, r: &results::Results) -> WeightedBody {
    let rounded = |exact: bool, effective: f64| match exact {
        true => effective,
        false => results::weighting::rounded_effective_base(effective, r.rules) as f64,
    };
    let all = w.counts_shown(None, r.rules);
    WeightedBody {
        margins: w.margins.clone(),
        computed_at: w.computed_at.clone(),
        respondents_weighted: all.then_some(w.included),
        converged: w.converged,
        effective_sample_size: rounded(all, w.effective_sample_size),
        questions: w
            .questions
            .iter()
            .filter(|(q, _)| r.questions.iter().any(|shown| &shown.question.id == q))
            .map(|(q, tally)| {
                let exact = w.counts_shown(Some(q), r.rules);
                (q, tally, exact)
            })
            .map(|(q, tally, exact)| WeightedQuestionBody {
                id: q.clone(),
                base: exact.then_some(tally.base),
                effective_base: rounded(exact, tally.effective_base),
                cells: results::weighted_cells(tally, r.rules).map(|cells| {
                    cells
                        .iter()
                        .enumerate()
                        .map(|(option, c)| WeightedCellBody {
                            option,
                            share: c.map(|c| c.share),
                            low: c.map(|c| c.low),
                            high: c.map(|c| c.high),
                        })
                        .collect()
                }),
            })
            .collect(),
    }
}
