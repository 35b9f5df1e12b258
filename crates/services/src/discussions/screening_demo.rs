//! The demo's screening history (ADR 36): comments on the closed
//! festival discussion that screening held or members reported, each
//! decided by the moderator Grace, so that the screening quality page
//! shows figures; and, in the open discussion, a comment held as a near
//! repeat of one already posted, naming it. Every word was written for
//! Cohesion; the people are the demo's accounts.

use cohesion_domain::discussion::comment::State;
use cohesion_domain::discussion::record::Badge;
use cohesion_domain::discussion::screening::Reason;
use cohesion_domain::discussion::thread::ThreadPath;
use cohesion_domain::identity::Email;
use cohesion_insight::duplicates::{Options, Signer};
use cohesion_storage::accounts::users;
use cohesion_storage::discussions::moderation::{self as store, Waiting};
use cohesion_storage::discussions::screening::{self, Finding};
use cohesion_storage::discussions::{catalogue, comments};
use cohesion_storage::{Conn, Timestamp};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::screening::fingerprint;
use crate::ServiceError;

const GRACE: &str = "grace@brightwater.example";

/// One decided demo comment: who wrote it, why it came before a
/// moderator (a screening reason or `report:CODE`; never pre-moderation,
/// which the festival discussion did not use), the
/// public reason it was hidden for (`None`: approved), and its text.
struct Decided {
    by: &'static str,
    why: &'static str,
    hidden: Option<&'static str>,
    text: &'static str,
}

const fn d(
    by: &'static str,
    why: &'static str,
    hidden: Option<&'static str>,
    text: &'static str,
) -> Decided {
    Decided {
        by,
        why,
        hidden,
        text,
    }
}

const TOM: &str = "tom@brightwater.example";
const PRIYA: &str = "priya@brightwater.example";
const SAMIR: &str = "samir@brightwater.example";
const HELEN: &str = "helen@brightwater.example";
const OMAR: &str = "omar@brightwater.example";
const SIAN: &str = "sian@brightwater.example";

const SPAM: Option<&str> = Some("spam");

fn decided() -> [Decided; 20] {
    [
        d(OMAR, "word:discount code", SPAM, "Festival wristbands for next year at half price, message me for a discount code."),
        d(OMAR, "word:discount code", SPAM, "Discount code for the harbour car park on festival days, ask me before they run out."),
        d(SIAN, "word:discount code", SPAM, "Stall spaces for next summer going cheap, discount code in my profile."),
        d(OMAR, "word:discount code", SPAM, "Best prices on lanterns for the parade, message me for a discount code today."),
        d(SIAN, "word:discount code", SPAM, "Food stall vouchers with a discount code, only a few left, first come first served."),
        d(PRIYA, "word:discount code", None, "Was there a discount code for families at the ice cream van? We went four times and it added up."),
        d(OMAR, "links", SPAM, "Tickets https://tickets.example.com https://tickets.example.net https://deals.example.org https://offers.example.com"),
        d(SIAN, "links", SPAM, "Cheap parking https://park.example.com https://park.example.net https://parking.example.org https://spaces.example.com"),
        d(OMAR, "links", SPAM, "Best deals https://deals.example.net https://deals.example.com https://save.example.org https://save.example.com"),
        d(HELEN, "links", None, "My photos of the lantern parade: https://photos.example.org/1 https://photos.example.org/2 https://photos.example.org/3 https://photos.example.org/4"),
        d(SAMIR, "links", None, "Timetables for the extra buses, for next year: https://bus.example.org/a https://bus.example.org/b https://bus.example.org/c https://bus.example.org/d"),
        d(TOM, "report:off_topic", Some("off_topic"), "Does anyone know a good plumber in the Harbour ward? Mine has stopped answering the phone."),
        d(SIAN, "report:personal_information", Some("personal_information"), "The man who runs the coffee stall lives at 14 Quay Street, in case anyone wants to complain to him in person."),
        d(OMAR, "report:off_topic", Some("off_topic"), "Vote for me in the council election next May and I will sort all of this out."),
        d(PRIYA, "report:off_topic", None, "The lantern parade was lovely. More seating near the stage next year, please."),
        d(SAMIR, "report:off_topic", None, "My mother loved the dance tent. Could it start earlier so older people can stay for it?"),
        d(HELEN, "report:off_topic", None, "The signs in several languages made a real difference to my neighbours."),
        d(TOM, "report:off_topic", None, "Please keep the free water stations: it was hot and they were busy all day."),
        d(SIAN, "report:off_topic", None, "The quiet space for children who needed a break was a great idea."),
        d(SAMIR, "report:other", None, "The music was far too loud after nine and the council should say so to the organisers."),
    ]
}

/// A near repeat of the demo's comment posted twice, by someone else.
const NEAR: &str = "The youth club on Mill Lane closed two years ago and nothing has replaced \
it. Teenagers hang around the precinct because there is nowhere else, and then everyone \
complains about them. Open something in the evenings and a lot of this would go away.";

/// Adds the screening history to the demo's `closed` and `open`
/// discussions; `twice` is the text posted twice in the open one.
pub(crate) async fn load(
    mut conn: Conn<'_>,
    closed: Uuid,
    closed_opened: OffsetDateTime,
    open: Uuid,
    twice: &str,
) -> Result<(), ServiceError> {
    let Some(grace) = account(conn.reborrow(), GRACE).await? else {
        return Ok(());
    };
    for (i, c) in decided().iter().enumerate() {
        let Some(author) = account(conn.reborrow(), c.by).await? else {
            continue;
        };
        let posted = closed_opened + Duration::hours(30 + 24 * i as i64);
        let state = match c.hidden {
            Some(_) => State::Hidden,
            None => State::Published,
        };
        let id = top_level(conn.reborrow(), closed, author, c.text, state, posted).await?;
        if c.hidden.is_none() {
            catalogue::count_visible(conn.reborrow(), closed, 1).await?;
        }
        comments::set_state(conn.reborrow(), id, state, c.hidden).await?;
        let (held, reported) = match c.why.strip_prefix("report:") {
            Some(_) => (false, true),
            None => (true, false),
        };
        let kinds: Vec<&str> = Reason::parse(c.why).kind().into_iter().collect();
        screening::record(
            conn.reborrow(),
            &Finding {
                comment_id: id,
                discussion_id: closed,
                kinds: if held { &kinds } else { &[] },
                campaign_id: None,
                score: None,
                model_version: None,
                at: Timestamp::from(posted),
            },
        )
        .await?;
        store::wait(
            conn.reborrow(),
            &Waiting {
                comment_id: id,
                discussion_id: closed,
                severity: 1,
                weight: 0,
                held,
                reported,
                appealed: false,
                reasons: if held { c.why } else { "" },
                at: Timestamp::from(posted),
            },
        )
        .await?;
        let at = Timestamp::from(posted + Duration::hours(2));
        let action = if c.hidden.is_some() {
            "hide"
        } else {
            "approve"
        };
        let decision = store::NewDecision {
            comment: id,
            discussion: closed,
            moderator: grace,
            action,
            reason: c.hidden,
            note: None,
            waited_seconds: Some(2 * 3600),
            at,
        };
        store::record_decision(conn.reborrow(), &decision).await?;
        store::decided(conn.reborrow(), id, at, false).await?;
    }
    near_repeat(conn, open, twice).await
}

/// The held near repeat in the open discussion, naming the first of the
/// comments it nearly repeats.
async fn near_repeat(mut conn: Conn<'_>, open: Uuid, twice: &str) -> Result<(), ServiceError> {
    let Some(author) = account(conn.reborrow(), SAMIR).await? else {
        return Ok(());
    };
    let epoch = Timestamp::from(OffsetDateTime::UNIX_EPOCH);
    let print = fingerprint(twice);
    let earlier = screening::candidates(conn.reborrow(), open, &[], print.as_deref(), epoch, 10)
        .await?
        .into_iter()
        .min_by_key(|c| (c.created_at, c.id));
    let Some(earlier) = earlier else {
        return Ok(());
    };
    let now = OffsetDateTime::now_utc() - Duration::hours(2);
    let id = top_level(
        conn.reborrow(),
        open,
        author,
        NEAR,
        State::AwaitingModeration,
        now,
    )
    .await?;
    let signer = Signer::new(&Options::default());
    let bands: Vec<i64> = signer
        .band_keys(&signer.sign(NEAR))
        .into_iter()
        .map(|k| k as i64)
        .collect();
    let at = Timestamp::from(now);
    screening::add_bands(conn.reborrow(), open, id, &bands, at).await?;
    screening::record(
        conn.reborrow(),
        &Finding {
            comment_id: id,
            discussion_id: open,
            kinds: &["near-repeat"],
            campaign_id: None,
            score: None,
            model_version: None,
            at,
        },
    )
    .await?;
    store::wait(
        conn,
        &Waiting {
            comment_id: id,
            discussion_id: open,
            severity: 1,
            weight: 0,
            held: true,
            reported: false,
            appealed: false,
            reasons: &format!("near-repeat:{}", earlier.id),
            at,
        },
    )
    .await?;
    Ok(())
}

/// Places a top-level comment as posting would.
async fn top_level(
    mut conn: Conn<'_>,
    discussion: Uuid,
    author: Uuid,
    text: &str,
    state: State,
    at: OffsetDateTime,
) -> Result<Uuid, ServiceError> {
    let seq = catalogue::place_top_level(conn.reborrow(), discussion, false)
        .await?
        .unwrap_or(0);
    let path = ThreadPath::top(seq as u64).ok_or(ServiceError::NotFound)?;
    Ok(comments::insert(
        conn,
        &comments::NewComment {
            discussion_id: discussion,
            path: path.as_str(),
            depth: path.depth() as i64,
            parent_id: None,
            root_id: None,
            author_id: Some(author),
            author_name: None,
            badge: Badge::CommunityMember,
            body: text,
            state,
            created_at: Timestamp::from(at),
            fingerprint: fingerprint(text).as_deref(),
        },
    )
    .await?)
}

async fn account(mut conn: Conn<'_>, email: &str) -> Result<Option<Uuid>, ServiceError> {
    Ok(users::find_by_email(conn.reborrow(), &Email::parse(email)?)
        .await?
        .map(|u| u.id))
}
