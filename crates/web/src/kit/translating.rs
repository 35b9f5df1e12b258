//! The translations page every translatable thing shares (consultations,
//! discussions): one row per text, its original marked with its language,
//! what is missing or needs review counted by one rule
//! (`translation::Counts`), and the rows naming each text in words.

use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::translation::{self, Counts, Part, QuestionField, SourceText, Texts};
use cohesion_i18n::Locale;
use cohesion_ui::consultations::{TranslationPage, TranslationRow};
use cohesion_ui::{ErrorLink, Phrase, Shown, SummaryRow, Value};

use super::{respond, AppError, Langs, PageCtx};

/// The longest piece of an original quoted in a row's heading.
const QUOTED_CHARS: usize = 80;

/// The first line of an original, cut short with an ellipsis, to name the
/// question, finding or theme a row belongs to.
fn quote(original: &str) -> String {
    let whole = original.trim();
    let line = whole.lines().next().unwrap_or_default().trim_end();
    let mut out: String = line.chars().take(QUOTED_CHARS).collect();
    if out.len() < whole.len() {
        out.push('…');
    }
    out
}

/// What a row of the translations page is, in words ("Question 2: … —
/// option 1", "Finding: … — title"), the quoted original marked with
/// its language (`language`, the thing's): the key stays the field's name.
pub fn heading(ctx: &PageCtx, language: &str, part: &Part, original: &str) -> Phrase {
    let n = |id: &str, n: &usize| ctx.phrase(id, &[("number", Value::Number(*n as u64))]);
    let quoted = |text: &str| Langs::as_written(ctx, language).original(quote(text));
    match part {
        Part::Title => ctx.t("translations-part-title").into(),
        Part::Summary => ctx.t("translations-part-summary").into(),
        Part::Body => ctx.t("translations-part-body").into(),
        Part::Topic(i) => n("translations-part-topic", i),
        Part::Area => ctx.t("translations-part-area").into(),
        Part::Strand(i) => n("translations-part-strand", i),
        Part::Document(i) => n("translations-part-document", i),
        Part::StageName(i) => n("translations-part-stage-name", i),
        Part::StageDescription(i) => n("translations-part-stage-description", i),
        Part::DiscussionTitle => ctx.t("translations-part-discussion-title").into(),
        Part::GuidingQuestion(i) => n("translations-part-guiding-question", i),
        Part::Page(i) => n("translations-part-page", i),
        Part::Question {
            number,
            text,
            field,
        } => {
            let field: Phrase = match field {
                QuestionField::Text => ctx.t("translations-field-text").into(),
                QuestionField::Hint => ctx.t("translations-field-hint").into(),
                QuestionField::Purpose => ctx.t("translations-field-purpose").into(),
                QuestionField::Option(i) => n("translations-field-option", i),
                QuestionField::Row(i) => n("translations-field-row", i),
            };
            ctx.phrase(
                "translations-part-question",
                &[
                    ("number", Value::Number(*number as u64)),
                    ("question", Value::Shown(&quoted(text))),
                    ("field", Value::Phrase(&field)),
                ],
            )
        }
        Part::FindingTitle(title) => ctx.phrase(
            "translations-part-finding-title",
            &[("finding", Value::Shown(&quoted(title)))],
        ),
        Part::FindingBody(title) => ctx.phrase(
            "translations-part-finding-body",
            &[("finding", Value::Shown(&quoted(title)))],
        ),
        Part::FindingWhatWeDid(title) => ctx.phrase(
            "translations-part-finding-what-we-did",
            &[("finding", Value::Shown(&quoted(title)))],
        ),
        Part::ThemeLabel => ctx.phrase(
            "translations-part-theme",
            &[("theme", Value::Shown(&quoted(original)))],
        ),
    }
}

/// The languages a thing written in `source` is translated into: every
/// language of the site but that one.
pub fn targets<'a>(ctx: &'a PageCtx, source: &'a str) -> impl Iterator<Item = &'a Locale> {
    ctx.state
        .catalog
        .all()
        .iter()
        .filter(move |l| !l.tag().eq_ignore_ascii_case(source))
}

/// "3 of 19 texts not translated yet, 1 needs review": how many texts
/// have no translation, and how many have one to review, never one
/// counted as the other.
pub fn counts_phrase(ctx: &PageCtx, c: &Counts) -> Phrase {
    let missing = ctx.phrase(
        "translations-missing",
        &[
            ("missing", Value::Number(c.missing as u64)),
            ("all", Value::Number(c.all as u64)),
            ("stale", Value::Number(c.stale as u64)),
        ],
    );
    if c.stale == 0 {
        return missing;
    }
    let stale = ctx.phrase(
        "translations-to-review",
        &[("stale", Value::Number(c.stale as u64))],
    );
    Phrase::join([missing, stale], &ctx.locale().t("list-separator"))
}

/// A manage page's row for the language `target`: how many texts it
/// lacks, and the way (`href`) to translate them.
pub fn coverage_row(ctx: &PageCtx, target: &Locale, counts: &Counts, href: &str) -> SummaryRow {
    // The language named in the page's language ("Arabic", "الإنجليزية").
    let language = Shown::new(ctx.language_name(target.tag()), ctx.locale().tag());
    SummaryRow::new(
        ctx.phrase("translations-row", &[("language", Value::Shown(&language))]),
        counts_phrase(ctx, counts),
    )
    .change_said(
        href,
        ctx.t("translations-translate"),
        ctx.phrase(
            "translations-translate-hidden",
            &[("language", Value::Shown(&language))],
        ),
    )
}

/// A translations form as sent: its token and the texts by key.
pub fn read_form(pairs: Vec<(String, String)>) -> (String, Texts) {
    let mut csrf = String::new();
    let mut values = Texts::new();
    for (k, v) in pairs {
        if k == "csrf" {
            csrf = v;
        } else {
            values.insert(k, v);
        }
    }
    (csrf, values)
}

/// One translations page: what it translates and where it stands.
pub struct Translating<'a> {
    /// The page's own address (the form posts to it).
    pub path: String,
    pub back: String,
    /// The language the originals are written in.
    pub source: &'a str,
    pub target: &'a Locale,
    pub texts: Vec<SourceText>,
    /// The translations shown in the boxes (saved, or as sent).
    pub values: &'a Texts,
    pub errors: Vec<ErrorLink>,
    pub done: Option<String>,
}

impl Translating<'_> {
    pub async fn render(
        self,
        ctx: &PageCtx,
        csrf: &str,
        status: StatusCode,
    ) -> Result<Response, AppError> {
        let Translating {
            path,
            back,
            source,
            target,
            texts,
            values,
            errors,
            done,
        } = self;
        let counts = Counts::of(&texts, values);
        let mut ui = ctx.chrome_for(&path, "translations-title").await?;
        // The language named in the page's language ("Translate into
        // Arabic", "ترجم إلى الإنجليزية").
        let language = Shown::new(ctx.language_name(target.tag()), ctx.locale().tag());
        ui.title = ctx.phrase(
            "translations-title-of",
            &[("language", Value::Shown(&language))],
        );
        let view = TranslationPage {
            ui,
            back: Some((back, ctx.t("back"))),
            done,
            lead: ctx.t("translations-lead"),
            missing: counts_phrase(ctx, &counts).text().to_owned(),
            errors,
            csrf: csrf.to_owned(),
            action: path,
            target_lang: target.tag().to_owned(),
            target_dir: target.direction().as_str().to_owned(),
            original_lang: source.to_owned(),
            original_label: ctx.t("translations-original"),
            rows: texts
                .into_iter()
                .map(|text| {
                    let heading = heading(ctx, source, &text.part, &text.original);
                    // Prose may run to paragraphs however short the
                    // original: it gets a box that takes line breaks.
                    let prose = matches!(
                        text.part,
                        Part::Summary | Part::Body | Part::StageDescription(_)
                    );
                    let SourceText { key, original, .. } = text;
                    let value = values.get(&key).cloned().unwrap_or_default();
                    let stale = translation::is_stale(values, &key, &original);
                    TranslationRow {
                        heading,
                        missing: value.trim().is_empty() || stale,
                        stale,
                        long: prose || original.chars().count() > 80 || original.contains('\n'),
                        key,
                        original,
                        value,
                    }
                })
                .collect(),
            button: ctx.t("save"),
        };
        respond(status, view, None)
    }
}

/// The error a refused translation is shown with, linked to the first box.
pub fn refused(ctx: &PageCtx, e: &cohesion_domain::ValidationError) -> Vec<ErrorLink> {
    vec![ErrorLink {
        href: "#t-1".into(),
        question: Shown::new("", ctx.locale().tag()),
        message: super::form::field_messages(ctx, std::slice::from_ref(e))
            .remove(0)
            .message,
    }]
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn headings_quote_one_short_line() {
        assert_eq!(quote(" Street lighting "), "Street lighting");
        assert_eq!(quote("\nFirst line\r\nsecond"), "First line…");
        let long = "ض".repeat(100);
        assert_eq!(quote(&long), format!("{}…", "ض".repeat(80)));
        assert_eq!(quote(&long[..160]), "ض".repeat(80), "80 is not cut");
    }
}
