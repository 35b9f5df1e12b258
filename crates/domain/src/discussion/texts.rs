//! A discussion's texts for translators, and the discussion shown in a
//! reader's language: the same keys and the same fallback to the
//! original as a consultation's (ADR 14), so one translations page and
//! one rule serve both.

use crate::translation::{key, Part, SourceText, Texts, Translator, Untranslated};

use super::record::Discussion;

/// Every translatable text of a discussion, in the order a reader meets
/// them on its page: title, introduction, guiding questions, topics and
/// area.
pub fn source_texts(d: &Discussion) -> Vec<SourceText> {
    let mut out = vec![SourceText::new(
        key::TITLE.to_owned(),
        d.title.as_str(),
        Part::DiscussionTitle,
    )];
    if !d.introduction.is_empty() {
        out.push(SourceText::new(
            key::BODY.to_owned(),
            d.introduction.as_str(),
            Part::Body,
        ));
    }
    for (i, q) in d.questions.iter().enumerate() {
        out.push(SourceText::new(
            key::guiding_question(i),
            q.as_str(),
            Part::GuidingQuestion(i + 1),
        ));
    }
    for (i, t) in d.topics.iter().enumerate() {
        out.push(SourceText::new(
            key::topic(i),
            t.as_str(),
            Part::Topic(i + 1),
        ));
    }
    if let Some(area) = d.area.as_deref().filter(|a| !a.is_empty()) {
        out.push(SourceText::new(key::AREA.to_owned(), area, Part::Area));
    }
    out
}

/// Puts `texts`' current translations in place of `d`'s originals and
/// says which were left as written (missing, or made from an original
/// that has changed since).
pub fn translate(d: &mut Discussion, texts: &Texts) -> Untranslated {
    let mut tr = Translator::new(texts);
    tr.put(key::TITLE, &mut d.title);
    if !d.introduction.is_empty() {
        tr.put(key::BODY, &mut d.introduction);
    }
    for (i, q) in d.questions.iter_mut().enumerate() {
        tr.put(&key::guiding_question(i), q);
    }
    tr.labels(&mut d.topics, &mut d.area);
    tr.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discussion::moderation::PreModeration;
    use crate::translation::{fingerprint, FROM};
    use time::macros::datetime;
    use uuid::Uuid;

    fn discussion() -> Discussion {
        Discussion {
            id: Uuid::nil(),
            title: "Feeling safe".into(),
            introduction: "Tell us.".into(),
            questions: vec!["What works?".into(), "What more?".into()],
            topics: vec!["Safety".into()],
            area: Some("Harbourside".into()),
            opens_at: datetime!(2026-11-01 0:00 UTC),
            closes_at: datetime!(2026-12-31 0:00 UTC),
            language: "en".into(),
            pre_moderation: PreModeration::Off,
            imported: false,
            published_at: None,
            comment_count: 0,
            created_at: datetime!(2026-11-01 0:00 UTC),
            consultation_stage: None,
        }
    }

    fn made_from(texts: &mut Texts, key: &str, original: &str, translated: &str) {
        texts.insert(key.to_owned(), translated.to_owned());
        texts.insert(format!("{key}{FROM}"), fingerprint(original));
    }

    #[test]
    fn every_text_has_a_key_in_reading_order() {
        let keys: Vec<String> = source_texts(&discussion())
            .into_iter()
            .map(|t| t.key)
            .collect();
        assert_eq!(
            keys,
            [
                "title",
                "body",
                "question.0",
                "question.1",
                "topic.0",
                "area"
            ]
        );
        let mut d = discussion();
        d.introduction.clear();
        d.area = None;
        assert_eq!(source_texts(&d).len(), 4, "empty texts are not asked for");
    }

    #[test]
    fn current_translations_replace_and_stale_ones_do_not() {
        let mut texts = Texts::new();
        made_from(&mut texts, "title", "Feeling safe", "الشعور بالأمان");
        made_from(&mut texts, "question.1", "An older wording", "ماذا أيضاً؟");
        let mut d = discussion();
        let left = translate(&mut d, &texts);
        assert_eq!(d.title, "الشعور بالأمان");
        assert_eq!(d.questions[1], "What more?", "made from another original");
        assert!(!left.contains("title"));
        assert!(left.contains("question.1"));
        assert!(left.contains("body"));
    }
}
