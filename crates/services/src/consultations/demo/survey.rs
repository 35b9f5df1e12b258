//! The demo's survey: every kind of question, a routing rule and a
//! special-category question with its purpose.

use cohesion_domain::survey::model::{
    Demographic, PageDef, QuestionDef, QuestionKind, Rule, SurveyDefinition,
};

fn q(id: &str, text: &str, kind: QuestionKind, required: bool) -> QuestionDef {
    QuestionDef {
        id: id.into(),
        text: text.into(),
        hint: String::new(),
        required,
        kind,
        show_if: None,
        purpose: String::new(),
    }
}

fn options(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The open consultation's survey: every kind of question, a routing
/// rule and a special-category question with its purpose.
pub fn safer_streets_survey() -> SurveyDefinition {
    SurveyDefinition {
        pages: vec![
            page("Your community", your_community()),
            page("What would work", what_would_work()),
            page("About you", about_you()),
        ],
    }
}

fn page(title: &str, questions: Vec<QuestionDef>) -> PageDef {
    PageDef {
        title: title.into(),
        skip_if: None,
        questions,
    }
}

fn your_community() -> Vec<QuestionDef> {
    let mut seen = q(
        "q2",
        "In the last 12 months, have you seen or heard views that promote hatred or extremism?",
        QuestionKind::SingleChoice {
            options: options(&["Yes", "No", "Not sure"]),
        },
        true,
    );
    seen.hint = "Online or in person.".into();
    vec![
        q(
            "q1",
            "Strong, connected communities help prevent hate and extremism.",
            QuestionKind::Agreement,
            true,
        ),
        seen,
    ]
}

/// Where hateful views were met (after a "yes"), and what would help.
fn what_would_work() -> Vec<QuestionDef> {
    let mut where_seen = q(
        "q3",
        "Where did you see or hear them?",
        QuestionKind::MultipleChoice {
            options: options(&[
                "Social media",
                "Messaging apps",
                "In the street",
                "At school, college or work",
                "Somewhere else",
            ]),
            max: None,
        },
        false,
    );
    where_seen.show_if = Some(Rule {
        question: "q2".into(),
        any_of: vec![0],
    });
    vec![
        where_seen,
        q(
            "q4",
            "How effective would small grants to local groups be?",
            QuestionKind::Effectiveness,
            false,
        ),
        q(
            "q5",
            "Rank these ideas, most important first.",
            QuestionKind::Ranking {
                options: options(&[
                    "Community ambassadors",
                    "Short training films",
                    "Mentoring in critical thinking",
                ]),
            },
            false,
        ),
        q(
            "q6",
            "How far do you agree with each statement?",
            QuestionKind::Matrix {
                rows: options(&[
                    "I would know how to report a concern",
                    "I trust the council to act on concerns",
                ]),
            },
            false,
        ),
        q(
            "q7",
            "What else should we do?",
            QuestionKind::LongText { max_chars: 2_000 },
            false,
        ),
    ]
}

/// Age, and religion (special category, with its purpose).
fn about_you() -> Vec<QuestionDef> {
    let mut religion = q(
        "q9",
        "What is your religion or belief?",
        QuestionKind::Demographic {
            of: Demographic::Religion,
            areas: Vec::new(),
        },
        false,
    );
    religion.purpose = "To check that we hear from people of every faith and none, and that no community is left out of what we do next.".into();
    vec![
        q(
            "q8",
            "What is your age?",
            QuestionKind::Demographic {
                of: Demographic::AgeBand,
                areas: Vec::new(),
            },
            false,
        ),
        religion,
    ]
}
