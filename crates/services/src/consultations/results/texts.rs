//! What residents wrote, for staff who analyse: the written answers to
//! a question, and one response's answers (where quotes link to).

use cohesion_domain::identity::Action;
use cohesion_domain::survey::model::{QuestionDef, QuestionKind};
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_insight::text::pii;
use cohesion_storage::consultations::answers;
use cohesion_storage::consultations::themes::answers as theme_answers;
use cohesion_storage::Db;
use uuid::Uuid;

use crate::accounts::SignedIn;
use crate::consultations::load;
use crate::permissions::require;
use crate::ServiceError;

/// Written answers listed per page for staff.
pub const TEXTS_PAGE: i64 = 50;

/// A page of the written answers to one question, newest first, with the
/// reference of the response each belongs to, and how many match. Email
/// addresses, phone numbers and postcodes are masked: staff read what
/// people think, not how to reach them.
pub async fn texts(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    question: &str,
    search: &str,
    page: u32,
) -> Result<(QuestionDef, Vec<(String, String)>, i64), ServiceError> {
    require(me, Action::Analyse)?;
    let mut c = db.acquire().await?;
    let (_, survey) = load(c.conn(), id).await?;
    let q = survey
        .question(question)
        .filter(|q| {
            matches!(
                q.kind,
                QuestionKind::ShortText | QuestionKind::LongText { .. }
            )
        })
        .ok_or(ValidationError::new("question", ErrorCode::UnknownQuestion))?
        .clone();
    let offset = i64::from(page.saturating_sub(1)) * TEXTS_PAGE;
    // Whole words (ending in `*`: words that start so). Arabic spelled
    // with or without its marks, alef forms and the like finds the same
    // answers; English ignores case.
    let search = cohesion_domain::text::WordSearch::new(search);
    let (list, total) =
        answers::texts(c.conn(), id, &q.id, search.as_ref(), offset, TEXTS_PAGE).await?;
    let masked = list
        .into_iter()
        .map(|(reference, text)| (reference, pii::mask(&text).into_owned()))
        .collect();
    Ok((q, masked, total))
}

/// One submitted response's answers for staff who analyse (where quotes
/// link to): its reference and answer rows, written text masked for
/// personal data, special-category answers left out.
pub async fn response_answers(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    response: Uuid,
) -> Result<(String, Vec<cohesion_domain::survey::tally::AnswerRow>), ServiceError> {
    require(me, Action::Analyse)?;
    let mut c = db.acquire().await?;
    let reference = theme_answers::response_reference(c.conn(), id, response)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let mut rows = answers::answers(c.conn(), response, false).await?;
    for r in &mut rows {
        if let Some(t) = &r.text {
            r.text = Some(pii::mask(t).into_owned());
        }
    }
    Ok((reference, rows))
}
