//! Answering a survey: page by page into a draft (so people can leave and
//! come back), a "check your answers" step, then submission, which writes
//! the answers and the running totals in one transaction. A submitted
//! response can be changed until the consultation closes; the totals then
//! lose the old answers and gain the new ones in that same transaction.

use cohesion_domain::consultation::{response_reference, Status};
use cohesion_domain::identity::Action;
use cohesion_domain::survey::answers::{
    check_response, clear_page, drop_hidden, fields_of_page, parse_page, visible_pages, Answers,
    RawAnswers,
};
use cohesion_domain::survey::model::SurveyDefinition;
use cohesion_domain::survey::tally::{count_keys, rows, CountKey};
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::consultations::catalogue::{self, ConsultationRecord};
use cohesion_storage::consultations::responses::{Owner, ResponseRecord};
use cohesion_storage::consultations::{answers, responses, submission, totals};
use cohesion_storage::{Conn, Db, Timestamp};
use uuid::Uuid;

use crate::accounts::tokens::hash_token;
use crate::accounts::SignedIn;
use crate::consultations::parse_survey;
use crate::{require, ServiceError};

/// Who is answering.
#[derive(Clone, Copy)]
pub enum Respondent<'a> {
    Account(&'a SignedIn),
    /// The secret of the browser's respondent cookie.
    Anonymous(&'a str),
}

impl Respondent<'_> {
    /// One anonymous key per consultation, so the cookie ties nothing
    /// together across consultations in the database.
    fn key(&self, consultation: Uuid) -> Option<String> {
        match self {
            Respondent::Account(_) => None,
            Respondent::Anonymous(secret) => Some(hash_token(&format!("{secret}:{consultation}"))),
        }
    }
}

fn owner<'a>(who: &Respondent<'_>, key: &'a Option<String>) -> Owner<'a> {
    match (who, key) {
        (Respondent::Account(me), _) => Owner::Account(me.user_id),
        (Respondent::Anonymous(_), Some(k)) => Owner::Anonymous(k),
        (Respondent::Anonymous(_), None) => Owner::Anonymous(""),
    }
}

/// Where a respondent stands.
#[derive(Debug, Clone)]
pub struct Progress {
    pub consultation: ConsultationRecord,
    pub survey: SurveyDefinition,
    pub response: Option<ResponseRecord>,
    /// The fields sent so far.
    pub draft: RawAnswers,
    /// The pages this respondent sees, in order, given their answers.
    pub pages: Vec<usize>,
}

impl Progress {
    /// The answers of the pages before `page`, as routing sees them.
    pub fn answers_before(&self, page: usize) -> Answers {
        answers_before(&self.survey, &self.draft, page)
    }

    pub fn is_submitted(&self) -> bool {
        self.response
            .as_ref()
            .is_some_and(|r| r.submitted_at.is_some())
    }
}

fn answers_before(survey: &SurveyDefinition, draft: &RawAnswers, page: usize) -> Answers {
    let mut answers = Answers::new();
    for p in 0..page.min(survey.pages.len()) {
        if survey.pages[p]
            .skip_if
            .as_ref()
            .is_some_and(|r| cohesion_domain::survey::answers::holds(r, &answers))
        {
            continue;
        }
        // A draft holds only pages that passed; anything odd counts as
        // unanswered rather than blocking the respondent.
        if let Ok(a) = parse_page(survey, p, &fields_of_page(survey, p, draft), &answers) {
            answers.extend(a);
        }
    }
    answers
}

/// Whether this consultation takes responses from `who` now.
fn check_open(c: &ConsultationRecord, who: &Respondent<'_>) -> Result<(), ServiceError> {
    if c.published_at.is_none() {
        return Err(ServiceError::NotFound);
    }
    if c.status(Timestamp::now()) != Status::Open {
        return Err(ValidationError::new("consultation", ErrorCode::ConsultationNotOpen).into());
    }
    match who {
        Respondent::Account(me) => require(me, Action::Participate),
        Respondent::Anonymous(_) if c.allow_anonymous => Ok(()),
        Respondent::Anonymous(_) => {
            Err(ValidationError::new("consultation", ErrorCode::SignInRequired).into())
        }
    }
}

fn parse_draft(r: &ResponseRecord) -> RawAnswers {
    serde_json::from_str(&r.draft).unwrap_or_default()
}

async fn load(
    conn: Conn<'_>,
    id: Uuid,
) -> Result<(ConsultationRecord, SurveyDefinition), ServiceError> {
    let c = catalogue::find(conn, id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let survey = parse_survey(&c.survey)?;
    Ok((c, survey))
}

/// Where `who` stands on consultation `id` (nothing is written).
pub async fn progress(db: &Db, who: Respondent<'_>, id: Uuid) -> Result<Progress, ServiceError> {
    let mut c = db.acquire().await?;
    let (consultation, survey) = load(c.conn(), id).await?;
    if consultation.published_at.is_none() {
        return Err(ServiceError::NotFound);
    }
    let key = who.key(id);
    let response = match (&who, &key) {
        (Respondent::Anonymous(""), _) => None,
        _ => responses::find_for(c.conn(), id, owner(&who, &key)).await?,
    };
    let draft = response.as_ref().map(parse_draft).unwrap_or_default();
    let all = answers_before(&survey, &draft, survey.pages.len());
    let pages = visible_pages(&survey, &all);
    Ok(Progress {
        consultation,
        survey,
        response,
        draft,
        pages,
    })
}

/// What comes after a page is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    Page(usize),
    CheckAnswers,
}

/// Saves the answers on page `page` (validated, every problem reported)
/// into the draft, starting the response if needed.
pub async fn save_page(
    db: &Db,
    who: Respondent<'_>,
    id: Uuid,
    page: usize,
    raw: &RawAnswers,
) -> Result<Next, ServiceError> {
    let op = Op::Page {
        page,
        raw: raw.clone(),
    };
    match write(db, who, id, op).await? {
        Done::Next(next) => Ok(next),
        Done::Reference(_) => Err(ServiceError::NotFound),
    }
}

async fn save_page_in(
    mut tx: Conn<'_>,
    loaded: &mut Loaded,
    who: Respondent<'_>,
    id: Uuid,
    page: usize,
    raw: &RawAnswers,
) -> Result<Next, ServiceError> {
    let (consultation, survey) = loaded.get(tx.reborrow(), id).await?;
    check_open(consultation, &who)?;
    if page >= survey.pages.len() {
        return Err(ServiceError::NotFound);
    }
    let key = who.key(id);
    let existing = responses::find_for(tx.reborrow(), id, owner(&who, &key)).await?;
    let mut draft = existing.as_ref().map(parse_draft).unwrap_or_default();
    let earlier = answers_before(survey, &draft, page);
    if survey.pages[page]
        .skip_if
        .as_ref()
        .is_some_and(|r| cohesion_domain::survey::answers::holds(r, &earlier))
    {
        return Err(ValidationError::new("page", ErrorCode::HiddenQuestion).into());
    }
    // Fields for other pages or other surveys are refused, not ignored.
    let own = fields_of_page(survey, page, raw);
    let unknown: Vec<_> = raw
        .keys()
        .filter(|k| !own.contains_key(*k))
        .map(|k| cohesion_domain::survey::answers::AnswerError {
            question: k.clone(),
            code: ErrorCode::UnknownQuestion,
        })
        .collect();
    if !unknown.is_empty() {
        return Err(ServiceError::InvalidAnswers(unknown));
    }
    parse_page(survey, page, raw, &earlier).map_err(ServiceError::InvalidAnswers)?;
    clear_page(survey, page, &mut draft);
    // Hidden questions' fields were refused above, so the page's raw
    // fields are exactly what the respondent answered.
    for (k, v) in own {
        let values: Vec<String> = v.into_iter().filter(|s| !s.trim().is_empty()).collect();
        if !values.is_empty() {
            draft.insert(k, values);
        }
    }
    let all = answers_before(survey, &draft, survey.pages.len());
    drop_hidden(survey, &mut draft, &all);
    let json = serde_json::to_string(&draft).map_err(|e| {
        ServiceError::Storage(cohesion_storage::StorageError::Invalid(e.to_string()))
    })?;
    match existing {
        Some(r) => responses::save_draft(tx, r.id, &json).await?,
        None => {
            start(tx, id, owner(&who, &key), &json).await?;
        }
    }
    let pages = visible_pages(survey, &answers_before(survey, &draft, survey.pages.len()));
    Ok(match pages.into_iter().find(|p| *p > page) {
        Some(p) => Next::Page(p),
        None => Next::CheckAnswers,
    })
}

/// Starts a response with its first draft and returns it as stored.
async fn start(
    mut conn: Conn<'_>,
    id: Uuid,
    owner: Owner<'_>,
    draft: &str,
) -> Result<ResponseRecord, ServiceError> {
    // A reference collision is vanishingly rare; try a few before giving up.
    for _ in 0..5 {
        let mut random = [0u8; 8];
        getrandom::getrandom(&mut random).map_err(|e| ServiceError::Crypto(e.to_string()))?;
        let reference = response_reference(random);
        if let Some(r) =
            responses::create_with_draft(conn.reborrow(), id, owner, &reference, draft).await?
        {
            return Ok(r);
        }
        if responses::find_for(conn.reborrow(), id, owner)
            .await?
            .is_some()
        {
            return Err(ValidationError::new("consultation", ErrorCode::AlreadyResponded).into());
        }
    }
    Err(ServiceError::Crypto("no free response reference".into()))
}

/// Submits (or resubmits, after a change) the response: every answer is
/// checked again, then answers and totals are written in one transaction.
/// Returns the reference to quote.
pub async fn submit(db: &Db, who: Respondent<'_>, id: Uuid) -> Result<String, ServiceError> {
    match write(db, who, id, Op::Submit).await? {
        Done::Reference(reference) => Ok(reference),
        Done::Next(_) => Err(ServiceError::NotFound),
    }
}

async fn submit_in(
    mut tx: Conn<'_>,
    loaded: &mut Loaded,
    who: Respondent<'_>,
    id: Uuid,
) -> Result<String, ServiceError> {
    let (consultation, survey) = loaded.get(tx.reborrow(), id).await?;
    check_open(consultation, &who)?;
    let key = who.key(id);
    // Read under the row's lock: two tabs submitting at once queue here,
    // and the second sees the first's submission, so it takes those
    // answers out instead of counting twice.
    let response = responses::find_for_update(tx.reborrow(), id, owner(&who, &key))
        .await?
        .ok_or(ValidationError::new(
            "consultation",
            ErrorCode::FieldRequired,
        ))?;
    let answers =
        check_response(survey, &parse_draft(&response)).map_err(ServiceError::InvalidAnswers)?;
    submit_answers(tx, survey, &response, &answers).await?;
    Ok(response.reference)
}

/// Writes a checked response's answers and moves the totals, inside the
/// caller's transaction.
pub async fn submit_answers(
    conn: Conn<'_>,
    survey: &SurveyDefinition,
    response: &ResponseRecord,
    answers: &Answers,
) -> Result<(), ServiceError> {
    submit_answers_with_draft(conn, survey, response, answers, None).await
}

/// [`submit_answers`], storing `draft` as the response's draft in the
/// same statement that marks it submitted.
async fn submit_answers_with_draft(
    mut conn: Conn<'_>,
    survey: &SurveyDefinition,
    response: &ResponseRecord,
    answers: &Answers,
    draft: Option<&str>,
) -> Result<(), ServiceError> {
    let first = response.submitted_at.is_none();
    // A changed response: its old answers leave the totals in the same
    // pass as the new ones enter (one pass in key order; see
    // `record_submission`).
    let withdrawn = if first {
        Vec::new()
    } else {
        take_out_answers(conn.reborrow(), survey, response).await?
    };
    let new_rows = rows(survey, answers);
    let keys = count_keys(survey, &new_rows);
    submission::record_submission(
        conn,
        response.id,
        response.consultation_id,
        &new_rows,
        &keys,
        &withdrawn,
        i64::from(first),
        Timestamp::now(),
        draft,
    )
    .await?;
    Ok(())
}

/// Deletes a submitted response's answer rows and returns the running
/// totals they were counted in, for the caller to take them out of.
async fn take_out_answers(
    mut conn: Conn<'_>,
    survey: &SurveyDefinition,
    response: &ResponseRecord,
) -> Result<Vec<CountKey>, ServiceError> {
    let mut old = answers::answers(conn.reborrow(), response.id, false).await?;
    old.extend(answers::answers(conn.reborrow(), response.id, true).await?);
    answers::delete_answers(conn, response.id).await?;
    Ok(count_keys(survey, &old))
}

/// Takes a submitted response's answers out of the totals and deletes
/// them (the respondent count is the caller's to change).
async fn withdraw_answers(
    mut conn: Conn<'_>,
    survey: &SurveyDefinition,
    response: &ResponseRecord,
) -> Result<(), ServiceError> {
    let keys = take_out_answers(conn.reborrow(), survey, response).await?;
    totals::adjust_counts(conn, response.consultation_id, &keys, -1, 0).await?;
    Ok(())
}

/// Account deletion with "remove my contributions": each submitted
/// response leaves the totals and its answers are deleted; the response
/// row stays, marked removed, so the count of removals is visible.
pub async fn remove_all_for(mut conn: Conn<'_>, user: Uuid) -> Result<usize, ServiceError> {
    let mut list = responses::for_respondent(conn.reborrow(), user).await?;
    // Each consultation's shared totals and count are locked in turn until
    // COMMIT; taking the consultations in one order for everybody (not in
    // the order the person answered them) is what lets two removals on
    // PostgreSQL queue instead of deadlocking.
    list.sort_by_key(|r| r.consultation_id);
    for r in &list {
        if r.submitted_at.is_some() && r.removed_at.is_none() {
            let c = catalogue::find(conn.reborrow(), r.consultation_id)
                .await?
                .ok_or(ServiceError::NotFound)?;
            let survey = parse_survey(&c.survey)?;
            withdraw_answers(conn.reborrow(), &survey, r).await?;
            totals::adjust_counts(conn.reborrow(), r.consultation_id, &[], 0, -1).await?;
        }
        answers::delete_answers(conn.reborrow(), r.id).await?;
        responses::mark_removed(conn.reborrow(), r.id).await?;
    }
    Ok(list.len())
}

/// Account deletion with "keep my contributions": submitted responses
/// stay (their author shown as a deleted account); drafts never sent are
/// discarded, and so are changes to a submitted response never
/// resubmitted (what was submitted stays in its answers).
pub async fn discard_drafts_of(mut conn: Conn<'_>, user: Uuid) -> Result<(), ServiceError> {
    for r in responses::for_respondent(conn.reborrow(), user).await? {
        if r.submitted_at.is_none() {
            responses::mark_removed(conn.reborrow(), r.id).await?;
        } else {
            responses::save_draft(conn.reborrow(), r.id, "{}").await?;
        }
    }
    Ok(())
}

/// The whole response at once (the JSON API): every field is checked as
/// on the pages, then the draft is replaced and the response submitted in
/// one transaction. Returns the reference.
pub async fn respond_all(
    db: &Db,
    who: Respondent<'_>,
    id: Uuid,
    raw: &RawAnswers,
) -> Result<String, ServiceError> {
    match write(db, who, id, Op::Whole { raw: raw.clone() }).await? {
        Done::Reference(reference) => Ok(reference),
        Done::Next(_) => Err(ServiceError::NotFound),
    }
}

async fn respond_all_in(
    mut tx: Conn<'_>,
    loaded: &mut Loaded,
    who: Respondent<'_>,
    id: Uuid,
    raw: &RawAnswers,
) -> Result<String, ServiceError> {
    let (consultation, survey) = loaded.get(tx.reborrow(), id).await?;
    check_open(consultation, &who)?;
    let answers = check_response(survey, raw).map_err(ServiceError::InvalidAnswers)?;
    let key = who.key(id);
    let json = serde_json::to_string(raw).map_err(|e| {
        ServiceError::Storage(cohesion_storage::StorageError::Invalid(e.to_string()))
    })?;
    // Under the row's lock, as in `submit`; a new response is ours alone
    // until this transaction commits.
    let found = responses::find_for_update(tx.reborrow(), id, owner(&who, &key)).await?;
    let (response, draft) = match found {
        Some(r) => (r, Some(json.as_str())),
        None => (
            start(tx.reborrow(), id, owner(&who, &key), &json).await?,
            None,
        ),
    };
    submit_answers_with_draft(tx, survey, &response, &answers, draft).await?;
    Ok(response.reference)
}

/// The consultations a transaction has read, with their parsed surveys:
/// several writes grouped in one transaction read each once.
#[derive(Default)]
struct Loaded(Vec<(ConsultationRecord, SurveyDefinition)>);

impl Loaded {
    async fn get(
        &mut self,
        conn: Conn<'_>,
        id: Uuid,
    ) -> Result<(&ConsultationRecord, &SurveyDefinition), ServiceError> {
        let at = match self.0.iter().position(|(c, _)| c.id == id) {
            Some(at) => at,
            None => {
                self.0.push(load(conn, id).await?);
                self.0.len() - 1
            }
        };
        let (c, s) = &self.0[at];
        Ok((c, s))
    }
}

/// A respondent's write, owned so that another task may run it.
enum Op {
    Page { page: usize, raw: RawAnswers },
    Submit,
    Whole { raw: RawAnswers },
}

enum Done {
    Next(Next),
    Reference(String),
}

/// [`Respondent`], owned.
enum Who {
    Account(SignedIn),
    Anonymous(String),
}

impl Who {
    fn of(who: Respondent<'_>) -> Who {
        match who {
            Respondent::Account(me) => Who::Account(me.clone()),
            Respondent::Anonymous(secret) => Who::Anonymous(secret.to_owned()),
        }
    }

    fn as_respondent(&self) -> Respondent<'_> {
        match self {
            Who::Account(me) => Respondent::Account(me),
            Who::Anonymous(secret) => Respondent::Anonymous(secret),
        }
    }
}

/// Runs one respondent's write inside the caller's transaction.
async fn run_op(
    conn: Conn<'_>,
    loaded: &mut Loaded,
    who: Respondent<'_>,
    id: Uuid,
    op: &Op,
) -> Result<Done, ServiceError> {
    Ok(match op {
        Op::Page { page, raw } => {
            Done::Next(save_page_in(conn, loaded, who, id, *page, raw).await?)
        }
        Op::Submit => Done::Reference(submit_in(conn, loaded, who, id).await?),
        Op::Whole { raw } => Done::Reference(respond_all_in(conn, loaded, who, id, raw).await?),
    })
}

/// One write in a transaction of its own.
async fn run_alone(db: &Db, who: Respondent<'_>, id: Uuid, op: &Op) -> Result<Done, ServiceError> {
    let mut tx = db.begin().await?;
    let done = run_op(tx.conn(), &mut Loaded::default(), who, id, op).await?;
    tx.commit().await?;
    Ok(done)
}

/// Saves a page, submits, or takes a whole response. On PostgreSQL each
/// write is its own transaction (they run side by side). On SQLite writes
/// run one at a time anyway, so those waiting are grouped: see
/// [`group`].
async fn write(db: &Db, who: Respondent<'_>, id: Uuid, op: Op) -> Result<Done, ServiceError> {
    match db.sqlite_file() {
        None => run_alone(db, who, id, &op).await,
        Some(file) => group::write(db, file, Who::of(who), id, op).await,
    }
}

/// Group commit for SQLite (ADR 0012). A SQLite file takes one writer at
/// a time, and every statement is a round trip to the connection's
/// thread, so respondents' writes queue here and whoever finds the queue
/// unattended runs everything waiting in one transaction: one `BEGIN`,
/// one `COMMIT`, one read of each consultation for the lot. Each write
/// runs the same code, checks and statements as alone, in arrival order,
/// and sees the writes before it. If any of them fails, the transaction
/// is rolled back and the group split: the writes before it are run again
/// as a group, the failing one alone (so its caller gets its own error
/// from a transaction of its own), then the rest; nobody else's write
/// fails or is lost because of it. The writes are run by a task of their
/// own, so a caller that goes away (a closed connection, a timeout)
/// cannot abandon other callers' writes half-way.
mod group {
    use std::collections::HashMap;
    use std::future::Future;
    use std::path::PathBuf;
    use std::pin::Pin;
    use std::sync::{Arc, Mutex, OnceLock};

    use cohesion_storage::{Db, StorageError};
    use tokio::sync::oneshot;
    use uuid::Uuid;

    use super::{run_alone, run_op, Done, Loaded, Op, Who};
    use crate::ServiceError;

    /// Most writes in one transaction: bounds how long the write lock is
    /// held at a time.
    const MOST: usize = 64;

    struct Job {
        db: Db,
        who: Who,
        id: Uuid,
        op: Op,
        reply: oneshot::Sender<Result<Done, ServiceError>>,
    }

    #[derive(Default)]
    struct Queue {
        waiting: Mutex<Vec<Job>>,
        /// Held by the task running a group.
        running: tokio::sync::Mutex<()>,
    }

    fn queue(file: PathBuf) -> Arc<Queue> {
        static QUEUES: OnceLock<Mutex<HashMap<PathBuf, Arc<Queue>>>> = OnceLock::new();
        let mut queues = QUEUES
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        queues.entry(file).or_default().clone()
    }

    pub(super) async fn write(
        db: &Db,
        file: PathBuf,
        who: Who,
        id: Uuid,
        op: Op,
    ) -> Result<Done, ServiceError> {
        let queue = queue(file);
        let (reply, mut answer) = oneshot::channel();
        let job = Job {
            db: db.clone(),
            who,
            id,
            op,
            reply,
        };
        queue
            .waiting
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(job);
        // Detached from the caller: once queued, the write is run and
        // answered even if the caller stops waiting.
        let task = tokio::spawn(async move {
            loop {
                tokio::select! {
                    biased;
                    done = &mut answer => return done.ok(),
                    running = queue.running.lock() => {
                        let jobs: Vec<Job> = {
                            let mut waiting = queue.waiting.lock().unwrap_or_else(|e| e.into_inner());
                            let n = waiting.len().min(MOST);
                            waiting.drain(..n).collect()
                        };
                        if !jobs.is_empty() {
                            run(jobs).await;
                        }
                        drop(running);
                        // Ours was in this group or an earlier one (whose
                        // runner answered before letting go), or is still
                        // waiting behind MOST others.
                    }
                }
            }
        });
        match task.await {
            Ok(Some(done)) => done,
            // The runtime is shutting down.
            _ => Err(StorageError::Invalid("the write was interrupted".into()).into()),
        }
    }

    /// Runs `jobs` in one transaction, or splits the group around a
    /// failure, and answers each.
    fn run(jobs: Vec<Job>) -> Pin<Box<dyn Future<Output = ()> + Send>> {
        Box::pin(async move {
            if jobs.is_empty() {
                return;
            }
            if jobs.len() == 1 {
                let job = jobs.into_iter().next().expect("one job");
                let done = run_alone(&job.db, job.who.as_respondent(), job.id, &job.op).await;
                let _ = job.reply.send(done);
                return;
            }
            let db = jobs[0].db.clone();
            let failed_at = match together(&db, &jobs).await {
                Ok(done) => {
                    for (job, done) in jobs.into_iter().zip(done) {
                        let _ = job.reply.send(Ok(done));
                    }
                    return;
                }
                Err(at) => at,
            };
            let mut jobs = jobs;
            let after = jobs.split_off(failed_at.min(jobs.len() - 1) + 1);
            let failed = jobs.pop().expect("the failing job");
            run(jobs).await;
            run(vec![failed]).await;
            run(after).await;
        })
    }

    /// All of `jobs` in one transaction: their answers if it commits, or
    /// where it failed (the transaction is then rolled back).
    async fn together(db: &Db, jobs: &[Job]) -> Result<Vec<Done>, usize> {
        let mut tx = db.begin().await.map_err(|_| 0usize)?;
        let mut loaded = Loaded::default();
        let mut done = Vec::with_capacity(jobs.len());
        for (at, job) in jobs.iter().enumerate() {
            match run_op(
                tx.conn(),
                &mut loaded,
                job.who.as_respondent(),
                job.id,
                &job.op,
            )
            .await
            {
                Ok(d) => done.push(d),
                Err(_) => {
                    tx.rollback().await.ok();
                    return Err(at);
                }
            }
        }
        // A failed COMMIT: run them again one by one, each answered alone.
        tx.commit().await.map_err(|_| 0usize)?;
        Ok(done)
    }
}
