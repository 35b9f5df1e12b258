//! What an officer changed in a consultation's details when saving them:
//! each field that differs, as it was and as it became, for the
//! consultation's history. Values are kept as text the history can show
//! again: dates as instants in UTC (`2026-12-01T09:00Z`, shown in the
//! site's time), lists one item a line, and the body, which may be long,
//! as the stretch around its first difference.

use serde::{Deserialize, Serialize};

use crate::consultation::{documents_text, format_datetime, Consultation, ConsultationFields};

/// A field of a consultation's details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Detail {
    Title,
    Summary,
    Body,
    Topics,
    Area,
    OpensAt,
    ClosesAt,
    Anonymous,
    Strands,
    Documents,
    /// The language the texts are written in (a tag).
    Language,
}

impl Detail {
    /// Its part of the messages that name it (the form's labels,
    /// `consultation-field-<key>`).
    pub const fn key(self) -> &'static str {
        match self {
            Detail::Title => "title",
            Detail::Summary => "summary",
            Detail::Body => "body",
            Detail::Topics => "topics",
            Detail::Area => "area",
            Detail::OpensAt => "opens",
            Detail::ClosesAt => "closes",
            Detail::Anonymous => "anonymous",
            Detail::Strands => "strands",
            Detail::Documents => "documents",
            Detail::Language => "language",
        }
    }
}

/// One field changed: before and after, as text (empty for none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetailChange {
    pub detail: Detail,
    pub before: String,
    pub after: String,
}

/// Every field a save changed, in the form's order (none when it was
/// saved as it was).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DetailChanges {
    pub details: Vec<DetailChange>,
}

/// How much of the body is kept either side of its first difference.
const BODY_BEFORE: usize = 60;
const BODY_AFTER: usize = 160;

/// The details as text, field by field, in the form's order (the body
/// apart).
fn values(f: &ConsultationFields) -> [(Detail, String); 10] {
    [
        (Detail::Title, f.title.clone()),
        (Detail::Summary, f.summary.clone()),
        (Detail::Topics, f.topics.join(", ")),
        (Detail::Area, f.area.clone().unwrap_or_default()),
        (Detail::OpensAt, format_datetime(f.opens_at)),
        (Detail::ClosesAt, format_datetime(f.closes_at)),
        (
            Detail::Anonymous,
            if f.allow_anonymous { "yes" } else { "no" }.into(),
        ),
        (Detail::Strands, f.strands.join("\n")),
        (Detail::Documents, documents_text(&f.documents)),
        (Detail::Language, f.language.clone()),
    ]
}

/// The details of a consultation as stored, as a form would send them.
pub fn fields_of(c: &Consultation) -> ConsultationFields {
    ConsultationFields {
        title: c.title.clone(),
        summary: c.summary.clone(),
        body: c.body.clone(),
        topics: c.topics.clone(),
        area: c.area.clone(),
        opens_at: c.opens_at.as_offset(),
        closes_at: c.closes_at.as_offset(),
        allow_anonymous: c.allow_anonymous,
        strands: c.strands.clone(),
        documents: c.documents.clone(),
        language: c.language.clone(),
    }
}

/// What saving `after` over `before` changes. Dates compare to the
/// minute, as the form writes them.
pub fn details_changed(before: &Consultation, after: &ConsultationFields) -> DetailChanges {
    let before = fields_of(before);
    let mut details: Vec<DetailChange> = values(&before)
        .into_iter()
        .zip(values(after))
        .filter(|((_, b), (_, a))| a != b)
        .map(|((detail, before), (_, after))| DetailChange {
            detail,
            before,
            after,
        })
        .collect();
    if before.body != after.body {
        let (b, a) = body_excerpts(&before.body, &after.body);
        // After the summary, as the form has it.
        let at = details
            .iter()
            .position(|d| !matches!(d.detail, Detail::Title | Detail::Summary))
            .unwrap_or(details.len());
        details.insert(
            at,
            DetailChange {
                detail: Detail::Body,
                before: b,
                after: a,
            },
        );
    }
    DetailChanges { details }
}

/// The stretch of each body around where they first differ, marked with
/// "…" where cut, so that a long text's change can be seen in a line.
fn body_excerpts(before: &str, after: &str) -> (String, String) {
    let b: Vec<char> = before.chars().collect();
    let a: Vec<char> = after.chars().collect();
    let first = b.iter().zip(&a).take_while(|(x, y)| x == y).count();
    let start = first.saturating_sub(BODY_BEFORE);
    let excerpt = |text: &[char]| {
        let end = (first + BODY_AFTER).min(text.len());
        let mut out = String::new();
        if start > 0 {
            out.push('…');
        }
        out.extend(&text[start.min(text.len())..end]);
        if end < text.len() {
            out.push('…');
        }
        out
    };
    (excerpt(&b), excerpt(&a))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consultation::Document;
    use crate::timestamp::Timestamp;
    use time::macros::datetime;

    fn stored() -> Consultation {
        let at = Timestamp::from(datetime!(2026-09-07 08:00 UTC));
        Consultation {
            id: uuid::Uuid::nil(),
            title: "Safer streets".into(),
            summary: "Tell us".into(),
            body: "a".repeat(500),
            topics: vec!["safety".into()],
            area: None,
            opens_at: at,
            closes_at: Timestamp::from(datetime!(2027-01-04 17:00 UTC)),
            allow_anonymous: false,
            strands: vec![],
            documents: vec![Document {
                title: "Review".into(),
                url: "https://example.org/r".into(),
            }],
            language: "en".into(),
            published_at: None,
            results_published_at: None,
            withdrawn_at: None,
            response_count: 0,
            created_at: at,
            updated_at: at,
        }
    }

    #[test]
    fn only_what_changed_is_kept_in_the_forms_order() {
        let c = stored();
        assert_eq!(
            details_changed(&c, &fields_of(&c)),
            DetailChanges::default()
        );
        let mut after = fields_of(&c);
        after.documents.clear();
        after.title = "Safer streets for all".into();
        after.closes_at = datetime!(2027-02-01 17:00 UTC);
        after.allow_anonymous = true;
        after.area = Some("Harbourside".into());
        after.language = "ar".into();
        let mut body: Vec<char> = c.body.chars().collect();
        body[300] = 'b';
        after.body = body.into_iter().collect();
        let got = details_changed(&c, &after).details;
        let kinds: Vec<Detail> = got.iter().map(|d| d.detail).collect();
        assert_eq!(
            kinds,
            [
                Detail::Title,
                Detail::Body,
                Detail::Area,
                Detail::ClosesAt,
                Detail::Anonymous,
                Detail::Documents,
                Detail::Language
            ]
        );
        assert_eq!((&got[6].before[..], &got[6].after[..]), ("en", "ar"));
        assert_eq!(got[0].before, "Safer streets");
        assert_eq!(got[2].before, "");
        assert_eq!(got[3].before, "2027-01-04T17:00Z");
        assert_eq!(got[3].after, "2027-02-01T17:00Z");
        assert_eq!(got[5].before, "Review | https://example.org/r");
        assert_eq!(got[5].after, "");
        // The body around its change, cut either side.
        let (b, a) = (&got[1].before, &got[1].after);
        assert!(b.starts_with('…') && b.ends_with('…'), "{b}");
        assert_eq!(b.chars().count(), BODY_BEFORE + BODY_AFTER + 2);
        assert_eq!(a.chars().nth(BODY_BEFORE + 1), Some('b'), "{a}");
    }

    #[test]
    fn a_short_body_is_kept_whole() {
        assert_eq!(
            body_excerpts("We will read it.", "We will read every answer."),
            (
                "We will read it.".to_owned(),
                "We will read every answer.".to_owned()
            )
        );
        assert_eq!(body_excerpts("", "New"), (String::new(), "New".to_owned()));
    }
}
