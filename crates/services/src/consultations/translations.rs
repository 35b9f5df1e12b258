//! A consultation's texts for translators: every text it has (its own,
//! its findings', the themes they cite), a language's translations
//! saved, and the search text rebuilt from every language.

use std::collections::{HashMap, HashSet};

use cohesion_domain::identity::Action;
use cohesion_domain::translation::{self, Part, SourceText, TextStatus, Texts};
use cohesion_storage::consultations::{catalogue, translations};
use cohesion_storage::Db;
use uuid::Uuid;

use super::reading::{view, ConsultationView};
use crate::accounts::SignedIn;
use crate::audit::audit_log;
use crate::permissions::require;
use crate::ServiceError;

/// Rebuilds what searches match: title and summary in every language,
/// normalised as queries are (`cohesion_insight::text::normalise`).
pub(crate) async fn refresh_search(
    mut conn: cohesion_storage::Conn<'_>,
    id: Uuid,
) -> Result<(), ServiceError> {
    let Some((c, _)) = catalogue::find(conn.reborrow(), id).await? else {
        return Ok(());
    };
    let mut text = format!("{}\n{}", c.title, c.summary);
    for json in translations::all_translations(conn.reborrow(), id).await? {
        let t: Texts = serde_json::from_str(&json).unwrap_or_default();
        for key in ["title", "summary"] {
            if let Some(v) = t.get(key) {
                text.push('\n');
                text.push_str(v);
            }
        }
    }
    catalogue::set_search_text(conn, id, &cohesion_insight::text::normalise(&text)).await?;
    Ok(())
}

/// Every translatable text of the consultation: its own (`texts`),
/// its findings' titles, texts and "What we did", keyed by the finding's id, and the
/// label of each theme a finding cites (drafts included, like the
/// findings' own texts), keyed by the theme's id, after the first
/// finding citing it. A theme's label is listed while the finding's
/// figure can name it: confirmed in its question's latest mapped
/// analysis.
pub async fn all_text_keys(
    db: &Db,
    v: &ConsultationView,
) -> Result<Vec<(String, String)>, ServiceError> {
    Ok(all_texts(db, v)
        .await?
        .into_iter()
        .map(|t| (t.key, t.original))
        .collect())
}

/// [`all_text_keys`], each text with what it is (for the translations
/// page, which names each text in words): read in the same queries.
pub async fn all_texts(db: &Db, v: &ConsultationView) -> Result<Vec<SourceText>, ServiceError> {
    let mut texts = v.texts();
    let mut c = db.acquire().await?;
    let list =
        cohesion_storage::consultations::findings::list(c.conn(), v.consultation.id, true).await?;
    // Labels looked up once per question, however many findings cite it.
    let mut labels: HashMap<String, HashMap<Uuid, String>> = HashMap::new();
    let mut cited = HashSet::new();
    for f in list {
        let title = f.finding.title;
        texts.push(SourceText::new(
            translation::key::finding(f.id, "title"),
            title.as_str(),
            Part::FindingTitle(title.clone()),
        ));
        if !f.finding.body.is_empty() {
            texts.push(SourceText::new(
                translation::key::finding(f.id, "body"),
                f.finding.body,
                Part::FindingBody(title.clone()),
            ));
        }
        if !f.finding.what_we_did.is_empty() {
            texts.push(SourceText::new(
                translation::key::finding(f.id, "what_we_did"),
                f.finding.what_we_did,
                Part::FindingWhatWeDid(title),
            ));
        }
        let Some(theme) = f
            .finding
            .theme
            .as_deref()
            .and_then(|t| Uuid::parse_str(t).ok())
        else {
            continue;
        };
        let q = f.finding.question_id;
        if !labels.contains_key(&q) {
            let of_question = crate::consultations::themes::figures::labels_of_question(
                &mut c,
                v.consultation.id,
                &q,
            )
            .await?;
            labels.insert(q.clone(), of_question);
        }
        if let Some(label) = labels.get(&q).and_then(|l| l.get(&theme)) {
            if cited.insert(theme) {
                texts.push(SourceText::new(
                    translation::key::theme_label(theme),
                    label.as_str(),
                    Part::ThemeLabel,
                ));
            }
        }
    }
    Ok(texts)
}

pub use cohesion_domain::translation::Counts;

/// A language's translations of a consultation: every translatable text
/// it has ([`all_texts`]: its details, stages, survey, findings and the
/// themes they cite), and among them the survey's (page titles and
/// questions), which its preview speaks of. One rule for every page that
/// counts, so that none contradicts another.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Coverage {
    pub consultation: Counts,
    pub survey: Counts,
}

/// [`Coverage`] of `texts` (the consultation's, from [`all_texts`]) by
/// the translations `translated` (saved, or as a form sends them).
pub fn coverage(texts: &[SourceText], translated: &Texts) -> Coverage {
    let mut c = Coverage::default();
    for t in texts {
        c.consultation.count(translated, &t.key, &t.original);
        if matches!(t.part, Part::Page(_) | Part::Question { .. }) {
            c.survey.count(translated, &t.key, &t.original);
        }
    }
    c
}

/// [`Coverage`] of consultation `v` by its translations into `locale`.
pub async fn coverage_in(
    db: &Db,
    v: &ConsultationView,
    locale: &str,
) -> Result<Coverage, ServiceError> {
    let texts = all_texts(db, v).await?;
    let translated = super::reading::translation(db, v.consultation.id, locale).await?;
    Ok(coverage(&texts, &translated))
}

/// Whether any language's translations of consultation `id` translate
/// anything: saved with every text empty, they do not.
pub(crate) async fn translates_anything(
    conn: cohesion_storage::Conn<'_>,
    id: Uuid,
) -> Result<bool, ServiceError> {
    Ok(translations::by_language(conn, id)
        .await?
        .iter()
        .filter_map(|(_, json)| serde_json::from_str::<Texts>(json).ok())
        .any(|t| translation::translates_anything(&t)))
}

/// Whether the language consultation `id` is written in is locked: some
/// translation of it translates something (ADR 16).
pub async fn language_locked(db: &Db, id: Uuid) -> Result<bool, ServiceError> {
    let mut c = db.acquire().await?;
    translates_anything(c.conn(), id).await
}

/// Every text of consultation `id` (its survey's and findings' too) in
/// language `locale` (staff): the language it is written in, and each
/// text with its original, its saved translation and whether that is
/// current, stale or missing. There are none into the language it is
/// written in (`NotFound`).
pub async fn statuses(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    locale: &str,
) -> Result<(String, Vec<TextStatus>), ServiceError> {
    require(me, Action::RunEngagement)?;
    let v = view(db, Some(me), id).await?;
    if v.consultation.language.eq_ignore_ascii_case(locale) {
        return Err(ServiceError::NotFound);
    }
    let texts = all_texts(db, &v).await?;
    let saved = super::reading::translation(db, id, locale).await?;
    Ok((
        v.consultation.language,
        translation::statuses(texts, &saved),
    ))
}

/// Replaces a language's translations (officers). Keys the consultation
/// does not have are refused; empty texts fall back to the original.
/// There are none into the language the consultation is written in
/// (`NotFound`, as for a language the site does not have).
pub async fn set_translation(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    locale: &str,
    input: &Texts,
    client: Option<&str>,
) -> Result<usize, ServiceError> {
    require(me, Action::RunEngagement)?;
    let v = view(db, Some(me), id).await?;
    let keys = all_text_keys(db, &v).await?;
    let texts = translation::validate(input, &keys)?;
    let json = serde_json::to_string(&texts).map_err(|e| {
        ServiceError::Storage(cohesion_storage::StorageError::Invalid(e.to_string()))
    })?;
    let mut tx = db.begin().await?;
    // Locked, as changing the language locks it: a translation is saved
    // only from the language the consultation is written in now.
    let (c, _) = catalogue::find_for_update(tx.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if c.language == locale {
        return Err(ServiceError::NotFound);
    }
    translations::set_translation(tx.conn(), id, locale, &json, Some(me.user_id)).await?;
    refresh_search(tx.conn(), id).await?;
    let translated = texts
        .keys()
        .filter(|k| !k.ends_with(translation::FROM))
        .count();
    let detail = format!("{locale}: {translated} of {} texts", keys.len());
    audit_log(
        tx.conn(),
        me.origin(client),
        "consultation.translate",
        Some(id),
        &detail,
    )
    .await?;
    tx.commit().await?;
    Ok(translated)
}
