//! Exporting responses: who may, what they get, and the audit entry every
//! export leaves. Special-category answers are exported only to those
//! allowed to see them, and that export is logged as such.

use cohesion_domain::consultation::Consultation;
use cohesion_domain::identity::Action;
use cohesion_domain::survey::model::SurveyDefinition;
use cohesion_domain::survey::tally::AnswerRow;
use cohesion_domain::timestamp::Timestamp;
use cohesion_storage::consultations::export_pages;
use cohesion_storage::consultations::export_pages::RawPage;
use cohesion_storage::{Db, StorageError};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use uuid::Uuid;

use crate::accounts::SignedIn;
use crate::audit::audit_log;
use crate::consultations::load;
use crate::permissions::require;
use crate::ServiceError;

/// Responses fetched per query while exporting.
pub const EXPORT_PAGE: i64 = 1_000;

/// What an export may contain, decided (and logged) once at its start.
#[derive(Debug, Clone)]
pub struct Export {
    pub consultation: Consultation,
    pub survey: SurveyDefinition,
    /// Whether special-category columns are included.
    pub special: bool,
}

/// Starts an export of consultation `id`'s responses for `me`, writing
/// the audit entry before any data leaves.
pub async fn start(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    client: Option<&str>,
) -> Result<Export, ServiceError> {
    require(me, Action::ExportResponses)?;
    let mut tx = db.begin().await?;
    let (consultation, survey) = load(tx.conn(), id).await?;
    let has_special = survey.questions().any(|q| q.kind.is_special_category());
    let special = has_special && me.roles.allows(Action::ViewSpecialCategory);
    let origin = me.origin(client);
    let detail = format!("{} responses", consultation.response_count);
    audit_log(tx.conn(), origin, "responses.export", Some(id), &detail).await?;
    if special {
        let origin = me.origin(client);
        audit_log(
            tx.conn(),
            origin,
            "special_category.export",
            Some(id),
            "responses with special-category answers",
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Export {
        consultation,
        survey,
        special,
    })
}

/// One submitted response, as an export writes it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submitted {
    pub id: Uuid,
    pub reference: String,
    pub submitted_at: Timestamp,
    /// Sorted by question, item and choice (special-category rows last),
    /// so each question's rows are next to each other.
    pub rows: Vec<AnswerRow>,
}

/// The submitted responses of an export, a page at a time and in id
/// order. A task reads the pages ahead (a few at most: [`READ_AHEAD`] in
/// the channel and one waiting to enter it) while the caller decodes and
/// writes out the one before, so the
/// database and the formatting work side by side rather than in turns (on
/// SQLite the reading runs on the connection's own thread).
pub struct Pages {
    pages: mpsc::Receiver<Result<RawPage, ServiceError>>,
    /// Until the reader has been seen to end.
    reader: Option<JoinHandle<()>>,
}

/// Pages read but not yet taken; with pages of [`EXPORT_PAGE`] responses
/// this bounds an export's memory.
const READ_AHEAD: usize = 2;

impl Pages {
    pub fn new(db: &Db, export: &Export) -> Pages {
        let (tx, pages) = mpsc::channel(READ_AHEAD);
        let (db, id, special) = (db.clone(), export.consultation.id, export.special);
        let reader = tokio::spawn(async move {
            let mut after = None;
            loop {
                let (page, last) = match read(&db, id, after, special).await {
                    Ok(None) => return,
                    Ok(Some(page)) => {
                        let last = page.last;
                        (Ok(page), Some(last))
                    }
                    Err(e) => (Err(e), None),
                };
                // A closed channel is a download given up: stop reading.
                if tx.send(page).await.is_err() || last.is_none() {
                    return;
                }
                after = last;
            }
        });
        Pages {
            pages,
            reader: Some(reader),
        }
    }

    /// The next page, or `None` after the last (and from then on).
    pub async fn next(&mut self) -> Result<Option<Vec<Submitted>>, ServiceError> {
        if let Some(page) = self.pages.recv().await {
            let page = page?.decode()?;
            return Ok(Some(
                page.into_iter()
                    .map(|s| Submitted {
                        id: s.id,
                        reference: s.reference,
                        submitted_at: s.submitted_at.into(),
                        rows: s.rows,
                    })
                    .collect(),
            ));
        }
        // The reader ended. Unless it finished, the export must not look
        // complete: a reader that panicked or was stopped is an error.
        match self.reader.take() {
            Some(reader) => match reader.await {
                Ok(()) => Ok(None),
                Err(e) => {
                    tracing::error!(error = %e, "the export's reader stopped part-way");
                    Err(ServiceError::Storage(StorageError::Invalid(
                        "the export stopped part-way".into(),
                    )))
                }
            },
            None => Ok(None),
        }
    }
}

impl Drop for Pages {
    /// A download given up part-way stops its read-ahead too.
    fn drop(&mut self) {
        if let Some(reader) = &self.reader {
            reader.abort();
        }
    }
}

/// The page of submitted responses after `after`.
async fn read(
    db: &Db,
    consultation: Uuid,
    after: Option<Uuid>,
    special: bool,
) -> Result<Option<RawPage>, ServiceError> {
    let mut c = db.acquire().await?;
    Ok(export_pages::submitted_page(c.conn(), consultation, after, EXPORT_PAGE, special).await?)
}
