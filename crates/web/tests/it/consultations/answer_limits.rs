//! Problems with answers say the question's own limits: "Choose up to 2
//! options", "Enter a number between 1 and 10", "Your answer must be 20
//! characters or fewer", in both languages and without a full stop (the
//! same messages for respondents and in an officer's preview).

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::{add_question, create, OFFICER, OPEN_FROM, OPEN_UNTIL};
use crate::support::{servers_with_people, text_of};

#[tokio::test]
async fn answers_past_a_limit_are_told_the_limit() {
    for s in servers_with_people().await {
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let id = create(
            &s,
            &officer,
            &csrf,
            "Parks after dark",
            (OPEN_FROM, OPEN_UNTIL),
            "yes",
        )
        .await;
        for fields in [
            [
                ("kind", "multiple_choice"),
                ("text", "Which parks do you use?"),
                ("options", "Marine Park\nCastle Green\nThe Lawns"),
                ("max", "2"),
                ("min", ""),
            ],
            [
                ("kind", "number"),
                ("text", "How many evenings a week?"),
                ("options", ""),
                ("max", "10"),
                ("min", "1"),
            ],
            [
                ("kind", "long_text"),
                ("text", "What would help?"),
                ("options", ""),
                ("max", "20"),
                ("min", ""),
            ],
        ] {
            let mut form = vec![("csrf", csrf.as_str()), ("page", "1"), ("required", "no")];
            form.extend(fields);
            let res = add_question(&s, &officer, &id, &form).await;
            assert_eq!(res.status(), 303, "{fields:?}");
        }
        let page = format!("/staff/consultations/{id}/preview/1");
        for (cookie, said) in [
            (
                officer.clone(),
                [
                    "Choose up to 2 options",
                    "Enter a number between 1 and 10",
                    "Your answer must be 20 characters or fewer",
                ],
            ),
            (
                format!("{officer}; cohesion_lang=ar"),
                [
                    "اختر خيارين على الأكثر",
                    "أدخل رقمًا بين 1 و10",
                    "يجب ألا يزيد عدد أحرف إجابتك على 20",
                ],
            ),
        ] {
            let too_long = "a".repeat(21);
            let res = s
                .post(
                    &page,
                    &cookie,
                    &[
                        ("csrf", csrf.as_str()),
                        ("q1", "0"),
                        ("q1", "1"),
                        ("q1", "2"),
                        ("q2", "50"),
                        ("q3", &too_long),
                    ],
                )
                .await;
            assert_eq!(res.status(), 422);
            let html = res.text().await.unwrap();
            let text = text_of(&html);
            for message in said {
                assert!(text.contains(message), "{message} in {text}");
                assert!(!text.contains(&format!("{message}.")), "{message}.");
            }
            assert!(!text.contains("You picked too many options"));
            assert!(!text.contains("in the range allowed"));
        }
    }
}
