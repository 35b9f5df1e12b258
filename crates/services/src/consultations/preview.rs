//! An officer's preview of a survey, exactly as respondents meet it in a
//! language: page by page, routing followed as the officer picks
//! answers, the same checks on each page, and nothing saved. The answers
//! given so far travel with each page's form instead of a draft; drafts
//! and published consultations alike can be previewed.

use cohesion_domain::consultation::Status;
use cohesion_domain::identity::Action;
use cohesion_domain::survey::answers::{
    clear_page, drop_hidden, fields_of_page, parse_page, visible_pages, AnswerError, RawAnswers,
};
use cohesion_domain::survey::model::SurveyDefinition;
use cohesion_domain::translation::Untranslated;
use cohesion_storage::Db;
use uuid::Uuid;

use super::reading::view_in;
use super::responding::{answers_before, Admission, Progress};
use crate::accounts::SignedIn;
use crate::permissions::require;
use crate::ServiceError;

/// A preview where it stands: the survey in the chosen language, the
/// answers given so far (`progress.draft`) and the pages they lead
/// through, with the texts left untranslated.
#[derive(Debug, Clone)]
pub struct Preview {
    pub progress: Progress,
    pub untranslated: Untranslated,
}

/// Where a preview goes after a page is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// This page (from 0): the next one, or the same one again with
    /// problems to show.
    Page(usize),
    /// Every page answered: "check your answers".
    Check,
}

/// A page sent: where the preview stands and goes next, and the problems
/// with the page's answers (the page is shown again with them).
#[derive(Debug, Clone)]
pub struct Sent {
    pub preview: Preview,
    pub step: Step,
    pub errors: Vec<AnswerError>,
}

/// The start of a preview of consultation `id` in `language` (officers).
pub async fn start(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    language: &str,
) -> Result<Preview, ServiceError> {
    require(me, Action::RunEngagement)?;
    let (v, untranslated) = view_in(db, Some(me), id, language).await?;
    let progress = progress(v.consultation, v.survey, RawAnswers::new());
    Ok(Preview {
        progress,
        untranslated,
    })
}

/// Page `page` (from 0) sent with `raw`: its own fields and the answers
/// carried from the pages before. Checked as a respondent's would be;
/// nothing is written.
pub async fn send(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    language: &str,
    page: usize,
    raw: &RawAnswers,
) -> Result<Sent, ServiceError> {
    let mut preview = start(db, me, id, language).await?;
    let survey = &preview.progress.survey;
    if page >= survey.pages.len() {
        return Err(ServiceError::NotFound);
    }
    let (draft, step, errors) = step(survey, page, raw);
    let survey = std::mem::take(&mut preview.progress.survey);
    let consultation = preview.progress.consultation.clone();
    preview.progress = progress(consultation, survey, draft);
    Ok(Sent {
        preview,
        step,
        errors,
    })
}

/// Page `page` (from 0) shown again in `language` with the answers `raw`
/// as they were sent, unchecked: the preview switched to another
/// language where it stands, not started again.
pub async fn show(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    language: &str,
    page: usize,
    raw: &RawAnswers,
) -> Result<Preview, ServiceError> {
    let mut preview = start(db, me, id, language).await?;
    if page >= preview.progress.survey.pages.len() {
        return Err(ServiceError::NotFound);
    }
    let survey = std::mem::take(&mut preview.progress.survey);
    let consultation = preview.progress.consultation.clone();
    preview.progress = progress(consultation, survey, raw.clone());
    Ok(preview)
}

/// Where a respondent would stand with `draft`, for the survey's pages.
fn progress(
    consultation: cohesion_domain::consultation::Consultation,
    survey: SurveyDefinition,
    draft: RawAnswers,
) -> Progress {
    let all = answers_before(&survey, &draft, survey.pages.len());
    let pages = visible_pages(&survey, &all);
    Progress {
        consultation,
        survey,
        response: None,
        draft,
        pages,
        // Whoever previews may see every page, whatever the dates.
        admission: Admission {
            status: Status::Open,
            sign_in_first: false,
        },
    }
}

/// The answers after page `page` is sent with `raw`, where to go, and
/// the page's problems: what saving a page does for a respondent
/// (`responding::pages`), into a draft that is only carried along.
pub fn step(
    survey: &SurveyDefinition,
    page: usize,
    raw: &RawAnswers,
) -> (RawAnswers, Step, Vec<AnswerError>) {
    // Fields that name no question of another page are dropped: a
    // preview has nothing to protect, only a survey to show.
    let mut draft = RawAnswers::new();
    for p in (0..survey.pages.len()).filter(|p| *p != page) {
        draft.extend(fields_of_page(survey, p, raw));
    }
    let own = fields_of_page(survey, page, raw);
    let earlier = answers_before(survey, &draft, page);
    let after = |draft: &RawAnswers| {
        let all = answers_before(survey, draft, survey.pages.len());
        match visible_pages(survey, &all).into_iter().find(|p| *p > page) {
            Some(p) => Step::Page(p),
            None => Step::Check,
        }
    };
    let shown = visible_pages(survey, &earlier).contains(&page);
    if !shown {
        // The answers carried skip this page: on to the next one.
        let next = after(&draft);
        return (draft, next, Vec::new());
    }
    if let Err(errors) = parse_page(survey, page, &own, &earlier) {
        draft.extend(own);
        return (draft, Step::Page(page), errors);
    }
    clear_page(survey, page, &mut draft);
    for (k, v) in own {
        let values: Vec<String> = v.into_iter().filter(|s| !s.trim().is_empty()).collect();
        if !values.is_empty() {
            draft.insert(k, values);
        }
    }
    let all = answers_before(survey, &draft, survey.pages.len());
    drop_hidden(survey, &mut draft, &all);
    let next = after(&draft);
    (draft, next, Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use cohesion_domain::survey::model::{PageDef, QuestionDef, QuestionKind, Rule};

    fn question(id: &str, kind: QuestionKind, show_if: Option<Rule>) -> QuestionDef {
        QuestionDef {
            id: id.into(),
            text: format!("Question {id}"),
            hint: String::new(),
            required: true,
            kind,
            show_if,
            purpose: String::new(),
        }
    }

    /// Page 1 asks yes or no; page 2 asks "why" only after "yes"; page 3
    /// asks everyone for a postcode.
    fn survey() -> SurveyDefinition {
        let yes_no = QuestionKind::SingleChoice {
            options: vec!["Yes".into(), "No".into()],
        };
        let after_yes = Some(Rule {
            question: "q1".into(),
            any_of: vec![0],
        });
        let page = |q| PageDef {
            title: String::new(),
            skip_if: None,
            questions: vec![q],
        };
        SurveyDefinition {
            pages: vec![
                page(question("q1", yes_no, None)),
                page(question("q2", QuestionKind::ShortText, after_yes)),
                page(question("q3", QuestionKind::ShortText, None)),
            ],
        }
    }

    fn raw(pairs: &[(&str, &str)]) -> RawAnswers {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), vec![(*v).to_owned()]))
            .collect()
    }

    #[test]
    fn routing_follows_the_answers_picked() {
        let s = survey();
        let (draft, to, errors) = sent(&s, 0, &[("q1", "0")]);
        assert!(errors.is_empty());
        assert_eq!(to, Step::Page(1), "yes: asked why");
        assert_eq!(draft, raw(&[("q1", "0")]));
        let (_, to, _) = sent(&s, 0, &[("q1", "1")]);
        assert_eq!(to, Step::Page(2), "no: straight to the postcode");
        // The answers travel: page 2, then page 3, then the check.
        let (draft, to, _) = sent(&s, 1, &[("q1", "0"), ("q2", "Dark streets")]);
        assert_eq!(to, Step::Page(2));
        assert_eq!(draft.len(), 2);
        let (draft, to, _) = sent(&s, 2, &[("q1", "0"), ("q2", "Dark streets"), ("q3", "BN1")]);
        assert_eq!(to, Step::Check);
        assert_eq!(draft.len(), 3);
        // Changing the first answer to "no" drops the answer it hid.
        let (draft, _, _) = sent(&s, 0, &[("q1", "1"), ("q2", "Dark streets")]);
        assert_eq!(draft, raw(&[("q1", "1")]));
    }

    fn sent(
        s: &SurveyDefinition,
        page: usize,
        pairs: &[(&str, &str)],
    ) -> (RawAnswers, Step, Vec<AnswerError>) {
        step(s, page, &raw(pairs))
    }

    #[test]
    fn a_page_is_checked_as_a_respondents_would_be() {
        let s = survey();
        let (draft, to, errors) = sent(&s, 0, &[("q1", "7")]);
        assert_eq!(to, Step::Page(0), "shown again");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].question, "q1");
        assert_eq!(
            draft,
            raw(&[("q1", "7")]),
            "what was picked is kept to show"
        );
        let (_, to, errors) = sent(&s, 0, &[]);
        assert_eq!((to, errors.len()), (Step::Page(0), 1), "required");
        // A page the carried answers skip moves on.
        let (_, to, errors) = sent(&s, 1, &[("q1", "1")]);
        assert_eq!((to, errors.len()), (Step::Page(2), 0));
        // Fields of no question are dropped.
        let (draft, _, _) = sent(&s, 2, &[("q1", "1"), ("q3", "BN1"), ("x", "y")]);
        assert!(!draft.contains_key("x"));
    }
}
