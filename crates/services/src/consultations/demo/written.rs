//! The demo's written answers to "What else should we do?": composed
//! from varied fragments (an opening, a request, a place, a reason, a
//! closing), in English and in Arabic, on a handful of topics for and one
//! against, with copies of one campaign text and some bare agreement, so
//! that the themes pages find themes across both languages and no two
//! answers read as one template. None of it is anybody's words.

use super::draws::Draws;

/// One topic's fragments in one language: requests (each may name a
/// place, `{place}`) and reasons that may follow them.
struct Fragments {
    asks: &'static [&'static str],
    reasons: &'static [&'static str],
}

/// A topic in both languages.
struct Topic {
    name: &'static str,
    english: Fragments,
    arabic: Fragments,
}

const TOPICS: &[Topic] = &[
    Topic {
        name: "lighting",
        english: Fragments {
            asks: &[
                "Better street lighting on {place} would make evenings feel safer.",
                "Please fix the broken street lights near {place}.",
                "More lamps and brighter lighting around {place}, please.",
                "We need proper lighting on the path to {place}.",
                "Light up the alleys behind {place}.",
            ],
            reasons: &[
                "It is too dark to walk home at night.",
                "Women tell me they avoid it after dark.",
                "Dark corners are where trouble starts.",
                "My children are scared of walking there in the evening.",
            ],
        },
        arabic: Fragments {
            asks: &[
                "نحتاج إلى إنارة أفضل في الشوارع قرب {place}.",
                "أصلحوا أعمدة الإنارة المعطلة في {place} من فضلكم.",
                "ركّبوا مصابيح أكثر في الأزقة حول {place}.",
                "يجب إنارة الطريق المؤدي إلى {place}.",
                "الإنارة في {place} ضعيفة جدًا، نريد أضواء أقوى.",
            ],
            reasons: &[
                "الشوارع مظلمة جدًا في الليل ولا نشعر بالأمان.",
                "النساء يتجنّبن المرور هناك بعد حلول الظلام.",
                "أطفالي يخافون المشي هناك في المساء.",
                "الزوايا المظلمة تجلب المشاكل.",
            ],
        },
    },
    Topic {
        name: "youth",
        english: Fragments {
            asks: &[
                "Fund youth clubs and evening sports so young people have somewhere to go.",
                "Open the youth centre near {place} in the evenings.",
                "Young people need football, music and art sessions after school.",
                "Bring back the youth workers who used to run activities at {place}.",
                "Free sports sessions for teenagers at weekends would help a lot.",
            ],
            reasons: &[
                "Bored teenagers get drawn into trouble.",
                "Since the club closed there is nothing for them to do.",
                "Warnings alone will not keep them safe.",
                "They need adults they can trust.",
            ],
        },
        arabic: Fragments {
            asks: &[
                "افتحوا أندية للشباب وأنشطة رياضية في المساء.",
                "الشباب بحاجة إلى نوادٍ وملاعب وأنشطة مسائية قرب {place}.",
                "موّلوا حصص رياضة وموسيقى وفنون للمراهقين بعد المدرسة.",
                "أعيدوا فتح مركز الشباب قرب {place}.",
                "نريد أنشطة مجانية للشباب في عطلة نهاية الأسبوع.",
            ],
            reasons: &[
                "المراهقون الذين يشعرون بالملل ينجرّون إلى المشاكل.",
                "منذ إغلاق النادي لم يعد لديهم ما يفعلونه.",
                "التحذيرات وحدها لا تحميهم.",
                "هم بحاجة إلى كبار يثقون بهم.",
            ],
        },
    },
    Topic {
        name: "reporting",
        english: Fragments {
            asks: &[
                "Make it easier to report hate online; the reporting form is confusing.",
                "Reporting online hate should take one minute, not half an hour.",
                "Please simplify the process for reporting hateful posts online.",
                "People should hear back when they report abuse online.",
                "Let people report online hate anonymously and in their own language.",
            ],
            reasons: &[
                "I tried to report hateful posts and gave up.",
                "Nobody told me what happened to my report.",
                "Many people are afraid to give their name.",
                "Most people do not know where to report.",
            ],
        },
        arabic: Fragments {
            asks: &[
                "اجعلوا الإبلاغ عن خطاب الكراهية على الإنترنت أسهل وأسرع.",
                "نموذج الإبلاغ عن الكراهية على الإنترنت معقّد، بسّطوه من فضلكم.",
                "يجب أن يعرف الناس ما حدث لبلاغاتهم عن الإساءة على الإنترنت.",
                "اسمحوا للناس بالإبلاغ عن الكراهية على الإنترنت دون ذكر أسمائهم وبلغتهم.",
            ],
            reasons: &[
                "حاولت الإبلاغ عن منشورات مسيئة ثم استسلمت.",
                "لم يخبرني أحد بما حدث لبلاغي.",
                "كثيرون يخافون من ذكر أسمائهم.",
                "معظم الناس لا يعرفون أين يبلّغون.",
            ],
        },
    },
    Topic {
        name: "events",
        english: Fragments {
            asks: &[
                "Bring neighbours together with shared meals and interfaith events at {place}.",
                "Organise street parties so neighbours get to know each other.",
                "More festivals where different communities can meet.",
                "Support local groups that run community lunches and open days.",
                "A summer festival at {place} would bring the community together.",
            ],
            reasons: &[
                "Neighbours who know each other look out for each other.",
                "Hate grows where people never meet.",
                "Our street party last year brought people closer.",
                "People from different faiths rarely meet here.",
            ],
        },
        arabic: Fragments {
            asks: &[
                "نظّموا لقاءات بين الجيران ووجبات مشتركة في {place}.",
                "نريد مهرجانات ولقاءات بين الأديان ليتعرّف الجيران على بعضهم.",
                "ادعموا المجموعات المحلية التي تنظّم فعاليات مجتمعية.",
                "مهرجان صيفي في {place} سيجمع المجتمعات المختلفة.",
            ],
            reasons: &[
                "الجيران الذين يعرفون بعضهم يحمي بعضهم بعضًا.",
                "الكراهية تنمو حيث لا يلتقي الناس.",
                "حفلة الشارع في العام الماضي قرّبت بين الجيران.",
                "أتباع الأديان المختلفة نادرًا ما يلتقون هنا.",
            ],
        },
    },
    Topic {
        name: "cctv",
        english: Fragments {
            asks: &[
                "I don't think more CCTV cameras are the answer.",
                "No more CCTV please.",
                "I disagree with putting cameras on every corner of {place}.",
                "Cameras are a waste of money; spend it on people instead.",
                "I am against more surveillance cameras.",
            ],
            reasons: &[
                "They feel like surveillance, not safety.",
                "The cameras on {place} have not stopped anything.",
                "They invade our privacy.",
                "Watching everyone does not build trust.",
            ],
        },
        arabic: Fragments {
            asks: &[
                "لا أريد مزيدًا من كاميرات المراقبة.",
                "لا لمزيد من الكاميرات في {place}.",
                "الكاميرات إهدار للمال، أنفقوه على الناس.",
                "أنا ضد زيادة كاميرات المراقبة في الشوارع.",
            ],
            reasons: &[
                "إنها مراقبة وليست أمانًا.",
                "الكاميرات في {place} لم توقف شيئًا.",
                "إنها تنتهك خصوصيتنا.",
                "مراقبة الجميع لا تبني الثقة.",
            ],
        },
    },
    Topic {
        name: "schools",
        english: Fragments {
            asks: &[
                "Schools should teach pupils how to spot hateful propaganda online.",
                "Lessons in every school about misinformation and how extremists target teenagers.",
                "Teach critical thinking in schools so children question what they read online.",
                "Train teachers to talk with students about hate and extremism.",
            ],
            reasons: &[
                "Children see this on their phones every day.",
                "Parents cannot do it alone.",
                "Extremists recruit online, where adults do not look.",
            ],
        },
        arabic: Fragments {
            asks: &[
                "يجب أن تعلّم المدارس الطلاب كيف يكتشفون الدعاية التي تحض على الكراهية على الإنترنت.",
                "دروس في كل مدرسة عن المعلومات المضللة وكيف يستهدف المتطرفون المراهقين.",
                "علّموا الأطفال التفكير النقدي في المدارس.",
                "درّبوا المعلمين على الحديث مع الطلاب عن الكراهية والتطرف.",
            ],
            reasons: &[
                "الأطفال يرون هذا على هواتفهم كل يوم.",
                "الأهل لا يستطيعون ذلك وحدهم.",
                "المتطرفون يجنّدون على الإنترنت حيث لا ينظر الكبار.",
            ],
        },
    },
    Topic {
        name: "buses",
        english: Fragments {
            asks: &[
                "Buses should run later at night from {place}.",
                "We need night buses; the last bus leaves far too early.",
                "Put staff on late buses so people are not harassed on the way home.",
                "More frequent evening buses, please.",
            ],
            reasons: &[
                "Waiting alone for an hour at night is frightening.",
                "Shift workers are stranded after ten.",
                "People get abused on the last bus.",
            ],
        },
        arabic: Fragments {
            asks: &[
                "يجب أن تعمل الحافلات حتى وقت متأخر من الليل من {place}.",
                "نحتاج إلى حافلات ليلية، فآخر حافلة تغادر مبكرًا جدًا.",
                "ضعوا موظفين في الحافلات المتأخرة حتى لا يتعرض الناس للتحرش.",
            ],
            reasons: &[
                "الانتظار وحدك ساعة في الليل أمر مخيف.",
                "عمال المناوبات يعلقون بعد العاشرة.",
                "الناس يتعرضون للإساءة في آخر حافلة.",
            ],
        },
    },
    Topic {
        name: "police",
        english: Fragments {
            asks: &[
                "More police patrols on foot around {place} at weekends.",
                "We want community officers who know the area and its people.",
                "The police should respond faster to reports of hate crime.",
                "Train police officers to record hate crime properly.",
            ],
            reasons: &[
                "People trusted the officers at the old station.",
                "Seeing police on the street makes people feel protected.",
                "Victims give up when nothing happens.",
            ],
        },
        arabic: Fragments {
            asks: &[
                "مزيد من دوريات الشرطة حول {place} في عطلات نهاية الأسبوع.",
                "نريد ضباط شرطة مجتمعية يعرفون المنطقة وأهلها.",
                "يجب أن تستجيب الشرطة بسرعة أكبر لبلاغات جرائم الكراهية.",
            ],
            reasons: &[
                "كان الناس يثقون بالضباط في المركز القديم.",
                "وجود الشرطة في الشارع يجعل الناس يشعرون بالحماية.",
                "الضحايا يستسلمون عندما لا يحدث شيء.",
            ],
        },
    },
    Topic {
        name: "victims",
        english: Fragments {
            asks: &[
                "Victims of hate crime need someone to talk to and practical support.",
                "Fund a helpline for people who suffer racist or religious abuse.",
                "Support for victims should be available in Arabic and other languages.",
            ],
            reasons: &[
                "After I was attacked nobody helped me.",
                "Many victims do not know their rights.",
            ],
        },
        arabic: Fragments {
            asks: &[
                "ضحايا جرائم الكراهية بحاجة إلى من يتحدثون إليه وإلى دعم عملي.",
                "موّلوا خطًا هاتفيًا لمساعدة من يتعرضون لإساءة عنصرية أو دينية.",
                "يجب أن يتوفر دعم الضحايا بالعربية وبلغات أخرى.",
            ],
            reasons: &[
                "بعد أن تعرّضت للاعتداء لم يساعدني أحد.",
                "كثير من الضحايا لا يعرفون حقوقهم.",
            ],
        },
    },
];

/// Places the answers name, in English and in Arabic.
const PLACES: &[(&str, &str)] = &[
    ("the seafront", "الواجهة البحرية"),
    ("Mill Lane", "شارع المطحنة"),
    ("the market square", "ساحة السوق"),
    ("the station underpass", "نفق المحطة"),
    ("Harbour Park", "حديقة الميناء"),
    ("Riverside", "ريفرسايد"),
];

/// How many times in every `len + WITHOUT_…` draws an answer starts
/// straight in, or ends with its last reason: enough that no opening or
/// closing is in as many of the demo's answers as a theme needs (five).
const WITHOUT_OPENING: usize = 24;
const WITHOUT_CLOSING: usize = 24;

/// How answers may start, beside starting straight in (most do). Many
/// and each rare: an opening used by one answer in seven, the same few
/// words in every topic, is found by theme discovery as a "theme" of
/// its own (seen with "Speaking as a shop owner"), which no resident
/// meant.
const ENGLISH_OPENINGS: &[&str] = &[
    "Honestly, ",
    "As a parent, I think this: ",
    "I have lived here for twenty years. ",
    "Speaking as a shop owner: ",
    "My view, for what it is worth: ",
    "I work nights, so I see it late. ",
    "We moved here last spring. ",
    "From my window I see it every day. ",
    "I volunteer at the food bank. ",
    "My grandmother agrees with me on this. ",
    "Short answer: ",
];
const ARABIC_OPENINGS: &[&str] = &[
    "بصراحة، ",
    "بصفتي أمًّا: ",
    "أسكن هنا منذ عشرين عامًا. ",
    "بصفتي صاحب متجر: ",
    "رأيي باختصار: ",
    "أعمل ليلًا وأرى ما يحدث متأخرًا. ",
    "انتقلنا إلى هنا في الربيع الماضي. ",
    "أرى ذلك من نافذتي كل يوم. ",
    "أتطوع في بنك الطعام. ",
];
/// How answers may end: as rare as the openings, for the same reason.
/// Some give a telephone number or an address, for redaction to find.
const ENGLISH_CLOSINGS: &[&str] = &[
    " Thank you for asking.",
    " This matters to my family.",
    " You can call me on 07700 900123 to talk about it.",
    " Email me at resident@example.org if you want more ideas.",
    " Please do something this year.",
    " I hope someone reads this.",
    " My neighbours feel the same.",
    " That is all from me.",
];
const ARABIC_CLOSINGS: &[&str] = &[
    " شكرًا لسؤالكم.",
    " هذا يهم عائلتي.",
    " يمكنكم الاتصال بي على 07700 900123.",
];

/// A campaign: the same words pasted by many.
pub(super) const CAMPAIGN: &str =
    "Save the Harbour Youth Centre! Keep it open every evening for local young people.";
const ENDORSEMENTS: &[&str] = &["Agree 100%", "yes", "نعم", "I agree", "+1", "أوافق"];

/// A generated written answer and what it was generated as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoAnswer {
    /// The topic ("lighting", "cctv" …), or "campaign" or "endorsement".
    pub topic: &'static str,
    /// "en" or "ar".
    pub lang: &'static str,
    pub text: String,
}

fn pick<'a>(d: &mut Draws, list: &[&'a str]) -> &'a str {
    list[d.next(list.len())]
}

/// One of `list`, or nothing `none` times in `list.len() + none`.
fn pick_or_nothing<'a>(d: &mut Draws, list: &[&'a str], none: usize) -> &'a str {
    list.get(d.next(list.len() + none)).copied().unwrap_or("")
}

/// One written answer, or none (four in ten leave the box empty).
pub(super) fn written_answer(d: &mut Draws) -> Option<DemoAnswer> {
    if d.next(10) < 4 {
        return None;
    }
    let roll = d.next(100);
    if roll < 9 {
        return Some(DemoAnswer {
            topic: "campaign",
            lang: "en",
            text: CAMPAIGN.to_owned(),
        });
    }
    if roll < 13 {
        let text = pick(d, ENDORSEMENTS);
        let lang = if cohesion_insight::text::stem::is_arabic_word(text) {
            "ar"
        } else {
            "en"
        };
        return Some(DemoAnswer {
            topic: "endorsement",
            lang,
            text: text.to_owned(),
        });
    }
    let topic = &TOPICS[d.next(TOPICS.len())];
    let arabic = roll < 42;
    let (fragments, openings, closings) = if arabic {
        (&topic.arabic, ARABIC_OPENINGS, ARABIC_CLOSINGS)
    } else {
        (&topic.english, ENGLISH_OPENINGS, ENGLISH_CLOSINGS)
    };
    let (en_place, ar_place) = PLACES[d.next(PLACES.len())];
    let place = if arabic { ar_place } else { en_place };
    let mut text = String::from(pick_or_nothing(d, openings, WITHOUT_OPENING));
    text.push_str(&pick(d, fragments.asks).replace("{place}", place));
    // Most answers give a reason, some two.
    let reasons = [0, 1, 1, 1, 2][d.next(5)].min(fragments.reasons.len());
    let first = d.next(fragments.reasons.len());
    for k in 0..reasons {
        let r = fragments.reasons[(first + k) % fragments.reasons.len()];
        text.push(' ');
        text.push_str(&r.replace("{place}", place));
    }
    text.push_str(pick_or_nothing(d, closings, WITHOUT_CLOSING));
    Some(DemoAnswer {
        topic: topic.name,
        lang: if arabic { "ar" } else { "en" },
        text: text.trim().to_owned(),
    })
}

/// The written answers of `count` generated responses drawn from `seed`,
/// exactly as the demo's generated responses submit them (for
/// the themes benchmark: `eval_themes_bilingual`).
pub fn written_answers(count: usize, seed: u64) -> Vec<DemoAnswer> {
    let mut words = Draws::for_words(seed);
    (0..count)
        .filter_map(|_| written_answer(&mut words))
        .collect()
}

/// The topics the demo writes about.
pub fn topics() -> Vec<&'static str> {
    TOPICS.iter().map(|t| t.name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_vary_in_both_languages_and_repeat_with_the_seed() {
        let all = written_answers(600, 11);
        assert_eq!(all, written_answers(600, 11));
        let topical: Vec<&DemoAnswer> = all
            .iter()
            .filter(|a| !matches!(a.topic, "campaign" | "endorsement"))
            .collect();
        let distinct: std::collections::HashSet<&str> =
            topical.iter().map(|a| a.text.as_str()).collect();
        assert!(
            distinct.len() * 10 >= topical.len() * 9,
            "{} of {}",
            distinct.len(),
            topical.len()
        );
        for lang in ["en", "ar"] {
            for topic in topics() {
                assert!(
                    topical.iter().any(|a| a.lang == lang && a.topic == topic),
                    "{topic} in {lang}"
                );
            }
        }
        let arabic = topical.iter().filter(|a| a.lang == "ar").count();
        assert!(
            arabic * 5 >= topical.len() && arabic * 2 <= topical.len(),
            "{arabic}"
        );
    }

    /// No opening or closing starts or ends more than one answer in ten
    /// (each did one in six or seven, and theme discovery found them as
    /// themes); the generator's draws are not quite uniform, hence the
    /// margin over the one in sixteen or twenty the lists give.
    #[test]
    fn each_opening_and_closing_is_rare() {
        let all = written_answers(3000, 11);
        for (lang, openings) in [("en", ENGLISH_OPENINGS), ("ar", ARABIC_OPENINGS)] {
            let answers: Vec<&DemoAnswer> = all
                .iter()
                .filter(|a| a.lang == lang && !matches!(a.topic, "campaign" | "endorsement"))
                .collect();
            for opening in openings.iter().map(|o| o.trim()) {
                let n = answers
                    .iter()
                    .filter(|a| a.text.starts_with(opening))
                    .count();
                assert!(
                    n * 10 <= answers.len(),
                    "{opening:?}: {n} of {}",
                    answers.len()
                );
            }
            let closings = if lang == "en" {
                ENGLISH_CLOSINGS
            } else {
                ARABIC_CLOSINGS
            };
            for closing in closings.iter().map(|c| c.trim()) {
                let n = answers.iter().filter(|a| a.text.ends_with(closing)).count();
                assert!(
                    n * 10 <= answers.len(),
                    "{closing:?}: {n} of {}",
                    answers.len()
                );
            }
        }
    }
}
