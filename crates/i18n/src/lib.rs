//! Languages: Fluent message catalogues, negotiation and text direction.
//!
//! Each folder under `locales/` is one language, named by its BCP 47 tag,
//! holding `.ftl` files. Every language must define `locale-name` (its own
//! name, in itself) and `locale-direction` (`ltr` or `rtl`), and every
//! message the default language (English) has; a test enforces this.
//!
//! Within a folder, each feature has one file named after it (`site.ftl`,
//! `accounts.ftl`, `consultations.ftl`), beside what every page shares
//! (`layout.ftl`) and the facts about the language (`meta.ftl`). Every file
//! in the folder is loaded, whatever its name, so a new feature adds its
//! file and nothing else.

use std::borrow::Cow;
use std::collections::BTreeSet;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

/// The values messages take, so callers need not depend on Fluent.
pub use fluent_bundle::FluentValue;

include!(concat!(env!("OUT_DIR"), "/embedded_locales.rs"));

#[cfg(test)]
mod address;
mod placed;
mod plural;

pub use placed::{Piece, PieceArg};

/// The language used when nothing else matches, and whose catalogue is the
/// reference every other language must cover.
pub const DEFAULT_LOCALE: &str = "en";

#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("locale {locale}: file {file} does not parse: {detail}")]
    Syntax {
        locale: String,
        file: String,
        detail: String,
    },
    #[error("locale folder {0:?} is not a valid language tag")]
    BadTag(String),
    #[error("locale {locale}: message {id} is defined twice")]
    Duplicate { locale: String, id: String },
    #[error("locale {0}: locale-direction must be ltr or rtl")]
    BadDirection(String),
    #[error("the default locale {DEFAULT_LOCALE} is missing")]
    NoDefault,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// One language's messages.
pub struct Locale {
    tag: String,
    langid: LanguageIdentifier,
    name: String,
    direction: Direction,
    ids: BTreeSet<String>,
    bundle: FluentBundle<FluentResource>,
}

impl Locale {
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// The language's name in itself ("English", "العربية").
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The language `tag` named in this language, for sentences
    /// ("Arabic" in English, "الإنجليزية" in Arabic): the message
    /// `language-name-<tag>`, if this language has one. A language
    /// switcher names each language in itself instead ([`Locale::name`]).
    pub fn language_name(&self, tag: &str) -> Option<Cow<'_, str>> {
        let id = format!("language-name-{}", tag.to_ascii_lowercase());
        self.ids.contains(&id).then(|| self.t(&id))
    }

    pub fn direction(&self) -> Direction {
        self.direction
    }

    pub fn message_ids(&self) -> &BTreeSet<String> {
        &self.ids
    }

    /// The message `id`, or the id itself (logged) if it is missing, so a
    /// gap shows up on the page rather than taking the page down.
    /// Borrowed where the message has no placeables, which is most of
    /// them: pages format dozens of messages per request.
    pub fn t(&self, id: &str) -> Cow<'_, str> {
        self.format(id, None)
    }

    /// The message `id` with named arguments.
    pub fn t_args(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            fa.set(*k, v.clone());
        }
        self.format(id, Some(&fa)).into_owned()
    }

    /// The message `id` with `args`, without any isolation marks: for
    /// text that goes where markup cannot (a button's label, an error
    /// message, an attribute), which people copy and screen readers and
    /// searches read. Fluent's marks would travel with it unseen ("Make
    /// \u{2068}Analyst\u{2069}"); where a placed value's direction matters
    /// in a page, the page isolates it with `<bdi>` instead (ADR 0020).
    pub fn t_plain(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.t_args(id, args).replace([FSI, PDI], "")
    }

    /// The message `id` with one text argument.
    pub fn t_text(&self, id: &str, name: &str, value: &str) -> String {
        self.t_args(id, &[(name, FluentValue::from(value))])
    }

    /// The message `id` with one number argument, which plural forms follow.
    pub fn t_num(&self, id: &str, name: &str, n: u64) -> String {
        self.t_args(id, &[(name, FluentValue::from(n))])
    }

    /// Items shown as one list, separated as the language writes it
    /// (a comma in English, the Arabic comma in Arabic).
    pub fn list<S: AsRef<str>>(&self, items: &[S]) -> String {
        let separator = self.t("list-separator");
        let mut out = String::new();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(&separator);
            }
            out.push_str(item.as_ref());
        }
        out
    }

    fn format<'s>(&'s self, id: &str, args: Option<&FluentArgs<'_>>) -> Cow<'s, str> {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            tracing::warn!(locale = %self.tag, id, "missing message");
            return Cow::Owned(id.to_owned());
        };
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(locale = %self.tag, id, ?errors, "message formatting error");
        }
        match text {
            Cow::Owned(t) if t.contains(FSI) => Cow::Owned(numbers_unmarked(&t)),
            text => text,
        }
    }
}

const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// `text` without the isolation marks Fluent put around numbers. Digits
/// keep their order and place in either direction, so the marks do
/// nothing for them on screen, yet they travel into copied text ("300 responses"
/// pasted into a report holds two invisible characters) and split what a search or a screen
/// reader sees. Text values (titles, names) keep their marks: those
/// matter in a sentence of the other direction, and pages isolate them
/// with markup instead where the text is copied (`Phrase` in the ui
/// crate).
fn numbers_unmarked(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(FSI) {
        out.push_str(&rest[..start]);
        let after = &rest[start + FSI.len_utf8()..];
        let end = after.find([FSI, PDI]);
        match end {
            Some(end)
                if after[end..].starts_with(PDI)
                    && end > 0
                    && after[..end]
                        .chars()
                        .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-')) =>
            {
                out.push_str(&after[..end]);
                rest = &after[end + PDI.len_utf8()..];
            }
            _ => {
                out.push(FSI);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// All languages the binary was built with.
pub struct Catalog {
    locales: Vec<Locale>,
}

impl Catalog {
    /// Parses the embedded catalogues. Fails on any syntax error, so that a
    /// broken translation stops the build's tests, not a page.
    pub fn load() -> Result<Catalog, I18nError> {
        let mut locales = Vec::new();
        for (tag, files) in EMBEDDED {
            locales.push(build_locale(tag, files)?);
        }
        // The default locale first, then by tag, so lists are stable.
        locales.sort_by_key(|l| (l.tag != DEFAULT_LOCALE, l.tag.clone()));
        if locales.first().map(|l| l.tag.as_str()) != Some(DEFAULT_LOCALE) {
            return Err(I18nError::NoDefault);
        }
        Ok(Catalog { locales })
    }

    pub fn all(&self) -> &[Locale] {
        &self.locales
    }

    pub fn default_locale(&self) -> &Locale {
        &self.locales[0]
    }

    /// The locale with exactly this tag (case-insensitive), if we have it.
    pub fn get(&self, tag: &str) -> Option<&Locale> {
        self.locales
            .iter()
            .find(|l| l.tag.eq_ignore_ascii_case(tag))
    }

    /// The best match for an `Accept-Language` header, else the default.
    pub fn negotiate(&self, accept_language: &str) -> &Locale {
        let requested = by_preference(accept_language);
        let available: Vec<&LanguageIdentifier> = self.locales.iter().map(|l| &l.langid).collect();
        let matched = fluent_langneg::negotiate_languages(
            &requested,
            &available,
            None,
            fluent_langneg::NegotiationStrategy::Filtering,
        );
        matched
            .first()
            .and_then(|id| self.locales.iter().find(|l| &&l.langid == *id))
            .unwrap_or_else(|| self.default_locale())
    }
}

/// The languages of an Accept-Language header, most wanted first: sorted
/// by quality (stable for equal values), with `q=0` ("not this") dropped
/// and anything unparsable ignored.
fn by_preference(header: &str) -> Vec<LanguageIdentifier> {
    let mut weighted: Vec<(u16, LanguageIdentifier)> = header
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let tag = parts.next()?.trim();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .next()
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
            if !(0.0..=1.0).contains(&q) || q == 0.0 || tag == "*" {
                return None;
            }
            Some(((q * 1000.0) as u16, tag.parse().ok()?))
        })
        .collect();
    weighted.sort_by_key(|w| std::cmp::Reverse(w.0));
    weighted.into_iter().map(|(_, id)| id).collect()
}

fn build_locale(tag: &str, files: &[(&str, &str)]) -> Result<Locale, I18nError> {
    let langid: LanguageIdentifier = tag.parse().map_err(|_| I18nError::BadTag(tag.into()))?;
    let mut bundle = FluentBundle::new_concurrent(vec![langid.clone()]);
    bundle.set_formatter(Some(grouped));
    bundle
        .add_function("PLURAL", plural::function(tag))
        .map_err(|e| I18nError::Syntax {
            locale: tag.into(),
            file: "PLURAL".into(),
            detail: format!("{e:?}"),
        })?;
    let mut ids = BTreeSet::new();
    for (file, source) in files {
        let resource = FluentResource::try_new((*source).to_owned()).map_err(|(_, errs)| {
            I18nError::Syntax {
                locale: tag.into(),
                file: (*file).into(),
                detail: format!("{errs:?}"),
            }
        })?;
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                if !ids.insert(m.id.name.to_owned()) {
                    return Err(I18nError::Duplicate {
                        locale: tag.into(),
                        id: m.id.name.into(),
                    });
                }
            }
        }
        bundle
            .add_resource(resource)
            .map_err(|e| I18nError::Syntax {
                locale: tag.into(),
                file: (*file).into(),
                detail: format!("{e:?}"),
            })?;
    }
    let mut locale = Locale {
        tag: tag.to_owned(),
        langid,
        name: String::new(),
        direction: Direction::Ltr,
        ids,
        bundle,
    };
    locale.name = locale.format("locale-name", None).into_owned();
    locale.direction = match locale.format("locale-direction", None).as_ref() {
        "ltr" => Direction::Ltr,
        "rtl" => Direction::Rtl,
        _ => return Err(I18nError::BadDirection(tag.into())),
    };
    Ok(locale)
}

/// Numbers in messages as people write them, in thousands: "2,000
/// characters", "1,872 responses" (Fluent's own formatting leaves
/// "2000", while GOV.UK Frontend's character count, in the browser,
/// writes "2,000": one page would show both). Both languages write
/// Western digits with a comma between thousands. Years and other
/// numbers that are names, not quantities, are passed as text.
fn grouped<M>(value: &FluentValue, _: &M) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    if !n.options.use_grouping || !n.value.is_finite() || n.value.abs() < 1000.0 {
        return None;
    }
    let text = n.as_string();
    let (sign, digits) = text.strip_prefix('-').map_or(("", &*text), |d| ("-", d));
    let (whole, fraction) = digits
        .split_once('.')
        .map_or((digits, None), |(w, f)| (w, Some(f)));
    let mut out = String::from(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = fraction {
        out.push('.');
        out.push_str(f);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_of_a_thousand_or_more_are_written_in_thousands() {
        let catalog = Catalog::load().unwrap();
        for tag in ["en", "ar"] {
            let l = catalog.get(tag).unwrap();
            let say = |n: f64| {
                l.t_args(
                    "character-count-description",
                    &[("count", FluentValue::from(n))],
                )
            };
            assert!(say(2000.0).contains("2,000"), "{tag}: {}", say(2000.0));
            assert!(
                say(1234567.0).contains("1,234,567"),
                "{tag}: {}",
                say(1234567.0)
            );
            assert!(
                say(999.0).contains("999") && !say(999.0).contains(','),
                "{tag}"
            );
        }
    }

    #[test]
    fn numbers_carry_no_isolation_marks_and_texts_keep_theirs() {
        let catalog = Catalog::load().unwrap();
        for tag in ["en", "ar"] {
            let l = catalog.get(tag).unwrap();
            let said = l.t_num("character-count-description", "count", 2000);
            assert!(!said.contains([FSI, PDI]), "{tag}: {said:?}");
        }
        assert_eq!(
            numbers_unmarked(
                "\u{2068}1,300\u{2069} of \u{2068}Youth 2026\u{2069} \u{2068}-2.5\u{2069}"
            ),
            "1,300 of \u{2068}Youth 2026\u{2069} -2.5"
        );
        assert_eq!(
            numbers_unmarked("\u{2068}a \u{2068}3\u{2069}\u{2069} \u{2068}\u{2069}"),
            "\u{2068}a 3\u{2069} \u{2068}\u{2069}"
        );
    }

    #[test]
    fn every_locale_has_every_message_of_the_default() {
        let catalog = Catalog::load().expect("catalogues parse");
        let reference = catalog.default_locale().message_ids();
        assert!(catalog.all().len() >= 2, "English and Arabic at least");
        for locale in catalog.all() {
            let missing: Vec<_> = reference.difference(locale.message_ids()).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", locale.tag());
            let extra: Vec<_> = locale.message_ids().difference(reference).collect();
            assert!(
                extra.is_empty(),
                "{} has messages English lacks: {extra:?}",
                locale.tag()
            );
        }
    }

    #[test]
    fn lists_are_separated_as_each_language_writes_them() {
        let catalog = Catalog::load().unwrap();
        let items = ["safety", "youth", "أمان"];
        assert_eq!(
            catalog.get("en").unwrap().list(&items),
            "safety, youth, أمان"
        );
        assert_eq!(
            catalog.get("ar").unwrap().list(&items),
            "safety، youth، أمان"
        );
        assert_eq!(catalog.get("ar").unwrap().list(&["one"]), "one");
        assert_eq!(catalog.get("en").unwrap().list::<&str>(&[]), "");
    }

    #[test]
    fn arabic_is_right_to_left_and_english_is_not() {
        let catalog = Catalog::load().unwrap();
        assert_eq!(catalog.get("ar").unwrap().direction(), Direction::Rtl);
        assert_eq!(catalog.get("AR").unwrap().tag(), "ar");
        assert_eq!(catalog.get("en").unwrap().direction(), Direction::Ltr);
        assert!(catalog.get("xx").is_none());
    }

    #[test]
    fn negotiation_prefers_the_best_supported_language() {
        let catalog = Catalog::load().unwrap();
        assert_eq!(catalog.negotiate("ar-EG,ar;q=0.9,en;q=0.5").tag(), "ar");
        assert_eq!(catalog.negotiate("fr-FR, en-GB;q=0.8").tag(), "en");
        assert_eq!(catalog.negotiate("de").tag(), "en");
        assert_eq!(catalog.negotiate("").tag(), "en");
        assert_eq!(catalog.negotiate(";;;,q=bogus\u{0}").tag(), "en");
        // Quality values decide, and q=0 means "not this one".
        assert_eq!(catalog.negotiate("en;q=0.1, ar").tag(), "ar");
        assert_eq!(catalog.negotiate("ar;q=0, en;q=0.9").tag(), "en");
        assert_eq!(catalog.negotiate("ar;q=0").tag(), "en");
    }

    #[test]
    fn arabic_counts_past_a_hundred_agree_with_their_last_two_digits() {
        let catalog = Catalog::load().unwrap();
        let ar = catalog.get("ar").unwrap();
        let said = |n: u64| ar.t_num("results-answered", "count", n);
        // 3–10 after the hundreds: a plural; 11–99: an accusative
        // singular; a round hundred or 101, 102: a genitive singular.
        assert_eq!(said(110), "أجاب 110 أشخاص");
        assert_eq!(said(233), "أجاب 233 شخصًا");
        assert_eq!(said(173), "أجاب 173 شخصًا");
        assert_eq!(said(300), "أجاب 300 شخص");
        assert_eq!(said(1_203), "أجاب 1,203 أشخاص");
    }

    /// One Arabic word for each of the site's terms: a consultation is
    /// "استشارة" (never "مشاورة"), a finding "استنتاج" (never "نتيجة",
    /// which reads as a result), a theme "محور" (never "موضوع", which
    /// reads as a subject), as most texts had them.
    #[test]
    fn arabic_uses_one_word_for_each_term() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/ar");
        for file in std::fs::read_dir(dir).unwrap() {
            let path = file.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            for (at, line) in text.lines().enumerate() {
                let finding = line.split(" = ").next().unwrap_or("").contains("finding");
                let theme = line.split(" = ").next().unwrap_or("").contains("theme");
                let other_word = line.contains("مشاور")
                    || finding && line.contains("نتيجة")
                    || theme && line.contains("موضوع");
                assert!(!other_word, "{}:{}: {line}", path.display(), at + 1);
            }
        }
    }

    /// Arabic plural selectors go through `PLURAL` (see `plural.rs`):
    /// selecting on the number itself picks the wrong form past 100.
    #[test]
    fn arabic_plural_selectors_go_through_plural() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/ar");
        for file in std::fs::read_dir(dir).unwrap() {
            let path = file.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let lines: Vec<&str> = text.lines().collect();
            for (at, line) in lines.iter().enumerate() {
                let Some(select) = line.find(" ->") else {
                    continue;
                };
                // This selector's own variants: those at its first
                // variant's depth ("*" of the default counts as a space).
                let depth = |l: &str| {
                    let t = l.trim_start();
                    l.len() - t.len() + usize::from(t.starts_with('*'))
                };
                let own = lines.get(at + 1).map_or(0, |l| depth(l));
                let counted = lines[at + 1..]
                    .iter()
                    .take_while(|l| !l.trim().is_empty() && depth(l) >= own)
                    .filter(|l| depth(l) == own)
                    .filter_map(|l| {
                        let l = l.trim_start().trim_start_matches('*');
                        l.strip_prefix('[').and_then(|k| k.split(']').next())
                    })
                    .any(|k| ["zero", "one", "two", "few", "many"].contains(&k));
                assert!(
                    !counted || line[..select].ends_with(')') && line.contains("PLURAL($"),
                    "{}:{}: select on PLURAL($…), not the number: {line}",
                    path.display(),
                    at + 1
                );
            }
        }
    }

    /// Counted texts agree with their number: "1 of 5 texts needs
    /// review", "نصّان", "3 نصوص", "11 نصًّا"; and the people who answered
    /// a finding's question, with the base.
    #[test]
    fn counts_of_texts_and_people_take_their_plural_form() {
        let catalog = Catalog::load().unwrap();
        let said = |lang: &str, id: &str, args: &[(&str, u64)]| {
            let mut all = vec![("language", FluentValue::from("L"))];
            all.extend(args.iter().map(|&(k, v)| (k, FluentValue::from(v))));
            all.extend([("question", FluentValue::from("Q")), ("option", "O".into())]);
            all.push(("range", FluentValue::from("R")));
            let text = catalog.get(lang).unwrap().t_args(id, &all);
            text.replace(['\u{2068}', '\u{2069}'], "")
        };
        let stale = |lang, count: u64, all: u64| {
            said(
                lang,
                "confirm-publish-stale",
                &[("count", count), ("all", all)],
            )
        };
        assert!(stale("en", 1, 1).starts_with("L: the one text needs review, as its original"));
        assert!(stale("en", 1, 5).starts_with("L: 1 of 5 texts needs review, as its original"));
        assert!(stale("en", 3, 5).starts_with("L: 3 of 5 texts need review, as their originals"));
        assert!(stale("ar", 1, 1).starts_with("L: النص الوحيد تحتاج ترجمته"));
        assert!(stale("ar", 1, 9).starts_with("L: نصّ واحد من أصل 9 تحتاج ترجمته"));
        assert!(stale("ar", 2, 9).starts_with("L: نصّان من أصل 9"));
        assert!(stale("ar", 3, 9).starts_with("L: 3 نصوص من أصل 9"));
        assert!(stale("ar", 11, 40).starts_with("L: 11 نصًّا من أصل 40"));
        assert!(stale("ar", 100, 140).starts_with("L: 100 نصّ من أصل 140"));
        let figure =
            |lang, base: u64| said(lang, "finding-figure", &[("count", 1), ("base", base)]);
        assert!(figure("en", 1).starts_with("1 of the one person who answered"));
        assert!(figure("en", 7).starts_with("1 of the 7 people who answered"));
        assert!(figure("ar", 7).starts_with("اختار 1 من أصل 7 أشخاص أجابوا"));
        assert!(figure("ar", 40).starts_with("اختار 1 من أصل 40 شخصًا أجابوا"));
        let copies = |n: u64| said("en", "themes-campaign-count", &[("count", n)]);
        assert_eq!((copies(1), copies(4)), ("1 copy".into(), "4 copies".into()));
    }

    #[test]
    fn arabic_plurals_use_all_six_forms() {
        let catalog = Catalog::load().unwrap();
        let ar = catalog.get("ar").unwrap();
        let forms: BTreeSet<String> = [0, 1, 2, 3, 11, 100]
            .into_iter()
            .map(|n| ar.t_args("feedback-count", &[("count", FluentValue::from(n))]))
            .collect();
        assert_eq!(
            forms.len(),
            6,
            "six distinct Arabic plural forms: {forms:?}"
        );
    }
}
