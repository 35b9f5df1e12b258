//! The demo's consultations: one open (with a few hundred generated
//! responses, marked as such), one upcoming and one closed with published
//! results. Everything here was written for Cohesion; the responses are
//! random draws, not anybody's views.

mod arabic;
mod draws;
mod responses;
pub mod survey;
mod written;

use cohesion_domain::analysis::findings::FindingInput;
use cohesion_domain::consultation::Publication;
use cohesion_domain::consultation::{format_datetime, ConsultationInput, Languages, StageInput};
use cohesion_domain::local_time::SiteZone;
use cohesion_domain::survey::model::SurveyDefinition;
use cohesion_domain::translation::{self, Texts};
use cohesion_storage::consultations::catalogue::{self, ListQuery};
use cohesion_storage::consultations::findings;
use cohesion_storage::consultations::{result_publications, translations};
use cohesion_storage::{Db, Timestamp};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::consultations::ConsultationError;
use crate::ServiceError;
use arabic::{ARABIC, CLOSED_ARABIC};
use responses::{generate_responses, Window};
use survey::safer_streets_survey;
pub use written::{topics, written_answers, DemoAnswer};

const MARK: &str = "Demonstration data: the responses shown here were generated at random.";

fn stage(
    name: &str,
    description: &str,
    date: Option<OffsetDateTime>,
    state: &str,
    link: &str,
) -> StageInput {
    StageInput {
        name: name.into(),
        description: description.into(),
        date: date
            .map(|d| cohesion_domain::consultation::format_date(d.date()))
            .unwrap_or_default(),
        state: state.into(),
        link: link.into(),
    }
}

/// When a demo consultation was published, and its results if they are.
struct Published {
    at: OffsetDateTime,
    results: Option<OffsetDateTime>,
}

async fn create(
    db: &Db,
    input: ConsultationInput,
    survey: &SurveyDefinition,
    stages: &[StageInput],
    published: Published,
) -> Result<Uuid, ServiceError> {
    // Every date here is written with its offset (`format_datetime`), so
    // the zone it is read in does not matter.
    // The demonstration is written in English, the site's first
    // language, and translated into Arabic.
    let fields = input
        .validate(&SiteZone::utc(), &Languages::new("en", ["ar"]))
        .map_err(ServiceError::InvalidFields)?;
    survey
        .validate()
        .map_err(ConsultationError::InvalidSurvey)?;
    let json = serde_json::to_string(survey).unwrap_or_else(|_| "{\"pages\":[]}".into());
    let mut valid = Vec::new();
    for s in stages {
        valid.push(s.validate().map_err(ServiceError::InvalidFields)?);
    }
    let mut tx = db.begin().await?;
    let id = catalogue::insert(tx.conn(), &fields, &json, None).await?;
    let search =
        cohesion_insight::text::normalise(&format!("{}\n{}", fields.title, fields.summary));
    catalogue::set_search_text(tx.conn(), id, &search).await?;
    catalogue::set_stages(tx.conn(), id, &valid).await?;
    let at = Some(Timestamp::from(published.at));
    catalogue::set_published(tx.conn(), id, Publication::Consultation, at).await?;
    if let Some(results_at) = published.results {
        let questions = cohesion_domain::analysis::publication::all_publishable(survey);
        let publication = result_publications::ResultPublication {
            questions: serde_json::to_string(&questions).unwrap_or_else(|_| "[]".into()),
            weighting: None,
            published_by: None,
            published_at: Timestamp::from(results_at),
        };
        result_publications::set_result_publication(tx.conn(), id, &publication).await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// A demo finding: title, body, question, the options it combines
/// (1-based) and "What we did".
type DemoFinding<'a> = (&'a str, &'a str, &'a str, &'a [&'a str], &'a str);

async fn add_findings(
    db: &Db,
    (id, survey): (Uuid, &SurveyDefinition),
    list: &[DemoFinding<'_>],
    published_at: OffsetDateTime,
) -> Result<(), ServiceError> {
    let mut tx = db.begin().await?;
    for (title, body, question, options, did) in list {
        let finding = FindingInput {
            title: (*title).into(),
            body: (*body).into(),
            question: (*question).into(),
            row: String::new(),
            options: options.iter().map(|o| (*o).to_owned()).collect(),
            theme: String::new(),
            what_we_did: (*did).into(),
        }
        .validate(survey)
        .map_err(ServiceError::InvalidFields)?;
        let fid = findings::insert(tx.conn(), id, &finding, None).await?;
        findings::set_published(tx.conn(), id, fid, Some(Timestamp::from(published_at))).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Stores a translation of every text of consultation `id` whose original
/// `texts` has, checked as an officer's would be.
async fn translate(
    db: &Db,
    id: Uuid,
    locale: &str,
    texts: &[(&str, &str)],
) -> Result<(), ServiceError> {
    let view = crate::consultations::reading::view(db, None, id).await?;
    let keys = crate::consultations::translations::all_text_keys(db, &view).await?;
    let input: Texts = keys
        .iter()
        .filter_map(|(key, original)| {
            let (_, translated) = texts.iter().find(|(from, _)| from == original)?;
            Some((key.clone(), (*translated).to_owned()))
        })
        .collect();
    let valid = translation::validate(&input, &keys)?;
    let json = serde_json::to_string(&valid).map_err(|e| {
        ServiceError::Storage(cohesion_storage::StorageError::Invalid(e.to_string()))
    })?;
    let mut tx = db.begin().await?;
    translations::set_translation(tx.conn(), id, locale, &json, None).await?;
    crate::consultations::translations::refresh_search(tx.conn(), id).await?;
    tx.commit().await?;
    Ok(())
}

/// Loads the demo consultations unless there are consultations already.
/// Returns whether anything was added.
pub async fn load(db: &Db) -> Result<bool, ServiceError> {
    let mut c = db.acquire().await?;
    let query = ListQuery {
        drafts: true,
        limit: 1,
        ..Default::default()
    };
    let (_, existing) = catalogue::list(c.conn(), &query, Timestamp::now()).await?;
    drop(c);
    if existing > 0 {
        return Ok(false);
    }
    let now = OffsetDateTime::now_utc();
    let survey = safer_streets_survey();
    load_open(db, now, &survey).await?;
    load_upcoming(db, now, &survey).await?;
    load_closed(db, now, &survey).await?;
    Ok(true)
}

/// The date and time `days` from `now`, as an officer's form gives it.
fn days_from(now: OffsetDateTime, days: i64) -> String {
    format_datetime(now + Duration::days(days))
}

/// The open consultation: generated responses, two findings, and a
/// translation into Arabic.
async fn load_open(
    db: &Db,
    now: OffsetDateTime,
    survey: &SurveyDefinition,
) -> Result<(), ServiceError> {
    let at = |days| days_from(now, days);
    let open = create(
        db,
        ConsultationInput {
            title: "Safer streets, stronger communities".into(),
            summary: format!("Tell us how Brightwater can prevent hate and extremism together. {MARK}"),
            body: "Brightwater City Council wants to hear from everyone who lives, works or studies in the city.\n\n\
                   ## What we are asking\n\n\
                   - what makes communities strong enough to resist hate;\n\
                   - where people meet views that promote hatred or extremism;\n\
                   - which of our ideas would work best.\n\n\
                   Your answers shape the programme. *This is a demonstration: the council and the city are invented.*"
                .into(),
            topics: "hate crime, community cohesion".into(),
            area: "Citywide".into(),
            opens_at: at(-30),
            closes_at: at(60),
            allow_anonymous: "yes".into(),
            strands: "Stakeholder meetings\nCommunity-led sessions\nCommissioned research\nFormal consultation".into(),
            documents: "How we will use your answers | /privacy".into(),
            language: "en".into(),
        },
        survey,
        &[
            stage("Council challenge", "The council asked residents and partners what worries them.", Some(now - Duration::days(120)), "happened", ""),
            stage("Evidence gathering", "Community-led sessions and commissioned research.", Some(now - Duration::days(60)), "happened", ""),
            stage("Formal consultation", "This survey is open to everyone.", Some(now - Duration::days(30)), "current", "survey"),
            stage("What you told us", "What we have heard so far, with figures updated at most once a day while the survey is open.", Some(now - Duration::days(7)), "current", "findings"),
        ],
        // Announced a week before it opened; its results a week ago, shown
        // to the public as of a snapshot while it is open (ADR 30).
        Published {
            at: now - Duration::days(37),
            results: Some(now - Duration::days(7)),
        },
    )
    .await?;
    let window = Window {
        from: now - Duration::days(30),
        until: now - Duration::hours(1),
    };
    generate_responses(db, open, survey, (300, 11), window).await?;
    add_findings(
        db,
        (open, survey),
        &[
            // "Most": "Strongly agree" and "Agree" together, as the
            // headline means (ADR 24); "Agree" alone is fewer than half.
            (
                "Most people see strong communities as a defence against hate",
                "Agreement was broad across the city. We will fund more events that bring neighbours together.",
                "q1",
                &["1", "2"],
                "",
            ),
            (
                "Many have met hateful views in the last year",
                "We will make reporting online content easier and explain where to go for help.",
                "q2",
                &["1"],
                "",
            ),
        ],
        now - Duration::days(7),
    )
    .await?;
    translate(db, open, "ar", ARABIC).await?;
    Ok(())
}

/// The upcoming consultation: accounts only, nothing to show yet.
async fn load_upcoming(
    db: &Db,
    now: OffsetDateTime,
    survey: &SurveyDefinition,
) -> Result<(), ServiceError> {
    let at = |days| days_from(now, days);
    create(
        db,
        ConsultationInput {
            title: "Youth voices on online hate".into(),
            summary: "Young people tell us what they meet online and what would help.".into(),
            body: "Opens soon. Youth workers and schools will run sessions alongside this survey."
                .into(),
            topics: "online safety, young people".into(),
            area: "Citywide".into(),
            opens_at: at(14),
            closes_at: at(74),
            allow_anonymous: "no".into(),
            ..Default::default()
        },
        survey,
        &[stage(
            "Survey opens",
            "",
            Some(now + Duration::days(14)),
            "to_come",
            "survey",
        )],
        Published {
            at: now - Duration::days(2),
            results: None,
        },
    )
    .await?;
    Ok(())
}

/// The closed consultation, its results published.
async fn load_closed(
    db: &Db,
    now: OffsetDateTime,
    survey: &SurveyDefinition,
) -> Result<(), ServiceError> {
    let at = |days| days_from(now, days);
    let closed = create(
        db,
        ConsultationInput {
            title: "Reporting hate crime: what stops people?".into(),
            summary: format!("Why people do not report hate crime, and what would help. {MARK}"),
            body: "This consultation has closed. Thank you to everyone who took part.".into(),
            topics: "hate crime, reporting".into(),
            area: "Riverside".into(),
            opens_at: at(-90),
            closes_at: at(-30),
            allow_anonymous: "no".into(),
            ..Default::default()
        },
        survey,
        &[
            stage(
                "Formal consultation",
                "",
                Some(now - Duration::days(90)),
                "happened",
                "survey",
            ),
            stage(
                "Results published",
                "",
                Some(now - Duration::days(20)),
                "happened",
                "results",
            ),
            stage(
                "We asked, you said, we did",
                "",
                Some(now - Duration::days(10)),
                "happened",
                "findings",
            ),
        ],
        // Results ten days after it closed, as the timeline says; what was
        // done ten days after that.
        Published {
            at: now - Duration::days(97),
            results: Some(now - Duration::days(20)),
        },
    )
    .await?;
    let window = Window {
        from: now - Duration::days(90),
        until: now - Duration::days(30) - Duration::hours(1),
    };
    generate_responses(db, closed, survey, (120, 23), window).await?;
    add_findings(
        db,
        (closed, survey),
        &[CLOSED_FINDING],
        now - Duration::days(10),
    )
    .await?;
    translate(db, closed, "ar", CLOSED_ARABIC).await?;
    Ok(())
}

/// The closed consultation's finding: "Strongly agree" and "Agree"
/// together, and what the council did.
const CLOSED_FINDING: DemoFinding<'static> = (
    "Most people agree that strong communities resist hate",
    "Agreement was broad, across every part of Riverside.",
    "q1",
    &["1", "2"],
    "We funded twelve street events in Riverside this spring, and a community worker now helps people report hate crime.",
);
