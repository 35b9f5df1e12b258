//! The consultation benchmarks of issue 4: a survey of 20 questions, a
//! generator of random (valid) responses, and the measurements that need
//! no web server. `scripts/bench-consultations` drives it and measures the
//! results page over HTTP against the release binary.
//!
//!   cargo run --release -p cohesion-services --example bench_consultations -- COMMAND URL ...
//!
//! Commands (URL is `sqlite:PATH` or `postgres://…`; the caller owns the
//! database or schema):
//!
//! - `load URL RESPONSES`: migrates, creates a published consultation of
//!   20 questions with published results, and writes RESPONSES random
//!   responses in transactions of 5,000. Each response is started, given
//!   its draft, its answer rows and its submission time with the storage
//!   functions the submission path uses; the running totals of a batch
//!   are added in the same transaction, summed per total (as many
//!   submissions one after another would leave them). Prints the id.
//! - `recount URL ID [REPEATS]`: times `totals::recount` (a full count
//!   from the raw answers) REPEATS times, then `totals_check::verify_totals`.
//! - `submit URL RESPONSES TASKS [--into ID]`: creates a fresh consultation in the
//!   same database and submits RESPONSES responses through the real path
//!   (`writes::save_page` for each page the respondent sees, then
//!   `writes::submit`) from TASKS concurrent tasks, each response from
//!   a different anonymous respondent; then `verify_totals`.
//!   With `--into ID`, submits to that consultation instead.
//! - `verify URL ID`: `verify_totals` alone.
//!
//! Output lines are `key=value` pairs for the script to read.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

use cohesion_domain::consultation::Publication;
use cohesion_domain::consultation::{format_datetime, response_reference, ConsultationInput};
use cohesion_domain::survey::answers::{check_response, fields_of_page, RawAnswers};
use cohesion_domain::survey::model::{
    Demographic, PageDef, QuestionDef, QuestionKind, Rule, SurveyDefinition,
};
use cohesion_domain::survey::tally::{count_keys, rows, CountKey};
use cohesion_services::accounts::tokens::hash_token;
use cohesion_services::consultations::responding::writes;
use cohesion_services::consultations::responding::{Next, Respondent};
use cohesion_services::consultations::results::totals_check;
use cohesion_storage::consultations::catalogue;
use cohesion_storage::consultations::responses::Owner;
use cohesion_storage::consultations::{answers, responses, totals};
use cohesion_storage::{migrate, Db, PoolSettings, Timestamp};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

type Error = Box<dyn std::error::Error + Send + Sync>;

const BATCH: usize = 5_000;

fn q(id: &str, text: &str, kind: QuestionKind, required: bool) -> QuestionDef {
    QuestionDef {
        id: id.into(),
        text: text.into(),
        hint: String::new(),
        required,
        kind,
        show_if: None,
        purpose: String::new(),
    }
}

fn options(n: usize, label: &str) -> Vec<String> {
    (1..=n).map(|i| format!("{label} {i}")).collect()
}

fn demographic(id: &str, of: Demographic, areas: Vec<String>) -> QuestionDef {
    let mut d = q(
        id,
        "About you",
        QuestionKind::Demographic { of, areas },
        false,
    );
    if of.is_special_category() {
        d.purpose = "To check that we hear from every community.".into();
    }
    d
}

/// Twenty questions on four pages: every kind of question, a routing rule
/// (q3 is shown after a "yes" to q2, a page earlier) and a
/// special-category question, as a council's survey might have.
fn survey() -> SurveyDefinition {
    let mut where_seen = q(
        "q3",
        "Where did you see it?",
        QuestionKind::MultipleChoice {
            options: options(5, "Place"),
            max: None,
        },
        false,
    );
    where_seen.show_if = Some(Rule {
        question: "q2".into(),
        any_of: vec![0],
    });
    let page = |title: &str, questions| PageDef {
        title: title.into(),
        skip_if: None,
        questions,
    };
    SurveyDefinition {
        pages: vec![
            page(
                "Your community",
                vec![
                    q(
                        "q1",
                        "Communities here get on well.",
                        QuestionKind::Agreement,
                        true,
                    ),
                    q(
                        "q2",
                        "Have you seen hateful views in the last year?",
                        QuestionKind::SingleChoice {
                            options: options(3, "Answer"),
                        },
                        true,
                    ),
                    q(
                        "q4",
                        "How effective are local groups?",
                        QuestionKind::Effectiveness,
                        false,
                    ),
                    q(
                        "q5",
                        "How often do you meet neighbours?",
                        QuestionKind::SingleChoice {
                            options: options(4, "Often"),
                        },
                        false,
                    ),
                ],
            ),
            page(
                "What would work",
                vec![
                    where_seen,
                    q(
                        "q6",
                        "Rank these ideas.",
                        QuestionKind::Ranking {
                            options: options(4, "Idea"),
                        },
                        false,
                    ),
                    q(
                        "q7",
                        "How far do you agree with each statement?",
                        QuestionKind::Matrix {
                            rows: options(3, "Statement"),
                        },
                        false,
                    ),
                    q(
                        "q8",
                        "What else should we do?",
                        QuestionKind::LongText { max_chars: 2_000 },
                        false,
                    ),
                    q("q9", "The council listens.", QuestionKind::Agreement, false),
                    q(
                        "q10",
                        "Which would you take part in?",
                        QuestionKind::MultipleChoice {
                            options: options(6, "Activity"),
                            max: Some(3),
                        },
                        false,
                    ),
                ],
            ),
            page(
                "Where you live",
                vec![
                    q(
                        "q11",
                        "I feel safe after dark.",
                        QuestionKind::Agreement,
                        false,
                    ),
                    q(
                        "q12",
                        "How effective is reporting?",
                        QuestionKind::Effectiveness,
                        false,
                    ),
                    q(
                        "q13",
                        "How many years have you lived here?",
                        QuestionKind::Number {
                            min: Some(0),
                            max: Some(100),
                        },
                        false,
                    ),
                    q(
                        "q14",
                        "One word for your area.",
                        QuestionKind::ShortText,
                        false,
                    ),
                    q(
                        "q15",
                        "How did you hear about this survey?",
                        QuestionKind::SingleChoice {
                            options: options(5, "Channel"),
                        },
                        false,
                    ),
                ],
            ),
            page(
                "About you",
                vec![
                    demographic("q16", Demographic::AgeBand, Vec::new()),
                    demographic("q17", Demographic::Gender, Vec::new()),
                    demographic("q18", Demographic::Area, options(8, "Ward")),
                    demographic("q19", Demographic::Religion, Vec::new()),
                    q("q20", "When did you move here?", QuestionKind::Date, false),
                ],
            ),
        ],
    }
}

/// A small deterministic generator (no crate needed).
struct Draws(u64);

impl Draws {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

const WORDS: [&str; 8] = [
    "more youth clubs",
    "better lighting",
    "listen to us",
    "mentoring",
    "sports",
    "festivals",
    "safe spaces",
    "street teams",
];

/// One respondent's form fields: every question answered most of the
/// time, the routed one only when its condition holds.
fn random_answers(d: &mut Draws) -> RawAnswers {
    let mut raw = RawAnswers::new();
    let put = |raw: &mut RawAnswers, k: &str, v: String| {
        raw.entry(k.to_owned()).or_default().push(v);
    };
    put(
        &mut raw,
        "q1",
        [0, 1, 1, 1, 2, 3, 4, 5][d.next(8)].to_string(),
    );
    let seen = [0, 0, 1, 1, 1, 2][d.next(6)];
    put(&mut raw, "q2", seen.to_string());
    if seen == 0 {
        for o in 0..5 {
            if d.next(3) == 0 {
                put(&mut raw, "q3", o.to_string());
            }
        }
    }
    for (k, n) in [("q4", 5), ("q5", 4), ("q9", 6), ("q11", 6), ("q12", 5)] {
        if d.next(10) > 0 {
            put(&mut raw, k, d.next(n).to_string());
        }
    }
    if d.next(3) > 0 {
        // The first two ranks of four ideas.
        let a = d.next(4);
        let b = (a + 1 + d.next(3)) % 4;
        put(&mut raw, &format!("q6-{a}"), "1".into());
        put(&mut raw, &format!("q6-{b}"), "2".into());
    }
    for row in 0..3 {
        if d.next(8) > 0 {
            put(&mut raw, &format!("q7-{row}"), d.next(6).to_string());
        }
    }
    if d.next(4) == 0 {
        let text = format!("{} and {}", WORDS[d.next(8)], WORDS[d.next(8)]);
        put(&mut raw, "q8", text);
    }
    for o in 0..d.next(4) {
        put(&mut raw, "q10", ((o * 2 + d.next(2)) % 6).to_string());
    }
    if let Some(v) = raw.get_mut("q10") {
        v.sort();
        v.dedup();
    }
    if d.next(5) > 0 {
        put(&mut raw, "q13", d.next(60).to_string());
    }
    if d.next(3) == 0 {
        put(&mut raw, "q14", WORDS[d.next(8)].to_string());
    }
    put(&mut raw, "q15", d.next(5).to_string());
    for (k, n) in [("q16", 9), ("q17", 5), ("q18", 8), ("q19", 9)] {
        if d.next(6) > 0 {
            put(&mut raw, k, d.next(n).to_string());
        }
    }
    if d.next(2) == 0 {
        let day = 1 + d.next(28);
        let month = 1 + d.next(12);
        let year = 1980 + d.next(46);
        put(&mut raw, "q20", format!("{year}-{month:02}-{day:02}"));
    }
    raw
}

async fn connect(url: &str) -> Result<Db, Error> {
    let db = Db::connect(url, PoolSettings::default()).await?;
    migrate::run(&db).await?;
    Ok(db)
}

/// A published, open consultation on the benchmark survey that takes
/// anonymous responses and shows its results to everyone.
async fn create_consultation(db: &Db, title: &str) -> Result<Uuid, Error> {
    let now = OffsetDateTime::now_utc();
    let input = ConsultationInput {
        title: title.into(),
        summary: "Benchmark consultation: random responses.".into(),
        body: "Generated by bench_consultations.".into(),
        topics: "benchmark".into(),
        area: "Citywide".into(),
        opens_at: format_datetime(now - Duration::days(1)),
        closes_at: format_datetime(now + Duration::days(30)),
        allow_anonymous: "yes".into(),
        strands: String::new(),
        documents: String::new(),
        language: String::new(),
    };
    let fields = input
        .validate(
            &cohesion_domain::local_time::SiteZone::utc(),
            &cohesion_domain::consultation::Languages::new("en", ["ar"]),
        )
        .map_err(|e| format!("{e:?}"))?;
    let def = survey();
    def.validate().map_err(|e| format!("{e:?}"))?;
    let json = serde_json::to_string(&def)?;
    let mut tx = db.begin().await?;
    let id = catalogue::insert(tx.conn(), &fields, &json, None).await?;
    let at = Some(Timestamp::now());
    catalogue::set_published(tx.conn(), id, Publication::Consultation, at).await?;
    catalogue::set_published(tx.conn(), id, Publication::Results, at).await?;
    tx.commit().await?;
    Ok(id)
}

async fn load(url: &str, count: usize) -> Result<(), Error> {
    let db = connect(url).await?;
    let id = create_consultation(&db, "Benchmark: 20 questions").await?;
    let def = survey();
    let mut d = Draws(0x5EED_2026);
    let started = Instant::now();
    let mut answer_rows = 0usize;
    let mut done = 0usize;
    while done < count {
        let n = BATCH.min(count - done);
        let mut totals: HashMap<CountKey, i64> = HashMap::new();
        let mut tx = db.begin().await?;
        for i in done..done + n {
            let raw = random_answers(&mut d);
            let answers = check_response(&def, &raw).map_err(|e| format!("{e:?}"))?;
            let key = hash_token(&format!("bench-respondent-{i}:{id}"));
            // Unique references: the response's number in the first four
            // characters (five bits each), random ones after.
            let mut random = [0u8; 8];
            for (k, b) in random.iter_mut().enumerate() {
                *b = if k < 4 {
                    ((i >> (5 * k)) & 31) as u8
                } else {
                    d.next(256) as u8
                };
            }
            let rid = responses::create(
                tx.conn(),
                id,
                Owner::Anonymous(&key),
                &response_reference(random),
            )
            .await?
            .ok_or("duplicate response")?;
            responses::save_draft(tx.conn(), rid, &serde_json::to_string(&raw)?).await?;
            let new_rows = rows(&def, &answers);
            answers::insert_answers(tx.conn(), rid, id, &new_rows).await?;
            responses::mark_submitted(tx.conn(), rid, Timestamp::now()).await?;
            answer_rows += new_rows.len();
            for k in count_keys(&def, &new_rows) {
                *totals.entry(k).or_default() += 1;
            }
        }
        // The batch's totals, grouped by how much each one moves.
        let mut by_delta: HashMap<i64, Vec<CountKey>> = HashMap::new();
        for (k, delta) in totals {
            by_delta.entry(delta).or_default().push(k);
        }
        for (delta, keys) in by_delta {
            totals::adjust_counts(tx.conn(), id, &keys, delta, 0).await?;
        }
        totals::adjust_counts(tx.conn(), id, &[], 0, n as i64).await?;
        tx.commit().await?;
        done += n;
    }
    let secs = started.elapsed().as_secs_f64();
    // A bulk load outruns PostgreSQL's statistics, which autovacuum keeps
    // up to date on a running server (and which some test clusters run
    // without): without them the planner takes the consultation for a few
    // rows and reads all of it for every page of the export. Gather them
    // as autovacuum would have. SQLite plans without statistics here.
    let mut c = db.acquire().await?;
    cohesion_storage::schema::refresh_statistics(c.conn()).await?;
    drop(c);
    println!(
        "consultation={id} responses={count} answer_rows={answer_rows} load_s={secs:.2} load_per_s={:.0}",
        count as f64 / secs
    );
    db.close().await;
    Ok(())
}

async fn recount(url: &str, id: Uuid, repeats: usize) -> Result<(), Error> {
    let db = connect(url).await?;
    let mut times = Vec::new();
    for _ in 0..repeats {
        let mut c = db.acquire().await?;
        let t = Instant::now();
        let found = totals::recount(c.conn(), id).await?;
        times.push(t.elapsed().as_secs_f64());
        if found.is_empty() {
            return Err("nothing to recount".into());
        }
    }
    times.sort_by(f64::total_cmp);
    let t = Instant::now();
    let diffs = totals_check::verify_totals(&db, id).await?;
    let verify = t.elapsed().as_secs_f64();
    println!(
        "recount_s={:.3} recount_runs={} verify_s={verify:.3} differences={}",
        times[times.len() / 2],
        times
            .iter()
            .map(|t| format!("{t:.3}"))
            .collect::<Vec<_>>()
            .join(","),
        diffs.len()
    );
    for d in diffs.iter().take(10) {
        println!("difference {d:?}");
    }
    db.close().await;
    Ok(())
}

async fn verify(url: &str, id: Uuid) -> Result<(), Error> {
    let db = connect(url).await?;
    let diffs = totals_check::verify_totals(&db, id).await?;
    println!("differences={}", diffs.len());
    for d in diffs.iter().take(10) {
        println!("difference {d:?}");
    }
    db.close().await;
    Ok(())
}

/// One respondent through the real path: each page they see, then submit.
async fn respond(
    db: &Db,
    def: &SurveyDefinition,
    id: Uuid,
    secret: &str,
    raw: &RawAnswers,
) -> Result<(), Error> {
    let who = Respondent::Anonymous(secret);
    let mut page = 0;
    loop {
        let fields = fields_of_page(def, page, raw);
        match writes::save_page(db, who, id, page, &fields).await {
            Ok(Next::Page(p)) => page = p,
            Ok(Next::CheckAnswers) => break,
            Err(e) => return Err(format!("page {page}: {e:?}").into()),
        }
    }
    writes::submit(db, who, id)
        .await
        .map_err(|e| format!("submit: {e:?}"))?;
    Ok(())
}

/// One respondent sending the whole response in one call, as the JSON
/// API does (`writes::respond_all`: one transaction).
async fn respond_whole(db: &Db, id: Uuid, secret: &str, raw: &RawAnswers) -> Result<(), Error> {
    writes::respond_all(db, Respondent::Anonymous(secret), id, raw)
        .await
        .map_err(|e| format!("respond_all: {e:?}"))?;
    Ok(())
}

async fn submit(
    url: &str,
    count: usize,
    tasks: usize,
    into: Option<Uuid>,
    whole: bool,
) -> Result<(), Error> {
    let db = connect(url).await?;
    let id = match into {
        Some(id) => id,
        None => create_consultation(&db, "Benchmark: submissions").await?,
    };
    let def = Arc::new(survey());
    // The answers are drawn before the clock starts.
    let mut d = Draws(0xF00D_2026);
    let all: Vec<RawAnswers> = (0..count).map(|_| random_answers(&mut d)).collect();
    let all = Arc::new(all);
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let started = Instant::now();
    let mut handles = Vec::new();
    for _ in 0..tasks {
        let (db, def, all, next) = (db.clone(), def.clone(), all.clone(), next.clone());
        handles.push(tokio::spawn(async move {
            let mut finished = Vec::new();
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= all.len() {
                    break;
                }
                let secret = format!("bench-submitter-{i}-{id}");
                if whole {
                    respond_whole(&db, id, &secret, &all[i]).await?;
                } else {
                    respond(&db, &def, id, &secret, &all[i]).await?;
                }
                finished.push(started.elapsed().as_secs_f64());
            }
            Ok::<_, Error>(finished)
        }));
    }
    let mut finished = Vec::new();
    for h in handles {
        finished.extend(h.await??);
    }
    let secs = started.elapsed().as_secs_f64();
    // The slowest whole second, to show whether the rate holds.
    let mut per_second = vec![0usize; secs as usize];
    for t in &finished {
        if let Some(s) = per_second.get_mut(*t as usize) {
            *s += 1;
        }
    }
    let slowest = per_second.iter().min().copied().unwrap_or(0);
    let diffs = totals_check::verify_totals(&db, id).await?;
    let counted = catalogue::find(db.acquire().await?.conn(), id)
        .await?
        .ok_or("consultation gone")?
        .0
        .response_count;
    println!(
        "consultation={id} responses={count} tasks={tasks} whole={whole} seconds={secs:.2} per_s={:.0} \
         slowest_second={slowest} response_count={counted} differences={}",
        count as f64 / secs,
        diffs.len()
    );
    for d in diffs.iter().take(10) {
        println!("difference {d:?}");
    }
    db.close().await;
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| -> Result<&str, Error> {
        args.get(i).map(String::as_str).ok_or_else(|| {
            "usage: bench_consultations load|recount|submit|submit-whole|verify URL ...".into()
        })
    };
    let url = arg(1)?;
    match arg(0)? {
        "load" => load(url, arg(2)?.parse()?).await,
        "recount" => {
            let repeats = args.get(3).map_or(Ok(3), |a| a.parse())?;
            recount(url, arg(2)?.parse()?, repeats).await
        }
        "submit" => {
            let into = match args.get(4).map(String::as_str) {
                Some("--into") => Some(arg(5)?.parse()?),
                _ => None,
            };
            submit(url, arg(2)?.parse()?, arg(3)?.parse()?, into, false).await
        }
        // The whole response per call, as the JSON API takes it.
        "submit-whole" => submit(url, arg(2)?.parse()?, arg(3)?.parse()?, None, true).await,
        "verify" => verify(url, arg(2)?.parse()?).await,
        other => Err(format!("unknown command {other}").into()),
    }
}
