//! One change an officer makes to a survey through the builder: a
//! question added, changed, moved or removed, or a page given a title or
//! a skip rule. The change is worked out on the survey as stored and
//! checked whole, so it is made entirely or not at all; what would break
//! is said in terms the officer can act on: the field to fix, or the two
//! questions a routing rule ties together ("“What happened?” is shown
//! only after certain answers to “Have you seen …?”, so it must stay on
//! a later page").

use super::builder::QuestionInput;
use super::model::{DefinitionError, QuestionDef, SurveyDefinition, MAX_PAGE_TITLE_CHARS};
use super::placement::{placed, without, Place, Placed};
use super::routing::{validate_routing, RoutingError, RuleSite};
use super::rule_form::PageRuleInput;
use crate::error::{ErrorCode, ValidationError};
use crate::text::optional_line;
use crate::translation::{key, Texts, FROM};

/// What the officer asks for.
#[derive(Debug, Clone, Copy)]
pub enum Change<'a> {
    /// A new question, from the form.
    Add(&'a QuestionInput),
    /// Question `id` as the form now has it (its place included).
    Edit(&'a str, &'a QuestionInput),
    /// Question `id`, unchanged, at another place.
    Move(&'a str, &'a Place),
    Remove(&'a str),
    /// The title of page `page` (0-based); empty for none.
    PageTitle(usize, &'a str),
    /// When page `page` (0-based) is skipped, as its form has it.
    PageRule(usize, &'a PageRuleInput),
}

/// The survey once changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    pub survey: SurveyDefinition,
    /// For each page of `survey`, the page it was (0-based), or `None`
    /// for a new one.
    pub pages: Vec<Option<usize>>,
    /// The question added, changed, moved or removed.
    pub question: Option<String>,
}

impl Changed {
    /// A language's translations with those of page titles kept under
    /// where their pages now are (the keys count pages, and a page left
    /// empty goes, moving up the pages after it), and those of pages
    /// gone dropped; `None` when nothing moved.
    pub fn follow_pages(&self, texts: &Texts) -> Option<Texts> {
        let is_page_title = |k: &str| {
            k.starts_with("page.")
                && (k.ends_with(".title") || k.ends_with(&format!(".title{FROM}")))
        };
        let mut out: Texts = texts
            .iter()
            .filter(|(k, _)| !is_page_title(k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (p, was) in self.pages.iter().enumerate() {
            let Some(was) = was else { continue };
            for suffix in ["", FROM] {
                let from = format!("{}{suffix}", key::page_title(*was));
                if let Some(text) = texts.get(&from) {
                    out.insert(format!("{}{suffix}", key::page_title(p)), text.clone());
                }
            }
        }
        (out != *texts).then_some(out)
    }
}

/// Whose rule a change would break.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleHolder {
    /// A question's "show only if" rule.
    Question(String),
    /// A page's "skip if" rule; the page as the survey stands before the
    /// change (0-based).
    Page(usize),
}

/// How the change would break the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Broken {
    /// The question the rule depends on would no longer be on an earlier
    /// page than the rule's question (or page).
    Order,
    /// It would no longer be a choice.
    NotAChoice,
    /// It would no longer have an option the rule names.
    MissingOption,
    /// It would be gone.
    Missing,
}

/// A routing rule the change would break, naming both ends of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleConflict {
    pub holder: RuleHolder,
    /// The question the rule depends on (its id).
    pub depends_on: String,
    pub broken: Broken,
    /// The builder form's field to show it beside.
    pub field: &'static str,
}

/// Why the change is refused; nothing of it is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Problems with the form's fields, each naming its field.
    Fields(Vec<ValidationError>),
    /// Routing rules the change would break.
    Conflicts(Vec<RuleConflict>),
    /// Both at once: problems with the form's fields and rules the
    /// change would break, so that every problem is said together.
    Both(Vec<ValidationError>, Vec<RuleConflict>),
    /// No such question or page.
    NotFound,
    /// Anything else the survey check finds.
    Survey(Vec<DefinitionError>),
}

fn field(field: &'static str, code: ErrorCode) -> Refusal {
    Refusal::Fields(vec![ValidationError::new(field, code)])
}

fn one(e: ValidationError) -> Refusal {
    Refusal::Fields(vec![e])
}

/// What refuses a change with `fields` problems and `conflicts`.
fn refusal(fields: Vec<ValidationError>, conflicts: Vec<RuleConflict>) -> Refusal {
    match (fields.is_empty(), conflicts.is_empty()) {
        (false, true) => Refusal::Fields(fields),
        (true, false) => Refusal::Conflicts(conflicts),
        _ => Refusal::Both(fields, conflicts),
    }
}

/// `survey` with `change` made, or why not.
pub fn apply(survey: &SurveyDefinition, change: Change<'_>) -> Result<Changed, Refusal> {
    match change {
        Change::Add(input) => from_form(survey, input, survey.next_id(), None),
        Change::Edit(id, input) => {
            let before = survey.question(id).ok_or(Refusal::NotFound)?;
            from_form(survey, input, id.to_owned(), Some(before))
        }
        Change::Move(id, to) => {
            let q = survey.question(id).ok_or(Refusal::NotFound)?;
            put(survey, to, q.clone(), Some(q), None)
        }
        Change::Remove(id) => {
            let placed = without(survey, id).ok_or(Refusal::NotFound)?;
            let own = Own::Question {
                id,
                rule_changed: false,
            };
            checked(placed, own, "place")
        }
        Change::PageTitle(page, title) => {
            if page >= survey.pages.len() {
                return Err(Refusal::NotFound);
            }
            let title = optional_line("title", title, MAX_PAGE_TITLE_CHARS)
                .map_err(one)?
                .unwrap_or_default();
            let mut next = survey.clone();
            next.pages[page].title = title;
            checked(unmoved(next), Own::Nothing, "title")
        }
        Change::PageRule(page, input) => {
            if page >= survey.pages.len() {
                return Err(Refusal::NotFound);
            }
            let rule = input.rule().map_err(one)?;
            // It looks at a question with answers to choose from; whether
            // that question comes early enough is for the check, which
            // names it.
            if let Some(rule) = &rule {
                let target = survey.question(&rule.question);
                if !target.is_some_and(|t| t.kind.is_choice()) {
                    return Err(field("skip_if_question", ErrorCode::InvalidChoice));
                }
            }
            let mut next = survey.clone();
            next.pages[page].skip_if = rule;
            checked(unmoved(next), Own::Page(page), "skip_if_question")
        }
    }
}

/// The question of the builder's form put where it says (`before`: the
/// question it changes). With problems in its fields, the question as
/// far as it reads is still put in place, so that what its routing rule
/// would break is said with them, not after they are fixed.
fn from_form(
    survey: &SurveyDefinition,
    input: &QuestionInput,
    id: String,
    before: Option<&QuestionDef>,
) -> Result<Changed, Refusal> {
    let (place, question, mut fields) = input.build_all(survey, id);
    let (Some(place), Some(question)) = (place, question) else {
        return Err(Refusal::Fields(fields));
    };
    // `build_all` has said what is wrong with the title already.
    let title = input.new_page_title(&place).ok().flatten();
    let made = put(survey, &place, question, before, title);
    if fields.is_empty() {
        return made;
    }
    let (more, conflicts) = match made {
        Ok(_) | Err(Refusal::NotFound | Refusal::Survey(_)) => (Vec::new(), Vec::new()),
        Err(Refusal::Fields(more)) => (more, Vec::new()),
        Err(Refusal::Conflicts(conflicts)) => (Vec::new(), conflicts),
        Err(Refusal::Both(more, conflicts)) => (more, conflicts),
    };
    // One problem a field: the form's own first.
    for e in more {
        if !fields.iter().any(|f| f.field == e.field) {
            fields.push(e);
        }
    }
    let conflicts = conflicts
        .into_iter()
        .filter(|c| !fields.iter().any(|f| f.field == c.field))
        .collect();
    Err(refusal(fields, conflicts))
}

/// A survey whose pages are where they were.
fn unmoved(survey: SurveyDefinition) -> Placed {
    let pages = (0..survey.pages.len()).map(Some).collect();
    Placed { survey, pages }
}

/// `question` put at `place`; `before` is the question as it was, when
/// it is being changed or moved; `title`, the title of the new page it
/// starts, if it starts one.
fn put(
    survey: &SurveyDefinition,
    place: &Place,
    question: QuestionDef,
    before: Option<&QuestionDef>,
    title: Option<String>,
) -> Result<Changed, Refusal> {
    let id = question.id.clone();
    // A rule looks at another question, one with answers to choose from;
    // whether it comes early enough is for the check below, which can
    // name both questions.
    if let Some(rule) = &question.show_if {
        let target = survey.question(&rule.question);
        if rule.question == id || !target.is_some_and(|t| t.kind.is_choice()) {
            return Err(field("show_if_question", ErrorCode::InvalidChoice));
        }
    }
    // A rule chosen or changed in this form is what to change if it
    // points forward; an unchanged one stays, so the place is.
    let rule_changed = before.is_none_or(|b| b.show_if != question.show_if);
    let mut placed =
        placed(survey, place, question).map_err(|_| field("place", ErrorCode::InvalidChoice))?;
    if let (Some(title), Some(new)) = (title, placed.pages.iter().position(Option::is_none)) {
        placed.survey.pages[new].title = title;
    }
    checked(
        placed,
        Own::Question {
            id: &id,
            rule_changed,
        },
        "place",
    )
}

/// Whose rule the change is about: its problems are said beside the
/// form's fields, where other rules it breaks are conflicts.
#[derive(Debug, Clone, Copy)]
enum Own<'a> {
    /// No rule (a page's title).
    Nothing,
    /// Question `id`'s; `rule_changed` when its form chose or changed it
    /// (then a rule pointing forward is the rule's to change, not the
    /// place's).
    Question { id: &'a str, rule_changed: bool },
    /// Page `n`'s (0-based), set in its form.
    Page(usize),
}

/// The changed survey, if every rule still looks back at an earlier
/// choice it names options of, and the whole survey passes its check.
/// `own` is the rule of the change (its problems are its form's fields);
/// a survey too long is said beside `full`.
fn checked(placed: Placed, own: Own<'_>, full: &'static str) -> Result<Changed, Refusal> {
    let Placed { survey, pages } = placed;
    if let Err(errors) = validate_routing(&survey) {
        let mut fields = Vec::new();
        let mut conflicts = Vec::new();
        for e in errors {
            match broken_rule(&survey, &pages, own, e) {
                Some(Ok(conflict)) => conflicts.push(conflict),
                Some(Err(problem)) => fields.push(problem),
                None => {}
            }
        }
        if !fields.is_empty() || !conflicts.is_empty() {
            return Err(refusal(fields, conflicts));
        }
    }
    survey.validate().map_err(|errors| {
        if errors.iter().all(|e| e.at == "survey") {
            field(full, ErrorCode::FieldTooLong)
        } else {
            Refusal::Survey(errors)
        }
    })?;
    Ok(Changed {
        survey,
        pages,
        question: match own {
            Own::Question { id, .. } => Some(id.to_owned()),
            Own::Nothing | Own::Page(_) => None,
        },
    })
}

/// What a routing problem of the changed survey means for the officer:
/// a problem with the change's own rule, said beside its field, or a
/// rule of another question or page that the change would break, naming
/// both ends. `None` for what no change makes.
fn broken_rule(
    survey: &SurveyDefinition,
    pages: &[Option<usize>],
    own: Own<'_>,
    e: RoutingError,
) -> Option<Result<RuleConflict, ValidationError>> {
    let (holder, rule) = match e.site() {
        RuleSite::Page(p) => (
            RuleHolder::Page(pages[p].unwrap_or(p)),
            survey.pages[p].skip_if.as_ref(),
        ),
        RuleSite::Question(r) => {
            let q = &survey.pages[r.page].questions[r.question];
            (RuleHolder::Question(q.id.clone()), q.show_if.as_ref())
        }
    };
    // The form's fields for the rule: the question it depends on, and
    // the answers ticked under it.
    let (is_own, rule_changed, (question_field, options_field)) = match (own, e.site()) {
        (Own::Question { id, rule_changed }, RuleSite::Question(_)) => (
            matches!(&holder, RuleHolder::Question(q) if q == id),
            rule_changed,
            ("show_if_question", "show_if_options"),
        ),
        (Own::Page(n), RuleSite::Page(p)) => {
            (n == p, true, ("skip_if_question", "skip_if_options"))
        }
        _ => (false, false, ("", "")),
    };
    let conflict = |broken, field| {
        Some(Ok(RuleConflict {
            holder: holder.clone(),
            depends_on: rule.map(|r| r.question.clone()).unwrap_or_default(),
            broken,
            field,
        }))
    };
    let problem = |field| Some(Err(ValidationError::new(field, ErrorCode::InvalidChoice)));
    match (is_own, e) {
        (true, RoutingError::NotEarlier { .. }) if rule_changed => {
            conflict(Broken::Order, question_field)
        }
        (_, RoutingError::NotEarlier { .. }) => conflict(Broken::Order, "place"),
        (true, RoutingError::UnknownQuestion { .. } | RoutingError::NotAChoice { .. }) => {
            problem(question_field)
        }
        (true, _) => problem(options_field),
        (false, RoutingError::NotAChoice { .. }) => conflict(Broken::NotAChoice, "kind"),
        (false, RoutingError::UnknownOption { .. }) => conflict(Broken::MissingOption, "options"),
        (false, RoutingError::UnknownQuestion { .. }) => conflict(Broken::Missing, "place"),
        // Not something a change makes: the stored survey had it.
        (false, RoutingError::EmptyCondition { .. }) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::model::tests::{choice, q};
    use crate::survey::model::{PageDef, QuestionKind, Rule};

    fn rule(question: &str, any_of: &[usize]) -> Option<Rule> {
        Some(Rule {
            question: question.into(),
            any_of: any_of.to_vec(),
        })
    }

    /// Page 1: a yes/no question (q1) and an agreement (q2); page 2: a
    /// follow-up shown after "yes" (q3); page 3, skipped after "no": a
    /// date (q4).
    fn survey() -> SurveyDefinition {
        let mut q3 = q("q3", QuestionKind::LongText { max_chars: 100 });
        q3.show_if = rule("q1", &[0]);
        SurveyDefinition {
            pages: vec![
                PageDef {
                    title: "About you".into(),
                    skip_if: None,
                    questions: vec![
                        q("q1", choice(&["Yes", "No"])),
                        q("q2", QuestionKind::Agreement),
                    ],
                },
                PageDef {
                    title: String::new(),
                    skip_if: None,
                    questions: vec![q3],
                },
                PageDef {
                    title: "When".into(),
                    skip_if: rule("q1", &[1]),
                    questions: vec![q("q4", QuestionKind::Date)],
                },
            ],
        }
    }

    fn ids(s: &SurveyDefinition) -> Vec<Vec<&str>> {
        s.pages
            .iter()
            .map(|p| p.questions.iter().map(|q| q.id.as_str()).collect())
            .collect()
    }

    fn conflicts(r: Result<Changed, Refusal>) -> Vec<(RuleHolder, String, Broken, &'static str)> {
        match r {
            Err(Refusal::Conflicts(c)) => c
                .into_iter()
                .map(|c| (c.holder, c.depends_on, c.broken, c.field))
                .collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn moves_that_keep_rules_looking_back_are_made() {
        let s = survey();
        s.validate().unwrap();
        let to = Place::After("q2".into());
        let changed = apply(&s, Change::Move("q4", &Place::Before("q3".into()))).unwrap();
        assert_eq!(ids(&changed.survey), [vec!["q1", "q2"], vec!["q4", "q3"]]);
        // Page 3 went, with its rule: nothing depends on it any more.
        assert_eq!(changed.pages, [Some(0), Some(1)]);
        assert_eq!(changed.question.as_deref(), Some("q4"));
        let changed = apply(&s, Change::Move("q1", &to)).unwrap();
        assert_eq!(
            ids(&changed.survey),
            [vec!["q2", "q1"], vec!["q3"], vec!["q4"]]
        );
    }

    #[test]
    fn a_move_before_what_a_rule_depends_on_names_both_questions() {
        let s = survey();
        // The follow-up up onto the page of the question it follows.
        assert_eq!(
            conflicts(apply(&s, Change::Move("q3", &Place::After("q2".into())))),
            [(
                RuleHolder::Question("q3".into()),
                "q1".into(),
                Broken::Order,
                "place"
            )]
        );
        // The question depended on, down past its follow-up and the page
        // skipped by its answer.
        assert_eq!(
            conflicts(apply(&s, Change::Move("q1", &Place::After("q4".into())))),
            [
                (
                    RuleHolder::Question("q3".into()),
                    "q1".into(),
                    Broken::Order,
                    "place"
                ),
                (RuleHolder::Page(2), "q1".into(), Broken::Order, "place"),
            ]
        );
        // Nothing is refused for a forged neighbour but the place.
        assert_eq!(
            apply(&s, Change::Move("q1", &Place::After("q1".into()))),
            Err(field("place", ErrorCode::InvalidChoice))
        );
        assert_eq!(
            apply(&s, Change::Move("q9", &Place::NewPage)),
            Err(Refusal::NotFound)
        );
    }

    #[test]
    fn a_rule_chosen_in_the_form_is_checked_beside_its_fields() {
        let s = survey();
        let follow = |question: &str, options: &str, place: &str| QuestionInput {
            place: place.into(),
            kind: "short_text".into(),
            text: "Where was that?".into(),
            show_if_question: question.into(),
            show_if_options: options.into(),
            ..Default::default()
        };
        let added = apply(&s, Change::Add(&follow("q1", "q1:1", "new"))).unwrap();
        assert_eq!(added.question.as_deref(), Some("q5"));
        assert_eq!(added.pages, [Some(0), Some(1), Some(2), None]);
        assert_eq!(
            conflicts(apply(&s, Change::Add(&follow("q2", "1", "first:1")))),
            [(
                RuleHolder::Question("q5".into()),
                "q2".into(),
                Broken::Order,
                "show_if_question"
            )]
        );
        for (question, options, field) in [
            ("q9", "q9:1", "show_if_question"),
            ("q4", "q4:1", "show_if_question"),
            ("q3", "q3:1", "show_if_question"),
            ("q1", "q1:3", "show_if_options"),
        ] {
            match apply(&s, Change::Add(&follow(question, options, "new"))) {
                Err(Refusal::Fields(f)) => assert_eq!(f[0].field, field, "{question}"),
                other => panic!("{question}: {other:?}"),
            }
        }
        // A question's own rule on itself.
        let mut own = QuestionInput::from_question(&s, s.question("q3").unwrap());
        own.show_if_question = "q3".into();
        own.show_if_options = "q3:1".into();
        assert_eq!(
            apply(&s, Change::Edit("q3", &own)),
            Err(field("show_if_question", ErrorCode::InvalidChoice))
        );
        // The agreement scale's options can show a question too.
        let scale = apply(&s, Change::Add(&follow("q2", "q2:1,q2:2", "new"))).unwrap();
        assert_eq!(
            scale.survey.question("q5").unwrap().show_if,
            rule("q2", &[0, 1])
        );
    }

    /// A form with a bad field and a rule that would break says both at
    /// once, not the field first and the rule once it is fixed.
    #[test]
    fn a_bad_field_and_a_broken_rule_are_refused_together() {
        let s = survey();
        let input = QuestionInput {
            place: "after:q1".into(),
            kind: "multiple_choice".into(),
            text: "Which parks?".into(),
            options: "One\nTwo".into(),
            max: "5".into(),
            show_if_question: "q1".into(),
            show_if_options: "q1:1".into(),
            ..Default::default()
        };
        match apply(&s, Change::Add(&input)) {
            Err(Refusal::Both(fields, conflicts)) => {
                let fields: Vec<_> = fields.iter().map(|f| (f.field, f.code)).collect();
                assert_eq!(fields, [("max", ErrorCode::TooManyChoices)]);
                assert_eq!(conflicts.len(), 1);
                assert_eq!(conflicts[0].field, "show_if_question");
                assert_eq!(conflicts[0].broken, Broken::Order);
            }
            other => panic!("{other:?}"),
        }
        // A rule on a question that is no choice, with an empty text.
        let input = QuestionInput {
            place: "new".into(),
            kind: "short_text".into(),
            show_if_question: "q4".into(),
            show_if_options: "q4:1".into(),
            ..Default::default()
        };
        match apply(&s, Change::Add(&input)) {
            Err(Refusal::Fields(fields)) => {
                let fields: Vec<_> = fields.iter().map(|f| f.field).collect();
                assert_eq!(fields, ["text", "show_if_question"]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn changes_that_break_what_depends_on_a_question_are_refused() {
        let s = survey();
        let mut q1 = QuestionInput::from_question(&s, s.question("q1").unwrap());
        q1.kind = "short_text".into();
        q1.options.clear();
        assert_eq!(
            conflicts(apply(&s, Change::Edit("q1", &q1))),
            [
                (
                    RuleHolder::Question("q3".into()),
                    "q1".into(),
                    Broken::NotAChoice,
                    "kind"
                ),
                (RuleHolder::Page(2), "q1".into(), Broken::NotAChoice, "kind"),
            ]
        );
        let mut fewer = QuestionInput::from_question(&s, s.question("q1").unwrap());
        fewer.options = "Yes\nMaybe".into();
        apply(&s, Change::Edit("q1", &fewer)).unwrap();
        fewer.options = "Yes".into();
        assert!(matches!(
            apply(&s, Change::Edit("q1", &fewer)),
            Err(Refusal::Fields(_))
        ));
        let mut q2 = QuestionInput::from_question(&s, s.question("q2").unwrap());
        q2.kind = "single_choice".into();
        q2.options = "One\nTwo".into();
        apply(&s, Change::Edit("q2", &q2)).unwrap();
        let removed = conflicts(apply(&s, Change::Remove("q1")));
        assert_eq!(removed.len(), 2);
        assert!(removed
            .iter()
            .all(|c| c.1 == "q1" && c.2 == Broken::Missing));
        let gone = apply(&s, Change::Remove("q4")).unwrap();
        assert_eq!(ids(&gone.survey), [vec!["q1", "q2"], vec!["q3"]]);
        assert_eq!(gone.question.as_deref(), Some("q4"));
        assert_eq!(apply(&s, Change::Remove("q9")), Err(Refusal::NotFound));
    }

    #[test]
    fn page_title_translations_follow_their_pages() {
        let s = survey();
        let texts = Texts::from([
            ("page.0.title".to_owned(), "عنك".to_owned()),
            ("page.2.title".to_owned(), "متى".to_owned()),
            (format!("page.2.title{FROM}"), "f".to_owned()),
            ("q1.text".to_owned(), "هل؟".to_owned()),
        ]);
        // q4 joins q3 on page 2: page 3 goes.
        let moved = apply(&s, Change::Move("q4", &Place::After("q3".into()))).unwrap();
        assert_eq!(moved.pages, [Some(0), Some(1)]);
        let followed = moved.follow_pages(&texts).unwrap();
        assert_eq!(
            followed,
            Texts::from([
                ("page.0.title".to_owned(), "عنك".to_owned()),
                ("q1.text".to_owned(), "هل؟".to_owned()),
            ]),
            "page 3 went, and its title's translation with it"
        );
        let mut s2 = s.clone();
        s2.pages[1].questions.push(q("q5", QuestionKind::Date));
        let merged = apply(&s2, Change::Move("q5", &Place::After("q2".into()))).unwrap();
        assert_eq!(merged.follow_pages(&texts), None, "no page moved");
        let up = apply(&s, Change::Move("q3", &Place::Before("q4".into()))).unwrap();
        assert_eq!(up.pages, [Some(0), Some(2)]);
        let followed = up.follow_pages(&texts).unwrap();
        assert_eq!(followed["page.1.title"], "متى");
        assert_eq!(followed[&format!("page.1.title{FROM}")], "f");
        assert!(!followed.contains_key("page.2.title"));
    }

    #[test]
    fn a_question_on_a_new_page_can_title_it() {
        let s = survey();
        let input = |place: &str, title: &str| QuestionInput {
            place: place.into(),
            page_title: title.into(),
            kind: "date".into(),
            text: "When was that?".into(),
            ..Default::default()
        };
        let added = apply(&s, Change::Add(&input("new", "  Dates  "))).unwrap();
        assert_eq!(added.survey.pages[3].title, "Dates");
        assert_eq!(added.pages, [Some(0), Some(1), Some(2), None]);
        // On a page that exists, a title is refused, not dropped unsaid.
        assert_eq!(
            apply(&s, Change::Add(&input("after:q2", "Meant for a new page"))),
            Err(field("page_title", ErrorCode::InvalidChoice))
        );
        let after = apply(&s, Change::Add(&input("after:q2", " "))).unwrap();
        assert_eq!(after.survey.pages[0].title, "About you");
        assert_eq!(after.survey.pages.len(), 3);
        let untitled = apply(&s, Change::Add(&input("new", ""))).unwrap();
        assert_eq!(untitled.survey.pages[3].title, "");
        let long = "x".repeat(MAX_PAGE_TITLE_CHARS + 1);
        for (bad, refusal) in [
            ("Two\nlines", field("page_title", ErrorCode::BadRequest)),
            (
                &long[..],
                one(crate::text::too_long("page_title", MAX_PAGE_TITLE_CHARS)),
            ),
        ] {
            assert_eq!(apply(&s, Change::Add(&input("new", bad))), Err(refusal));
        }
        // A question moved by its form onto a page of its own titles it.
        let mut q2 = QuestionInput::from_question(&s, s.question("q2").unwrap());
        q2.place = "new".into();
        q2.page_title = "Getting on".into();
        let moved = apply(&s, Change::Edit("q2", &q2)).unwrap();
        assert_eq!(moved.survey.pages[3].title, "Getting on");
        assert_eq!(moved.survey.pages[0].title, "About you");
    }

    #[test]
    fn a_new_page_between_pages_moves_the_titles_after_it() {
        let s = survey();
        let texts = Texts::from([
            ("page.0.title".to_owned(), "عنك".to_owned()),
            ("page.2.title".to_owned(), "متى".to_owned()),
            (format!("page.2.title{FROM}"), "f".to_owned()),
        ]);
        let input = QuestionInput {
            place: "new-after:1".into(),
            page_title: "Getting on".into(),
            kind: "agreement".into(),
            text: "Do people get on?".into(),
            ..Default::default()
        };
        let added = apply(&s, Change::Add(&input)).unwrap();
        assert_eq!(
            ids(&added.survey),
            [vec!["q1", "q2"], vec!["q5"], vec!["q3"], vec!["q4"]]
        );
        assert_eq!(added.pages, [Some(0), None, Some(1), Some(2)]);
        assert_eq!(added.survey.pages[1].title, "Getting on");
        assert_eq!(
            added.survey.pages[3].skip_if,
            rule("q1", &[1]),
            "rules stay"
        );
        let followed = added.follow_pages(&texts).unwrap();
        assert_eq!(followed["page.0.title"], "عنك");
        assert_eq!(followed["page.3.title"], "متى");
        assert_eq!(followed[&format!("page.3.title{FROM}")], "f");
        assert!(!followed.contains_key("page.1.title") && !followed.contains_key("page.2.title"));
        // A question moved onto a new page before the one that depends
        // on it keeps its rules looking back.
        let moved = apply(&s, Change::Move("q2", &Place::NewPageAfter(0))).unwrap();
        assert_eq!(
            ids(&moved.survey),
            [vec!["q1"], vec!["q2"], vec!["q3"], vec!["q4"]]
        );
        assert_eq!(
            conflicts(apply(&s, Change::Move("q1", &Place::NewPageAfter(1)))),
            [(
                RuleHolder::Question("q3".into()),
                "q1".into(),
                Broken::Order,
                "place"
            )]
        );
        assert_eq!(
            apply(&s, Change::Move("q2", &Place::NewPageAfter(3))),
            Err(field("place", ErrorCode::InvalidChoice))
        );
    }

    #[test]
    fn pages_get_skip_rules_on_earlier_choices() {
        let s = survey();
        let pick = |q: &str, o: &str| PageRuleInput {
            skip_if_question: q.into(),
            skip_if_options: o.into(),
        };
        let set = apply(&s, Change::PageRule(1, &pick("q2", "q2:4,q2:5"))).unwrap();
        assert_eq!(set.survey.pages[1].skip_if, rule("q2", &[3, 4]));
        assert_eq!(
            (set.question, set.pages),
            (None, vec![Some(0), Some(1), Some(2)])
        );
        let cleared = apply(&s, Change::PageRule(2, &pick("", ""))).unwrap();
        assert_eq!(cleared.survey.pages[2].skip_if, None);
        for (question, options, f, code) in [
            ("q1", "", "skip_if_options", ErrorCode::FieldRequired),
            ("q9", "q9:1", "skip_if_question", ErrorCode::InvalidChoice),
            ("q3", "q3:1", "skip_if_question", ErrorCode::InvalidChoice),
            ("q1", "q1:3", "skip_if_options", ErrorCode::InvalidChoice),
        ] {
            assert_eq!(
                apply(&s, Change::PageRule(1, &pick(question, options))),
                Err(field(f, code)),
                "{question} {options}"
            );
        }
        // A question on the page itself: named, beside the question.
        assert_eq!(
            conflicts(apply(&s, Change::PageRule(0, &pick("q1", "q1:1")))),
            [(
                RuleHolder::Page(0),
                "q1".into(),
                Broken::Order,
                "skip_if_question"
            )]
        );
        assert_eq!(
            apply(&s, Change::PageRule(3, &pick("", ""))),
            Err(Refusal::NotFound)
        );
    }

    #[test]
    fn pages_get_titles_of_one_line() {
        let s = survey();
        let titled = apply(&s, Change::PageTitle(1, "  What happened  ")).unwrap();
        assert_eq!(titled.survey.pages[1].title, "What happened");
        assert_eq!(titled.question, None);
        let cleared = apply(&s, Change::PageTitle(0, "")).unwrap();
        assert_eq!(cleared.survey.pages[0].title, "");
        assert_eq!(apply(&s, Change::PageTitle(3, "x")), Err(Refusal::NotFound));
        let long = "x".repeat(MAX_PAGE_TITLE_CHARS + 1);
        for (bad, refusal) in [
            ("Two\nlines", field("title", ErrorCode::BadRequest)),
            (
                &long[..],
                one(crate::text::too_long("title", MAX_PAGE_TITLE_CHARS)),
            ),
        ] {
            assert_eq!(apply(&s, Change::PageTitle(0, bad)), Err(refusal));
        }
    }
}
