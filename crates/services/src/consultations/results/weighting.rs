//! Results weighted to population margins by raking, and what of them
//! may be shown: the respondents weighted are not counted exactly beside
//! everyone's when only a handful were left out, or their number (and,
//! from the counts of each option, their answers) could be worked out.

use std::collections::HashMap;

use cohesion_domain::analysis::margin_form::{parse_margin_form, FormShares};
use cohesion_domain::analysis::weighting::{parse_margins, MarginFault, MarginProblem, MarginSpec};
use cohesion_domain::consultation::Consultation;
use cohesion_domain::identity::Action;
use cohesion_domain::survey::model::QuestionDef;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_insight::disclosure::SmallBaseRules;
use cohesion_insight::weighted::{WeightedShare, WeightedTally};
use cohesion_storage::consultations::answers;
use cohesion_storage::Db;
use uuid::Uuid;

use super::log_special_view;
use crate::accounts::SignedIn;
use crate::consultations::load;
use crate::permissions::require;
use crate::ServiceError;

/// Results weighted to population margins, with how the weighting went.
#[derive(Debug, Clone)]
pub struct Weighted {
    pub consultation: Consultation,
    /// Respondents weighted (those in a category with a target on every
    /// margin) and those left out.
    pub included: usize,
    pub excluded: usize,
    pub report: cohesion_insight::raking::Raked,
    pub questions: Vec<WeightedQuestion>,
}

impl Weighted {
    /// Whether figures that count the weighted respondents are shown
    /// exactly ([`weighted_counts_shown`]): how many were weighted, and
    /// (with `question`) how many of them answered it and chose each
    /// option. Not where a handful were left out in all, whatever the
    /// question (the question weighted by counts exactly those weighted),
    /// nor where a handful who answered `question` were.
    pub fn counts_shown(&self, question: Option<&WeightedQuestion>, rules: SmallBaseRules) -> bool {
        weighted_counts_shown(self.excluded as u64, rules)
            && question.is_none_or(|q| weighted_counts_shown(q.left_out, rules))
    }
}

/// One choice question's weighted figures.
#[derive(Debug, Clone)]
pub struct WeightedQuestion {
    pub question: QuestionDef,
    /// Of the weighted respondents who answered it.
    pub tally: WeightedTally,
    /// How many who answered it were left out of the weighting: the
    /// difference between its count on the results page and `tally`'s.
    pub left_out: u64,
}

/// The population margins as the analyst gave them.
#[derive(Debug, Clone, Copy)]
pub enum Margins<'a> {
    /// Typed, one line per question (`analysis::weighting`).
    Typed(&'a str),
    /// Picked from the form: each question with its options' shares.
    Form(&'a [FormShares<'a>]),
}

/// Whether figures that count the weighted respondents (how many were
/// weighted, how many of them answered a question, and of those each
/// option) may be shown exactly beside the unweighted ones, when
/// `left_out` respondents were not weighted: none, or at least the
/// smallest count shown. Under it, the difference would count the few
/// left out, and option by option say how they answered.
pub fn weighted_counts_shown(left_out: u64, rules: SmallBaseRules) -> bool {
    rules.shows_count(left_out)
}

/// An effective base as said when the counts are not shown exactly: to
/// the nearest multiple of the smallest count shown (and not under it,
/// which would read "about 0" of a few). Where the weights are all
/// alike the effective base is the number weighted, so exact it would
/// count those left out too.
pub fn rounded_effective_base(effective: f64, rules: SmallBaseRules) -> u64 {
    let step = rules.min_count.max(1) as f64;
    let rounded = ((effective / step).round() * step).max(step);
    if rounded.is_finite() {
        rounded as u64
    } else {
        0
    }
}

/// One respondent's picked options, by question.
type Picked = HashMap<String, Vec<usize>>;

/// Each respondent's picked options, in response order.
type Picks = Vec<(Uuid, Picked)>;

/// Weights respondents to the population `margins` (see
/// `analysis::weighting`) by raking and tallies every choice question with
/// the weights. For staff who analyse; a special-category question, as a
/// margin or in the tallies, needs that right and is audit-logged.
pub async fn weighted(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    margins: Margins<'_>,
    client: Option<&str>,
) -> Result<Weighted, ServiceError> {
    use cohesion_insight::raking::{rake, RakingSettings};
    require(me, Action::Analyse)?;
    let special_allowed = me.roles.allows(Action::ViewSpecialCategory);
    let mut c = db.acquire().await?;
    let (consultation, survey) = load(c.conn(), id).await?;
    let specs = match margins {
        Margins::Typed(raw) => parse_margins(raw, &survey),
        Margins::Form(form) => parse_margin_form(form, &survey),
    }
    .map_err(ServiceError::invalid)?;
    let uses_special = specs.iter().any(|m| {
        survey
            .question(&m.question_id)
            .is_some_and(|q| q.kind.is_special_category())
    });
    if uses_special && !special_allowed {
        return Err(ServiceError::Forbidden);
    }
    let mut rows = answers::choices(c.conn(), id, false).await?;
    if special_allowed {
        rows.extend(answers::choices(c.conn(), id, true).await?);
        rows.sort_by_key(|r| r.0);
    }
    drop(c);
    let people = picks(rows);
    let (included, categories) = categorised(&specs, &people);
    let report = rake(
        &categories,
        &rake_margins(&specs),
        RakingSettings::default(),
    )
    .map_err(|e| ServiceError::Invalid(raking_problem(&e, &specs)))?;
    let questions: Vec<_> = survey
        .questions()
        .filter(|q| q.kind.is_choice() && (!q.kind.is_special_category() || special_allowed))
        .map(|q| {
            let answers: Vec<Vec<usize>> = included
                .iter()
                .map(|a| a.get(&q.id).cloned().unwrap_or_default())
                .collect();
            let options = q.kind.options().len();
            let tally = cohesion_insight::weighted::tally(&report.weights, &answers, options);
            let answered = people.iter().filter(|(_, a)| a.contains_key(&q.id)).count();
            WeightedQuestion {
                question: q.clone(),
                left_out: (answered as u64).saturating_sub(tally.base),
                tally,
            }
        })
        .collect();
    let special_shown = questions
        .iter()
        .any(|w: &WeightedQuestion| w.question.kind.is_special_category());
    if uses_special || special_shown {
        log_special_view(db, me, id, client, "weighted results").await?;
    }
    Ok(Weighted {
        consultation,
        included: categories.len(),
        excluded: people.len() - categories.len(),
        report,
        questions,
    })
}

/// Respondents side by side: question -> picked options.
fn picks(rows: Vec<(Uuid, String, i64)>) -> Picks {
    let mut people: Picks = Vec::new();
    for (rid, q, choice) in rows {
        if people.last().is_none_or(|p| p.0 != rid) {
            people.push((rid, HashMap::new()));
        }
        if let (Some(p), Ok(choice)) = (people.last_mut(), usize::try_from(choice)) {
            p.1.entry(q).or_default().push(choice);
        }
    }
    people
}

/// The respondents in a category with a target on every margin, and
/// their category on each: a margin's categories are its options that
/// have a target.
fn categorised<'a>(specs: &[MarginSpec], people: &'a Picks) -> (Vec<&'a Picked>, Vec<Vec<usize>>) {
    let category = |spec: &MarginSpec, answers: &Picked| {
        let picked = answers.get(&spec.question_id)?.first().copied()?;
        spec.targets.get(picked).copied().flatten()?;
        Some(
            spec.targets[..picked]
                .iter()
                .filter(|t| t.is_some())
                .count(),
        )
    };
    let mut included = Vec::new();
    let mut categories = Vec::new();
    for (_, answers) in people {
        let cats: Option<Vec<usize>> = specs.iter().map(|s| category(s, answers)).collect();
        if let Some(cats) = cats {
            categories.push(cats);
            included.push(answers);
        }
    }
    (included, categories)
}

fn rake_margins(specs: &[MarginSpec]) -> Vec<cohesion_insight::raking::Margin> {
    specs
        .iter()
        .map(|s| cohesion_insight::raking::Margin {
            name: s.question_id.clone(),
            targets: s.targets.iter().flatten().copied().collect(),
        })
        .collect()
}

/// One option of a weighted tally as staff see it on the weighting page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WeightedCell {
    /// Fewer respondents picked it than the smallest count shown: its
    /// share and count are both hidden.
    Hidden,
    /// Its unweighted count, and its weighted share unless the base is
    /// too small for percentages.
    Shown {
        count: u64,
        share: Option<WeightedShare>,
    },
}

/// A weighted tally's options as staff see them: small counts hidden as
/// on the results page, with a partner where the base (in the table's
/// caption) would give a lone hidden count away (the published figures
/// use the stricter [`super::weighted_cells`]).
pub fn staff_cells(tally: &WeightedTally, rules: SmallBaseRules) -> Vec<WeightedCell> {
    let percent = tally.base >= rules.min_base_for_percent;
    let counts: Vec<u64> = tally.options.iter().map(|o| o.count).collect();
    let shown = super::line(&counts, tally.base, rules);
    tally
        .options
        .iter()
        .zip(shown.cells)
        .map(|(o, cell)| match cell.count {
            None => WeightedCell::Hidden,
            Some(count) => WeightedCell::Shown {
                count,
                share: percent.then_some(*o),
            },
        })
        .collect()
}

/// Why raking refused the margins, as a problem of the margins: an
/// option with a share that nobody chose names its line and option.
fn raking_problem(
    e: &cohesion_insight::raking::RakingError,
    specs: &[MarginSpec],
) -> ValidationError {
    use cohesion_insight::raking::RakingError;
    match e {
        RakingError::NoRespondents => MarginProblem::new(0, MarginFault::NobodyLeft).error(),
        RakingError::EmptyCategory { margin, category } => {
            // Raking counts only the options with a share; the analyst
            // counts every option of the line.
            let found = specs
                .iter()
                .find(|s| s.question_id == *margin)
                .and_then(|s| {
                    let option = s
                        .targets
                        .iter()
                        .enumerate()
                        .filter(|(_, t)| t.is_some())
                        .nth(*category)?
                        .0;
                    Some(MarginProblem::new(
                        s.line,
                        MarginFault::NobodyChose {
                            option: u32::try_from(option).ok()?,
                        },
                    ))
                });
            match found {
                Some(p) => p.error(),
                None => ValidationError::new("margins", ErrorCode::WeightingEmptyCategory),
            }
        }
        // The margins were checked before raking: these cannot happen.
        RakingError::WrongShape(_) | RakingError::TargetsNotWhole(_) => {
            ValidationError::new("margins", ErrorCode::OutOfRange)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn option(count: u64) -> WeightedShare {
        WeightedShare {
            count,
            share: 0.0,
            low: 0.0,
            high: 0.0,
        }
    }

    #[test]
    fn a_handful_left_out_is_not_counted_nor_the_effective_base_exact() {
        let rules = SmallBaseRules::default();
        let shown: Vec<bool> = [0, 1, 3, 9, 10, 40]
            .map(|n| weighted_counts_shown(n, rules))
            .to_vec();
        assert_eq!(shown, [true, false, false, false, true, true]);
        assert_eq!(rounded_effective_base(117.0, rules), 120);
        assert_eq!(rounded_effective_base(114.9, rules), 110);
        assert_eq!(rounded_effective_base(3.0, rules), 10);
        assert_eq!(rounded_effective_base(f64::NAN, rules), 10);
    }

    /// 4 hidden alone beside a base of 164 would be 164 less the others.
    #[test]
    fn a_lone_small_count_is_hidden_with_a_partner() {
        let tally = WeightedTally {
            base: 164,
            effective_base: 150.0,
            options: [100, 4, 40, 20].map(option).to_vec(),
        };
        let cells = staff_cells(&tally, SmallBaseRules::default());
        let hidden: Vec<bool> = cells
            .iter()
            .map(|c| matches!(c, WeightedCell::Hidden))
            .collect();
        assert_eq!(hidden, [false, true, false, true], "20 goes with 4");
    }
}
