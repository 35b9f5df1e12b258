//! A survey as officers build it: pages of typed questions with stable
//! ids, stored as one JSON document per consultation. Options are named
//! by their index; fixed scales and demographic lists have message keys
//! so that every language labels them.

use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, ErrorDetail};

pub const MAX_PAGES: usize = 30;
pub const MAX_QUESTIONS: usize = 200;
pub const MAX_OPTIONS: usize = 50;
pub const MAX_TEXT_CHARS: usize = 1_000;
/// A page's title is its heading: a few words, not a paragraph (a
/// heading of hundreds of characters, unbroken, would widen the page).
pub const MAX_PAGE_TITLE_CHARS: usize = 150;
pub const MAX_OPTION_CHARS: usize = 300;
pub const SHORT_TEXT_CHARS: usize = 200;
pub const DEFAULT_LONG_TEXT_CHARS: usize = 5_000;
pub const MAX_LONG_TEXT_CHARS: usize = 20_000;

/// "Show this question (or skip this page) when the answer to `question`
/// includes one of `any_of`."
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    pub question: String,
    pub any_of: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Demographic {
    AgeBand,
    Gender,
    Area,
    Ethnicity,
    Religion,
    Disability,
    SexualOrientation,
}

impl Demographic {
    pub const ALL: [Demographic; 7] = [
        Demographic::AgeBand,
        Demographic::Gender,
        Demographic::Area,
        Demographic::Ethnicity,
        Demographic::Religion,
        Demographic::Disability,
        Demographic::SexualOrientation,
    ];

    pub const fn key(self) -> &'static str {
        match self {
            Demographic::AgeBand => "age_band",
            Demographic::Gender => "gender",
            Demographic::Area => "area",
            Demographic::Ethnicity => "ethnicity",
            Demographic::Religion => "religion",
            Demographic::Disability => "disability",
            Demographic::SexualOrientation => "sexual_orientation",
        }
    }

    /// Special-category data under UK GDPR (health covers disability):
    /// asked only with a stated purpose, stored apart, read under audit.
    pub const fn is_special_category(self) -> bool {
        matches!(
            self,
            Demographic::Ethnicity
                | Demographic::Religion
                | Demographic::Disability
                | Demographic::SexualOrientation
        )
    }

    /// Message keys of the fixed options, "prefer not to say" last.
    /// Areas are the council's own and come from the question.
    pub fn option_keys(self) -> &'static [&'static str] {
        match self {
            Demographic::AgeBand => &[
                "under-16",
                "16-24",
                "25-34",
                "35-44",
                "45-54",
                "55-64",
                "65-74",
                "75-plus",
                "prefer-not",
            ],
            Demographic::Gender => &["woman", "man", "non-binary", "self-describe", "prefer-not"],
            Demographic::Area => &[],
            Demographic::Ethnicity => &[
                "asian",
                "black",
                "mixed",
                "white",
                "arab",
                "other-ethnic",
                "prefer-not",
            ],
            Demographic::Religion => &[
                "no-religion",
                "buddhist",
                "christian",
                "hindu",
                "jewish",
                "muslim",
                "sikh",
                "other-religion",
                "prefer-not",
            ],
            Demographic::Disability => &[
                "disabled-a-lot",
                "disabled-a-little",
                "not-disabled",
                "prefer-not",
            ],
            Demographic::SexualOrientation => &[
                "straight",
                "gay-lesbian",
                "bisexual",
                "other-orientation",
                "prefer-not",
            ],
        }
    }
}

pub const AGREEMENT_KEYS: [&str; 6] = [
    "strongly-agree",
    "agree",
    "neither",
    "disagree",
    "strongly-disagree",
    "dont-know",
];
pub const EFFECTIVENESS_KEYS: [&str; 5] = [
    "very-effective",
    "fairly-effective",
    "not-very-effective",
    "not-at-all-effective",
    "dont-know",
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionKind {
    SingleChoice {
        options: Vec<String>,
    },
    MultipleChoice {
        options: Vec<String>,
        /// At most this many may be ticked.
        #[serde(default)]
        max: Option<usize>,
    },
    Agreement,
    Effectiveness,
    Ranking {
        options: Vec<String>,
    },
    Number {
        #[serde(default)]
        min: Option<i64>,
        #[serde(default)]
        max: Option<i64>,
    },
    Date,
    ShortText,
    LongText {
        #[serde(default = "default_long_text")]
        max_chars: usize,
    },
    /// Rows each answered on the agreement scale.
    Matrix {
        rows: Vec<String>,
    },
    Demographic {
        of: Demographic,
        /// The council's areas, for `of: area`.
        #[serde(default)]
        areas: Vec<String>,
    },
}

/// How a date answer is stored and exported.
pub fn format_answer_date(d: time::Date) -> String {
    crate::consultation::format_date(d)
}

fn default_long_text() -> usize {
    DEFAULT_LONG_TEXT_CHARS
}

impl QuestionKind {
    pub const fn key(&self) -> &'static str {
        match self {
            QuestionKind::SingleChoice { .. } => "single_choice",
            QuestionKind::MultipleChoice { .. } => "multiple_choice",
            QuestionKind::Agreement => "agreement",
            QuestionKind::Effectiveness => "effectiveness",
            QuestionKind::Ranking { .. } => "ranking",
            QuestionKind::Number { .. } => "number",
            QuestionKind::Date => "date",
            QuestionKind::ShortText => "short_text",
            QuestionKind::LongText { .. } => "long_text",
            QuestionKind::Matrix { .. } => "matrix",
            QuestionKind::Demographic { .. } => "demographic",
        }
    }

    /// The options a respondent picks from, as labels the council wrote
    /// (`Written`) or message keys every language translates (`Keys`).
    pub fn options(&self) -> Options<'_> {
        match self {
            QuestionKind::SingleChoice { options }
            | QuestionKind::MultipleChoice { options, .. }
            | QuestionKind::Ranking { options } => Options::Written(options),
            QuestionKind::Agreement | QuestionKind::Matrix { .. } => {
                Options::Keys("scale", &AGREEMENT_KEYS)
            }
            QuestionKind::Effectiveness => Options::Keys("scale", &EFFECTIVENESS_KEYS),
            QuestionKind::Demographic {
                of: Demographic::Area,
                areas,
            } => Options::Written(areas),
            QuestionKind::Demographic { of, .. } => Options::Keys("demographic", of.option_keys()),
            _ => Options::None,
        }
    }

    /// What the council wrote for the question besides its wording: its
    /// options, its areas or a matrix's rows (none for other kinds).
    pub fn written(&self) -> &[String] {
        match self {
            QuestionKind::SingleChoice { options }
            | QuestionKind::MultipleChoice { options, .. }
            | QuestionKind::Ranking { options } => options,
            QuestionKind::Matrix { rows } => rows,
            QuestionKind::Demographic {
                of: Demographic::Area,
                areas,
            } => areas,
            _ => &[],
        }
    }

    /// [`Self::written`], to be replaced in place (by a translation).
    pub fn written_mut(&mut self) -> &mut [String] {
        match self {
            QuestionKind::SingleChoice { options }
            | QuestionKind::MultipleChoice { options, .. }
            | QuestionKind::Ranking { options } => options,
            QuestionKind::Matrix { rows } => rows,
            QuestionKind::Demographic {
                of: Demographic::Area,
                areas,
            } => areas,
            _ => &mut [],
        }
    }

    /// Whether answers are counted per option (and can be routed on and
    /// cross-tabulated by).
    pub fn is_choice(&self) -> bool {
        matches!(
            self,
            QuestionKind::SingleChoice { .. }
                | QuestionKind::MultipleChoice { .. }
                | QuestionKind::Agreement
                | QuestionKind::Effectiveness
                | QuestionKind::Demographic { .. }
        )
    }

    pub fn is_special_category(&self) -> bool {
        matches!(self, QuestionKind::Demographic { of, .. } if of.is_special_category())
    }
}

/// The options of a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Options<'a> {
    None,
    Written(&'a [String]),
    /// A message-key prefix and the keys.
    Keys(&'static str, &'static [&'static str]),
}

impl Options<'_> {
    pub fn len(&self) -> usize {
        match self {
            Options::None => 0,
            Options::Written(o) => o.len(),
            Options::Keys(_, k) => k.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionDef {
    /// Stable within the survey: answers and results refer to it.
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub hint: String,
    #[serde(default)]
    pub required: bool,
    #[serde(flatten)]
    pub kind: QuestionKind,
    #[serde(default)]
    pub show_if: Option<Rule>,
    /// Why a special-category question is asked; respondents see it.
    #[serde(default)]
    pub purpose: String,
}

/// One problem with a question's own fields: the builder's form field it
/// is about, with the code its message is chosen by there, and the code
/// the survey check (and so the API) reports for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Problem {
    pub field: &'static str,
    pub code: ErrorCode,
    pub survey_code: ErrorCode,
    /// What the form's message names beyond the code (which option is
    /// given twice).
    pub detail: Option<ErrorDetail>,
}

impl Problem {
    const fn new(field: &'static str, code: ErrorCode, survey_code: ErrorCode) -> Self {
        Problem {
            field,
            code,
            survey_code,
            detail: None,
        }
    }

    /// A problem the form and the survey check name alike.
    const fn same(field: &'static str, code: ErrorCode) -> Self {
        Problem::new(field, code, code)
    }
}

impl QuestionDef {
    /// The problems of the question's own fields, in the order they are
    /// reported. Its id is checked by [`SurveyDefinition::validate`],
    /// which sees the other questions' ids.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        if self.text.trim().is_empty() {
            problems.push(Problem::same("text", ErrorCode::FieldRequired));
        }
        for (field, value) in [
            ("text", &self.text),
            ("hint", &self.hint),
            ("purpose", &self.purpose),
        ] {
            if bad_text(value, MAX_TEXT_CHARS) {
                problems.push(Problem::same(field, ErrorCode::FieldTooLong));
            }
        }
        problems.extend(self.option_problems());
        match &self.kind {
            QuestionKind::MultipleChoice {
                options,
                max: Some(m),
            } if *m == 0 || *m > options.len() => {
                problems.push(Problem::same("max", ErrorCode::TooManyChoices))
            }
            QuestionKind::Number {
                min: Some(a),
                max: Some(b),
            } if a > b => problems.push(Problem::same("min", ErrorCode::OutOfRange)),
            QuestionKind::LongText { max_chars }
                if *max_chars == 0 || *max_chars > MAX_LONG_TEXT_CHARS =>
            {
                problems.push(Problem::same("max", ErrorCode::OutOfRange))
            }
            _ => {}
        }
        if self.kind.is_special_category() && self.purpose.trim().is_empty() {
            problems.push(Problem::same("purpose", ErrorCode::PurposeRequired));
        }
        problems
    }

    /// The problems of its options (a matrix's rows, the council's
    /// areas): too few or too many, or one that is empty or too long.
    /// The survey check has always called each of these an invalid
    /// choice; the form says which.
    fn option_problems(&self) -> Vec<Problem> {
        let written = self.kind.written();
        let needs_options = !written.is_empty()
            || matches!(
                &self.kind,
                QuestionKind::SingleChoice { .. }
                    | QuestionKind::MultipleChoice { .. }
                    | QuestionKind::Ranking { .. }
                    | QuestionKind::Matrix { .. }
                    | QuestionKind::Demographic {
                        of: Demographic::Area,
                        ..
                    }
            );
        let min = if matches!(self.kind, QuestionKind::Matrix { .. }) {
            1
        } else {
            2
        };
        let mut problems = Vec::new();
        let invalid = ErrorCode::InvalidChoice;
        if needs_options && written.len() < min {
            problems.push(Problem::new("options", ErrorCode::FieldRequired, invalid));
        } else if needs_options && written.len() > MAX_OPTIONS {
            problems.push(Problem::new("options", ErrorCode::FieldTooLong, invalid));
        }
        if written
            .iter()
            .any(|o| o.trim().is_empty() || bad_text(o, MAX_OPTION_CHARS))
        {
            problems.push(Problem::same("options", invalid));
        }
        // Two options alike cannot be told apart by respondents, nor their
        // answers in the results.
        if let Some(item) = crate::text::repeated(written) {
            problems.push(Problem {
                detail: Some(ErrorDetail::Repeated { item: item as u32 }),
                ..Problem::same("options", ErrorCode::DuplicateLabel)
            });
        }
        problems
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PageDef {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub skip_if: Option<Rule>,
    pub questions: Vec<QuestionDef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SurveyDefinition {
    pub pages: Vec<PageDef>,
}

/// One problem with a survey, for the builder to show beside the question
/// (or page) it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefinitionError {
    /// The question id, or `page-N` (1-based) for a page's rule.
    pub at: String,
    pub code: ErrorCode,
}

impl std::fmt::Display for DefinitionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.at, self.code)
    }
}

pub(super) fn bad_text(s: &str, max: usize) -> bool {
    s.chars().count() > max || s.chars().any(|c| c.is_control() && c != '\n')
}

impl SurveyDefinition {
    pub fn questions(&self) -> impl Iterator<Item = &QuestionDef> {
        self.pages.iter().flat_map(|p| p.questions.iter())
    }

    pub fn question(&self, id: &str) -> Option<&QuestionDef> {
        self.questions().find(|q| q.id == id)
    }

    /// The page (from 0) that holds question `id`.
    pub fn page_of(&self, id: &str) -> Option<usize> {
        self.pages
            .iter()
            .position(|p| p.questions.iter().any(|q| q.id == id))
    }

    /// The next free question id ("q1", "q2", …).
    pub fn next_id(&self) -> String {
        let mut n = self.questions().count() + 1;
        loop {
            let id = format!("q{n}");
            if self.question(&id).is_none() {
                return id;
            }
            n += 1;
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn q(id: &str, kind: QuestionKind) -> QuestionDef {
        QuestionDef {
            id: id.into(),
            text: format!("Question {id}"),
            hint: String::new(),
            required: false,
            kind,
            show_if: None,
            purpose: String::new(),
        }
    }

    pub fn choice(options: &[&str]) -> QuestionKind {
        QuestionKind::SingleChoice {
            options: options.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// Two pages: a yes/no question, then a page shown only after "yes".
    pub fn sample() -> SurveyDefinition {
        let mut follow = q("q2", QuestionKind::LongText { max_chars: 100 });
        follow.show_if = Some(Rule {
            question: "q1".into(),
            any_of: vec![0],
        });
        let mut religion = q(
            "q3",
            QuestionKind::Demographic {
                of: Demographic::Religion,
                areas: vec![],
            },
        );
        religion.purpose = "To check we hear from every faith".into();
        let mut first = q("q1", choice(&["Yes", "No"]));
        first.required = true;
        SurveyDefinition {
            pages: vec![
                PageDef {
                    title: "About you".into(),
                    skip_if: None,
                    questions: vec![first],
                },
                PageDef {
                    title: "More".into(),
                    skip_if: None,
                    questions: vec![follow, religion],
                },
            ],
        }
    }

    #[test]
    fn the_sample_is_valid_and_round_trips_as_json() {
        let s = sample();
        s.validate().unwrap();
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains(r#""type":"single_choice""#), "{json}");
        let back: SurveyDefinition = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
        assert_eq!(s.next_id(), "q4");
    }

    #[test]
    fn special_category_needs_a_purpose_and_rules_must_look_back() {
        let mut s = sample();
        s.pages[1].questions[1].purpose.clear();
        s.pages[0].questions[0].show_if = Some(Rule {
            question: "q2".into(),
            any_of: vec![0],
        });
        s.pages[1].questions.push(q("q1", QuestionKind::Date));
        s.pages[1].questions.push(q("q9", choice(&["only one"])));
        let errors: Vec<_> = s
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| (e.at, e.code))
            .collect();
        assert!(
            errors.contains(&("q3".into(), ErrorCode::PurposeRequired)),
            "{errors:?}"
        );
        assert!(
            errors.contains(&("q1".into(), ErrorCode::InvalidSurvey)),
            "{errors:?}"
        );
        assert!(
            errors.contains(&("q1".into(), ErrorCode::AlreadyRegistered)),
            "{errors:?}"
        );
        assert!(
            errors.contains(&("q9".into(), ErrorCode::InvalidChoice)),
            "{errors:?}"
        );
    }

    #[test]
    fn options_given_twice_are_refused() {
        let mut s = sample();
        s.pages[0]
            .questions
            .push(q("often", choice(&["كثيرًا", "قليلًا", " كثيرًا "])));
        s.pages[0]
            .questions
            .push(q("case", choice(&["Yes", "No", "YES"])));
        let errors: Vec<_> = s
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| (e.at, e.code))
            .collect();
        assert_eq!(
            errors,
            [
                ("often".into(), ErrorCode::DuplicateLabel),
                ("case".into(), ErrorCode::DuplicateLabel),
            ]
        );
        let problem = s.pages[0].questions[1].problems()[0];
        assert_eq!(problem.field, "options");
        assert_eq!(problem.detail, Some(ErrorDetail::Repeated { item: 2 }));
    }

    #[test]
    fn unknown_rule_targets_are_refused() {
        let mut s = sample();
        s.pages[1].skip_if = Some(Rule {
            question: "nope".into(),
            any_of: vec![0],
        });
        let errors = s.validate().unwrap_err();
        assert_eq!(errors[0].at, "page-2");
    }
}
