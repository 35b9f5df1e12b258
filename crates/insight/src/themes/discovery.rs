//! Candidate themes ([`discover`]): duplicates and campaigns set aside,
//! the distinct answers weighed ([`Corpus`]) and grouped
//! ([`super::grouping`]), and each group labelled by its strongest terms
//! and the side its answers take.

use std::collections::HashMap;

use serde::Serialize;

use super::corpus::Corpus;
use super::vectors::dot;
use super::{grouping, stance_with, Count, Options, Stance};
use crate::duplicates::deduplicate;
use crate::text::{detect_language, pii, Language};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    pub id: String,
    /// Verbatim, with personal data masked.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CandidateTheme {
    pub id: String,
    pub label: String,
    pub stance: Stance,
    pub top_terms: Vec<String>,
    pub quotes: Vec<Quote>,
    pub answer_ids: Vec<String>,
    pub count: Count,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Campaign {
    pub quote: Quote,
    pub count: Count,
    pub answer_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Discovery {
    pub answers: usize,
    pub themes: Vec<CandidateTheme>,
    pub campaigns: Vec<Campaign>,
    /// Content-free replies: counted, never themed.
    pub endorsements: Count,
    pub rejections: Count,
    pub empty: Count,
    pub stances: HashMap<Stance, u64>,
    /// Answers with content that no theme took.
    pub unassigned: Vec<String>,
    /// Per answer (input order): index into `themes`, if any.
    #[serde(skip)]
    pub assignment: Vec<Option<usize>>,
}

/// The label discovery gives a theme: its three strongest terms and its
/// stance (`agree`, `disagree`, `unclear`). A label still equal to this
/// was not renamed by an analyst, so pages may show it in the reader's
/// language ([`lexicon::translate`](crate::text::lexicon::translate)).
pub fn generated_label<S: AsRef<str>>(terms: &[S], stance: &str) -> String {
    // Terms of one script, the strongest term's: a theme holding English
    // and Arabic answers has terms in both, and "youth, أندية, activity"
    // reads as neither language.
    let arabic = |t: &str| t.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    let first = terms.first().map(|t| arabic(t.as_ref()));
    let terms: Vec<&str> = terms
        .iter()
        .map(AsRef::as_ref)
        .filter(|t| Some(arabic(t)) == first)
        .take(3)
        .collect();
    format!("{} ({stance})", terms.join(", "))
}

/// Candidate themes for the answers `texts` (with their `ids`).
pub fn discover(ids: &[String], texts: &[&str], options: &Options) -> Discovery {
    discover_with_progress(ids, texts, options, &mut |_, _| {})
}

/// [`discover`], telling `progress(done, total)` how far it has got (units
/// of work, not answers: duplicates, vectors, then the clustering (each
/// stance's by its share of the answers, when stance comes first);
/// `done == total` at the end).
pub fn discover_with_progress(
    ids: &[String],
    texts: &[&str],
    options: &Options,
    progress: &mut dyn FnMut(usize, usize),
) -> Discovery {
    let n = texts.len();
    let total = 3 * n;
    let dedup = deduplicate(texts, &options.duplicates);
    progress(n, total);
    let mask = |i: usize| Quote {
        id: ids[i].clone(),
        text: pii::mask(texts[i]).into_owned(),
    };
    let ids_of = |m: &[usize]| m.iter().map(|&i| ids[i].clone()).collect::<Vec<_>>();
    let mut campaigns = Vec::new();
    let mut reps: Vec<(usize, f32, Vec<usize>)> = Vec::new();
    for g in &dedup.groups {
        if g.campaign {
            campaigns.push(Campaign {
                quote: mask(g.representative),
                count: Count::of(g.members.len(), n),
                answer_ids: ids_of(&g.members),
            });
        } else {
            reps.push((g.representative, g.members.len() as f32, g.members.clone()));
        }
    }
    let rep_texts: Vec<&str> = reps.iter().map(|r| texts[r.0]).collect();
    let (corpus, vectors) = Corpus::build(&rep_texts, options.lexicon);
    progress(2 * n, total);
    let dims = corpus.dims();
    let stances: Vec<Stance> = rep_texts
        .iter()
        .map(|t| stance_with(t, options.cues))
        .collect();
    let weights: Vec<f32> = reps.iter().map(|r| r.1).collect();
    let languages: Vec<Language> = rep_texts.iter().map(|t| detect_language(t)).collect();
    let neutral = corpus.language_neutral();
    let answers = grouping::Answers {
        vectors: &vectors,
        weights: &weights,
        stances: &stances,
        dims,
        languages: &languages,
        neutral: &neutral,
    };
    let limits = grouping::Limits {
        min_size: options
            .min_answers
            .max((options.min_share * n as f64).ceil() as usize) as f32,
        max_themes: options.max_themes,
        seed: options.seed,
    };
    let (keep, unassigned) =
        grouping::group(&answers, options.grouping, &limits, &mut |clustered| {
            progress((2 * n + clustered).min(total - usize::from(n > 0)), total)
        });
    // Labels from the centre's strongest terms; same-stance clusters with
    // the same label are merged.
    // (stance, top terms, members, centre)
    type Draft = (Stance, Vec<String>, Vec<usize>, Vec<f32>);
    let mut themes: Vec<Draft> = Vec::new();
    for c in keep {
        let terms = corpus.top_terms(&c.centre);
        let key: Vec<String> = {
            let mut k = terms.iter().take(2).cloned().collect::<Vec<_>>();
            k.sort();
            k
        };
        if let Some(t) = themes.iter_mut().find(|t| {
            t.0 == c.stance && {
                let mut k = t.1.iter().take(2).cloned().collect::<Vec<_>>();
                k.sort();
                k == key
            }
        }) {
            t.2.extend(c.members);
        } else {
            themes.push((c.stance, terms, c.members, c.centre));
        }
    }
    let mut assignment = vec![None; n];
    let mut out_themes: Vec<CandidateTheme> = Vec::new();
    let mut order: Vec<usize> = (0..themes.len()).collect();
    let weight_of = |m: &[usize]| m.iter().map(|&i| reps[i].2.len()).sum::<usize>();
    order.sort_by(|&a, &b| {
        weight_of(&themes[b].2)
            .cmp(&weight_of(&themes[a].2))
            .then(themes[a].1.cmp(&themes[b].1))
    });
    for (rank, &t) in order.iter().enumerate() {
        let (s, terms, members, centre) = &themes[t];
        let mut by_sim: Vec<(usize, f32)> = members
            .iter()
            .map(|&i| (i, dot(&vectors[i], centre)))
            .collect();
        by_sim.sort_by(|a, b| b.1.total_cmp(&a.1).then(reps[a.0].0.cmp(&reps[b.0].0)));
        let quotes = by_sim
            .iter()
            .take(3)
            .map(|&(i, _)| mask(reps[i].0))
            .collect();
        let mut answers: Vec<usize> = members
            .iter()
            .flat_map(|&i| reps[i].2.iter().copied())
            .collect();
        answers.sort_unstable();
        for &a in &answers {
            assignment[a] = Some(rank);
        }
        out_themes.push(CandidateTheme {
            id: format!("T{}", rank + 1),
            label: generated_label(terms, s.word()),
            stance: *s,
            top_terms: terms.clone(),
            quotes,
            count: Count::of(answers.len(), n),
            answer_ids: ids_of(&answers),
        });
    }
    let mut unassigned_ids: Vec<usize> = unassigned
        .iter()
        .flat_map(|&i| reps[i].2.iter().copied())
        .collect();
    // Answers whose words all fell out of the vocabulary.
    for (i, r) in reps.iter().enumerate() {
        if vectors[i].is_empty() {
            unassigned_ids.extend(r.2.iter().copied());
        }
    }
    unassigned_ids.sort_unstable();
    let mut stance_counts = HashMap::new();
    for (i, r) in reps.iter().enumerate() {
        *stance_counts.entry(stances[i]).or_insert(0) += r.2.len() as u64;
    }
    progress(total, total);
    Discovery {
        answers: n,
        themes: out_themes,
        campaigns,
        endorsements: Count::of(dedup.agree.len(), n),
        rejections: Count::of(dedup.disagree.len(), n),
        empty: Count::of(dedup.empty.len(), n),
        stances: stance_counts,
        unassigned: ids_of(&unassigned_ids),
        assignment,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::super::tests::answers;
    use super::super::{stance, Cues, Grouping};
    use super::*;

    #[test]
    fn a_generated_label_keeps_to_the_strongest_terms_language() {
        let terms = ["youth", "أندية", "activity", "أديان", "clubs"];
        assert_eq!(
            generated_label(&terms, "agree"),
            "youth, activity, clubs (agree)"
        );
        let terms = ["أندية", "youth", "أديان"];
        assert_eq!(generated_label(&terms, "agree"), "أندية, أديان (agree)");
    }

    #[test]
    fn discovers_two_themes_and_keeps_the_rules() {
        let (ids, texts) = answers();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        // The extended cues read some answers of each topic as requests
        // ("please", "needs") and others not: grouping by words first
        // keeps each topic whole. Stance first, as before, with the
        // original cues (which decide none of them).
        let before = Options {
            cues: Cues::Original,
            grouping: Grouping::StanceFirst,
            ..Options::default()
        };
        let after = Options {
            cues: Cues::Extended,
            grouping: Grouping::WordsFirst,
            ..Options::default()
        };
        for options in [after, before] {
            let d = discover(&ids, &refs, &options);
            assert_eq!(d.answers, 17);
            assert_eq!(d.endorsements.count, 1);
            assert_eq!(d.empty.count, 1);
            assert_eq!(d.themes.len(), 2, "{:#?}", d.themes);
            let bus = d
                .themes
                .iter()
                .find(|t| t.top_terms.iter().any(|w| w.contains("bus")))
                .unwrap();
            let park = d
                .themes
                .iter()
                .find(|t| t.top_terms.iter().any(|w| w.contains("park")))
                .unwrap();
            // The three copies count, and carry their ids.
            assert_eq!(bus.count.count, 9, "{:#?} {:?}", d.themes, d.unassigned);
            assert!(bus.answer_ids.contains(&"r16".to_string()));
            assert_eq!(park.count.count, 6);
            assert!(bus.count.low < bus.count.share && bus.count.share < bus.count.high);
            for t in &d.themes {
                assert!(t.count.count >= 5);
                assert_eq!(t.quotes.len(), 3);
            }
            assert_ne!(d.themes[0].label, d.themes[1].label);
            // Each theme takes the side its answers take: asking is for.
            let side = match options.cues {
                Cues::Extended => Stance::Agree,
                Cues::Original => Stance::Unclear,
            };
            assert!(d.themes.iter().all(|t| t.stance == side), "{:#?}", d.themes);
            // Every answer is in one theme, a campaign, the content-free
            // counts or the unassigned list.
            let themed: usize = d.themes.iter().map(|t| t.answer_ids.len()).sum();
            let campaigned: usize = d.campaigns.iter().map(|c| c.answer_ids.len()).sum();
            assert_eq!(
                themed + campaigned + d.unassigned.len() + 2,
                17,
                "{:?}",
                d.unassigned
            );
            // Deterministic.
            assert_eq!(d, discover(&ids, &refs, &options));
        }
    }

    #[test]
    fn tiny_and_empty_inputs() {
        let o = Options::default();
        let d = discover(&[], &[], &o);
        assert!(d.themes.is_empty() && d.answers == 0);
        let ids: Vec<String> = vec!["a".into(), "b".into(), "c".into()];
        let d = discover(&ids, &["", "   ", "one lonely answer"], &o);
        assert!(d.themes.is_empty());
        assert_eq!(d.empty.count, 2);
        assert_eq!(d.unassigned, vec!["c"]);
        let long = "word ".repeat(20_000);
        let d = discover(&ids[..1], &[long.as_str()], &o);
        assert_eq!(d.unassigned.len(), 1);
    }

    /// For and against on one topic, each enough for a theme: two themes,
    /// neither holding the other side.
    #[test]
    fn for_and_against_are_two_themes_where_each_is_enough() {
        let mut texts = Vec::new();
        for i in 0..6 {
            texts.push(format!(
                "Yes, I agree: close the road to cars on Sundays ({i})"
            ));
            texts.push(format!(
                "No, I disagree: closing the road to cars on Sundays is wrong ({i})"
            ));
        }
        let ids: Vec<String> = (0..texts.len()).map(|i| i.to_string()).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let d = discover(&ids, &refs, &Options::default());
        assert_eq!(d.themes.len(), 2, "{:#?}", d.themes);
        for t in &d.themes {
            let stances: HashSet<Stance> = t
                .answer_ids
                .iter()
                .map(|id| stance(refs[id.parse::<usize>().unwrap()]))
                .collect();
            assert_eq!(stances.len(), 1);
        }
    }

    #[test]
    fn discovery_reports_progress_up_to_its_total() {
        let (ids, texts) = answers();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let mut seen: Vec<(usize, usize)> = Vec::new();
        let d = discover_with_progress(&ids, &refs, &Options::default(), &mut |d, t| {
            seen.push((d, t))
        });
        assert_eq!(d, discover(&ids, &refs, &Options::default()));
        assert!(seen.len() >= 4, "{seen:?}");
        assert!(seen
            .windows(2)
            .all(|w| w[0].0 <= w[1].0 && w[0].1 == w[1].1));
        assert_eq!(seen.last(), Some(&(3 * 17, 3 * 17)));
    }
}
