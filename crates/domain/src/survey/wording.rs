//! Fixing the wording of a survey people have already answered. Answers
//! name questions by id and options by their place, so once anyone has
//! responded the survey's structure stays as it is; its words may still
//! change: a question's text, hint and purpose, the labels of options
//! and matrix rows (not how many there are, nor their order), and page
//! titles. Each text is named by the key its translations use
//! (`crate::translation::key`), so a reworded text's translations are
//! known to need review.

use std::collections::BTreeMap;

use super::model::{
    PageDef, SurveyDefinition, MAX_OPTION_CHARS, MAX_PAGE_TITLE_CHARS, MAX_TEXT_CHARS,
};
use crate::error::ErrorCode;
use crate::translation::key;

/// Which text of a survey page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordingPart {
    PageTitle,
    Text,
    Hint,
    Purpose,
    /// An option's label (or a council area's name), counted from 0.
    Option(usize),
    /// A matrix row, counted from 0.
    Row(usize),
}

impl WordingPart {
    /// Whether it may not be left empty: a question must ask something,
    /// and an option must say what is picked.
    pub fn required(self) -> bool {
        matches!(
            self,
            WordingPart::Text | WordingPart::Option(_) | WordingPart::Row(_)
        )
    }

    /// Whether it stays on one line (the builder writes options one per
    /// line; a title is a heading).
    pub fn one_line(self) -> bool {
        matches!(
            self,
            WordingPart::PageTitle | WordingPart::Option(_) | WordingPart::Row(_)
        )
    }

    pub fn max_chars(self) -> usize {
        match self {
            WordingPart::Option(_) | WordingPart::Row(_) => MAX_OPTION_CHARS,
            WordingPart::PageTitle => MAX_PAGE_TITLE_CHARS,
            _ => MAX_TEXT_CHARS,
        }
    }

    /// The most a translation of it may have: more than its original
    /// (a language may need more words), within what a translation takes.
    pub fn max_translated_chars(self) -> usize {
        crate::translation::MAX_TEXT_CHARS.min(self.max_chars() * 4)
    }
}

/// One text of a survey page that can be reworded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wordable {
    /// The key its translations are kept under.
    pub key: String,
    pub text: String,
    pub part: WordingPart,
    /// The question it belongs to, numbered in the survey from 1, with
    /// its wording; `None` for the page's title.
    pub question: Option<(usize, String)>,
}

/// One text reworded: what it said, and says now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub key: String,
    pub before: String,
    pub after: String,
}

/// A reworded text that cannot be taken as it is, named by its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordingError {
    pub key: String,
    pub code: ErrorCode,
}

/// Every text of a page as a slot to read or write, in the order a
/// respondent meets them. Purposes are listed for every question (they
/// are wording wherever they are kept), options only where the council
/// wrote them (fixed scales are the platform's own words).
fn slots(page: &mut PageDef, p: usize) -> Vec<(String, WordingPart, &mut String)> {
    let mut out = vec![(key::page_title(p), WordingPart::PageTitle, &mut page.title)];
    for q in &mut page.questions {
        let id = q.id.clone();
        let matrix = matches!(q.kind, super::model::QuestionKind::Matrix { .. });
        out.push((key::question(&id, "text"), WordingPart::Text, &mut q.text));
        out.push((key::question(&id, "hint"), WordingPart::Hint, &mut q.hint));
        out.push((
            key::question(&id, "purpose"),
            WordingPart::Purpose,
            &mut q.purpose,
        ));
        for (i, text) in q.kind.written_mut().iter_mut().enumerate() {
            out.push(if matrix {
                (key::row(&id, i), WordingPart::Row(i), text)
            } else {
                (key::option(&id, i), WordingPart::Option(i), text)
            });
        }
    }
    out
}

/// The texts of page `page` (from 0) an officer may reword, or `None`
/// when the survey has no such page. A purpose is offered where
/// respondents see one (special-category questions) or one was written.
pub fn wordable(survey: &SurveyDefinition, page: usize) -> Option<Vec<Wordable>> {
    let mut copy = survey.pages.get(page)?.clone();
    let before: usize = survey.pages[..page].iter().map(|p| p.questions.len()).sum();
    let numbers: Vec<(String, (usize, String, bool))> = copy
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let special = q.kind.is_special_category();
            (q.id.clone(), (before + i + 1, q.text.clone(), special))
        })
        .collect();
    let out = slots(&mut copy, page)
        .into_iter()
        .filter_map(|(key, part, text)| {
            let question = numbers
                .iter()
                .find(|(id, _)| key.starts_with(&format!("{id}.")))
                .map(|(_, q)| q);
            let hidden_purpose = part == WordingPart::Purpose
                && text.is_empty()
                && !question.is_some_and(|(_, _, special)| *special);
            (!hidden_purpose).then(|| Wordable {
                key,
                text: text.clone(),
                part,
                question: question.map(|(n, t, _)| (*n, t.clone())),
            })
        })
        .collect();
    Some(out)
}

/// A reworded text as it will be kept: trimmed, line breaks made plain,
/// within its part's limits.
pub fn checked(part: WordingPart, raw: &str, max: usize) -> Result<String, ErrorCode> {
    let value = raw.trim().replace("\r\n", "\n");
    if value.is_empty() && part.required() {
        return Err(ErrorCode::FieldRequired);
    }
    if value.chars().count() > max {
        return Err(ErrorCode::FieldTooLong);
    }
    let breaks = value.contains(['\n', '\r', '\t']);
    let controls = value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'));
    if controls || (breaks && part.one_line()) {
        return Err(ErrorCode::BadRequest);
    }
    Ok(value)
}

/// `survey` with page `page`'s texts replaced by those in `input` (key
/// to text; a text left out stays as it was). Every problem at once; a
/// key that names no text of the page is refused (`unknown_text`), as a
/// forged or out-of-date form would send.
pub fn reword(
    survey: &SurveyDefinition,
    page: usize,
    input: &BTreeMap<String, String>,
) -> Result<SurveyDefinition, Vec<WordingError>> {
    let mut next = survey.clone();
    let mut errors = Vec::new();
    let Some(target) = next.pages.get_mut(page) else {
        return Err(vec![WordingError {
            key: key::page_title(page),
            code: ErrorCode::UnknownText,
        }]);
    };
    let mut slots = slots(target, page);
    for (k, raw) in input {
        let Some((_, part, slot)) = slots.iter_mut().find(|(key, ..)| key == k) else {
            errors.push(WordingError {
                key: k.clone(),
                code: ErrorCode::UnknownText,
            });
            continue;
        };
        match checked(*part, raw, part.max_chars()) {
            Ok(value) => **slot = value,
            Err(code) => errors.push(WordingError {
                key: k.clone(),
                code,
            }),
        }
    }
    if errors.is_empty() {
        Ok(next)
    } else {
        Err(errors)
    }
}

/// The texts that differ between `before` and `after`, if nothing but
/// wording does: `None` when a question, option, rule, kind, limit or
/// page was added, removed, moved or changed otherwise.
pub fn changes(before: &SurveyDefinition, after: &SurveyDefinition) -> Option<Vec<Change>> {
    if before.pages.len() != after.pages.len() {
        return None;
    }
    let mut out = Vec::new();
    for (p, (old, new)) in before.pages.iter().zip(&after.pages).enumerate() {
        let (mut old, mut new) = (old.clone(), new.clone());
        let mut a = slots(&mut old, p);
        let mut b = slots(&mut new, p);
        if a.len() != b.len() || a.iter().zip(&b).any(|(x, y)| x.0 != y.0) {
            return None;
        }
        for ((key, _, x), (_, _, y)) in a.iter_mut().zip(b.iter_mut()) {
            if **x != **y {
                out.push(Change {
                    key: key.clone(),
                    before: std::mem::take(&mut **x),
                    after: std::mem::take(&mut **y),
                });
            } else {
                x.clear();
                y.clear();
            }
        }
        drop((a, b));
        // With every text blanked, what is left is the structure.
        if old != new {
            return None;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::super::model::tests::{q, sample};
    use super::super::model::{QuestionKind, Rule};
    use super::*;

    fn input(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn a_page_lists_its_texts_with_their_keys() {
        let s = sample();
        let page1 = wordable(&s, 0).unwrap();
        let keys: Vec<&str> = page1.iter().map(|w| w.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "page.0.title",
                "q1.text",
                "q1.hint",
                "q1.option.0",
                "q1.option.1"
            ]
        );
        assert_eq!(page1[3].part, WordingPart::Option(0));
        assert_eq!(page1[3].question, Some((1, "Question q1".to_owned())));
        assert_eq!(page1[0].question, None);
        // Page 2: the follow-up is question 2; the special-category
        // question offers its purpose.
        let page2 = wordable(&s, 1).unwrap();
        assert!(page2.iter().any(|w| w.key == "q3.purpose"));
        assert!(!page2.iter().any(|w| w.key == "q2.purpose"));
        assert_eq!(
            page2.iter().find(|w| w.key == "q2.text").unwrap().question,
            Some((2, "Question q2".to_owned()))
        );
        assert!(wordable(&s, 9).is_none());
    }

    #[test]
    fn wording_changes_and_nothing_else() {
        let s = sample();
        let fixed = reword(
            &s,
            0,
            &input(&[
                ("q1.text", "  Have you seen it?  "),
                ("q1.option.1", "No, never"),
                ("page.0.title", "About you and your street"),
            ]),
        )
        .unwrap();
        let changed = changes(&s, &fixed).unwrap();
        let keys: Vec<&str> = changed.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys, ["page.0.title", "q1.text", "q1.option.1"]);
        assert_eq!(changed[1].before, "Question q1");
        assert_eq!(changed[1].after, "Have you seen it?", "trimmed");
        assert_eq!(changed[0].before, "About you");
        // Ids, kinds, rules and options' places are untouched.
        assert_eq!(fixed.pages[1], s.pages[1]);
        assert_eq!(fixed.pages[0].questions[0].id, "q1");
        let QuestionKind::SingleChoice { options } = &fixed.pages[0].questions[0].kind else {
            panic!("kind changed");
        };
        assert_eq!(options.len(), 2);
        fixed.validate().unwrap();
        assert_eq!(changes(&s, &s).unwrap(), []);
    }

    #[test]
    fn structural_changes_are_not_wording() {
        let s = sample();
        let mut more = s.clone();
        if let QuestionKind::SingleChoice { options } = &mut more.pages[0].questions[0].kind {
            options.push("Maybe".into());
        }
        assert!(changes(&s, &more).is_none(), "an option added");
        let mut swapped = s.clone();
        if let QuestionKind::SingleChoice { options } = &mut swapped.pages[0].questions[0].kind {
            options.swap(0, 1);
        }
        // Two labels swapped reads as two rewordings, but the answers
        // would follow the places: that is the officer's choice to make
        // knowingly, so it is allowed as wording.
        assert_eq!(changes(&s, &swapped).unwrap().len(), 2);
        let mut kind = s.clone();
        kind.pages[0].questions[0].kind = QuestionKind::MultipleChoice {
            options: vec!["Yes".into(), "No".into()],
            max: None,
        };
        assert!(changes(&s, &kind).is_none(), "another kind");
        let mut required = s.clone();
        required.pages[0].questions[0].required = !required.pages[0].questions[0].required;
        assert!(changes(&s, &required).is_none());
        let mut rule = s.clone();
        rule.pages[1].questions[0].show_if = Some(Rule {
            question: "q1".into(),
            any_of: vec![1],
        });
        assert!(changes(&s, &rule).is_none(), "another rule");
        let mut added = s.clone();
        added.pages[0]
            .questions
            .push(q("q9", QuestionKind::ShortText));
        assert!(changes(&s, &added).is_none(), "a question added");
        let mut moved = s.clone();
        let q1 = moved.pages[0].questions.remove(0);
        moved.pages[1].questions.insert(0, q1);
        assert!(changes(&s, &moved).is_none(), "a question moved");
        let mut fewer = s.clone();
        fewer.pages.pop();
        assert!(changes(&s, &fewer).is_none(), "a page removed");
    }

    #[test]
    fn bad_wording_is_refused_text_by_text() {
        let s = sample();
        let errors = reword(
            &s,
            0,
            &input(&[
                ("q1.text", "   "),
                ("q1.option.0", "Yes\nand no"),
                ("q1.hint", "A hint\non two lines"),
                ("q1.option.1", &"x".repeat(MAX_OPTION_CHARS + 1)),
                ("q2.text", "Not on this page"),
                ("q1.kind", "matrix"),
            ]),
        )
        .unwrap_err();
        let got: Vec<(&str, ErrorCode)> = errors.iter().map(|e| (e.key.as_str(), e.code)).collect();
        assert_eq!(
            got,
            [
                ("q1.kind", ErrorCode::UnknownText),
                ("q1.option.0", ErrorCode::BadRequest),
                ("q1.option.1", ErrorCode::FieldTooLong),
                ("q1.text", ErrorCode::FieldRequired),
                ("q2.text", ErrorCode::UnknownText),
            ]
        );
        assert!(reword(&s, 5, &input(&[])).is_err(), "no such page");
        // A hint may go, and may span lines.
        let fixed = reword(&s, 0, &input(&[("q1.hint", "Line one\r\nline two")])).unwrap();
        assert_eq!(fixed.pages[0].questions[0].hint, "Line one\nline two");
        assert_eq!(
            checked(WordingPart::Text, "bell\u{7}", MAX_TEXT_CHARS),
            Err(ErrorCode::BadRequest)
        );
    }
}
