//! The demonstration council's local services. Brightwater, its
//! services, people and places are invented; the telephone numbers are
//! in the range kept for drama (01632 960xxx) and the web addresses are
//! on example.org.

use std::collections::BTreeMap;

use cohesion_domain::help::{Anonymity, Contact, ContactKind, Service, ServiceText};
use cohesion_storage::{help, Db};

use crate::ServiceError;

struct Demo {
    id: &'static str,
    routes: &'static [&'static str],
    anonymous: Anonymity,
    contacts: &'static [(ContactKind, &'static str, &'static str)],
    en: (&'static str, &'static str),
    ar: (&'static str, &'static str),
}

const DEMO: &[Demo] = &[
    Demo {
        id: "brightwater-reporting-centre",
        routes: &["hate-crime"],
        anonymous: Anonymity::Choice,
        contacts: &[
            (ContactKind::InPerson, "Lantern Hill Library, 4 Quay Street, Brightwater", "Tue-Sat 10:00-16:00"),
            (ContactKind::Phone, "01632 960411", "Mon-Fri 09:00-17:00"),
        ],
        en: (
            "Lantern Hill Library hate crime reporting centre",
            "Library staff trained by the police help you report a hate crime in private, in person, without going to a police station.",
        ),
        ar: (
            "مركز الإبلاغ عن جرائم الكراهية في مكتبة تل الفانوس",
            "يساعدك موظفو المكتبة المدرَّبون من الشرطة على الإبلاغ عن جريمة كراهية على انفراد وبشكل شخصي، دون الذهاب إلى مركز الشرطة.",
        ),
    },
    Demo {
        id: "brightwater-victim-support",
        routes: &["hate-crime", "talk"],
        anonymous: Anonymity::Yes,
        contacts: &[
            (ContactKind::Phone, "01632 960522", "Mon-Fri 08:00-20:00; Sat 09:00-13:00"),
            (ContactKind::Online, "https://victim-support.brightwater.example.org/", "24/7"),
        ],
        en: (
            "Brightwater Victim Support",
            "Free, confidential support after a crime, whether or not you have told the police.",
        ),
        ar: (
            "دعم الضحايا في برايتووتر",
            "دعم مجاني وسري بعد التعرض لجريمة، سواء أبلغت الشرطة أم لا.",
        ),
    },
    Demo {
        id: "brightwater-prevent",
        routes: &["extremism"],
        anonymous: Anonymity::Choice,
        contacts: &[
            (ContactKind::Phone, "01632 960633", "Mon-Fri 09:00-17:00"),
            (ContactKind::Online, "https://council.brightwater.example.org/prevent", "24/7"),
        ],
        en: (
            "Brightwater Council Prevent team",
            "The council’s safeguarding officers for worries about radicalisation: they give advice to families, schools and community groups.",
        ),
        ar: (
            "فريق الوقاية في مجلس برايتووتر",
            "موظفو الحماية في المجلس للمخاوف المتعلقة بالتطرف: يقدمون النصيحة للعائلات والمدارس والمجموعات المجتمعية.",
        ),
    },
    Demo {
        id: "brightwater-youth-mentoring",
        routes: &["extremism", "talk"],
        anonymous: Anonymity::No,
        contacts: &[
            (ContactKind::Phone, "01632 960744", "Mon-Thu 15:00-19:00"),
            (ContactKind::Sms, "01632 960745", "Mon-Thu 15:00-19:00"),
        ],
        en: (
            "Harbourside Youth Mentoring",
            "Mentors for young people aged 11 to 25 who want someone to talk to about what they see online or in their lives.",
        ),
        ar: (
            "الإرشاد الشبابي في حي المرفأ",
            "مرشدون للشباب من 11 إلى 25 عامًا يرغبون في شخص يتحدثون إليه عمّا يرونه على الإنترنت أو في حياتهم.",
        ),
    },
];

/// Adds the demonstration council's local services, unless the site
/// has local services already.
pub async fn load(db: &Db) -> Result<bool, ServiceError> {
    let mut tx = db.begin().await?;
    if help::services(tx.conn()).await?.iter().any(|s| s.local) {
        return Ok(false);
    }
    for d in DEMO {
        let text = |(name, description): (&str, &str), languages: &str| ServiceText {
            name: name.to_owned(),
            description: description.to_owned(),
            languages: languages.to_owned(),
        };
        let service = Service {
            id: d.id.to_owned(),
            position: 0,
            local: true,
            routes: d.routes.iter().map(|r| (*r).to_owned()).collect(),
            areas: Vec::new(),
            anonymous: d.anonymous,
            contacts: d
                .contacts
                .iter()
                .map(|(kind, value, hours)| Contact {
                    kind: *kind,
                    value: (*value).to_owned(),
                    hours: (*hours).to_owned(),
                })
                .collect(),
            texts: BTreeMap::from([
                ("en".to_owned(), text(d.en, "English and Arabic")),
                ("ar".to_owned(), text(d.ar, "الإنجليزية والعربية")),
            ]),
        };
        help::save_service(tx.conn(), &service).await?;
    }
    tx.commit().await?;
    Ok(true)
}
