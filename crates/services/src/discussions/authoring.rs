//! Officers writing a discussion: its text, dates and pre-moderation, and
//! publishing or withdrawing it.

use cohesion_domain::consultation::{Languages, Status};
use cohesion_domain::discussion::details::DiscussionInput;
use cohesion_domain::discussion::record::Discussion;
use cohesion_domain::identity::Action;
use cohesion_domain::local_time::SiteZone;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::discussions::catalogue;
use cohesion_storage::{Conn, Db, Timestamp};
use uuid::Uuid;

use crate::accounts::SignedIn;
use crate::audit::audit_log;
use crate::permissions::require;
use crate::ServiceError;

/// Creates a draft discussion; its dates are read as wall-clock time in
/// the site's `zone`.
pub async fn create(
    db: &Db,
    me: &SignedIn,
    input: &DiscussionInput,
    zone: &SiteZone,
    languages: &Languages,
    client: Option<&str>,
) -> Result<Uuid, ServiceError> {
    require(me, Action::RunEngagement)?;
    let fields = input
        .validate(zone, languages)
        .map_err(ServiceError::invalid)?;
    let today = zone.civil(Timestamp::now().as_offset()).date();
    let mut tx = db.begin().await?;
    super::linking::check(tx.conn(), fields.consultation_stage).await?;
    super::linking::refuse_ended(tx.conn(), fields.consultation_stage, None, today).await?;
    let id = catalogue::insert(tx.conn(), &fields, Some(me.user_id), false).await?;
    refresh_search(tx.conn(), id).await?;
    audit_log(
        tx.conn(),
        me.origin(client),
        "discussion.create",
        Some(id),
        &fields.title,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Saves the details; an imported discussion cannot change
/// (`discussion_imported`).
pub async fn update(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    input: &DiscussionInput,
    zone: &SiteZone,
    languages: &Languages,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::RunEngagement)?;
    let fields = input
        .validate(zone, languages)
        .map_err(ServiceError::invalid)?;
    let mut tx = db.begin().await?;
    let stored = catalogue::find_for_update(tx.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if fields.language != stored.language
        && super::translations::translates_anything(tx.conn(), id).await?
    {
        return Err(ServiceError::InvalidFields(vec![ValidationError::new(
            "language",
            ErrorCode::LanguageHasTranslations,
        )]));
    }
    // Linking and unlinking are part of the details: the same change,
    // recorded as `discussion.update` (an imported one refuses first).
    if !stored.imported {
        let today = zone.civil(Timestamp::now().as_offset()).date();
        let link = fields.consultation_stage;
        super::linking::check(tx.conn(), link).await?;
        super::linking::refuse_ended(tx.conn(), link, stored.consultation_stage, today).await?;
    }
    if stored.imported || !catalogue::update(tx.conn(), id, &fields).await? {
        return Err(ServiceError::Conflict(ValidationError::new(
            "discussion",
            ErrorCode::DiscussionImported,
        )));
    }
    refresh_search(tx.conn(), id).await?;
    audit_log(
        tx.conn(),
        me.origin(client),
        "discussion.update",
        Some(id),
        &fields.title,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Publishes the discussion (`true`) or withdraws it from residents.
/// Publishing a published one changes nothing; withdrawing one that is
/// not published is refused (`not_published`).
pub async fn set_published(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    publish: bool,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::RunEngagement)?;
    let mut tx = db.begin().await?;
    let stored = catalogue::find_for_update(tx.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if publish && stored.is_published() {
        // Published already: its date of publication stays as it was.
        return Ok(());
    }
    if !publish && !stored.is_published() {
        return Err(ServiceError::Conflict(ValidationError::new(
            "publish",
            ErrorCode::NotPublished,
        )));
    }
    let at = publish.then(Timestamp::now);
    catalogue::set_published(tx.conn(), id, at).await?;
    let action = if publish {
        "discussion.publish"
    } else {
        "discussion.unpublish"
    };
    audit_log(
        tx.conn(),
        me.origin(client),
        action,
        Some(id),
        &stored.title,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Closes an open discussion now, before its closing date: its closing
/// becomes this moment, so every page, list and feed says it closed now,
/// no comment or statement is taken from now on, and its followers are
/// told as of any closing. Only a published discussion that is open
/// may be closed (`discussion_not_open` otherwise, 409); an imported one
/// never is. Recorded as `discussion.close`.
pub async fn close_now(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::RunEngagement)?;
    let now = Timestamp::now();
    let mut tx = db.begin().await?;
    let stored = catalogue::find_for_update(tx.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let open = stored.is_published() && stored.status(now.as_offset()) == Status::Open;
    if !open || stored.imported {
        return Err(ServiceError::Conflict(ValidationError::new(
            "discussion",
            ErrorCode::DiscussionNotOpen,
        )));
    }
    catalogue::close_at(tx.conn(), id, now).await?;
    audit_log(
        tx.conn(),
        me.origin(client),
        "discussion.close",
        Some(id),
        &stored.title,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Keeps what search compares in step with the discussion's texts.
pub(crate) async fn refresh_search(mut conn: Conn<'_>, id: Uuid) -> Result<(), ServiceError> {
    let Some(d) = catalogue::find(conn.reborrow(), id).await? else {
        return Ok(());
    };
    let translated = super::translations::searchable(conn.reborrow(), id).await?;
    catalogue::set_search_text(conn, id, &search_text(&d, &translated)).await?;
    Ok(())
}

/// The discussion's title, introduction and questions with `translated`
/// (every language's), normalised as queries are.
fn search_text(d: &Discussion, translated: &str) -> String {
    let mut text = format!("{}\n{}", d.title, d.introduction);
    for q in &d.questions {
        text.push('\n');
        text.push_str(q);
    }
    text.push_str(translated);
    cohesion_insight::text::normalise(&text)
}
