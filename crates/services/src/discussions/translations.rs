//! A discussion's texts in the site's other languages (issue 18): officers
//! translate them on the page consultations use, readers see the
//! translation where it is current and the original elsewhere (ADR 14),
//! and search finds a discussion by any language's words.

use std::collections::HashMap;

use cohesion_domain::discussion::record::Discussion;
use cohesion_domain::discussion::texts::{self, source_texts};
use cohesion_domain::identity::Action;
use cohesion_domain::translation::{self, Counts, SourceText, TextStatus, Texts, Untranslated};
use cohesion_storage::discussions::translations;
use cohesion_storage::{Conn, Db, StorageError};
use uuid::Uuid;

use super::{own_for_update, reading};
use crate::accounts::SignedIn;
use crate::audit::audit_log;
use crate::permissions::require;
use crate::ServiceError;

fn parse(json: &str) -> Texts {
    // A row that cannot be read translates nothing: readers see originals.
    serde_json::from_str(json).unwrap_or_default()
}

/// A language's saved translations of discussion `id` (empty if none).
pub async fn translation(db: &Db, id: Uuid, locale: &str) -> Result<Texts, ServiceError> {
    let mut c = db.acquire().await?;
    Ok(translations::translation(c.conn(), id, locale)
        .await?
        .map(|j| parse(&j))
        .unwrap_or_default())
}

/// `d` in the reader's language `locale`, and the texts left as written.
/// A reader of the discussion's own language gets it as it is.
pub async fn in_language(
    db: &Db,
    mut d: Discussion,
    locale: &str,
) -> Result<(Discussion, Untranslated), ServiceError> {
    if d.language.eq_ignore_ascii_case(locale) {
        return Ok((d, Untranslated::default()));
    }
    let t = translation(db, d.id, locale).await?;
    let left = texts::translate(&mut d, &t);
    Ok((d, left))
}

/// A page of discussions in the reader's language (one query), each with
/// the texts left as written.
pub async fn list_in_language(
    db: &Db,
    list: Vec<Discussion>,
    locale: &str,
) -> Result<Vec<(Discussion, Untranslated)>, ServiceError> {
    let ids: Vec<Uuid> = list
        .iter()
        .filter(|d| !d.language.eq_ignore_ascii_case(locale))
        .map(|d| d.id)
        .collect();
    let mut c = db.acquire().await?;
    let all: HashMap<Uuid, Texts> = translations::translations_of(c.conn(), &ids, locale)
        .await?
        .into_iter()
        .map(|(id, json)| (id, parse(&json)))
        .collect();
    let none = Texts::new();
    Ok(list
        .into_iter()
        .map(|mut d| {
            if d.language.eq_ignore_ascii_case(locale) {
                return (d, Untranslated::default());
            }
            let saved = all.get(&d.id).unwrap_or(&none);
            let left = texts::translate(&mut d, saved);
            (d, left)
        })
        .collect())
}

/// [`titles_in_language`] for pages that name discussions by title only
/// (search results, the moderation queue).
pub async fn titles(
    db: &Db,
    wanted: &[(Uuid, &str, &str)],
    locale: &str,
) -> Result<HashMap<Uuid, String>, ServiceError> {
    let mut c = db.acquire().await?;
    titles_in_language(c.conn(), wanted, locale).await
}

/// Each discussion's title in `locale` where a current translation
/// exists (one query), for pages and letters that name discussions by
/// title only: `wanted` is (id, title as written, language written in);
/// those written in `locale`, untranslated or stale are left out.
pub(crate) async fn titles_in_language(
    conn: Conn<'_>,
    wanted: &[(Uuid, &str, &str)],
    locale: &str,
) -> Result<HashMap<Uuid, String>, ServiceError> {
    let ids: Vec<Uuid> = wanted
        .iter()
        .filter(|(_, _, lang)| !lang.eq_ignore_ascii_case(locale))
        .map(|(id, _, _)| *id)
        .collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let all: HashMap<Uuid, Texts> = translations::translations_of(conn, &ids, locale)
        .await?
        .into_iter()
        .map(|(id, json)| (id, parse(&json)))
        .collect();
    Ok(wanted
        .iter()
        .filter_map(|(id, title, _)| {
            let t = all.get(id)?;
            let shown = translation::current(t, translation::key::TITLE, title)?;
            (!shown.trim().is_empty()).then(|| (*id, shown.to_owned()))
        })
        .collect())
}

/// Every translatable text of the discussion `id` (staff), with the
/// discussion as written.
pub async fn texts_of(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
) -> Result<(Discussion, Vec<SourceText>), ServiceError> {
    require(me, Action::RunEngagement)?;
    let d = reading::discussion(db, Some(me), id).await?;
    let texts = source_texts(&d);
    Ok((d, texts))
}

/// Every text of discussion `id` in language `locale` (staff): the
/// discussion, and each text with its original, its saved translation
/// and whether that is current, stale or missing. There are none into
/// the language it is written in (`NotFound`).
pub async fn statuses(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    locale: &str,
) -> Result<(Discussion, Vec<TextStatus>), ServiceError> {
    let (d, texts) = texts_of(db, me, id).await?;
    if d.language.eq_ignore_ascii_case(locale) {
        return Err(ServiceError::NotFound);
    }
    let saved = translation(db, id, locale).await?;
    Ok((d, translation::statuses(texts, &saved)))
}

/// How far each language's translations of `d` are, for every language
/// with a row saved: (language, counts).
pub async fn coverage(db: &Db, d: &Discussion) -> Result<HashMap<String, Counts>, ServiceError> {
    let texts = source_texts(d);
    let mut c = db.acquire().await?;
    Ok(translations::by_language(c.conn(), d.id)
        .await?
        .into_iter()
        .map(|(locale, json)| (locale, Counts::of(&texts, &parse(&json))))
        .collect())
}

/// Replaces a language's translations of discussion `id` (officers).
/// Keys the discussion does not have are refused; empty texts fall back
/// to the original. There are none into the language it is written in
/// (`NotFound`, as for a language the site does not have). Returns how
/// many texts are translated.
pub async fn set_translation(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    locale: &str,
    input: &Texts,
    client: Option<&str>,
) -> Result<usize, ServiceError> {
    require(me, Action::RunEngagement)?;
    let mut tx = db.begin().await?;
    // Locked, as a change of its details locks it: the keys checked are
    // the texts it has as the translation is saved.
    let d = own_for_update(tx.conn(), id).await?;
    if d.language.eq_ignore_ascii_case(locale) {
        return Err(ServiceError::NotFound);
    }
    let keys: Vec<(String, String)> = source_texts(&d)
        .into_iter()
        .map(|t| (t.key, t.original))
        .collect();
    let texts = translation::validate(input, &keys)?;
    let json = serde_json::to_string(&texts)
        .map_err(|e| ServiceError::Storage(StorageError::Invalid(e.to_string())))?;
    translations::set_translation(tx.conn(), id, locale, &json, Some(me.user_id)).await?;
    super::authoring::refresh_search(tx.conn(), id).await?;
    let translated = texts
        .keys()
        .filter(|k| !k.ends_with(translation::FROM))
        .count();
    let detail = format!("{locale}: {translated} of {} texts", keys.len());
    audit_log(
        tx.conn(),
        me.origin(client),
        "discussion.translate",
        Some(id),
        &detail,
    )
    .await?;
    tx.commit().await?;
    Ok(translated)
}

/// Whether some language's translations of discussion `id` translate
/// anything: then the language it is written in is locked (ADR 16).
pub(crate) async fn translates_anything(conn: Conn<'_>, id: Uuid) -> Result<bool, ServiceError> {
    Ok(translations::by_language(conn, id)
        .await?
        .iter()
        .any(|(_, json)| translation::translates_anything(&parse(json))))
}

/// Every language's translated title, introduction and questions, for
/// search to find the discussion by.
pub(crate) async fn searchable(conn: Conn<'_>, id: Uuid) -> Result<String, ServiceError> {
    let mut out = String::new();
    for (_, json) in translations::by_language(conn, id).await? {
        let t = parse(&json);
        for (key, text) in &t {
            let wanted = key == translation::key::TITLE
                || key == translation::key::BODY
                || key.starts_with("question.");
            if wanted && !key.ends_with(translation::FROM) {
                out.push('\n');
                out.push_str(text);
            }
        }
    }
    Ok(out)
}
