//! The demo's generated responses: random draws from a deterministic
//! generator (the demo looks the same every time), submitted as a
//! respondent's would be, and marked as generated on the consultations
//! that show them.

use cohesion_domain::consultation::response_reference;
use cohesion_domain::survey::answers::{check_response, RawAnswers};
use cohesion_domain::survey::model::SurveyDefinition;
use cohesion_storage::consultations::responses::{self, Owner};
use cohesion_storage::Db;
use uuid::Uuid;

use crate::accounts::tokens::hash_token;
use crate::consultations::responding::submission::submit_answers;
use crate::consultations::ConsultationError;
use crate::ServiceError;

/// A small deterministic generator: the demo looks the same every time.
struct Draws(u64);

impl Draws {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

fn random_answers(d: &mut Draws) -> RawAnswers {
    let mut raw = RawAnswers::new();
    let mut put = |k: &str, v: String| {
        raw.insert(k.to_owned(), vec![v]);
    };
    // Skewed towards agreement, as such surveys often are.
    put("q1", [0, 1, 1, 1, 2, 3, 4, 5][d.next(8)].to_string());
    let seen = [0, 0, 1, 1, 1, 2][d.next(6)];
    put("q2", seen.to_string());
    if seen == 0 {
        put("q3", d.next(5).to_string());
    }
    put("q4", d.next(5).to_string());
    if d.next(3) > 0 {
        put("q5-0", "1".into());
        put("q5-1", "2".into());
    }
    put("q6-0", d.next(6).to_string());
    put("q6-1", d.next(6).to_string());
    put("q8", (1 + d.next(8)).to_string());
    if d.next(4) > 0 {
        put("q9", d.next(9).to_string());
    }
    raw
}

/// Places the generated answers mention.
const PLACES: &[&str] = &[
    "the seafront",
    "Mill Lane",
    "the market square",
    "the station underpass",
    "Harbour Park",
];

/// Generated written answers to "What else should we do?", in English
/// and Arabic, in a few recurring themes (for and against), with some
/// copies of one campaign text and some bare agreement: enough for the
/// theme workflow to find something. None of it is anybody's words.
fn written_answer(d: &mut Draws) -> Option<String> {
    if d.next(10) < 4 {
        return None;
    }
    let place = PLACES[d.next(PLACES.len())];
    let english: &[&[&str]] = &[
        &[
            "Better street lighting on {place} would make evenings feel safer.",
            "Please fix the broken street lights near {place}; it is too dark to walk home at night.",
            "More lighting and brighter lamps around {place} so people feel safe walking after dark.",
        ],
        &[
            "Fund youth clubs and evening sports so young people have somewhere to go.",
            "Young people need youth clubs, football and music sessions in the evenings, not just warnings.",
            "Open the youth centre near {place} in the evenings and run sports for teenagers.",
        ],
        &[
            "Make it easier to report hate online; the reporting form is confusing.",
            "Reporting online hate should take one minute, and people should hear back about their report.",
            "I tried to report hateful posts online and gave up. Simplify the reporting process.",
        ],
        &[
            "Bring neighbours together with shared meals and interfaith events at {place}.",
            "Community events where neighbours meet each other, like street parties and shared meals.",
            "More festivals and interfaith events so different communities get to know each other.",
        ],
        &[
            "I don't think more CCTV cameras are the answer; they feel like surveillance, not safety.",
            "No more CCTV please. Cameras on {place} have not stopped anything and feel intrusive.",
            "I disagree with adding cameras everywhere; spend the money on people instead of CCTV.",
        ],
        &[
            "Schools should teach pupils how to spot hateful propaganda and misinformation online.",
            "Lessons in schools about online propaganda and how extremists target teenagers.",
        ],
    ];
    let arabic: &[&[&str]] = &[
        &[
            "نحتاج إلى إنارة أفضل في الشوارع قرب {place} حتى نشعر بالأمان ليلاً.",
            "أصلحوا أعمدة الإنارة المعطلة، فالشوارع مظلمة جداً في المساء.",
        ],
        &[
            "افتحوا أندية للشباب وأنشطة رياضية في المساء حتى يجد الشباب مكاناً يذهبون إليه.",
            "الشباب بحاجة إلى نوادٍ وملاعب وأنشطة مسائية.",
        ],
        &[
            "اجعلوا الإبلاغ عن خطاب الكراهية على الإنترنت أسهل وأسرع.",
            "نموذج الإبلاغ عن الكراهية على الإنترنت معقد، بسّطوه من فضلكم.",
        ],
        &[
            "لقاءات بين الجيران ووجبات مشتركة تقرّب بين المجتمعات.",
            "نريد مهرجانات ولقاءات بين الأديان ليتعرف الجيران على بعضهم.",
        ],
    ];
    let extra = [
        "",
        "",
        " Thank you for asking.",
        " This matters to my family.",
        " You can call me on 07700 900123 to talk about it.",
        " Email me at resident@example.org if you want more ideas.",
    ];
    let roll = d.next(100);
    let text = if roll < 9 {
        // A campaign: the same words pasted by many.
        "Save the Harbour Youth Centre! Keep it open every evening for local young people."
            .to_owned()
    } else if roll < 13 {
        ["Agree 100%", "yes", "نعم", "I agree"][d.next(4)].to_owned()
    } else if roll < 35 {
        let theme = arabic[d.next(arabic.len())];
        theme[d.next(theme.len())].replace("{place}", "الكورنيش")
    } else {
        let theme = english[d.next(english.len())];
        let base = theme[d.next(theme.len())].replace("{place}", place);
        format!("{base}{}", extra[d.next(extra.len())])
    };
    Some(text)
}

/// Submits `count` generated responses to consultation `id`, drawn from
/// `seed`.
pub(super) async fn generate_responses(
    db: &Db,
    id: Uuid,
    survey: &SurveyDefinition,
    count: usize,
    seed: u64,
) -> Result<(), ServiceError> {
    let mut d = Draws(seed);
    // Written answers draw from their own stream, so adding them left
    // every other generated answer as it was.
    let mut words = Draws(seed ^ 0x5eed_7e47);
    let mut tx = db.begin().await?;
    for i in 0..count {
        let mut raw = random_answers(&mut d);
        if let Some(text) = written_answer(&mut words) {
            raw.insert("q7".to_owned(), vec![text]);
        }
        let answers = check_response(survey, &raw).map_err(ConsultationError::InvalidAnswers)?;
        let key = hash_token(&format!("demo-respondent-{seed}-{i}:{id}"));
        let mut random = [0u8; 8];
        for b in &mut random {
            *b = d.next(256) as u8;
        }
        let Some(rid) = responses::create(
            tx.conn(),
            id,
            Owner::Anonymous(&key),
            &response_reference(random),
        )
        .await?
        else {
            continue;
        };
        let draft = serde_json::to_string(&raw).unwrap_or_else(|_| "{}".into());
        responses::save_draft(tx.conn(), rid, &draft).await?;
        let record = responses::find_for(tx.conn(), id, Owner::Anonymous(&key))
            .await?
            .ok_or(ServiceError::NotFound)?;
        submit_answers(tx.conn(), survey, &record, &answers).await?;
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consultations::demo::survey::safer_streets_survey;

    #[test]
    fn the_demo_survey_is_valid_and_its_draws_are_accepted() {
        let survey = safer_streets_survey();
        survey.validate().unwrap();
        let mut d = Draws(5);
        let mut words = Draws(6);
        for _ in 0..500 {
            let mut raw = random_answers(&mut d);
            if let Some(text) = written_answer(&mut words) {
                raw.insert("q7".to_owned(), vec![text]);
            }
            check_response(&survey, &raw).unwrap();
        }
    }
}
