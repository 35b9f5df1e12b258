//! Answers: what a respondent sent, parsed against the survey and its
//! routing. Forms and the API send the same raw fields (a question's id,
//! or `id-N` for row or option N of a matrix or a ranking); a response is
//! accepted only when every visible question is answered well, nothing
//! hidden by routing is answered, and no field names another survey.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::Date;

use super::model::{QuestionDef, QuestionKind, Rule, SurveyDefinition, SHORT_TEXT_CHARS};
use crate::consultation::parse_date;
use crate::error::ErrorCode;

/// Raw fields as sent: field name to its values (several for checkboxes).
pub type RawAnswers = BTreeMap<String, Vec<String>>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// The options picked, ascending (one for a single choice).
    Choices(Vec<usize>),
    /// Options in ranked order, best first (the top few, or all).
    Ranking(Vec<usize>),
    Number(i64),
    Date(Date),
    Text(String),
    /// The scale point picked for each row, if any.
    Matrix(Vec<Option<usize>>),
}

/// The answers of a whole response, by question id.
pub type Answers = BTreeMap<String, Answer>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerError {
    pub question: String,
    pub code: ErrorCode,
}

fn fail(q: &QuestionDef, code: ErrorCode) -> AnswerError {
    AnswerError {
        question: q.id.clone(),
        code,
    }
}

/// Whether `rule` holds, given the answers so far. An unanswered question
/// never satisfies a rule.
pub fn holds(rule: &Rule, answers: &Answers) -> bool {
    match answers.get(&rule.question) {
        Some(Answer::Choices(picked)) => picked.iter().any(|p| rule.any_of.contains(p)),
        _ => false,
    }
}

/// The raw values a question owns: its own field, and `id-N` fields.
fn owned<'a>(q: &QuestionDef, raw: &'a RawAnswers) -> Vec<(&'a str, &'a [String])> {
    let prefix = format!("{}-", q.id);
    raw.iter()
        .filter(|(k, _)| {
            **k == q.id
                || k.strip_prefix(&prefix)
                    .is_some_and(|n| n.parse::<usize>().is_ok())
        })
        .map(|(k, v)| (k.as_str(), v.as_slice()))
        .collect()
}

fn non_empty(values: &[String]) -> impl Iterator<Item = &str> {
    values.iter().map(|v| v.trim()).filter(|v| !v.is_empty())
}

fn sent_anything(fields: &[(&str, &[String])]) -> bool {
    fields.iter().any(|(_, v)| non_empty(v).next().is_some())
}

fn index(raw: &str, len: usize) -> Option<usize> {
    raw.parse::<usize>().ok().filter(|i| *i < len)
}

fn text(q: &QuestionDef, raw: &str, max: usize) -> Result<String, AnswerError> {
    if raw.chars().count() > max {
        return Err(fail(q, ErrorCode::FieldTooLong));
    }
    if raw
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(fail(q, ErrorCode::BadRequest));
    }
    Ok(raw.replace("\r\n", "\n"))
}

/// Parses one visible question's raw fields. `Ok(None)`: not answered.
pub fn parse_question(q: &QuestionDef, raw: &RawAnswers) -> Result<Option<Answer>, AnswerError> {
    let fields = owned(q, raw);
    let own: Vec<&str> = fields
        .iter()
        .filter(|(k, _)| *k == q.id)
        .flat_map(|(_, v)| non_empty(v))
        .collect();
    let answer = match &q.kind {
        QuestionKind::SingleChoice { .. }
        | QuestionKind::Agreement
        | QuestionKind::Effectiveness
        | QuestionKind::Demographic { .. } => match own.as_slice() {
            [] => None,
            [one] => Some(Answer::Choices(vec![index(one, q.kind.options().len())
                .ok_or_else(|| fail(q, ErrorCode::InvalidChoice))?])),
            _ => return Err(fail(q, ErrorCode::TooManyChoices)),
        },
        QuestionKind::MultipleChoice { options, max } => {
            let mut picked = own
                .iter()
                .map(|v| index(v, options.len()).ok_or_else(|| fail(q, ErrorCode::InvalidChoice)))
                .collect::<Result<Vec<_>, _>>()?;
            picked.sort_unstable();
            picked.dedup();
            if max.is_some_and(|m| picked.len() > m) {
                return Err(fail(q, ErrorCode::TooManyChoices));
            }
            (!picked.is_empty()).then_some(Answer::Choices(picked))
        }
        QuestionKind::Ranking { options } => parse_ranking(q, options.len(), &fields)?,
        QuestionKind::Number { min, max } => match own.as_slice() {
            [] => None,
            [one] => {
                let n: i64 = one.parse().map_err(|_| fail(q, ErrorCode::BadRequest))?;
                if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
                    return Err(fail(q, ErrorCode::OutOfRange));
                }
                Some(Answer::Number(n))
            }
            _ => return Err(fail(q, ErrorCode::TooManyChoices)),
        },
        QuestionKind::Date => match own.as_slice() {
            [] => None,
            [one] => Some(Answer::Date(
                parse_date("date", one).map_err(|_| fail(q, ErrorCode::InvalidDate))?,
            )),
            _ => return Err(fail(q, ErrorCode::TooManyChoices)),
        },
        QuestionKind::ShortText | QuestionKind::LongText { .. } => {
            let max = match &q.kind {
                QuestionKind::LongText { max_chars } => *max_chars,
                _ => SHORT_TEXT_CHARS,
            };
            match own.as_slice() {
                [] => None,
                [one] => Some(Answer::Text(text(q, one, max)?)),
                _ => return Err(fail(q, ErrorCode::TooManyChoices)),
            }
        }
        QuestionKind::Matrix { rows } => {
            if !own.is_empty() {
                return Err(fail(q, ErrorCode::InvalidChoice));
            }
            parse_matrix(q, rows.len(), &fields)?
        }
    };
    if answer.is_none() && q.required {
        return Err(fail(q, ErrorCode::FieldRequired));
    }
    Ok(answer)
}

/// The number N of a question's `id-N` field.
fn field_number(q: &QuestionDef, field: &str) -> Option<usize> {
    field
        .strip_prefix(&format!("{}-", q.id))
        .and_then(|s| s.parse::<usize>().ok())
}

/// A ranking of `n` options: field `id-N` holds the rank (1 = best) given
/// to option N.
fn parse_ranking(
    q: &QuestionDef,
    n: usize,
    fields: &[(&str, &[String])],
) -> Result<Option<Answer>, AnswerError> {
    if fields
        .iter()
        .any(|(k, _)| *k != q.id && k[q.id.len() + 1..].parse::<usize>().is_ok_and(|i| i >= n))
    {
        return Err(fail(q, ErrorCode::InvalidChoice));
    }
    let mut by_rank: Vec<Option<usize>> = vec![None; n];
    for (k, v) in fields {
        let Some(option) = field_number(q, k).filter(|i| *i < n) else {
            continue;
        };
        for rank in non_empty(v) {
            let rank = rank
                .parse::<usize>()
                .ok()
                .filter(|r| (1..=n).contains(r))
                .ok_or_else(|| fail(q, ErrorCode::InvalidRanking))?;
            if by_rank[rank - 1].replace(option).is_some() {
                return Err(fail(q, ErrorCode::InvalidRanking));
            }
        }
    }
    // Ranks must run 1, 2, 3, … without a gap.
    let top: Vec<usize> = by_rank.iter().map_while(|o| *o).collect();
    if by_rank.iter().filter(|o| o.is_some()).count() != top.len() {
        return Err(fail(q, ErrorCode::InvalidRanking));
    }
    Ok((!top.is_empty()).then_some(Answer::Ranking(top)))
}

/// A matrix of `rows` rows: field `id-N` holds the scale point picked for
/// row N.
fn parse_matrix(
    q: &QuestionDef,
    rows: usize,
    fields: &[(&str, &[String])],
) -> Result<Option<Answer>, AnswerError> {
    let scale = q.kind.options().len();
    let mut picked = vec![None; rows];
    for (k, v) in fields {
        let Some(row) = field_number(q, k) else {
            continue;
        };
        let values: Vec<&str> = non_empty(v).collect();
        match values.as_slice() {
            [] => {}
            [one] if row < rows => {
                picked[row] =
                    Some(index(one, scale).ok_or_else(|| fail(q, ErrorCode::InvalidChoice))?)
            }
            [_] => return Err(fail(q, ErrorCode::InvalidChoice)),
            _ => return Err(fail(q, ErrorCode::TooManyChoices)),
        }
    }
    if q.required && picked.iter().any(Option::is_none) && picked.iter().any(Option::is_some) {
        return Err(fail(q, ErrorCode::FieldRequired));
    }
    Ok(picked
        .iter()
        .any(Option::is_some)
        .then_some(Answer::Matrix(picked)))
}

/// Which pages a respondent sees, in order, given their answers so far.
/// A page is skipped by a rule on an earlier page, or when routing hides
/// every question on it (an empty page would only ask for "Continue"), so
/// the answers of the pages before it decide.
pub fn visible_pages(def: &SurveyDefinition, answers: &Answers) -> Vec<usize> {
    (0..def.pages.len())
        .filter(|p| {
            let page = &def.pages[*p];
            !page.skip_if.as_ref().is_some_and(|r| holds(r, answers))
                && page.questions.iter().any(|q| is_shown(q, answers))
        })
        .collect()
}

/// Whether question `q` is shown, given the answers so far.
pub fn is_shown(q: &QuestionDef, answers: &Answers) -> bool {
    q.show_if.as_ref().is_none_or(|r| holds(r, answers))
}

/// Parses every field of page `page`, reporting every problem on it.
/// Answers on hidden questions are refused rather than dropped: a form
/// that sends them was tampered with or is out of date.
pub fn parse_page(
    def: &SurveyDefinition,
    page: usize,
    raw: &RawAnswers,
    earlier: &Answers,
) -> Result<Answers, Vec<AnswerError>> {
    let mut out = Answers::new();
    let mut errors = Vec::new();
    let Some(p) = def.pages.get(page) else {
        return Ok(out);
    };
    for q in &p.questions {
        if !is_shown(q, earlier) {
            if sent_anything(&owned(q, raw)) {
                errors.push(fail(q, ErrorCode::HiddenQuestion));
            }
            continue;
        }
        match parse_question(q, raw) {
            Ok(Some(a)) => {
                out.insert(q.id.clone(), a);
            }
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Checks a whole response: walks the pages in order as the respondent
/// would, so routing sees exactly the answers given before it.
pub fn check_response(
    def: &SurveyDefinition,
    raw: &RawAnswers,
) -> Result<Answers, Vec<AnswerError>> {
    let mut errors = Vec::new();
    // Fields that belong to no question of this survey.
    for key in raw.keys() {
        let base = key
            .rsplit_once('-')
            .filter(|(_, n)| n.parse::<usize>().is_ok())
            .map_or(key.as_str(), |(b, _)| b);
        if def.question(key).is_none() && def.question(base).is_none() {
            errors.push(AnswerError {
                question: key.clone(),
                code: ErrorCode::UnknownQuestion,
            });
        }
    }
    let mut answers = Answers::new();
    for (p, page) in def.pages.iter().enumerate() {
        if page.skip_if.as_ref().is_some_and(|r| holds(r, &answers)) {
            for q in &page.questions {
                if sent_anything(&owned(q, raw)) {
                    errors.push(fail(q, ErrorCode::HiddenQuestion));
                }
            }
            continue;
        }
        match parse_page(def, p, raw, &answers) {
            Ok(a) => answers.extend(a),
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok(answers)
    } else {
        Err(errors)
    }
}

/// Removes from a draft the fields of every question its own answers now
/// hide (on a skipped page, or behind a rule that no longer holds), so a
/// changed answer never leaves a stale one behind.
pub fn drop_hidden(def: &SurveyDefinition, draft: &mut RawAnswers, answers: &Answers) {
    let visible = visible_pages(def, answers);
    for (p, page) in def.pages.iter().enumerate() {
        for q in &page.questions {
            if !visible.contains(&p) || !is_shown(q, answers) {
                remove_fields(q, draft);
            }
        }
    }
}

/// The raw fields of the questions on `page`, removed from a draft, so a
/// page sent again replaces what it held before.
pub fn clear_page(def: &SurveyDefinition, page: usize, draft: &mut RawAnswers) {
    if let Some(p) = def.pages.get(page) {
        for q in &p.questions {
            remove_fields(q, draft);
        }
    }
}

/// Removes the raw fields question `q` owns from a draft.
fn remove_fields(q: &QuestionDef, draft: &mut RawAnswers) {
    let keys: Vec<String> = owned(q, draft)
        .into_iter()
        .map(|(k, _)| k.to_owned())
        .collect();
    for k in keys {
        draft.remove(&k);
    }
}

/// Keeps only the fields that name questions on `page`: what a page's
/// form may change in a draft.
pub fn fields_of_page(def: &SurveyDefinition, page: usize, raw: &RawAnswers) -> RawAnswers {
    let mut out = RawAnswers::new();
    if let Some(p) = def.pages.get(page) {
        for q in &p.questions {
            for (k, v) in owned(q, raw) {
                out.insert(k.to_owned(), v.to_vec());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::model::tests::{choice, q, sample};
    use super::super::model::{PageDef, QuestionKind};
    use super::*;

    fn raw(pairs: &[(&str, &str)]) -> RawAnswers {
        let mut out = RawAnswers::new();
        for (k, v) in pairs {
            out.entry(k.to_string()).or_default().push(v.to_string());
        }
        out
    }

    fn codes(r: Result<Answers, Vec<AnswerError>>) -> Vec<(String, ErrorCode)> {
        r.unwrap_err()
            .into_iter()
            .map(|e| (e.question, e.code))
            .collect()
    }

    #[test]
    fn routing_decides_what_may_be_answered() {
        let s = sample();
        let yes = check_response(&s, &raw(&[("q1", "0"), ("q2", "Because"), ("q3", "8")])).unwrap();
        assert_eq!(yes["q2"], Answer::Text("Because".into()));
        assert_eq!(yes["q3"], Answer::Choices(vec![8]));
        // "No" hides q2: answering it anyway is refused.
        assert_eq!(
            codes(check_response(&s, &raw(&[("q1", "1"), ("q2", "sneaky")]))),
            [("q2".to_string(), ErrorCode::HiddenQuestion)]
        );
        assert_eq!(
            codes(check_response(&s, &raw(&[("q2", "x")]))),
            [
                ("q2".to_string(), ErrorCode::HiddenQuestion),
                ("q1".to_string(), ErrorCode::FieldRequired)
            ]
            .into_iter()
            .rev()
            .collect::<Vec<_>>()
        );
    }

    #[test]
    fn forged_and_oversized_answers_are_refused() {
        let s = sample();
        let c = codes(check_response(
            &s,
            &raw(&[("q1", "7"), ("zz", "1"), ("q3", "0"), ("q3", "1")]),
        ));
        assert!(
            c.contains(&("zz".into(), ErrorCode::UnknownQuestion)),
            "{c:?}"
        );
        assert!(
            c.contains(&("q1".into(), ErrorCode::InvalidChoice)),
            "{c:?}"
        );
        assert!(
            c.contains(&("q3".into(), ErrorCode::TooManyChoices)),
            "{c:?}"
        );
        let long = "x".repeat(101);
        let c = codes(check_response(&s, &raw(&[("q1", "0"), ("q2", &long)])));
        assert_eq!(c, [("q2".into(), ErrorCode::FieldTooLong)]);
    }

    #[test]
    fn each_kind_parses() {
        let mut multi = q(
            "m",
            QuestionKind::MultipleChoice {
                options: vec!["a".into(), "b".into(), "c".into()],
                max: Some(2),
            },
        );
        multi.required = true;
        let rank = q(
            "r",
            QuestionKind::Ranking {
                options: vec!["a".into(), "b".into(), "c".into()],
            },
        );
        let num = q(
            "n",
            QuestionKind::Number {
                min: Some(0),
                max: Some(120),
            },
        );
        let matrix = q(
            "x",
            QuestionKind::Matrix {
                rows: vec!["one".into(), "two".into()],
            },
        );
        let date = q("d", QuestionKind::Date);
        let def = SurveyDefinition {
            pages: vec![PageDef {
                title: String::new(),
                skip_if: None,
                questions: vec![multi, rank, num, matrix, date, q("s", choice(&["y", "n"]))],
            }],
        };
        def.validate().unwrap();
        let ok = check_response(
            &def,
            &raw(&[
                ("m", "2"),
                ("m", "0"),
                ("r-2", "1"),
                ("r-0", "2"),
                ("n", "42"),
                ("x-1", "3"),
                ("d", "2026-11-30"),
            ]),
        )
        .unwrap();
        assert_eq!(ok["m"], Answer::Choices(vec![0, 2]));
        assert_eq!(ok["r"], Answer::Ranking(vec![2, 0]));
        assert_eq!(ok["n"], Answer::Number(42));
        assert_eq!(ok["x"], Answer::Matrix(vec![None, Some(3)]));
        assert!(!ok.contains_key("s"));
        let c = codes(check_response(
            &def,
            &raw(&[
                ("m", "0"),
                ("m", "1"),
                ("m", "2"),
                ("r-0", "1"),
                ("r-1", "1"),
                ("n", "121"),
                ("x-5", "0"),
                ("d", "30/11/2026"),
            ]),
        ));
        assert_eq!(
            c,
            [
                ("m".to_string(), ErrorCode::TooManyChoices),
                ("r".to_string(), ErrorCode::InvalidRanking),
                ("n".to_string(), ErrorCode::OutOfRange),
                ("x".to_string(), ErrorCode::InvalidChoice),
                ("d".to_string(), ErrorCode::InvalidDate),
            ]
        );
        // A gap in the ranks (1 and 3, no 2) is refused.
        let c = codes(check_response(
            &def,
            &raw(&[("m", "0"), ("r-0", "1"), ("r-1", "3")]),
        ));
        assert_eq!(c, [("r".to_string(), ErrorCode::InvalidRanking)]);
        // Nothing for a required question.
        assert_eq!(
            codes(check_response(&def, &raw(&[]))),
            [("m".to_string(), ErrorCode::FieldRequired)]
        );
    }

    #[test]
    fn skipped_pages_take_no_answers() {
        let mut s = sample();
        s.pages[1].skip_if = Some(Rule {
            question: "q1".into(),
            any_of: vec![1],
        });
        s.validate().unwrap();
        let answers = check_response(&s, &raw(&[("q1", "1")])).unwrap();
        assert_eq!(visible_pages(&s, &answers), [0]);
        let c = codes(check_response(&s, &raw(&[("q1", "1"), ("q3", "0")])));
        assert_eq!(c, [("q3".to_string(), ErrorCode::HiddenQuestion)]);
    }

    #[test]
    fn a_page_whose_questions_are_all_hidden_is_skipped() {
        let mut s = sample();
        s.pages[1].questions.truncate(1);
        let yes = check_response(&s, &raw(&[("q1", "0"), ("q2", "Because")])).unwrap();
        assert_eq!(visible_pages(&s, &yes), [0, 1]);
        let no = check_response(&s, &raw(&[("q1", "1")])).unwrap();
        assert_eq!(visible_pages(&s, &no), [0], "page 2 would be empty");
    }

    #[test]
    fn a_page_replaces_its_own_fields_only() {
        let s = sample();
        let mut draft = raw(&[("q1", "0"), ("q2", "old")]);
        clear_page(&s, 1, &mut draft);
        assert_eq!(draft, raw(&[("q1", "0")]));
        let only = fields_of_page(&s, 0, &raw(&[("q1", "1"), ("q2", "x"), ("evil", "1")]));
        assert_eq!(only, raw(&[("q1", "1")]));
    }

    /// Random respondents on random answers never crash the parser and
    /// never get an answer accepted for a question routing hides.
    #[test]
    fn hidden_questions_never_hold_answers() {
        let s = sample();
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        let values = ["0", "1", "2", "", "x", "99", "-1", "\u{0}"];
        for _ in 0..2_000 {
            let mut r = RawAnswers::new();
            for key in ["q1", "q2", "q3", "q3-1", "q9"] {
                if next() % 2 == 0 {
                    r.insert(key.into(), vec![values[next() % values.len()].into()]);
                }
            }
            if let Ok(a) = check_response(&s, &r) {
                if a.get("q1") != Some(&Answer::Choices(vec![0])) {
                    assert!(!a.contains_key("q2"), "{r:?} gave {a:?}");
                }
            }
        }
    }
}
