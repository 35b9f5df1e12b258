//! How alike two word groups are when discovery asks whether they are
//! one topic ([`super::grouping`], words first): across languages, on the
//! terms the two languages can share.

use super::grouping::Answers;
use super::vectors::{normalise_vec, sparse_dot, Sparse};
use crate::text::Language;

/// A word group as `one_topic` compares it: the language more than half
/// of its answers are written in (none if no one language is), its
/// centre's non-zero terms, and its centre cut down to the terms of no
/// one language, made unit length again.
pub(super) struct View {
    language: Option<Language>,
    centre: Sparse,
    neutral: Sparse,
}

impl View {
    pub(super) fn of(a: &Answers, (members, centre): &(Vec<usize>, Vec<f32>)) -> Self {
        let mut by_language: Vec<(Language, f32)> = Vec::new();
        for &i in members {
            match by_language.iter_mut().find(|(l, _)| *l == a.languages[i]) {
                Some((_, w)) => *w += a.weights[i],
                None => by_language.push((a.languages[i], a.weights[i])),
            }
        }
        let total: f32 = by_language.iter().map(|(_, w)| w).sum();
        let language = by_language
            .into_iter()
            .find(|&(_, w)| w > total / 2.0)
            .map(|(l, _)| l);
        let centre: Sparse = centre
            .iter()
            .enumerate()
            .filter(|&(_, &v)| v != 0.0)
            .map(|(j, &v)| (j as u32, v))
            .collect();
        let mut neutral: Sparse = centre
            .iter()
            .copied()
            .filter(|&(j, _)| a.neutral[j as usize])
            .collect();
        normalise_vec(&mut neutral);
        Self {
            language,
            centre,
            neutral,
        }
    }
}

/// How alike two word groups' words are: the cosine of their centres, or,
/// where most of one group's answers are written in one language and most
/// of the other's in another, the cosine of their centres on the terms
/// both languages can have (the lexicon's concepts and pairs of them).
/// Answers in two languages share no other term, so on the whole centres
/// a topic written in English and the same topic written in Arabic are
/// only as alike as the share of their weight the lexicon knows, however
/// much of that they share (the demo's events topic: 0.25 on the whole
/// centres, 0.59 on the concepts); within one language every term could
/// be shared, and the whole centres are the fair comparison. A group of
/// no one language holds words of both, and is compared on all of them.
pub(super) fn likeness(x: &View, y: &View) -> f32 {
    match (x.language, y.language) {
        (Some(l), Some(m)) if l != m => sparse_dot(&x.neutral, &y.neutral),
        _ => sparse_dot(&x.centre, &y.centre),
    }
}

#[cfg(test)]
mod tests {
    use super::super::grouping::{centre_of, one_topic};
    use super::super::Stance;
    use super::*;
    use Language::{Arabic, English};

    /// Terms 0 and 1 are concepts; 2..8 words of one language.
    const NEUTRAL: [bool; 8] = [true, true, false, false, false, false, false, false];

    /// Each answer's terms at equal weight, and its language.
    fn answers(spec: &[(&[u32], Language)]) -> (Vec<Sparse>, Vec<Language>) {
        let vectors = spec
            .iter()
            .map(|(terms, _)| {
                let w = 1.0 / (terms.len() as f32).sqrt();
                terms.iter().map(|&t| (t, w)).collect()
            })
            .collect();
        (vectors, spec.iter().map(|&(_, l)| l).collect())
    }

    /// How many groups `one_topic` leaves of the first three answers and
    /// the last three as two word groups.
    fn groups_left(spec: &[(&[u32], Language)]) -> usize {
        let (vectors, languages) = answers(spec);
        let weights = vec![1.0; vectors.len()];
        let stances = vec![Stance::Agree; vectors.len()];
        let a = Answers {
            vectors: &vectors,
            weights: &weights,
            stances: &stances,
            dims: NEUTRAL.len(),
            languages: &languages,
            neutral: &NEUTRAL,
        };
        let found = [0..3, 3..6]
            .into_iter()
            .map(|r| {
                let members: Vec<usize> = r.collect();
                let centre = centre_of(&a, &members);
                (members, centre)
            })
            .collect();
        one_topic(&a, found).len()
    }

    #[test]
    fn one_topic_in_two_languages_is_one_group_though_its_words_differ() {
        // The same two concepts, each side with three words of its own:
        // a cosine of 0.4 on the whole centres, 1 on the concepts.
        let (en, ar): (&[u32], &[u32]) = (&[0, 1, 2, 3, 4], &[0, 1, 5, 6, 7]);
        let both: Vec<_> = [(en, English); 3]
            .into_iter()
            .chain([(ar, Arabic); 3])
            .collect();
        assert_eq!(groups_left(&both), 1);
        // In one language the words could have been shared and were not:
        // two topics that happen to name the same concepts stay apart.
        let one_language: Vec<_> = [(en, English); 3]
            .into_iter()
            .chain([(ar, English); 3])
            .collect();
        assert_eq!(groups_left(&one_language), 2);
        // Across languages, groups that share no concept stay apart.
        let (en, ar): (&[u32], &[u32]) = (&[0, 2, 3], &[1, 5, 6]);
        let apart: Vec<_> = [(en, English); 3]
            .into_iter()
            .chain([(ar, Arabic); 3])
            .collect();
        assert_eq!(groups_left(&apart), 2);
    }

    #[test]
    fn a_group_of_no_one_language_is_compared_on_all_its_words() {
        let (en, ar): (&[u32], &[u32]) = (&[0, 1, 2, 3, 4], &[0, 1, 5, 6, 7]);
        // Half English, half Arabic on one side (with an English answer of
        // the other's words to keep sizes), Arabic on the other.
        let mixed: Vec<_> = [(en, English), (ar, Arabic), (&[2, 3][..], English)]
            .into_iter()
            .chain([(ar, Arabic); 3])
            .collect();
        let (vectors, languages) = answers(&mixed);
        let weights = vec![1.0, 1.0, 1.0, 1.0, 1.0, 1.0];
        let stances = vec![Stance::Agree; 6];
        let a = Answers {
            vectors: &vectors,
            weights: &weights,
            stances: &stances,
            dims: NEUTRAL.len(),
            languages: &languages,
            neutral: &NEUTRAL,
        };
        let view = |m: Vec<usize>| View::of(&a, &(m.clone(), centre_of(&a, &m)));
        let (x, y) = (view(vec![0, 1, 2]), view(vec![3, 4, 5]));
        // Two English answers of three: English, so compared on concepts.
        assert_eq!(x.language, Some(English));
        assert!((likeness(&x, &y) - 1.0).abs() < 1e-6);
        let x = view(vec![0, 1]);
        assert_eq!(x.language, None, "one English, one Arabic");
        assert!((likeness(&x, &y) - sparse_dot(&x.centre, &y.centre)).abs() < 1e-6);
        assert!(likeness(&x, &y) < 0.99);
    }
}
