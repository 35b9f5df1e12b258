//! The data the discussion benchmarks of issue 18 need, made fast, so that
//! `scripts/bench-discussions` can measure posting, voting and the
//! moderation queue over HTTP against the release binary.
//!
//!   cargo run --release -p cohesion-services --example bench_discussions -- COMMAND URL ...
//!
//! Commands (URL is `sqlite:PATH` or `postgres://…`; the caller owns the
//! database or schema):
//!
//! - `setup URL DIR PEOPLE STATEMENTS VOTES_EACH`: migrates and loads the
//!   demonstration (its word lists and its moderators' decisions), trains
//!   the screening classifier on those decisions as
//!   `cohesion admin moderation retrain` does, so every kind of screening
//!   runs on each post; then an officer opens a discussion (no
//!   pre-moderation, so only screening holds) through the services and
//!   adds a statements stage of STATEMENTS published statements. PEOPLE
//!   new members are signed in, each having already voted on VOTES_EACH
//!   statements (written with the storage function the vote path uses),
//!   so the opinion map has a live conversation to redraw. Writes
//!   DIR/cookies (one session per line; every session's CSRF token is
//!   `csrf`), DIR/members (their ids), DIR/statements (one id per line)
//!   and DIR/moderator (a demo moderator's session). Prints `discussion=ID`.
//! - `queue URL ID DIR ITEMS`: puts ITEMS comments by the new members
//!   (DIR/members, which `setup` wrote) into
//!   the moderation queue of discussion ID, held by screening or
//!   reported, of varied severity and age, in transactions of 5,000, with
//!   the storage functions the posting and reporting paths use.
//! - `votes URL ID`: prints `votes=N voters=N`, the votes as they stand
//!   (the last vote of a person on a statement counts once).
//!
//! Output lines are `key=value` pairs for the script to read. Every name
//! and text is generated: no real data.

use std::fmt::Write as _;
use std::path::PathBuf;

use cohesion_domain::consultation::format_datetime;
use cohesion_domain::discussion::comment::State as CommentState;
use cohesion_domain::discussion::details::DiscussionInput;
use cohesion_domain::discussion::record::Badge;
use cohesion_domain::discussion::statements::State as StatementState;
use cohesion_domain::discussion::thread::ThreadPath;
use cohesion_domain::identity::{DisplayName, Email, Role};
use cohesion_domain::languages::Languages;
use cohesion_domain::local_time::SiteZone;
use cohesion_services::accounts::{self, tokens, Passwords};
use cohesion_services::discussions::{authoring, classifier, statements as stage};
use cohesion_storage::accounts::sessions::{self, NewSession};
use cohesion_storage::accounts::users;
use cohesion_storage::discussions::{catalogue, comments, moderation, statements};
use cohesion_storage::{migrate, Conn, Db, PoolSettings, Timestamp};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

type Error = Box<dyn std::error::Error + Send + Sync>;

const BATCH: usize = 5_000;
const MODERATOR: &str = "grace@brightwater.example";
const WORDS: &[&str] = &[
    "bus",
    "station",
    "lighting",
    "evening",
    "patrol",
    "market",
    "harbour",
    "school",
    "parents",
    "report",
    "neighbours",
    "festival",
    "street",
    "safety",
    "police",
    "council",
    "helpline",
    "youth",
    "club",
    "library",
    "volunteers",
    "CCTV",
    "taxi",
    "mosque",
    "church",
    "park",
];

/// A small LCG: scattered but repeatable choices without a crate.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n
    }

    fn sentence(&mut self, words: usize) -> String {
        let mut s = String::new();
        for i in 0..words {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(WORDS[self.below(WORDS.len())]);
        }
        s.push('.');
        s
    }
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| -> Result<&str, Error> {
        args.get(i)
            .map(String::as_str)
            .ok_or_else(|| format!("missing argument {i}; see the comment at the top").into())
    };
    let db = Db::connect(arg(1)?, PoolSettings::default()).await?;
    match arg(0)? {
        "setup" => {
            migrate::run(&db).await?;
            let dir = PathBuf::from(arg(2)?);
            setup(
                &db,
                &dir,
                arg(3)?.parse()?,
                arg(4)?.parse()?,
                arg(5)?.parse()?,
            )
            .await
        }
        "queue" => {
            let members = std::fs::read_to_string(PathBuf::from(arg(3)?).join("members"))?;
            let authors = members
                .lines()
                .map(str::parse)
                .collect::<Result<Vec<Uuid>, _>>()?;
            queue(&db, arg(2)?.parse()?, &authors, arg(4)?.parse()?).await
        }
        "votes" => {
            let id: Uuid = arg(2)?.parse()?;
            let mut c = db.acquire().await?;
            let votes = statements::all_votes(c.conn(), id).await?;
            let voters: std::collections::HashSet<_> = votes.iter().map(|v| v.user_id).collect();
            println!("votes={} voters={}", votes.len(), voters.len());
            Ok(())
        }
        other => Err(format!("unknown command {other}").into()),
    }
}

/// A signed-in account with `role`: its id and session cookie.
async fn person(conn: Conn<'_>, i: usize, role: Role) -> Result<(Uuid, String), Error> {
    let mut conn = conn;
    let email = Email::parse(&format!("member{i}@bench.example"))?;
    let name = DisplayName::parse(&format!("Member {i}"))?;
    let id = users::insert(conn.reborrow(), &email, &name, "not-a-hash", "en")
        .await?
        .ok_or("duplicate account")?;
    users::mark_verified(conn.reborrow(), id, email.as_str()).await?;
    users::grant_role(conn.reborrow(), id, role, None).await?;
    let cookie = session_for(conn, id).await?;
    Ok((id, cookie))
}

/// A new session of `user` whose CSRF token is `csrf`.
async fn session_for(conn: Conn<'_>, user: Uuid) -> Result<String, Error> {
    let now = Timestamp::now();
    let cookie = tokens::new_token()?;
    sessions::create(
        conn,
        NewSession {
            id: cohesion_storage::new_id(),
            token_hash: &tokens::hash_token(&cookie),
            user_id: user,
            csrf_token: "csrf",
            now,
            expires_at: Timestamp::from(now.as_offset() + accounts::ABSOLUTE_TIMEOUT),
            user_agent: Some("bench"),
        },
    )
    .await?;
    Ok(cookie)
}

async fn setup(
    db: &Db,
    dir: &std::path::Path,
    people: usize,
    statement_count: usize,
    votes_each: usize,
) -> Result<(), Error> {
    cohesion_services::demo::load(db, &Passwords::new(1)).await?;

    // The officer, through the services as the officers' page does.
    let mut c = db.acquire().await?;
    let (_, officer) = person(c.conn(), 0, Role::Officer).await?;
    let moderator_id = users::find_by_email(c.conn(), &Email::parse(MODERATOR)?)
        .await?
        .ok_or("the demo moderator is missing")?
        .id;
    let moderator = session_for(c.conn(), moderator_id).await?;
    drop(c);
    let me = accounts::session(db, &officer)
        .await?
        .ok_or("the officer's session is missing")?;
    let now = OffsetDateTime::now_utc();
    let input = DiscussionInput {
        title: "Benchmark: what would make the town centre feel safer at night?".into(),
        introduction: "A generated discussion for the benchmarks.".into(),
        questions: "What would help?".into(),
        topics: "Community safety".into(),
        area: "Town centre".into(),
        opens_at: format_datetime(now - Duration::days(1)),
        closes_at: format_datetime(now + Duration::days(30)),
        language: "en".into(),
        pre_moderation: "off".into(),
        first_comments: String::new(),
        consultation_stage: String::new(),
    };
    let zone = SiteZone::named("Europe/London")?;
    let languages = Languages::new("en", ["ar"]);
    let id = authoring::create(db, &me, &input, &zone, &languages, None).await?;
    authoring::set_published(db, &me, id, true, None).await?;
    stage::set_stage(db, &me, id, true, None).await?;

    let mut rnd = Lcg(18);
    let created = Timestamp::now();
    let mut tx = db.begin().await?;
    let mut listed = Vec::with_capacity(statement_count);
    for i in 0..statement_count {
        let body = format!("{} {}", i + 1, rnd.sentence(8));
        let s = statements::NewStatement {
            discussion_id: id,
            author_id: None,
            body: &body,
            state: StatementState::Published,
            reasons: "",
            severity: 0,
            created_at: created,
        };
        listed.push(statements::insert(tx.conn(), &s).await?);
    }
    tx.commit().await?;
    let mut c = db.acquire().await?;
    let all = statements::list(c.conn(), id, None, statement_count as i64).await?;
    drop(c);

    let mut cookies = String::new();
    let mut members = String::new();
    let mut ids = Vec::with_capacity(people);
    for chunk in (1..=people).collect::<Vec<_>>().chunks(BATCH / 10) {
        let mut tx = db.begin().await?;
        for &i in chunk {
            let (user, cookie) = person(tx.conn(), i, Role::Resident).await?;
            writeln!(cookies, "{cookie}")?;
            writeln!(members, "{user}")?;
            ids.push(user);
            for _ in 0..votes_each.min(all.len()) {
                let s = &all[rnd.below(all.len())];
                let value = rnd.below(3) as i64 - 1;
                statements::vote(tx.conn(), s, user, value, created).await?;
            }
        }
        tx.commit().await?;
    }
    let mut c = db.acquire().await?;
    statements::mark_stale(c.conn(), id).await?;
    drop(c);
    decisions(db, id, &ids, moderator_id, 80).await?;
    match classifier::retrain(db).await? {
        classifier::Retrained::Trained(model) => println!("classifier={}", model.version),
        other => return Err(format!("the classifier was not trained: {other:?}").into()),
    }
    std::fs::write(dir.join("cookies"), cookies)?;
    std::fs::write(dir.join("members"), members)?;
    let ids: Vec<String> = listed.iter().map(Uuid::to_string).collect();
    std::fs::write(dir.join("statements"), ids.join("\n") + "\n")?;
    std::fs::write(dir.join("moderator"), moderator + "\n")?;
    println!("discussion={id}");
    Ok(())
}

/// A top-level comment by `author` in `discussion`, written with the
/// storage functions the posting path uses.
async fn comment(
    mut conn: Conn<'_>,
    discussion: Uuid,
    author: Uuid,
    body: &str,
    state: CommentState,
    at: Timestamp,
) -> Result<Uuid, Error> {
    let seq = catalogue::place_top_level(conn.reborrow(), discussion, false)
        .await?
        .ok_or("the discussion is missing")?;
    let path = ThreadPath::top(seq as u64).ok_or("too many comments")?;
    let c = comments::NewComment {
        discussion_id: discussion,
        path: path.as_str(),
        depth: 0,
        parent_id: None,
        root_id: None,
        author_id: Some(author),
        author_name: None,
        badge: Badge::CommunityMember,
        body,
        state,
        created_at: at,
        fingerprint: None,
    };
    Ok(comments::insert(conn, &c).await?)
}

/// Moderators' decisions enough for the classifier to train on: `each`
/// comments hidden (sweeping blame of an invented group, and spam) and
/// `each` kept (what happened and what would help), a minute apart.
async fn decisions(
    db: &Db,
    discussion: Uuid,
    authors: &[Uuid],
    moderator: Uuid,
    each: usize,
) -> Result<(), Error> {
    const HIDDEN: &[&str] = &[
        "those hillsiders are all the same, every one of them should be thrown out",
        "never trust a hillsider, they ruin every street they move into",
        "buy cheap followers now, click the link for amazing prizes",
        "hillsiders are vermin and everyone knows it",
    ];
    const KEPT: &[&str] = &[
        "the lighting by the bus station would help people walk home safely",
        "I reported an incident last year and the helpline called me back the next day",
        "more youth club evenings in the park would give teenagers somewhere to go",
        "the police patrol near the market made my parents feel safer",
    ];
    let mut rnd = Lcg(36);
    let start = OffsetDateTime::now_utc() - Duration::days(2);
    let mut tx = db.begin().await?;
    for i in 0..each * 2 {
        let hidden = i % 2 == 0;
        let lines = if hidden { HIDDEN } else { KEPT };
        let words = 3 + rnd.below(6);
        let body = format!("{} {}", lines[rnd.below(lines.len())], rnd.sentence(words));
        let at = Timestamp::from(start + Duration::minutes(i as i64));
        let state = if hidden {
            CommentState::Hidden
        } else {
            CommentState::Published
        };
        let author = authors[rnd.below(authors.len())];
        let id = comment(tx.conn(), discussion, author, &body, state, at).await?;
        moderation::record_decision(
            tx.conn(),
            &moderation::NewDecision {
                comment: id,
                discussion,
                moderator,
                action: if hidden { "hide" } else { "approve" },
                reason: hidden.then_some("spam"),
                note: None,
                waited_seconds: Some(60),
                at,
            },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// `items` comments waiting for a moderator in `discussion`: a third
/// reported, the rest held by screening, severities 1 to 3, posted over
/// the last thirty days.
async fn queue(db: &Db, discussion: Uuid, authors: &[Uuid], items: usize) -> Result<(), Error> {
    if authors.is_empty() {
        return Err("run setup first".into());
    }
    let mut rnd = Lcg(50);
    let now = OffsetDateTime::now_utc();
    let mut made = 0;
    while made < items {
        let mut tx = db.begin().await?;
        for _ in 0..BATCH.min(items - made) {
            let at = Timestamp::from(now - Duration::seconds(rnd.below(30 * 86_400) as i64));
            let words = 12 + rnd.below(40);
            let body = rnd.sentence(words);
            let reported = made % 3 == 0;
            let state = if reported {
                CommentState::Published
            } else {
                CommentState::AwaitingModeration
            };
            let author = authors[rnd.below(authors.len())];
            let id = comment(tx.conn(), discussion, author, &body, state, at).await?;
            moderation::wait(
                tx.conn(),
                &moderation::Waiting {
                    comment_id: id,
                    discussion_id: discussion,
                    severity: 1 + rnd.below(3) as i64,
                    weight: if reported { 1 + rnd.below(4) as i64 } else { 0 },
                    held: !reported,
                    reported,
                    appealed: false,
                    reasons: if reported { "" } else { "word:patrol" },
                    at,
                },
            )
            .await?;
            made += 1;
        }
        tx.commit().await?;
    }
    println!("queued={made}");
    Ok(())
}
