//! Translations of what officers write on a consultation. Every text has
//! a key ("title", "stage.0.name", "q1.text", "q1.option.2", …); a
//! language's translations are a map from key to text, and anything
//! missing falls back to the original, so a half-translated consultation
//! still reads whole.
//!
//! Each translation also records a fingerprint of the original it was
//! made from (under `key` + [`FROM`]). Keys are positional for lists
//! (stages, options, pages), and officers can reword a question: when
//! the original under a key is no longer the one translated, the stale
//! translation is not shown (the original is) and the officers' page
//! counts it as needing translation again. Translations saved before
//! fingerprints existed carry none and are taken as current.

use std::collections::{BTreeMap, BTreeSet};

use crate::analysis::themes::MAX_LABEL_CHARS;
use crate::consultation::{Document, Stage};
use crate::error::{ErrorCode, ValidationError};
use crate::survey::model::{QuestionDef, QuestionKind, SurveyDefinition};

pub type Texts = BTreeMap<String, String>;

/// The longest translation accepted for any one text.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// Suffix of the key under which a translation's original is fingerprinted.
pub const FROM: &str = "#from";

/// The keys of the texts, built in one place: the translations page,
/// the pages that show translations and the language marks on those
/// pages all name a text the same way. Lists count from 0.
pub mod key {
    use std::fmt::Display;

    pub const TITLE: &str = "title";
    pub const SUMMARY: &str = "summary";
    pub const BODY: &str = "body";
    pub const AREA: &str = "area";

    pub fn topic(i: usize) -> String {
        format!("topic.{i}")
    }

    pub fn strand(i: usize) -> String {
        format!("strand.{i}")
    }

    /// A linked document's title.
    pub fn document(i: usize) -> String {
        format!("document.{i}.title")
    }

    /// A discussion's guiding question (issue 18).
    pub fn guiding_question(i: usize) -> String {
        format!("question.{i}")
    }

    pub fn stage_name(i: usize) -> String {
        format!("stage.{i}.name")
    }

    pub fn stage_description(i: usize) -> String {
        format!("stage.{i}.description")
    }

    pub fn page_title(p: usize) -> String {
        format!("page.{p}.title")
    }

    /// One of a question's own texts: `field` is "text", "hint" or
    /// "purpose".
    pub fn question(id: &str, field: &str) -> String {
        format!("{id}.{field}")
    }

    /// An option of a choice, ranking or area question.
    pub fn option(id: &str, i: usize) -> String {
        format!("{id}.option.{i}")
    }

    /// A row of a matrix question.
    pub fn row(id: &str, i: usize) -> String {
        format!("{id}.row.{i}")
    }

    /// A finding's "title", "body" or "what_we_did".
    pub fn finding(id: impl Display, part: &str) -> String {
        format!("finding.{id}.{part}")
    }

    /// The label of a theme a finding cites (readers see it in the
    /// finding's figure).
    pub fn theme_label(theme: impl Display) -> String {
        format!("theme.{theme}.label")
    }
}

/// Whether `key` is a theme's label: one line, no longer than the
/// analysts' own labels may be.
fn is_theme_label(key: &str) -> bool {
    key.starts_with("theme.") && key.ends_with(".label")
}

/// A short, stable fingerprint of an original text (64-bit FNV-1a): it
/// only has to notice that a text changed, not resist anyone.
pub fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.as_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// The translation of `key` if it was made from `original` (or predates
/// fingerprints); `None` when missing or stale.
pub fn current<'a>(t: &'a Texts, key: &str, original: &str) -> Option<&'a str> {
    let text = t.get(key)?;
    match t.get(&format!("{key}{FROM}")) {
        Some(from) if *from != fingerprint(original) => None,
        _ => Some(text.as_str()),
    }
}

/// Whether `key` has a translation made from another original.
pub fn is_stale(t: &Texts, key: &str, original: &str) -> bool {
    t.contains_key(key) && current(t, key, original).is_none()
}

/// Where one text's translation stands, as ADR 14 tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextState {
    /// Made from the original as it is now: readers see it.
    Current,
    /// Made from an original that has changed since: readers see the
    /// original until it is checked.
    Stale,
    /// None (or an empty one): readers see the original.
    Missing,
}

impl TextState {
    /// Of the text under `key`, whose original is `original`.
    pub fn of(t: &Texts, key: &str, original: &str) -> TextState {
        if is_stale(t, key, original) {
            TextState::Stale
        } else if current(t, key, original).is_none_or(|t| t.trim().is_empty()) {
            TextState::Missing
        } else {
            TextState::Current
        }
    }

    pub const fn key(self) -> &'static str {
        match self {
            TextState::Current => "current",
            TextState::Stale => "stale",
            TextState::Missing => "missing",
        }
    }
}

/// One text in one language, for the API: its key, its original, its
/// saved translation (stale or not) and where that stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextStatus {
    pub key: String,
    pub source: String,
    pub translation: Option<String>,
    pub state: TextState,
}

/// Each of `texts` with its translation in `saved`, in the texts' order.
pub fn statuses(texts: Vec<SourceText>, saved: &Texts) -> Vec<TextStatus> {
    texts
        .into_iter()
        .map(|t| TextStatus {
            state: TextState::of(saved, &t.key, &t.original),
            translation: saved.get(&t.key).cloned(),
            key: t.key,
            source: t.original,
        })
        .collect()
}

/// What a text is, so the officers' translations page can name it in
/// words rather than by its key. Numbers count from 1; the texts carried
/// are originals that tell which question or finding the text belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Title,
    Summary,
    Body,
    /// A topic, counted from 1, and the area: shown on the consultation's
    /// page (the list still filters by the originals).
    Topic(usize),
    Area,
    Strand(usize),
    Document(usize),
    StageName(usize),
    StageDescription(usize),
    /// A discussion's title, and a guiding question counted from 1.
    DiscussionTitle,
    GuidingQuestion(usize),
    Page(usize),
    /// One of a question's texts: the question's place in the survey and
    /// its wording.
    Question {
        number: usize,
        text: String,
        field: QuestionField,
    },
    /// A finding's title or body, with the finding's title.
    FindingTitle(String),
    FindingBody(String),
    /// A finding's "What we did", with the finding's title.
    FindingWhatWeDid(String),
    /// The label of a theme a finding cites (the label is the original).
    ThemeLabel,
}

/// Which of a question's texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionField {
    Text,
    Hint,
    Purpose,
    /// An option (or area), counted from 1.
    Option(usize),
    /// A matrix row, counted from 1.
    Row(usize),
}

/// One translatable text: its key, its original and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceText {
    pub key: String,
    pub original: String,
    pub part: Part,
}

impl SourceText {
    pub fn new(key: String, original: impl Into<String>, part: Part) -> Self {
        SourceText {
            key,
            original: original.into(),
            part,
        }
    }
}

/// What an officer wrote for a consultation, borrowed: every text of it
/// that can be translated.
#[derive(Debug, Clone, Copy)]
pub struct Written<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub body: &'a str,
    pub topics: &'a [String],
    pub area: Option<&'a str>,
    pub strands: &'a [String],
    pub documents: &'a [Document],
    pub stages: &'a [Stage],
    pub survey: &'a SurveyDefinition,
}

/// Every translatable text of a consultation, with its key and what it
/// is, in the order a reader meets them on its page.
pub fn source_texts(w: &Written<'_>) -> Vec<SourceText> {
    let Written {
        title,
        summary,
        body,
        topics,
        area,
        strands,
        documents,
        stages,
        survey,
    } = *w;
    let mut out = vec![
        SourceText::new(key::TITLE.to_owned(), title, Part::Title),
        SourceText::new(key::SUMMARY.to_owned(), summary, Part::Summary),
    ];
    if !body.is_empty() {
        out.push(SourceText::new(key::BODY.to_owned(), body, Part::Body));
    }
    for (i, topic) in topics.iter().enumerate() {
        out.push(SourceText::new(
            key::topic(i),
            topic.as_str(),
            Part::Topic(i + 1),
        ));
    }
    if let Some(area) = area.filter(|a| !a.is_empty()) {
        out.push(SourceText::new(key::AREA.to_owned(), area, Part::Area));
    }
    for (i, s) in strands.iter().enumerate() {
        out.push(SourceText::new(
            key::strand(i),
            s.as_str(),
            Part::Strand(i + 1),
        ));
    }
    for (i, d) in documents.iter().enumerate() {
        out.push(SourceText::new(
            key::document(i),
            d.title.as_str(),
            Part::Document(i + 1),
        ));
    }
    for (i, s) in stages.iter().enumerate() {
        out.push(SourceText::new(
            key::stage_name(i),
            s.name.as_str(),
            Part::StageName(i + 1),
        ));
        if !s.description.is_empty() {
            out.push(SourceText::new(
                key::stage_description(i),
                s.description.as_str(),
                Part::StageDescription(i + 1),
            ));
        }
    }
    survey_texts(survey, &mut out);
    out
}

/// The survey's translatable texts: page titles, then each question's
/// wording, hint, purpose and options or rows, questions numbered as
/// respondents see them.
fn survey_texts(survey: &SurveyDefinition, out: &mut Vec<SourceText>) {
    let mut number = 0;
    for (p, page) in survey.pages.iter().enumerate() {
        if !page.title.is_empty() {
            out.push(SourceText::new(
                key::page_title(p),
                page.title.as_str(),
                Part::Page(p + 1),
            ));
        }
        for q in &page.questions {
            number += 1;
            let part = |field| Part::Question {
                number,
                text: q.text.clone(),
                field,
            };
            out.push(SourceText::new(
                key::question(&q.id, "text"),
                q.text.as_str(),
                part(QuestionField::Text),
            ));
            for (field, value, which) in [
                ("hint", &q.hint, QuestionField::Hint),
                ("purpose", &q.purpose, QuestionField::Purpose),
            ] {
                if !value.is_empty() {
                    out.push(SourceText::new(
                        key::question(&q.id, field),
                        value.as_str(),
                        part(which),
                    ));
                }
            }
            let row = matches!(q.kind, QuestionKind::Matrix { .. });
            for (i, text) in q.kind.written().iter().enumerate() {
                let (key, field) = if row {
                    (key::row(&q.id, i), QuestionField::Row(i + 1))
                } else {
                    (key::option(&q.id, i), QuestionField::Option(i + 1))
                };
                out.push(SourceText::new(key, text.as_str(), part(field)));
            }
        }
    }
}

/// Keeps the translations of keys the consultation has, trimmed and
/// checked; empty ones are dropped (the original shows instead).
pub fn validate(input: &Texts, keys: &[(String, String)]) -> Result<Texts, ValidationError> {
    let mut out = Texts::new();
    for (key, value) in input {
        if !keys.iter().any(|(k, _)| k == key) {
            return Err(ValidationError::new("texts", ErrorCode::UnknownText));
        }
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let label = is_theme_label(key);
        let limit = if label {
            MAX_LABEL_CHARS
        } else {
            MAX_TEXT_CHARS
        };
        if value.chars().count() > limit {
            return Err(ValidationError::new("texts", ErrorCode::FieldTooLong)
                .with_detail(crate::error::ErrorDetail::Limit(limit as u32)));
        }
        if label && value.contains(['\n', '\r', '\t']) {
            return Err(ValidationError::new("texts", ErrorCode::BadRequest));
        }
        if value
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        {
            return Err(ValidationError::new("texts", ErrorCode::BadRequest));
        }
        out.insert(key.clone(), value.replace("\r\n", "\n"));
        if let Some((_, original)) = keys.iter().find(|(k, _)| k == key) {
            out.insert(format!("{key}{FROM}"), fingerprint(original));
        }
    }
    Ok(out)
}

/// The keys of texts a page shows as written, in the original's
/// language, because they have no current translation into the reader's
/// (missing or stale): the page marks those with the original's
/// language, so a screen reader reads them with the right voice.
/// How many of some texts a language's translations cover, told apart
/// as ADR 14 tells them: a text whose translation was made from its
/// original as it is now is translated; one whose translation was made
/// from an original that has changed since *needs review* (readers see
/// the original until it is checked); one with none is *not translated*.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub all: usize,
    pub missing: usize,
    pub stale: usize,
}

impl Counts {
    /// Counts the text under `key`, whose original is `original`.
    pub fn count(&mut self, translated: &Texts, key: &str, original: &str) {
        self.all += 1;
        match TextState::of(translated, key, original) {
            TextState::Stale => self.stale += 1,
            TextState::Missing => self.missing += 1,
            TextState::Current => {}
        }
    }

    /// Counts every one of `texts`.
    pub fn of(texts: &[SourceText], translated: &Texts) -> Counts {
        let mut c = Counts::default();
        for t in texts {
            c.count(translated, &t.key, &t.original);
        }
        c
    }
}

/// Whether saved translations translate anything: saved with every text
/// empty, they do not, and the original's language may still change
/// (ADR 16).
pub fn translates_anything(t: &Texts) -> bool {
    t.iter()
        .any(|(k, v)| !k.ends_with(FROM) && !v.trim().is_empty())
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Untranslated(BTreeSet<String>);

impl Untranslated {
    pub fn contains(&self, key: &str) -> bool {
        self.0.contains(key)
    }
}

/// Puts translations in place of the originals, one text at a time,
/// noting the texts left as written.
pub struct Translator<'a> {
    texts: &'a Texts,
    untranslated: Untranslated,
}

impl<'a> Translator<'a> {
    pub fn new(texts: &'a Texts) -> Self {
        Translator {
            texts,
            untranslated: Untranslated::default(),
        }
    }

    /// What was left as written, for the page's language marks.
    pub fn finish(self) -> Untranslated {
        self.untranslated
    }

    /// Puts the translation of `key` in place of `target`, the original,
    /// unless there is none or it was made from another original.
    pub fn put(&mut self, key: &str, target: &mut String) {
        match current(self.texts, key, target) {
            Some(v) => *target = v.to_owned(),
            None => {
                self.untranslated.0.insert(key.to_owned());
            }
        }
    }

    /// Title, summary and body.
    pub fn main(&mut self, title: &mut String, summary: &mut String, body: &mut String) {
        self.put(key::TITLE, title);
        self.put(key::SUMMARY, summary);
        self.put(key::BODY, body);
    }

    /// Topics and area, for display only (the list filters by the
    /// originals).
    pub fn labels(&mut self, topics: &mut [String], area: &mut Option<String>) {
        for (i, topic) in topics.iter_mut().enumerate() {
            self.put(&key::topic(i), topic);
        }
        if let Some(area) = area {
            self.put(key::AREA, area);
        }
    }

    /// Strands and document titles.
    pub fn lists(&mut self, strands: &mut [String], documents: &mut [Document]) {
        for (i, s) in strands.iter_mut().enumerate() {
            self.put(&key::strand(i), s);
        }
        for (i, d) in documents.iter_mut().enumerate() {
            self.put(&key::document(i), &mut d.title);
        }
    }

    pub fn stages(&mut self, stages: &mut [Stage]) {
        for (i, s) in stages.iter_mut().enumerate() {
            self.put(&key::stage_name(i), &mut s.name);
            self.put(&key::stage_description(i), &mut s.description);
        }
    }

    /// The survey's page titles and questions.
    pub fn survey(&mut self, survey: &mut SurveyDefinition) {
        for (p, page) in survey.pages.iter_mut().enumerate() {
            self.put(&key::page_title(p), &mut page.title);
            for q in &mut page.questions {
                self.question(q);
            }
        }
    }

    /// One question's texts: wording, hint, purpose, options or rows.
    pub fn question(&mut self, q: &mut QuestionDef) {
        let id = q.id.clone();
        self.put(&key::question(&id, "text"), &mut q.text);
        self.put(&key::question(&id, "hint"), &mut q.hint);
        self.put(&key::question(&id, "purpose"), &mut q.purpose);
        let row = matches!(q.kind, QuestionKind::Matrix { .. });
        for (i, text) in q.kind.written_mut().iter_mut().enumerate() {
            let key = if row {
                key::row(&id, i)
            } else {
                key::option(&id, i)
            };
            self.put(&key, text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::model::tests::sample;

    #[test]
    fn keys_cover_the_texts_and_translations_replace_them() {
        let survey = sample();
        let described = source_texts(&written(&survey, &[], None));
        let keys = pairs(&described);
        let names: Vec<&str> = keys.iter().map(|(k, _)| k.as_str()).collect();
        assert!(names.contains(&"q1.option.1"), "{names:?}");
        assert!(names.contains(&"q3.purpose"), "{names:?}");
        assert!(!names.contains(&"body"));
        // Each text says what it is; a question's texts name the question.
        let option = described.iter().find(|t| t.key == "q1.option.1").unwrap();
        assert_eq!(
            option.part,
            Part::Question {
                number: 1,
                text: survey.pages[0].questions[0].text.clone(),
                field: QuestionField::Option(2),
            }
        );
        assert_eq!(described[0].part, Part::Title);
        let mut input = Texts::new();
        input.insert("q1.text".into(), " هل رأيت؟ ".into());
        input.insert("q1.option.0".into(), "نعم".into());
        input.insert("summary".into(), "   ".into());
        let t = validate(&input, &keys).unwrap();
        assert_eq!(
            t.len(),
            4,
            "two texts, each with its original's fingerprint"
        );
        let mut translated = survey.clone();
        let mut tr = Translator::new(&t);
        tr.survey(&mut translated);
        let untranslated = tr.finish();
        assert_eq!(translated.pages[0].questions[0].text, "هل رأيت؟");
        // What was translated is no longer marked as the original's.
        assert!(!untranslated.contains("q1.text"));
        assert!(!untranslated.contains("q1.option.0"));
        assert!(untranslated.contains("q1.option.1"));
        let QuestionKind::SingleChoice { options } = &translated.pages[0].questions[0].kind else {
            panic!("kind changed");
        };
        assert_eq!(options, &["نعم".to_string(), "No".to_string()]);
        // Ids, kinds and routing never change.
        assert_eq!(
            translated.pages[1].questions[0].show_if,
            survey.pages[1].questions[0].show_if
        );
        // Reworded in the original: the translation is stale, not shown.
        let mut reworded = survey.clone();
        reworded.pages[0].questions[0].text.push_str(" (changed)");
        let changed = reworded.pages[0].questions[0].text.clone();
        assert!(is_stale(&t, "q1.text", &changed));
        assert!(!is_stale(&t, "q1.option.0", "Yes"));
        let mut tr = Translator::new(&t);
        tr.survey(&mut reworded);
        assert!(tr.finish().contains("q1.text"), "shown as written");
        assert_eq!(reworded.pages[0].questions[0].text, changed);
        let QuestionKind::SingleChoice { options } = &reworded.pages[0].questions[0].kind else {
            panic!("kind changed");
        };
        assert_eq!(options[0], "نعم", "the options did not change");
        // Options reordered: a translation follows its original or goes.
        let mut reordered = survey.clone();
        if let QuestionKind::SingleChoice { options } = &mut reordered.pages[0].questions[0].kind {
            options.swap(0, 1);
        }
        Translator::new(&t).survey(&mut reordered);
        let QuestionKind::SingleChoice { options } = &reordered.pages[0].questions[0].kind else {
            panic!("kind changed");
        };
        assert_eq!(options, &["No".to_string(), "Yes".to_string()]);
        // Translations saved before fingerprints still apply.
        let mut legacy = Texts::new();
        legacy.insert("q1.text".into(), "قديم".into());
        let mut old = survey.clone();
        Translator::new(&legacy).survey(&mut old);
        assert_eq!(old.pages[0].questions[0].text, "قديم");
        assert_eq!(fingerprint("Yes"), fingerprint("Yes"));
        assert_ne!(fingerprint("Yes"), fingerprint("Yes "));
        input.insert("q99.text".into(), "x".into());
        assert_eq!(
            validate(&input, &keys).unwrap_err().code,
            ErrorCode::UnknownText
        );
    }

    /// A consultation's texts with only a title, a summary, the survey,
    /// topics and area.
    fn written<'a>(
        survey: &'a SurveyDefinition,
        topics: &'a [String],
        area: Option<&'a str>,
    ) -> Written<'a> {
        Written {
            title: "Title",
            summary: "Summary",
            body: "",
            topics,
            area,
            strands: &[],
            documents: &[],
            stages: &[],
            survey,
        }
    }

    fn pairs(texts: &[SourceText]) -> Vec<(String, String)> {
        texts
            .iter()
            .map(|t| (t.key.clone(), t.original.clone()))
            .collect()
    }

    #[test]
    fn topics_and_area_are_translated_for_display() {
        let survey = SurveyDefinition { pages: vec![] };
        let topics = ["hate crime".to_owned(), "youth".to_owned()];
        let texts = source_texts(&written(&survey, &topics, Some("Citywide")));
        let keys = pairs(&texts);
        // Met after the title and summary, as on the page.
        assert_eq!(
            keys[2..],
            [
                ("topic.0".to_owned(), "hate crime".to_owned()),
                ("topic.1".to_owned(), "youth".to_owned()),
                ("area".to_owned(), "Citywide".to_owned()),
            ]
        );
        assert_eq!(texts[3].part, Part::Topic(2));
        assert_eq!(source_texts(&written(&survey, &[], Some(""))).len(), 2);
        let input = Texts::from([
            ("topic.1".to_owned(), "الشباب".to_owned()),
            ("area".to_owned(), "المدينة كلها".to_owned()),
        ]);
        let t = validate(&input, &keys).unwrap();
        let mut topics = vec!["hate crime".to_owned(), "youth".to_owned()];
        let mut area = Some("Citywide".to_owned());
        let mut tr = Translator::new(&t);
        tr.labels(&mut topics, &mut area);
        assert_eq!(topics, ["hate crime", "الشباب"], "untranslated ones stay");
        let untranslated = tr.finish();
        assert!(untranslated.contains("topic.0"));
        assert!(!untranslated.contains("topic.1"));
        assert!(!untranslated.contains("area"));
        assert_eq!(area.as_deref(), Some("المدينة كلها"));
        // Renamed since: the translation no longer applies.
        let mut area = Some("Riverside".to_owned());
        let mut tr = Translator::new(&t);
        tr.labels(&mut topics, &mut area);
        assert_eq!(area.as_deref(), Some("Riverside"));
        assert!(tr.finish().contains("area"));
    }

    #[test]
    fn theme_labels_are_short_single_lines_kept_as_text() {
        let key = key::theme_label("0192f0c4-0000-7000-8000-000000000001");
        let keys = vec![(key.clone(), "Street lighting".to_owned())];
        let one = |v: &str| Texts::from([(key.clone(), v.to_owned())]);
        let t = validate(&one(" <b>الإنارة</b> "), &keys).unwrap();
        assert_eq!(
            current(&t, &key, "Street lighting"),
            Some("<b>الإنارة</b>"),
            "markup is kept as text; pages escape it"
        );
        assert!(is_stale(&t, &key, "Lighting"));
        let long = "ض".repeat(MAX_LABEL_CHARS + 1);
        assert_eq!(
            validate(&one(&long), &keys).unwrap_err().code,
            ErrorCode::FieldTooLong
        );
        assert!(validate(&one(&"ض".repeat(MAX_LABEL_CHARS)), &keys).is_ok());
        assert_eq!(
            validate(&one("الإنارة\nفي الشوارع"), &keys)
                .unwrap_err()
                .code,
            ErrorCode::BadRequest
        );
        // Other texts keep their own, longer limit and their lines.
        let body = vec![("body".to_owned(), "Body".to_owned())];
        let long = Texts::from([("body".to_owned(), format!("{long}\nسطر"))]);
        assert!(validate(&long, &body).is_ok());
        let forged = Texts::from([(key::theme_label("x"), "y".to_owned())]);
        assert_eq!(
            validate(&forged, &keys).unwrap_err().code,
            ErrorCode::UnknownText
        );
    }
}
