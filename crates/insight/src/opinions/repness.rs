//! Representative statements: what sets each group apart. For every
//! group and statement, Laplace-smoothed agree and disagree proportions,
//! their one-proportion z-test against 1/2, the ratio to the rest of the
//! conversation ("repness") and the two-proportion z-test against the
//! rest; a statement represents a group when both tests pass at 90 %
//! (one-sided). Selection follows Pol.is: the best agreed statement
//! first, then the rest by repness × its test × proportion × its test,
//! at most five, agrees before disagrees; a group with no significant
//! statement still gets its best one.

use super::matrix::Prepared;
use super::stats::{prop_test, smoothed, two_prop_test, z_sig_90};

/// Agree, disagree and seen counts of one statement in one set of people.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub agree: u32,
    pub disagree: u32,
    pub seen: u32,
}

impl Counts {
    /// Counts one vote: 1 agrees, -1 disagrees, anything else passes.
    pub fn add(&mut self, vote: i8) {
        self.seen += 1;
        match vote {
            1 => self.agree += 1,
            -1 => self.disagree += 1,
            _ => {}
        }
    }
}

/// Counts per group (outer) and column (inner), over the given rows.
pub fn group_counts(m: &Prepared, rows: &[usize], groups: &[usize], k: usize) -> Vec<Vec<Counts>> {
    let mut counts = vec![vec![Counts::default(); m.cols()]; k];
    for (&r, &g) in rows.iter().zip(groups) {
        for (c, v) in m.row(r) {
            counts[g][c].add(v);
        }
    }
    counts
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stats {
    pub na: u32,
    pub nd: u32,
    pub ns: u32,
    pub pa: f64,
    pub pd: f64,
    pub pat: f64,
    pub pdt: f64,
    pub ra: f64,
    pub rd: f64,
    pub rat: f64,
    pub rdt: f64,
}

pub fn stats(own: Counts, rest: Counts) -> Stats {
    let pa = smoothed(own.agree, own.seen);
    let pd = smoothed(own.disagree, own.seen);
    Stats {
        na: own.agree,
        nd: own.disagree,
        ns: own.seen,
        pa,
        pd,
        pat: prop_test(own.agree, own.seen),
        pdt: prop_test(own.disagree, own.seen),
        ra: pa / smoothed(rest.agree, rest.seen),
        rd: pd / smoothed(rest.disagree, rest.seen),
        rat: two_prop_test(own.agree, rest.agree, own.seen, rest.seen),
        rdt: two_prop_test(own.disagree, rest.disagree, own.seen, rest.seen),
    }
}

/// A representative statement of a group, by column.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Representative {
    pub column: usize,
    pub agree: bool,
    pub n_success: u32,
    pub n_trials: u32,
    pub p_success: f64,
    pub p_test: f64,
    pub repness: f64,
    pub repness_test: f64,
    pub best_agree: bool,
}

impl Representative {
    fn finalise(column: usize, s: &Stats, best_agree: bool) -> Representative {
        let agree = s.rat > s.rdt;
        Representative {
            column,
            agree,
            n_success: if agree { s.na } else { s.nd },
            n_trials: s.ns,
            p_success: if agree { s.pa } else { s.pd },
            p_test: if agree { s.pat } else { s.pdt },
            repness: if agree { s.ra } else { s.rd },
            repness_test: if agree { s.rat } else { s.rdt },
            best_agree,
        }
    }

    fn metric(&self) -> f64 {
        self.repness * self.repness_test * self.p_success * self.p_test
    }
}

fn passes(s: &Stats) -> bool {
    (z_sig_90(s.rat) && z_sig_90(s.pat)) || (z_sig_90(s.rdt) && z_sig_90(s.pdt))
}

fn beats_best_agree(s: &Stats, best: Option<&Stats>) -> bool {
    if s.na == 0 && s.nd == 0 {
        return false;
    }
    match best {
        Some(b) if b.ra > 1.0 => s.ra * s.rat * s.pa * s.pat > b.ra * b.rat * b.pa * b.pat,
        Some(b) => s.pa * s.pat > b.pa * b.pat,
        None => z_sig_90(s.pat) || (s.ra > 1.0 && s.pa > 0.5),
    }
}

/// Up to `pick` representative statements for each of the `k` groups.
pub fn select(counts: &[Vec<Counts>], pick: usize) -> Vec<Vec<Representative>> {
    let k = counts.len();
    let cols = counts.first().map_or(0, Vec::len);
    let mut total = vec![Counts::default(); cols];
    for g in counts {
        for (t, c) in total.iter_mut().zip(g) {
            t.agree += c.agree;
            t.disagree += c.disagree;
            t.seen += c.seen;
        }
    }
    (0..k)
        .map(|g| {
            let mut sufficient: Vec<Representative> = Vec::new();
            let mut best: Option<(usize, Stats)> = None;
            let mut best_agree: Option<(usize, Stats)> = None;
            for c in 0..cols {
                let own = counts[g][c];
                let rest = Counts {
                    agree: total[c].agree - own.agree,
                    disagree: total[c].disagree - own.disagree,
                    seen: total[c].seen - own.seen,
                };
                let s = stats(own, rest);
                if passes(&s) {
                    sufficient.push(Representative::finalise(c, &s, false));
                }
                if sufficient.is_empty() {
                    let beats = match &best {
                        None => true,
                        Some((_, b)) => s.rat.max(s.rdt) > b.rat.max(b.rdt),
                    };
                    if beats {
                        best = Some((c, s));
                    }
                }
                if beats_best_agree(&s, best_agree.as_ref().map(|(_, b)| b)) {
                    best_agree = Some((c, s));
                }
            }
            let best_agree = best_agree.map(|(c, s)| Representative::finalise(c, &s, true));
            let mut chosen: Vec<Representative> = if sufficient.is_empty() {
                match (best_agree, best) {
                    (Some(a), _) => vec![a],
                    (None, Some((c, s))) => vec![Representative::finalise(c, &s, false)],
                    (None, None) => Vec::new(),
                }
            } else {
                sufficient.retain(|r| best_agree.is_none_or(|a| a.column != r.column));
                // Stable: ties keep statement order.
                sufficient.sort_by(|a, b| b.metric().total_cmp(&a.metric()));
                let mut list: Vec<Representative> = best_agree.into_iter().collect();
                list.extend(sufficient);
                list.truncate(pick);
                list
            };
            // Agrees before disagrees, otherwise in order.
            chosen.sort_by_key(|r| !r.agree);
            chosen
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_statement_one_group_agrees_with_and_the_other_rejects_is_representative() {
        let yes = Counts {
            agree: 20,
            disagree: 0,
            seen: 20,
        };
        let no = Counts {
            agree: 0,
            disagree: 20,
            seen: 20,
        };
        let meh = Counts {
            agree: 10,
            disagree: 10,
            seen: 20,
        };
        let counts = vec![vec![yes, meh], vec![no, meh]];
        let reps = select(&counts, 5);
        assert_eq!(reps[0][0].column, 0);
        assert!(reps[0][0].agree && reps[0][0].best_agree);
        assert_eq!(reps[1][0].column, 0);
        assert!(!reps[1][0].agree);
        assert!(reps[0].iter().all(|r| r.column != 1 || r.best_agree));
    }
}
