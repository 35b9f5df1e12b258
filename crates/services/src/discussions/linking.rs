//! A discussion as part of a consultation's stage (issue 18, ADR 38):
//! the stages officers choose from, the check that a chosen one exists,
//! what readers are shown of the link, and the discussions a
//! consultation's page lists at each stage.

use cohesion_domain::consultation::{Stage, StageLink, StageState};
use cohesion_domain::discussion::record::Discussion;
use cohesion_domain::discussion::stage_link::{StageRef, FIELD};
use cohesion_domain::identity::Action;
use cohesion_domain::timeline::states;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::discussions::catalogue;
use cohesion_storage::discussions::stage_links;
pub use cohesion_storage::discussions::stage_links::StageChoice;
use cohesion_storage::{Conn, Db};
use time::Date;
use uuid::Uuid;

use crate::accounts::SignedIn;
use crate::permissions::{is_staff, require};
use crate::ServiceError;

/// How many consultations the officers' choice offers (the newest).
pub const CHOICE_CONSULTATIONS: i64 = 100;

/// How many discussions a consultation's page lists.
pub const LINKED_SHOWN: i64 = 50;

/// The stages an officer may link a discussion to: those of the
/// consultations created last (staff see drafts too), and those of
/// `current`'s consultation, so the form still offers the stage it is
/// linked to; none that has ended on `today` (the site's local date),
/// but `current` whatever its state, so that saving keeps it.
pub async fn choices(
    db: &Db,
    me: &SignedIn,
    current: Option<StageRef>,
    today: Date,
) -> Result<Vec<StageChoice>, ServiceError> {
    require(me, Action::RunEngagement)?;
    let mut c = db.acquire().await?;
    let also = current.map(|l| l.consultation_id);
    let all = stage_links::choices(c.conn(), CHOICE_CONSULTATIONS, also).await?;
    let ended = ended(&all, today);
    Ok(all
        .into_iter()
        .zip(ended)
        .filter(|(s, ended)| {
            let this = Some((s.consultation_id, s.stage));
            !ended || this == current.map(|l| (l.consultation_id, l.stage))
        })
        .map(|(s, _)| s)
        .collect())
}

/// Whether each of `stages` (whole timelines, each in order, one after
/// another) has ended on `today`: the timeline's rule
/// (`domain::timeline`) puts it among those that have happened.
fn ended(stages: &[StageChoice], today: Date) -> Vec<bool> {
    let mut out = Vec::with_capacity(stages.len());
    for timeline in stages.chunk_by(|a, b| a.consultation_id == b.consultation_id) {
        let as_stages: Vec<Stage> = timeline
            .iter()
            .map(|s| Stage {
                name: String::new(),
                description: String::new(),
                date: s.date,
                state: s.state,
                link: StageLink::None,
            })
            .collect();
        out.extend(
            states(&as_stages, today)
                .into_iter()
                .map(|s| s == StageState::Happened),
        );
    }
    out
}

/// Refuses a link to a stage that has ended on `today` (`stage_ended`),
/// unless it is `kept`, the stage the discussion is linked to already
/// (a discussion linked while its stage ran stays linked). Inside the
/// transaction that saves it, after [`check`].
pub(crate) async fn refuse_ended(
    conn: Conn<'_>,
    link: Option<StageRef>,
    kept: Option<StageRef>,
    today: Date,
) -> Result<(), ServiceError> {
    let Some(l) = link.filter(|l| Some(*l) != kept) else {
        return Ok(());
    };
    let timeline = stage_links::timeline(conn, l.consultation_id).await?;
    let ended = ended(&timeline, today);
    match ended.get(l.stage as usize) {
        Some(true) => Err(ServiceError::InvalidFields(vec![ValidationError::new(
            FIELD,
            ErrorCode::StageEnded,
        )])),
        _ => Ok(()),
    }
}

/// Refuses a link to a consultation that does not exist
/// (`unknown_consultation`) or to a stage its timeline does not have
/// (`unknown_stage`), inside the transaction that saves it.
pub(crate) async fn check(conn: Conn<'_>, link: Option<StageRef>) -> Result<(), ServiceError> {
    let Some(l) = link else {
        return Ok(());
    };
    let code = match stage_links::stage_exists(conn, l.consultation_id, l.stage).await? {
        Some(true) => return Ok(()),
        Some(false) => ErrorCode::UnknownStage,
        None => ErrorCode::UnknownConsultation,
    };
    Err(ServiceError::InvalidFields(vec![ValidationError::new(
        FIELD, code,
    )]))
}

/// What `viewer` may see of `d`'s link: staff see it whatever the
/// consultation's state; anyone else only while the consultation is
/// published, so a draft's existence is not given away.
pub(crate) async fn visible_to(
    conn: Conn<'_>,
    viewer: Option<&SignedIn>,
    d: &mut Discussion,
) -> Result<(), ServiceError> {
    if let Some(l) = d.consultation_stage {
        if !is_staff(viewer) && !stage_links::is_public(conn, l.consultation_id).await? {
            d.consultation_stage = None;
        }
    }
    Ok(())
}

/// The published discussions linked to a stage of consultation `id`, at
/// most [`LINKED_SHOWN`], in timeline order: for the consultation's page,
/// which everyone reads (drafts never show there).
pub async fn linked_to(db: &Db, consultation_id: Uuid) -> Result<Vec<Discussion>, ServiceError> {
    let mut c = db.acquire().await?;
    Ok(catalogue::linked_to(c.conn(), consultation_id, LINKED_SHOWN).await?)
}

/// How many linked discussions a refusal to change a timeline names.
pub const LINKED_NAMED: i64 = 20;

/// The discussions, drafts included, linked to consultation `id`'s stage
/// at place `from` (from 0) or a later one, at most [`LINKED_NAMED`], in
/// timeline order: those a timeline ending before `from` would leave
/// linked to nothing. For officers only.
pub async fn linked_from(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    from: u32,
) -> Result<Vec<Discussion>, ServiceError> {
    require(me, Action::RunEngagement)?;
    let mut c = db.acquire().await?;
    Ok(catalogue::linked_from(c.conn(), id, from, LINKED_NAMED).await?)
}

/// Refuses a change to consultation `id`'s timeline that keeps only its
/// first `kept` places while a discussion is linked to a later one
/// (`stage_has_discussions`, 409 at `stages`): the discussion would be
/// left part of no stage without anyone being told (ADR 38). Inside the
/// transaction that saves the timeline.
pub(crate) async fn refuse_unlinking(
    conn: Conn<'_>,
    id: Uuid,
    kept: usize,
) -> Result<(), ServiceError> {
    let from = u32::try_from(kept).unwrap_or(u32::MAX);
    match catalogue::linked_from(conn, id, from, 1).await?.is_empty() {
        true => Ok(()),
        false => Err(ServiceError::Conflict(ValidationError::new(
            "stages",
            ErrorCode::StageHasDiscussions,
        ))),
    }
}

/// The demo's consultation titled `title`, if the demo loaded it.
pub(crate) async fn consultation_titled(
    conn: Conn<'_>,
    title: &str,
) -> Result<Option<Uuid>, ServiceError> {
    Ok(stage_links::titled(conn, title).await?)
}
