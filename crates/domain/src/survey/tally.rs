//! How answers are stored and counted: each answer becomes rows (one per
//! picked option, ranked option or matrix row), and each row adds one to a
//! running total. The same rows feed the totals and a full recount, so
//! the two always agree.

use super::answers::{Answer, Answers};
use super::model::{format_answer_date, QuestionKind, SurveyDefinition};

/// One stored row of an answer. `item` is the matrix row or the rank
/// position (0 otherwise); `choice` the option, when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRow {
    pub question_id: String,
    pub item: i64,
    pub choice: Option<i64>,
    pub number: Option<i64>,
    pub text: Option<String>,
    /// Stored apart and read under audit (ethnicity, religion, …).
    pub special: bool,
}

/// The key of one running total: (question, item, choice). `(-1, -1)`
/// counts the people who answered the question; `(row, -1)` those who
/// answered a matrix row.
pub type CountKey = (String, i64, i64);

pub const ANSWERED: (i64, i64) = (-1, -1);

/// The rows for a whole response.
pub fn rows(def: &SurveyDefinition, answers: &Answers) -> Vec<AnswerRow> {
    let mut out = Vec::new();
    for (id, answer) in answers {
        let special = def
            .question(id)
            .is_some_and(|q| q.kind.is_special_category());
        let row =
            |item: i64, choice: Option<i64>, number: Option<i64>, text: Option<String>| AnswerRow {
                question_id: id.clone(),
                item,
                choice,
                number,
                text,
                special,
            };
        match answer {
            Answer::Choices(picked) => {
                out.extend(picked.iter().map(|c| row(0, Some(*c as i64), None, None)))
            }
            Answer::Ranking(order) => out.extend(
                order
                    .iter()
                    .enumerate()
                    .map(|(pos, c)| row(pos as i64, Some(*c as i64), None, None)),
            ),
            Answer::Matrix(picked) => out.extend(
                picked
                    .iter()
                    .enumerate()
                    .filter_map(|(r, c)| c.map(|c| row(r as i64, Some(c as i64), None, None))),
            ),
            Answer::Number(n) => out.push(row(0, None, Some(*n), None)),
            Answer::Date(d) => out.push(row(0, None, None, Some(format_answer_date(*d)))),
            Answer::Text(t) => out.push(row(0, None, None, Some(t.clone()))),
        }
    }
    out
}

/// The totals one response adds (or, negated, removes).
pub fn count_keys(def: &SurveyDefinition, rows: &[AnswerRow]) -> Vec<CountKey> {
    let mut keys: Vec<CountKey> = Vec::new();
    let mut push = |k: CountKey| {
        if !keys.contains(&k) {
            keys.push(k);
        }
    };
    for r in rows {
        if let Some(c) = r.choice {
            push((r.question_id.clone(), r.item, c));
            let is_matrix = def
                .question(&r.question_id)
                .is_some_and(|q| matches!(q.kind, QuestionKind::Matrix { .. }));
            if is_matrix {
                // Each row of a matrix has its own base.
                push((r.question_id.clone(), r.item, -1));
            }
        }
        push((r.question_id.clone(), ANSWERED.0, ANSWERED.1));
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::super::model::tests::sample;
    use super::*;

    #[test]
    fn rows_and_counts_of_a_response() {
        let def = sample();
        let mut answers = Answers::new();
        answers.insert("q1".into(), Answer::Choices(vec![0]));
        answers.insert("q2".into(), Answer::Text("Because".into()));
        answers.insert("q3".into(), Answer::Choices(vec![5]));
        let rows = rows(&def, &answers);
        assert_eq!(rows.len(), 3);
        assert!(rows.iter().find(|r| r.question_id == "q3").unwrap().special);
        assert!(!rows.iter().find(|r| r.question_id == "q1").unwrap().special);
        let keys = count_keys(&def, &rows);
        assert!(keys.contains(&("q1".into(), 0, 0)));
        assert!(keys.contains(&("q1".into(), -1, -1)));
        assert!(keys.contains(&("q2".into(), -1, -1)));
        assert_eq!(keys.len(), 5);
    }

    #[test]
    fn matrix_rows_count_as_answered_each() {
        let mut def = sample();
        def.pages[0].questions.push(super::super::model::tests::q(
            "m",
            QuestionKind::Matrix {
                rows: vec!["a".into(), "b".into(), "c".into()],
            },
        ));
        let mut answers = Answers::new();
        answers.insert("m".into(), Answer::Matrix(vec![Some(1), None, Some(0)]));
        let keys = count_keys(&def, &rows(&def, &answers));
        for k in [
            ("m", 0, 1),
            ("m", 0, -1),
            ("m", 2, 0),
            ("m", 2, -1),
            ("m", -1, -1),
        ] {
            assert!(keys.contains(&(k.0.into(), k.1, k.2)), "{k:?} in {keys:?}");
        }
        assert_eq!(keys.len(), 5);
    }
}
