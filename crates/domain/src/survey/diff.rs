//! What changed between two versions of a survey, difference by
//! difference, for the consultation's history: which question or page,
//! what of it, and its value before and after. Both ways of changing a
//! survey keep them: a survey replaced whole (the API's `PUT …/survey`)
//! and a change made through the builder's pages, so the history says
//! both the same way. Values are kept as the survey holds them (texts as
//! written, kinds and rules by their keys), so that the history can say
//! them in its reader's language.

use serde::{Deserialize, Serialize};

use super::changes::Changed;
use super::model::{QuestionDef, QuestionKind, Rule, SurveyDefinition};
use super::placement::position;
use super::rule_form::rule_option;

/// The most differences kept for one change; the others are counted.
pub const MAX_EDITS: usize = 50;

/// What a difference is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum At {
    /// A question, by its id.
    Question(String),
    /// A page, counted from 1 (its place once changed).
    Page(usize),
    /// The survey as a whole.
    Survey,
}

/// Which part of it changed, and how its values are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aspect {
    /// A question added: `after` is its text.
    Added,
    /// A question removed: `before` is its text.
    Removed,
    /// Where a question is, among the others: `page:position`, each
    /// counted from 1.
    Place,
    /// Its kind's key (`single_choice`, or `demographic:religion`).
    Kind,
    /// `yes` or `no`.
    Required,
    Text,
    Hint,
    Purpose,
    /// Its options (a matrix's rows, the council's areas), one a line.
    Options,
    /// Its limits as `min..max`, either side empty for none.
    Limits,
    /// When it is shown: the rule as [`rule_value`] writes it, empty for
    /// always.
    Shown,
    /// A page's title.
    PageTitle,
    /// When a page is skipped: as [`Aspect::Shown`], empty for never.
    PageSkipped,
    /// How many pages the survey has.
    Pages,
}

/// One difference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub at: At,
    pub aspect: Aspect,
    pub before: String,
    pub after: String,
    /// For a question added, the page it was added to; for one removed,
    /// the page it was on; for the number of pages, the one page started
    /// or dropped, if one was (each counted from 1). Differences kept
    /// before it was have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
}

/// Every difference between two versions, as the history keeps them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Edits {
    /// The first [`MAX_EDITS`] differences, in the survey's order.
    pub edits: Vec<Edit>,
    /// How many more there were.
    #[serde(default)]
    pub more: usize,
    /// How many questions the survey has after the change.
    pub questions: usize,
}

/// A rule as the builder's boxes send it (`q1:1,q1:3`); empty for none.
pub fn rule_value(rule: Option<&Rule>) -> String {
    rule.map(|r| {
        r.any_of
            .iter()
            .map(|o| rule_option(&r.question, *o))
            .collect::<Vec<_>>()
            .join(",")
    })
    .unwrap_or_default()
}

/// The rule [`rule_value`] wrote; `None` for none (or anything else).
pub fn parse_rule(value: &str) -> Option<Rule> {
    let mut question = None;
    let mut any_of = Vec::new();
    for part in value.split(',').filter(|p| !p.is_empty()) {
        let (q, n) = part.split_once(':')?;
        let n = n.parse::<usize>().ok()?.checked_sub(1)?;
        if *question.get_or_insert(q) != q {
            return None;
        }
        any_of.push(n);
    }
    Some(Rule {
        question: question?.to_owned(),
        any_of,
    })
}

/// The differences from `before` to `after`, a survey sent whole: its
/// pages are compared place by place, and the questions that moved are
/// worked out from the order of both ([`moved`]).
pub fn edits(before: &SurveyDefinition, after: &SurveyDefinition) -> Edits {
    let pages: Vec<Option<usize>> = (0..after.pages.len())
        .map(|p| (p < before.pages.len()).then_some(p))
        .collect();
    all_edits(before, after, &pages, &moved(before, after))
}

/// The differences a change through the builder made to `before`. The
/// change says what it did, so nothing is guessed: each page is compared
/// with the page it was (a page started or dropped moves those after
/// it), and only the question the change moved or changed can have
/// moved; the others' places follow from it.
pub fn of_change(before: &SurveyDefinition, changed: &Changed) -> Edits {
    let after = &changed.survey;
    let moved = changed.question.as_deref().filter(|id| {
        let (Some((was_page, was)), Some((page, is))) = (position(before, id), position(after, id))
        else {
            return false;
        };
        (was_page, was) != (page, is)
            || changed.pages.get(page).copied().flatten() != Some(was_page)
    });
    all_edits(before, after, &changed.pages, &Vec::from_iter(moved))
}

/// The differences from `before` to `after`, whose page `p` was page
/// `pages[p]` of `before` (`None` for a new one) and where the questions
/// `moved` changed place: questions removed, then each question of
/// `after` in order (added, or what changed of it), then the pages'
/// titles, skip rules and number.
fn all_edits(
    before: &SurveyDefinition,
    after: &SurveyDefinition,
    pages: &[Option<usize>],
    moved: &[&str],
) -> Edits {
    let mut all = Vec::new();
    let page_of = |s: &SurveyDefinition, id: &str| position(s, id).map(|(p, _)| p + 1);
    for q in before.questions() {
        if after.question(&q.id).is_none() {
            let mut e = edit(&q.id, Aspect::Removed, &q.text, "");
            e.page = page_of(before, &q.id);
            all.push(e);
        }
    }
    for q in after.questions() {
        match before.question(&q.id) {
            None => {
                let mut e = edit(&q.id, Aspect::Added, "", &q.text);
                e.page = page_of(after, &q.id);
                all.push(e);
            }
            Some(was) => {
                if moved.contains(&q.id.as_str()) {
                    let at = |s| place_value(s, &q.id);
                    all.push(edit(&q.id, Aspect::Place, &at(before), &at(after)));
                }
                question_edits(was, q, &mut all);
            }
        }
    }
    page_edits(before, after, pages, &mut all);
    let more = all.len().saturating_sub(MAX_EDITS);
    all.truncate(MAX_EDITS);
    Edits {
        edits: all,
        more,
        questions: after.questions().count(),
    }
}

fn edit(id: &str, aspect: Aspect, before: &str, after: &str) -> Edit {
    Edit {
        at: At::Question(id.to_owned()),
        aspect,
        before: before.to_owned(),
        after: after.to_owned(),
        page: None,
    }
}

fn place_value(survey: &SurveyDefinition, id: &str) -> String {
    position(survey, id)
        .map(|(p, i)| format!("{}:{}", p + 1, i + 1))
        .unwrap_or_default()
}

/// The questions in both versions that moved: those outside the longest
/// run of them kept in the same order, and those of that run that joined
/// or left the page of the one before them. Pages added or dropped
/// around questions do not move them.
fn moved<'a>(before: &SurveyDefinition, after: &'a SurveyDefinition) -> Vec<&'a str> {
    let kept = |s: &SurveyDefinition| -> Vec<(String, usize)> {
        s.pages
            .iter()
            .enumerate()
            .flat_map(|(p, page)| page.questions.iter().map(move |q| (q.id.clone(), p)))
            .collect()
    };
    let (b, a) = (kept(before), kept(after));
    let a: Vec<_> = a
        .into_iter()
        .filter(|(id, _)| b.iter().any(|(x, _)| x == id))
        .collect();
    let b: Vec<_> = b
        .into_iter()
        .filter(|(id, _)| a.iter().any(|(x, _)| x == id))
        .collect();
    // The longest common run, by dynamic programming over both orders.
    let mut len = vec![vec![0usize; a.len() + 1]; b.len() + 1];
    for i in (0..b.len()).rev() {
        for j in (0..a.len()).rev() {
            len[i][j] = if b[i].0 == a[j].0 {
                len[i + 1][j + 1] + 1
            } else {
                len[i + 1][j].max(len[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut run = Vec::new();
    while i < b.len() && j < a.len() {
        if b[i].0 == a[j].0 {
            run.push((i, j));
            i += 1;
            j += 1;
        } else if len[i + 1][j] >= len[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    let mut stayed = vec![false; a.len()];
    for (k, &(i, j)) in run.iter().enumerate() {
        let same_page = |(pi, pj): (usize, usize)| (b[pi].1 == b[i].1, a[pj].1 == a[j].1);
        let (was, is) = match k {
            0 => (true, true),
            _ => same_page(run[k - 1]),
        };
        stayed[j] = was == is;
    }
    a.iter()
        .zip(stayed)
        .filter(|(_, stayed)| !stayed)
        .filter_map(|((id, _), _)| after.question(id).map(|q| q.id.as_str()))
        .collect()
}

/// A question's kind as [`Aspect::Kind`] writes it.
fn kind_value(kind: &QuestionKind) -> String {
    match kind {
        QuestionKind::Demographic { of, .. } => format!("demographic:{}", of.key()),
        other => other.key().to_owned(),
    }
}

/// A question's limits as [`Aspect::Limits`] writes them; empty for a
/// kind without any.
fn limits_value(kind: &QuestionKind) -> String {
    let side = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    match kind {
        QuestionKind::MultipleChoice { max, .. } => format!("..{}", side(max.map(|m| m as i64))),
        QuestionKind::Number { min, max } => format!("{}..{}", side(*min), side(*max)),
        QuestionKind::LongText { max_chars } => format!("..{max_chars}"),
        _ => String::new(),
    }
}

fn question_edits(was: &QuestionDef, is: &QuestionDef, out: &mut Vec<Edit>) {
    let id = &is.id;
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    let pairs = [
        (Aspect::Kind, kind_value(&was.kind), kind_value(&is.kind)),
        (Aspect::Text, was.text.clone(), is.text.clone()),
        (Aspect::Hint, was.hint.clone(), is.hint.clone()),
        (
            Aspect::Required,
            yes_no(was.required).to_owned(),
            yes_no(is.required).to_owned(),
        ),
        (
            Aspect::Options,
            was.kind.written().join("\n"),
            is.kind.written().join("\n"),
        ),
        (
            Aspect::Limits,
            limits_value(&was.kind),
            limits_value(&is.kind),
        ),
        (Aspect::Purpose, was.purpose.clone(), is.purpose.clone()),
        (
            Aspect::Shown,
            rule_value(was.show_if.as_ref()),
            rule_value(is.show_if.as_ref()),
        ),
    ];
    for (aspect, before, after) in pairs {
        // A kind changed says so once, not again as its limits.
        let limits_of_new_kind = aspect == Aspect::Limits && was.kind.key() != is.kind.key();
        if before != after && !limits_of_new_kind {
            out.push(edit(id, aspect, &before, &after));
        }
    }
}

/// What changed of each page of `after` since it was the page `pages`
/// names (a new page, since it had no title and no rule).
fn page_edits(
    before: &SurveyDefinition,
    after: &SurveyDefinition,
    pages: &[Option<usize>],
    out: &mut Vec<Edit>,
) {
    let blank = super::model::PageDef::default();
    for (p, is) in after.pages.iter().enumerate() {
        let was = pages
            .get(p)
            .copied()
            .flatten()
            .and_then(|b| before.pages.get(b))
            .unwrap_or(&blank);
        let pairs = [
            (Aspect::PageTitle, was.title.clone(), is.title.clone()),
            (
                Aspect::PageSkipped,
                rule_value(was.skip_if.as_ref()),
                rule_value(is.skip_if.as_ref()),
            ),
        ];
        for (aspect, b, a) in pairs {
            if b != a {
                out.push(Edit {
                    at: At::Page(p + 1),
                    aspect,
                    before: b,
                    after: a,
                    page: None,
                });
            }
        }
    }
    if before.pages.len() != after.pages.len() {
        // The page started or dropped, when one was, so that the history
        // can say "Added page 2" rather than a count before and after.
        let added: Vec<usize> = (0..after.pages.len())
            .filter(|p| pages.get(*p).copied().flatten().is_none())
            .collect();
        let removed: Vec<usize> = (0..before.pages.len())
            .filter(|b| !pages.contains(&Some(*b)))
            .collect();
        let page = match (added.as_slice(), removed.as_slice()) {
            ([p], []) | ([], [p]) => Some(p + 1),
            _ => None,
        };
        out.push(Edit {
            at: At::Survey,
            aspect: Aspect::Pages,
            before: before.pages.len().to_string(),
            after: after.pages.len().to_string(),
            page,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::model::tests::{choice, q, sample};
    use crate::survey::model::PageDef;

    /// A survey of date questions with these ids, page by page.
    fn survey(pages: &[&[&str]]) -> SurveyDefinition {
        SurveyDefinition {
            pages: pages
                .iter()
                .map(|ids| PageDef {
                    questions: ids.iter().map(|id| q(id, QuestionKind::Date)).collect(),
                    ..PageDef::default()
                })
                .collect(),
        }
    }

    fn aspects(e: &Edits) -> Vec<(At, Aspect, &str, &str)> {
        e.edits
            .iter()
            .map(|e| (e.at.clone(), e.aspect, e.before.as_str(), e.after.as_str()))
            .collect()
    }

    fn question(id: &str) -> At {
        At::Question(id.into())
    }

    #[test]
    fn the_same_survey_has_no_edits() {
        let s = sample();
        let e = edits(&s, &s);
        assert_eq!(e.edits, []);
        assert_eq!((e.more, e.questions), (0, 3));
    }

    #[test]
    fn each_difference_is_named_with_its_values() {
        let before = sample();
        let mut after = sample();
        after.pages[0].title = "You".into();
        after.pages[0].questions[0].text = "Have you seen it?".into();
        after.pages[0].questions[0].kind = choice(&["Yes", "No", "Not sure"]);
        after.pages[0].questions[0].required = false;
        after.pages[1].questions[0].show_if = Some(Rule {
            question: "q1".into(),
            any_of: vec![0, 2],
        });
        after.pages[1].questions[0].kind = QuestionKind::LongText { max_chars: 300 };
        after.pages[1].questions.remove(1);
        after.pages[1].questions.push(q("q9", QuestionKind::Date));
        after.pages[1].skip_if = Some(Rule {
            question: "q1".into(),
            any_of: vec![1],
        });
        assert_eq!(
            aspects(&edits(&before, &after)),
            [
                (question("q3"), Aspect::Removed, "Question q3", ""),
                (
                    question("q1"),
                    Aspect::Text,
                    "Question q1",
                    "Have you seen it?"
                ),
                (question("q1"), Aspect::Required, "yes", "no"),
                (
                    question("q1"),
                    Aspect::Options,
                    "Yes\nNo",
                    "Yes\nNo\nNot sure"
                ),
                (question("q2"), Aspect::Limits, "..100", "..300"),
                (question("q2"), Aspect::Shown, "q1:1", "q1:1,q1:3"),
                (question("q9"), Aspect::Added, "", "Question q9"),
                (At::Page(1), Aspect::PageTitle, "About you", "You"),
                (At::Page(2), Aspect::PageSkipped, "", "q1:2"),
            ]
        );
        let mut kinds = sample();
        kinds.pages[1].questions[1].kind = QuestionKind::Demographic {
            of: crate::survey::model::Demographic::Gender,
            areas: vec![],
        };
        kinds.pages[1].questions[0].kind = QuestionKind::Number {
            min: Some(1),
            max: None,
        };
        assert_eq!(
            aspects(&edits(&before, &kinds)),
            [
                (question("q2"), Aspect::Kind, "long_text", "number"),
                (
                    question("q3"),
                    Aspect::Kind,
                    "demographic:religion",
                    "demographic:gender"
                ),
            ]
        );
    }

    #[test]
    fn moves_are_the_questions_out_of_order_or_across_a_page_break() {
        let moves = |a: &[&[&str]], b: &[&[&str]]| -> Vec<(String, String, String)> {
            edits(&survey(a), &survey(b))
                .edits
                .into_iter()
                .filter(|e| e.aspect == Aspect::Place)
                .map(|e| match e.at {
                    At::Question(id) => (id, e.before, e.after),
                    other => panic!("{other:?}"),
                })
                .collect()
        };
        let one = |id: &str, b: &str, a: &str| vec![(id.to_owned(), b.to_owned(), a.to_owned())];
        assert_eq!(
            moves(&[&["a", "b", "c"]], &[&["c", "a", "b"]]),
            one("c", "1:3", "1:1")
        );
        assert_eq!(
            moves(&[&["a"], &["b"]], &[&["a", "b"]]),
            one("b", "2:1", "1:2")
        );
        // A page put between them, or a question added: nothing moved.
        assert_eq!(moves(&[&["a"], &["b"]], &[&["a"], &["n"], &["b"]]), []);
        assert_eq!(moves(&[&["a", "b"]], &[&["n", "a", "b"]]), []);
        let e = edits(
            &survey(&[&["a"], &["b"]]),
            &survey(&[&["a"], &["n"], &["b"]]),
        );
        // Compared place by place, the page added is the last.
        assert!(e.edits.contains(&Edit {
            at: At::Survey,
            aspect: Aspect::Pages,
            before: "2".into(),
            after: "3".into(),
            page: Some(3),
        }));
    }

    /// The builder says which question it moved: that one moved, though
    /// the order alone could tell it of another.
    #[test]
    fn a_change_moves_only_the_question_it_moved() {
        let places = |e: Edits| -> Vec<(At, String, String)> {
            e.edits
                .into_iter()
                .filter(|e| e.aspect == Aspect::Place)
                .map(|e| (e.at, e.before, e.after))
                .collect()
        };
        let change = |after: &[&[&str]], pages: Vec<Option<usize>>, q: &str| Changed {
            survey: survey(after),
            pages,
            question: Some(q.into()),
        };
        let before = survey(&[&["a", "b"], &["c"]]);
        // "b" down onto "c"'s page: by order, "c" seems to have moved too.
        let down = change(&[&["a"], &["b", "c"]], vec![Some(0), Some(1)], "b");
        assert_eq!(places(edits(&before, &down.survey)).len(), 2);
        assert_eq!(
            places(of_change(&before, &down)),
            [(question("b"), "1:2".into(), "2:1".into())]
        );
        // "b" up above "a": by order it would be "a" that moved down.
        let up = change(&[&["b", "a"], &["c"]], vec![Some(0), Some(1)], "b");
        assert_eq!(
            places(of_change(&before, &up)),
            [(question("b"), "1:2".into(), "1:1".into())]
        );
        // "a" alone on its page, moved onto the next: its place reads the
        // same, but its page is another.
        let alone = survey(&[&["a"], &["b", "c"]]);
        let onto = change(&[&["a", "b", "c"]], vec![Some(1)], "a");
        assert_eq!(
            places(of_change(&alone, &onto)),
            [(question("a"), "1:1".into(), "1:1".into())]
        );
        // Changed without moving: no place said.
        let kept = change(&[&["a", "b"], &["c"]], vec![Some(0), Some(1)], "b");
        assert_eq!(places(of_change(&before, &kept)), []);
    }

    #[test]
    fn questions_added_or_removed_say_on_which_page() {
        let before = sample();
        let mut after = sample();
        after.pages[1].questions.remove(1);
        after.pages[0].questions.push(q("q9", QuestionKind::Date));
        let pages: Vec<_> = edits(&before, &after)
            .edits
            .into_iter()
            .map(|e| (e.aspect, e.page))
            .collect();
        assert_eq!(
            pages,
            [(Aspect::Removed, Some(2)), (Aspect::Added, Some(1))]
        );
    }

    /// A page put before the others by the builder: the titles stay with
    /// their pages, so only the new page's is said to change.
    #[test]
    fn pages_are_compared_with_the_pages_they_were() {
        let before = sample();
        let mut after = sample();
        after.pages.insert(
            0,
            PageDef {
                title: "First".into(),
                questions: vec![q("q9", QuestionKind::Date)],
                ..PageDef::default()
            },
        );
        let said = |e: Edits| -> Vec<(At, Aspect, String, String)> {
            e.edits
                .into_iter()
                .map(|e| (e.at, e.aspect, e.before, e.after))
                .collect()
        };
        let by_place = said(edits(&before, &after));
        assert!(
            by_place.contains(&(
                At::Page(2),
                Aspect::PageTitle,
                "More".into(),
                "About you".into()
            )),
            "place by place, page 2's title seems changed: {by_place:?}"
        );
        let changed = Changed {
            survey: after.clone(),
            pages: vec![None, Some(0), Some(1)],
            question: Some("q9".into()),
        };
        assert_eq!(
            said(of_change(&before, &changed)),
            [
                (
                    question("q9"),
                    Aspect::Added,
                    "".into(),
                    "Question q9".into()
                ),
                (At::Page(1), Aspect::PageTitle, "".into(), "First".into()),
                (At::Survey, Aspect::Pages, "2".into(), "3".into()),
            ]
        );
    }

    #[test]
    fn rules_read_back_and_long_lists_are_counted() {
        let rule = Rule {
            question: "q1".into(),
            any_of: vec![0, 2],
        };
        assert_eq!(parse_rule(&rule_value(Some(&rule))), Some(rule));
        assert_eq!(rule_value(None), "");
        for bad in ["", "q1", "q1:0", "q1:1,q2:1", "q1:x"] {
            assert_eq!(parse_rule(bad), None, "{bad}");
        }
        let many = SurveyDefinition {
            pages: vec![PageDef {
                questions: (0..60)
                    .map(|i| q(&format!("q{i}"), QuestionKind::Date))
                    .collect(),
                ..PageDef::default()
            }],
        };
        let e = edits(&SurveyDefinition::default(), &many);
        assert_eq!(
            (e.edits.len(), e.more, e.questions),
            (MAX_EDITS, 61 - MAX_EDITS, 60)
        );
    }
}
