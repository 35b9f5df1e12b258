//! Where a question sits in its survey. A place is named by its
//! neighbours ("after q3", "before q5") or by its page ("first on page
//! 2", "on a new page", "on a new page after page 1"), so that a form sent twice puts the question in
//! the same place instead of moving it twice. Moving one step up or down
//! crosses page boundaries, and a page a move leaves empty is dropped.

use super::model::{PageDef, QuestionDef, SurveyDefinition};

/// Where a question goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// First on page `n` (0-based), as the survey stands before the move.
    First(usize),
    /// Just after question `id`, on its page.
    After(String),
    /// Just before question `id`, on its page.
    Before(String),
    /// Alone on a new page after the last.
    NewPage,
    /// Alone on a new page just after page `n` (0-based), as the survey
    /// stands before the move.
    NewPageAfter(usize),
}

impl Place {
    /// The place a form names: `first:N` (N counted from 1), `after:ID`,
    /// `before:ID`, `new` or `new-after:N`; `None` for anything else.
    pub fn parse(raw: &str) -> Option<Place> {
        let raw = raw.trim();
        if raw == "new" {
            return Some(Place::NewPage);
        }
        let (kind, rest) = raw.split_once(':')?;
        let page = || {
            rest.parse::<usize>()
                .ok()
                .filter(|n| *n >= 1)
                .map(|n| n - 1)
        };
        match kind {
            "first" => page().map(Place::First),
            "new-after" => page().map(Place::NewPageAfter),
            "after" if !rest.is_empty() => Some(Place::After(rest.to_owned())),
            "before" if !rest.is_empty() => Some(Place::Before(rest.to_owned())),
            _ => None,
        }
    }

    /// Whether the question starts a page of its own.
    pub fn is_new_page(&self) -> bool {
        matches!(self, Place::NewPage | Place::NewPageAfter(_))
    }

    /// The place as a form sends it, read back by [`Place::parse`].
    pub fn value(&self) -> String {
        match self {
            Place::First(n) => format!("first:{}", n + 1),
            Place::After(id) => format!("after:{id}"),
            Place::Before(id) => format!("before:{id}"),
            Place::NewPage => "new".to_owned(),
            Place::NewPageAfter(n) => format!("new-after:{}", n + 1),
        }
    }
}

/// One step towards the start of the survey, or towards its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// A survey after a question was put in place or taken out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub survey: SurveyDefinition,
    /// For each page of `survey`, the page it was before (0-based), or
    /// `None` for a new one: what is kept by a page's place (the
    /// translations of its title) can follow it.
    pub pages: Vec<Option<usize>>,
}

/// The place named is not in the survey: no such page, no such question,
/// or the question being placed itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownPlace;

/// Where question `id` is: its page and its place on the page (0-based).
pub fn position(survey: &SurveyDefinition, id: &str) -> Option<(usize, usize)> {
    survey.pages.iter().enumerate().find_map(|(p, page)| {
        page.questions
            .iter()
            .position(|q| q.id == id)
            .map(|i| (p, i))
    })
}

/// Where question `id` is, as a place: after the question before it, or
/// first on its page.
pub fn current_place(survey: &SurveyDefinition, id: &str) -> Option<Place> {
    let (p, i) = position(survey, id)?;
    Some(match i {
        0 => Place::First(p),
        _ => Place::After(survey.pages[p].questions[i - 1].id.clone()),
    })
}

/// The end of the survey: after its last question, or on a new page
/// when it has none.
pub fn last_place(survey: &SurveyDefinition) -> Place {
    match survey.pages.iter().rposition(|p| !p.questions.is_empty()) {
        Some(p) => match survey.pages[p].questions.last() {
            Some(q) => Place::After(q.id.clone()),
            None => Place::First(p),
        },
        None => Place::NewPage,
    }
}

/// The place one step up or down from question `id`: past its neighbour
/// on the page, or across the page boundary (the first question of a
/// page goes up to the end of the page before; the last goes down to the
/// start of the page after). `None` at either end of the survey, or if
/// there is no such question.
pub fn step(survey: &SurveyDefinition, id: &str, direction: Direction) -> Option<Place> {
    let (p, i) = position(survey, id)?;
    let pages = &survey.pages;
    let on_page = &pages[p].questions;
    match direction {
        Direction::Up if i > 0 => Some(Place::Before(on_page[i - 1].id.clone())),
        Direction::Up if p > 0 => Some(match pages[p - 1].questions.last() {
            Some(q) => Place::After(q.id.clone()),
            None => Place::First(p - 1),
        }),
        Direction::Down if i + 1 < on_page.len() => Some(Place::After(on_page[i + 1].id.clone())),
        Direction::Down if p + 1 < pages.len() => Some(match pages[p + 1].questions.first() {
            Some(q) => Place::Before(q.id.clone()),
            None => Place::First(p + 1),
        }),
        _ => None,
    }
}

/// Every page with where it was, `question` taken out.
fn pages_without(survey: &SurveyDefinition, question: &str) -> Vec<(Option<usize>, PageDef)> {
    survey
        .pages
        .iter()
        .enumerate()
        .map(|(p, page)| {
            let mut page = page.clone();
            page.questions.retain(|q| q.id != question);
            (Some(p), page)
        })
        .collect()
}

/// Pages without questions are dropped, as nobody could answer them.
fn kept(pages: Vec<(Option<usize>, PageDef)>) -> Placed {
    let (pages, defs): (Vec<_>, Vec<_>) = pages
        .into_iter()
        .filter(|(_, page)| !page.questions.is_empty())
        .unzip();
    Placed {
        survey: SurveyDefinition { pages: defs },
        pages,
    }
}

/// `survey` with `question` at `place`, taken from where it was if the
/// survey has it already (the same id); pages left empty are dropped.
pub fn placed(
    survey: &SurveyDefinition,
    place: &Place,
    question: QuestionDef,
) -> Result<Placed, UnknownPlace> {
    // The page the question was alone on, if it was: emptied below.
    let alone = position(survey, &question.id)
        .map(|(p, _)| p)
        .filter(|p| survey.pages[*p].questions.len() == 1);
    let mut pages = pages_without(survey, &question.id);
    match place {
        Place::First(p) => pages
            .get_mut(*p)
            .ok_or(UnknownPlace)?
            .1
            .questions
            .insert(0, question),
        Place::After(id) | Place::Before(id) => {
            let (p, i) = pages
                .iter()
                .enumerate()
                .find_map(|(p, (_, page))| {
                    page.questions
                        .iter()
                        .position(|q| q.id == *id)
                        .map(|i| (p, i))
                })
                .ok_or(UnknownPlace)?;
            let at = if matches!(place, Place::After(_)) {
                i + 1
            } else {
                i
            };
            pages[p].1.questions.insert(at, question);
        }
        Place::NewPage | Place::NewPageAfter(_) => {
            let at = match place {
                Place::NewPageAfter(p) if *p < pages.len() => p + 1,
                Place::NewPageAfter(_) => return Err(UnknownPlace),
                _ => pages.len(),
            };
            match alone {
                // A page of its own where it has one already: it stays
                // there, with its title and rule.
                Some(p) if at == p || at == p + 1 => pages[p].1.questions.push(question),
                _ => {
                    let page = PageDef {
                        questions: vec![question],
                        ..PageDef::default()
                    };
                    // The pages after it move down, and say where they
                    // were.
                    pages.insert(at, (None, page));
                }
            }
        }
    }
    Ok(kept(pages))
}

/// `survey` without question `id` (`None` if it has no such question);
/// pages left empty are dropped.
pub fn without(survey: &SurveyDefinition, id: &str) -> Option<Placed> {
    position(survey, id)?;
    Some(kept(pages_without(survey, id)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::model::tests::q;
    use crate::survey::model::QuestionKind;

    fn survey_of(pages: &[&[&str]]) -> SurveyDefinition {
        SurveyDefinition {
            pages: pages
                .iter()
                .enumerate()
                .map(|(p, ids)| PageDef {
                    title: format!("Page {}", p + 1),
                    skip_if: None,
                    questions: ids
                        .iter()
                        .map(|id| q(id, QuestionKind::ShortText))
                        .collect(),
                })
                .collect(),
        }
    }

    fn ids(s: &SurveyDefinition) -> Vec<Vec<String>> {
        s.pages
            .iter()
            .map(|p| p.questions.iter().map(|q| q.id.clone()).collect())
            .collect()
    }

    /// The survey after moving `id` one step.
    fn moved(s: &SurveyDefinition, id: &str, d: Direction) -> Placed {
        let to = step(s, id, d).unwrap();
        placed(s, &to, s.question(id).unwrap().clone()).unwrap()
    }

    #[test]
    fn places_read_back_what_they_write() {
        for place in [
            Place::First(0),
            Place::First(11),
            Place::After("q3".into()),
            Place::Before("q_9-x".into()),
            Place::NewPage,
            Place::NewPageAfter(0),
            Place::NewPageAfter(4),
        ] {
            assert_eq!(Place::parse(&place.value()), Some(place));
        }
        for bad in [
            "",
            "first:0",
            "first:-1",
            "first:two",
            "first:99999999999999999999999",
            "after:",
            "before",
            "later:q1",
            "news",
            "new-after:0",
            "new-after:",
            "new-after:two",
        ] {
            assert_eq!(Place::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn steps_cross_page_boundaries_and_stop_at_the_ends() {
        let s = survey_of(&[&["a", "b"], &["c", "d"], &["e"]]);
        assert_eq!(step(&s, "a", Direction::Up), None);
        assert_eq!(step(&s, "e", Direction::Down), None);
        assert_eq!(step(&s, "x", Direction::Up), None);
        assert_eq!(
            step(&s, "b", Direction::Up),
            Some(Place::Before("a".into()))
        );
        assert_eq!(
            step(&s, "a", Direction::Down),
            Some(Place::After("b".into()))
        );

        // The first question of page 2 goes up to the end of page 1…
        let up = moved(&s, "c", Direction::Up);
        assert_eq!(ids(&up.survey), [vec!["a", "b", "c"], vec!["d"], vec!["e"]]);
        assert_eq!(up.pages, [Some(0), Some(1), Some(2)]);
        // …and the last of page 1 down to the start of page 2.
        let down = moved(&s, "b", Direction::Down);
        assert_eq!(
            ids(&down.survey),
            [vec!["a"], vec!["b", "c", "d"], vec!["e"]]
        );

        // A page left empty goes, with its title; the pages after it move
        // up, and say where they were.
        let lone = moved(&s, "e", Direction::Up);
        assert_eq!(ids(&lone.survey), [vec!["a", "b"], vec!["c", "d", "e"]]);
        assert_eq!(lone.pages, [Some(0), Some(1)]);
        let s2 = survey_of(&[&["a"], &["b"], &["c"]]);
        let merged = moved(&s2, "b", Direction::Down);
        assert_eq!(ids(&merged.survey), [vec!["a"], vec!["b", "c"]]);
        assert_eq!(merged.pages, [Some(0), Some(2)]);
        assert_eq!(merged.survey.pages[1].title, "Page 3");
    }

    #[test]
    fn a_move_sent_twice_moves_once() {
        let s = survey_of(&[&["a", "b"], &["c", "d"]]);
        for (id, d) in [
            ("c", Direction::Up),
            ("b", Direction::Down),
            ("d", Direction::Up),
            ("a", Direction::Down),
        ] {
            let to = step(&s, id, d).unwrap();
            let q = s.question(id).unwrap().clone();
            let once = placed(&s, &to, q.clone()).unwrap();
            let twice = placed(&once.survey, &to, q).unwrap();
            assert_eq!(once.survey, twice.survey, "{id} {d:?}");
        }
    }

    #[test]
    fn questions_go_where_named_or_nowhere() {
        let s = survey_of(&[&["a", "b"], &["c"]]);
        let b = s.question("b").unwrap().clone();
        let at = |place: Place| placed(&s, &place, b.clone()).map(|p| ids(&p.survey));
        assert_eq!(at(Place::First(1)).unwrap(), [vec!["a"], vec!["b", "c"]]);
        assert_eq!(at(Place::First(0)).unwrap(), [vec!["b", "a"], vec!["c"]]);
        assert_eq!(
            at(Place::After("c".into())).unwrap(),
            [vec!["a"], vec!["c", "b"]]
        );
        assert_eq!(
            at(Place::NewPage).unwrap(),
            [vec!["a"], vec!["c"], vec!["b"]]
        );
        assert_eq!(at(Place::First(2)), Err(UnknownPlace));
        assert_eq!(at(Place::After("b".into())), Err(UnknownPlace), "itself");
        assert_eq!(at(Place::Before("zz".into())), Err(UnknownPlace));
        // Put back where it is: nothing changes, the lone question's page
        // included.
        for id in ["a", "b", "c"] {
            let here = current_place(&s, id).unwrap();
            let back = placed(&s, &here, s.question(id).unwrap().clone()).unwrap();
            assert_eq!(back.survey, s, "{id}");
        }
        let new = placed(&s, &Place::NewPage, q("n", QuestionKind::Date)).unwrap();
        assert_eq!(new.pages, [Some(0), Some(1), None]);
        // Between pages: those after it move down.
        let between = placed(&s, &Place::NewPageAfter(0), q("n", QuestionKind::Date)).unwrap();
        assert_eq!(ids(&between.survey), [vec!["a", "b"], vec!["n"], vec!["c"]]);
        assert_eq!(between.pages, [Some(0), None, Some(1)]);
        assert_eq!(between.survey.pages[2].title, "Page 2");
        let last = placed(&s, &Place::NewPageAfter(1), q("n", QuestionKind::Date)).unwrap();
        assert_eq!(last.survey, new.survey, "after the last page is at the end");
        // Moved there from its page, which goes if left empty.
        assert_eq!(
            at(Place::NewPageAfter(0)).unwrap(),
            [vec!["a"], vec!["b"], vec!["c"]]
        );
        // Alone on its page already: the page stays, title and all.
        let c = s.question("c").unwrap().clone();
        for place in [
            Place::NewPageAfter(0),
            Place::NewPageAfter(1),
            Place::NewPage,
        ] {
            let alone = placed(&s, &place, c.clone()).unwrap();
            assert_eq!(alone.survey, s, "{place:?}");
            assert_eq!(alone.pages, [Some(0), Some(1)]);
        }
        assert_eq!(at(Place::NewPageAfter(2)), Err(UnknownPlace));
        assert_eq!(last_place(&s), Place::After("c".into()));
        assert_eq!(last_place(&SurveyDefinition::default()), Place::NewPage);

        let fewer = without(&s, "c").unwrap();
        assert_eq!(ids(&fewer.survey), [vec!["a", "b"]]);
        assert!(without(&s, "zz").is_none());
    }
}
