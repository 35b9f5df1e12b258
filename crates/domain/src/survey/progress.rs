//! Where a respondent stands in a survey: the answers routing sees from a
//! draft, the page to come back to, and how many pages there will be.
//!
//! A draft holds only the pages that were saved, and a page of optional
//! questions left blank saves nothing, so which pages were seen cannot be
//! read back exactly. The rules here err towards showing a page again
//! rather than skipping one never seen: a question with its explanation
//! (a special-category one, say) must not be answered, or left, unseen.

use super::answers::{
    check_response, fields_of_page, holds, parse_page, visible_pages, Answers, RawAnswers,
};
use super::model::{Rule, SurveyDefinition};

/// The answers of the pages before `page` in `draft`, as routing sees
/// them (the survey's pages and the officers' preview alike).
pub fn answers_before(survey: &SurveyDefinition, draft: &RawAnswers, page: usize) -> Answers {
    let mut answers = Answers::new();
    for p in 0..page.min(survey.pages.len()) {
        if survey.pages[p]
            .skip_if
            .as_ref()
            .is_some_and(|r| holds(r, &answers))
        {
            continue;
        }
        // A draft holds only pages that passed; anything odd counts as
        // unanswered rather than blocking the respondent.
        if let Ok(a) = parse_page(survey, p, &fields_of_page(survey, p, draft), &answers) {
            answers.extend(a);
        }
    }
    answers
}

/// The page (from 0) someone who left part-way through should come back
/// to, or `None` when every page they will see is behind them (on to
/// "check your answers"): the first page they see that still needs an
/// answer, or else the first one after the last page they answered
/// anything on, whichever comes first.
pub fn resume_page(survey: &SurveyDefinition, draft: &RawAnswers) -> Option<usize> {
    let answers = answers_before(survey, draft, survey.pages.len());
    let pages = visible_pages(survey, &answers);
    let errors = check_response(survey, draft).err().unwrap_or_default();
    let needs_answer = pages.iter().copied().find(|p| {
        survey.pages[*p]
            .questions
            .iter()
            .any(|q| errors.iter().any(|e| e.question == q.id))
    });
    let last_answered = pages
        .iter()
        .copied()
        .filter(|p| !fields_of_page(survey, *p, draft).is_empty())
        .max();
    let not_reached = pages
        .iter()
        .copied()
        .find(|p| last_answered.is_none_or(|last| *p > last));
    match (needs_answer, not_reached) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// How many pages a respondent will see in all, as far as `answers` tell
/// when they are on page `reached` (from 0): the fewest and the most. A
/// rule on a question not answered yet, on this page or a later one, may
/// still show or skip a page; one on an earlier question left blank is
/// settled (a blank never satisfies a rule).
pub fn page_count(survey: &SurveyDefinition, answers: &Answers, reached: usize) -> (usize, usize) {
    let open = |rule: &Rule| {
        !answers.contains_key(&rule.question)
            && survey.page_of(&rule.question).is_some_and(|p| p >= reached)
    };
    // Some(true) or Some(false) when settled, None while it may go either way.
    let decide = |rule: &Rule| (!open(rule)).then(|| holds(rule, answers));
    let (mut fewest, mut most) = (0, 0);
    for page in &survey.pages {
        let skipped = page.skip_if.as_ref().map_or(Some(false), decide);
        let shown: Vec<Option<bool>> = page
            .questions
            .iter()
            .map(|q| q.show_if.as_ref().map_or(Some(true), decide))
            .collect();
        let any_shown = if shown.contains(&Some(true)) {
            Some(true)
        } else if shown.contains(&None) {
            None
        } else {
            Some(false)
        };
        match (skipped, any_shown) {
            (Some(true), _) | (_, Some(false)) => {}
            (Some(false), Some(true)) => {
                fewest += 1;
                most += 1;
            }
            _ => most += 1,
        }
    }
    (fewest, most)
}

#[cfg(test)]
mod tests {
    use super::super::model::tests::{choice, q, sample};
    use super::super::model::PageDef;
    use super::*;

    fn raw(pairs: &[(&str, &str)]) -> RawAnswers {
        let mut out = RawAnswers::new();
        for (k, v) in pairs {
            out.entry(k.to_string()).or_default().push(v.to_string());
        }
        out
    }

    /// The sample with a third page of optional questions shown to all.
    fn three_pages() -> SurveyDefinition {
        let mut s = sample();
        s.pages.push(PageDef {
            title: "Last".into(),
            skip_if: None,
            questions: vec![q("q4", choice(&["A", "B"]))],
        });
        s
    }

    #[test]
    fn resuming_never_skips_a_page_not_yet_reached() {
        let s = three_pages();
        // Nothing saved: the first page.
        assert_eq!(resume_page(&s, &RawAnswers::new()), Some(0));
        // Page 1 saved with "No" (page 2's questions: q2 hidden, q3
        // optional): page 2 was never reached, so it is shown, not skipped
        // on the way to "check your answers".
        assert_eq!(resume_page(&s, &raw(&[("q1", "1")])), Some(1));
        // Page 2 answered: on to page 3.
        assert_eq!(resume_page(&s, &raw(&[("q1", "1"), ("q3", "0")])), Some(2));
        // Everything answered: nothing left.
        assert_eq!(
            resume_page(&s, &raw(&[("q1", "1"), ("q3", "0"), ("q4", "1")])),
            None
        );
    }

    #[test]
    fn resuming_goes_first_to_a_page_that_still_needs_an_answer() {
        let s = three_pages();
        // Page 3 answered but the required first question was not: back
        // to page 1 (a draft like this comes from changed routing).
        assert_eq!(resume_page(&s, &raw(&[("q4", "0")])), Some(0));
    }

    #[test]
    fn the_page_count_is_a_range_while_routing_is_undecided() {
        let s = three_pages();
        // On page 1 with nothing answered: page 2 shows q3 whatever q1
        // says, so every page is certain.
        assert_eq!(page_count(&s, &Answers::new(), 0), (3, 3));
        // A page shown only after "Yes" is uncertain until q1 is answered.
        let mut s = three_pages();
        s.pages[1].questions.remove(1);
        assert_eq!(page_count(&s, &Answers::new(), 0), (2, 3));
        let yes = answers_before(&s, &raw(&[("q1", "0")]), 1);
        assert_eq!(page_count(&s, &yes, 1), (3, 3));
        let no = answers_before(&s, &raw(&[("q1", "1")]), 1);
        assert_eq!(page_count(&s, &no, 1), (2, 2));
        // Past page 1 with q1 left blank, the rule is settled: no page 2.
        assert_eq!(page_count(&s, &Answers::new(), 1), (2, 2));
    }
}
