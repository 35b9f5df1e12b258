//! The result of an analysis, as the command line prints it (JSON).

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::clustering;
use super::consensus;
use super::matrix::{Prepared, VoteMatrix};
use super::pca;
use super::repness;
use super::Options;

/// How many representative statements per group, and consensus
/// statements per direction, are kept.
pub const PICK: usize = 5;

/// A map that keeps its entries in the order given (ids in canonical
/// order) when written as JSON.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OrderedMap<V>(pub Vec<(String, V)>);

impl<V> OrderedMap<V> {
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<V: Serialize> Serialize for OrderedMap<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Groups were found.
    Ok,
    /// Not enough data yet for opinion groups; see `reason`. Whatever
    /// could be computed (participants, projection, consensus) is filled in.
    NotEnoughData,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Agree,
    Disagree,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct RepresentativeStatement {
    pub statement: String,
    pub direction: Direction,
    /// Members of the group who voted this way, and who voted at all.
    pub n_success: u32,
    pub n_trials: u32,
    /// Smoothed proportion (n_success + 1) / (n_trials + 2).
    pub p_success: f64,
    /// One-proportion z-score of that proportion against 1/2.
    pub p_test: f64,
    /// Proportion in the group over the (smoothed) proportion elsewhere.
    pub repness: f64,
    /// Two-proportion z-score, this group against everyone else.
    pub repness_test: f64,
    /// The statement this group agrees with most distinctively.
    pub best_agree: bool,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Group {
    pub id: usize,
    pub participants: Vec<String>,
    pub representative: Vec<RepresentativeStatement>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ConsensusStatement {
    pub statement: String,
    pub n_success: u32,
    pub n_trials: u32,
    pub p_success: f64,
    pub p_test: f64,
}

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct ConsensusStatements {
    /// Statement ids, strongest first.
    pub agree: Vec<String>,
    pub disagree: Vec<String>,
    pub agree_details: Vec<ConsensusStatement>,
    pub disagree_details: Vec<ConsensusStatement>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Analysis {
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub participants_in_conversation: Vec<String>,
    pub groups: Vec<Group>,
    pub consensus: ConsensusStatements,
    /// Statement id → product over groups of smoothed agree proportions.
    pub group_aware_consensus: OrderedMap<f64>,
    /// Statement id → smoothed agree proportion in the least-agreeing group.
    pub bridging: OrderedMap<f64>,
    /// Participant id → [x, y], for everyone who voted.
    pub projection: OrderedMap<[f64; 2]>,
    /// Statement id → [x, y]: where agreeing with it alone would put you.
    pub statement_projection: OrderedMap<[f64; 2]>,
    /// Silhouette of each k tried (null: rejected for a group of one).
    pub silhouettes: OrderedMap<Option<f64>>,
}

impl Analysis {
    fn empty(reason: &str) -> Analysis {
        Analysis {
            status: Status::NotEnoughData,
            reason: Some(reason.to_owned()),
            participants_in_conversation: Vec::new(),
            groups: Vec::new(),
            consensus: ConsensusStatements::default(),
            group_aware_consensus: OrderedMap::default(),
            bridging: OrderedMap::default(),
            projection: OrderedMap::default(),
            statement_projection: OrderedMap::default(),
            silhouettes: OrderedMap::default(),
        }
    }

    /// Opinion group of a participant id, if any.
    pub fn group_of(&self, participant: &str) -> Option<usize> {
        self.groups
            .iter()
            .find(|g| g.participants.iter().any(|p| p == participant))
            .map(|g| g.id)
    }
}

pub(super) fn run(votes: &VoteMatrix, m: &Prepared, options: &Options) -> Analysis {
    if m.rows() == 0 {
        return Analysis::empty("no votes yet");
    }
    if m.cols() == 0 {
        return Analysis::empty("no statement that is not moderated out");
    }
    let pid = |r: usize| votes.participants()[m.participants[r] as usize].clone();
    let sid = |c: usize| votes.statements()[m.columns[c] as usize].clone();

    let in_conv = m.in_conversation();
    let mut analysis = Analysis::empty("");
    analysis.participants_in_conversation = in_conv.iter().map(|&r| pid(r)).collect();

    let overall = consensus::overall_counts(m);
    let (agree, disagree) = consensus::select(&overall, PICK);
    let detail = |c: &consensus::Consensus| ConsensusStatement {
        statement: sid(c.column),
        n_success: c.n_success,
        n_trials: c.n_trials,
        p_success: c.p_success,
        p_test: c.p_test,
    };
    analysis.consensus = ConsensusStatements {
        agree: agree.iter().map(|c| sid(c.column)).collect(),
        disagree: disagree.iter().map(|c| sid(c.column)).collect(),
        agree_details: agree.iter().map(detail).collect(),
        disagree_details: disagree.iter().map(detail).collect(),
    };

    let Some(fit) = pca::fit(m) else {
        analysis.reason = Some(if m.rows() < 2 {
            "only one participant has voted so far".into()
        } else {
            "every participant voted the same way: there is nothing to tell groups apart".into()
        });
        return analysis;
    };
    let projection = pca::project_rows(m, &fit, options.projection);
    analysis.projection = OrderedMap((0..m.rows()).map(|r| (pid(r), projection[r])).collect());
    analysis.statement_projection = OrderedMap(
        pca::project_columns(&fit)
            .into_iter()
            .enumerate()
            .map(|(c, xy)| (sid(c), xy))
            .collect(),
    );

    if in_conv.len() < 4 {
        analysis.reason = Some(format!(
            "{} participant(s) in the conversation: at least 4 are needed for two groups of two",
            in_conv.len()
        ));
        return analysis;
    }
    let points: Vec<[f64; 2]> = in_conv.iter().map(|&r| projection[r]).collect();
    let grouping = clustering::group(&points, options.seed, options.seeding);
    analysis.silhouettes = OrderedMap(
        grouping
            .silhouettes
            .iter()
            .map(|&(k, s)| (k.to_string(), s))
            .collect(),
    );
    let Some(groups) = grouping.groups else {
        analysis.reason =
            Some("no grouping into 2 to 5 groups without a group of one participant".into());
        return analysis;
    };
    let k = grouping.k;
    let counts = repness::group_counts(m, &in_conv, &groups, k);
    let reps = repness::select(&counts, PICK);
    analysis.groups = (0..k)
        .map(|g| Group {
            id: g,
            participants: in_conv
                .iter()
                .zip(&groups)
                .filter(|(_, &gg)| gg == g)
                .map(|(&r, _)| pid(r))
                .collect(),
            representative: reps[g]
                .iter()
                .map(|r| RepresentativeStatement {
                    statement: sid(r.column),
                    direction: if r.agree {
                        Direction::Agree
                    } else {
                        Direction::Disagree
                    },
                    n_success: r.n_success,
                    n_trials: r.n_trials,
                    p_success: r.p_success,
                    p_test: r.p_test,
                    repness: r.repness,
                    repness_test: r.repness_test,
                    best_agree: r.best_agree,
                })
                .collect(),
        })
        .collect();
    let (gac, bridging) = consensus::group_aware(&counts);
    analysis.group_aware_consensus = OrderedMap(
        gac.into_iter()
            .enumerate()
            .map(|(c, v)| (sid(c), v))
            .collect(),
    );
    analysis.bridging = OrderedMap(
        bridging
            .into_iter()
            .enumerate()
            .map(|(c, v)| (sid(c), v))
            .collect(),
    );
    analysis.status = Status::Ok;
    analysis.reason = None;
    analysis
}
