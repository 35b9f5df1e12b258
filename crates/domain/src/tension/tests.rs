use super::*;
use time::macros::date;

const AREAS: &[&str] = &[
    "Harbourside",
    "Old Town",
    "St Anne’s",
    "Lantern Hill",
    "حي المرفأ",
];

fn m(text: &str) -> String {
    mask(text, AREAS)
}

#[test]
fn emails_are_masked() {
    assert_eq!(
        m("write to amina.k@example.org please"),
        "write to [email] please"
    );
    assert_eq!(m("(dave+x@mail.co.uk)."), "([email]).");
    assert_eq!(m("at the @ sign or me@home"), "at the @ sign or me@home");
    assert_eq!(m("راسلني على test@example.com"), "راسلني على [email]");
}

#[test]
fn phone_numbers_are_masked() {
    assert_eq!(m("call 07700 900123 now"), "call [phone] now");
    assert_eq!(m("call 07700900123"), "call [phone]");
    assert_eq!(m("ring +44 7700 900123."), "ring [phone].");
    assert_eq!(m("landline (0117) 496 0123"), "landline [phone]");
    assert_eq!(m("+33 1 23 45 67 89"), "[phone]");
    assert_eq!(m("0117-496-0123"), "[phone]");
    assert_eq!(m("رقمه ٠٧٧٠٠٩٠٠١٢٣"), "رقمه [phone]");
    // Dates, times, counts and short numbers stay.
    assert_eq!(
        m("on 2026-11-30 at 10.30 about 40 people"),
        "on 2026-11-30 at 10.30 about 40 people"
    );
    assert_eq!(m("call 999 or 101"), "call 999 or 101");
    assert_eq!(m("ref AB123456789"), "ref AB123456789");
}

#[test]
fn postcodes_are_masked() {
    assert_eq!(m("near BS1 4AB today"), "near [postcode] today");
    assert_eq!(m("near bs1 4ab, today"), "near [postcode], today");
    assert_eq!(m("SW1A 1AA"), "[postcode]");
    assert_eq!(m("at M1 1AE."), "at [postcode].");
    assert_eq!(m("at EC1A1BB"), "at [postcode]");
    assert_eq!(m("the BS1 area"), "the BS1 area");
}

#[test]
fn names_after_honorifics_are_masked() {
    assert_eq!(m("I saw Mr Smith there"), "I saw [name] there");
    assert_eq!(m("Dr. Jane Doe shouted"), "[name] shouted");
    assert_eq!(m("said mrs jones"), "said [name]");
    assert_eq!(m("Imam Yusuf was threatened"), "[name] was threatened");
}

#[test]
fn names_after_called_are_masked() {
    assert_eq!(
        m("a man called dave shouted"),
        "a man called [name] shouted"
    );
    assert_eq!(m("a boy named Tom Jones"), "a boy named [name]");
    assert_eq!(m("he is known as Bazza."), "he is known as [name].");
    assert_eq!(m("his name is kev"), "his name is [name]");
    // Not names.
    assert_eq!(m("they called the police"), "they called the police");
    assert_eq!(m("he called me names"), "he called me names");
}

#[test]
fn capitalised_runs_inside_sentences_are_masked() {
    assert_eq!(
        m("Yesterday John Smith said it"),
        "Yesterday [name] said it"
    );
    assert_eq!(m("we met Sarah at the park"), "we met [name] at the park");
    assert_eq!(m("John Smith shouted at us"), "[name] shouted at us");
    // A sentence's own first word is left.
    assert_eq!(
        m("Someone shouted. People ran."),
        "Someone shouted. People ran."
    );
}

#[test]
fn areas_and_common_words_are_kept() {
    assert_eq!(
        m("Graffiti in Old Town and near St Anne’s on Friday"),
        "Graffiti in Old Town and near St Anne’s on Friday"
    );
    assert_eq!(
        m("anti-Muslim leaflets on the High Street in March"),
        "anti-Muslim leaflets on the High Street in March"
    );
    assert_eq!(
        m("a post on Facebook about Polish families"),
        "a post on Facebook about Polish families"
    );
    assert_eq!(m("the NHS and UK flags"), "the NHS and UK flags");
}

#[test]
fn arabic_names_are_masked() {
    assert_eq!(m("رجل اسمه أحمد صرخ علينا"), "رجل اسمه [name] صرخ علينا");
    assert_eq!(
        m("شاب يدعى عبد الله كتب على الجدار"),
        "شاب يدعى [name] كتب على الجدار"
    );
    assert_eq!(
        m("المدعو خالد بن سعيد هدد الجيران"),
        "المدعو [name] هدد الجيران"
    );
    assert_eq!(m("السيدة فاطمة"), "السيدة [name]");
    assert_eq!(
        m("كتابات على الجدران في حي المرفأ"),
        "كتابات على الجدران في حي المرفأ"
    );
}

#[test]
fn everything_together_and_whitespace_kept() {
    let text = "  Leaflets left by Mr Brown (07700 900123, brown@example.com)\nat BS1 4AB.";
    assert_eq!(
        m(text),
        "  Leaflets left by [name] ([phone], [email])\nat [postcode]."
    );
}

fn input() -> ReportInput {
    ReportInput {
        area: ELSEWHERE.into(),
        kind: "graffiti_or_symbols".into(),
        occurred_on: "2026-11-30".into(),
        text: "Symbols painted on the bus shelter.".into(),
        police: "dont_know".into(),
    }
}

#[test]
fn a_report_is_checked_and_masked() {
    let today = date!(2026 - 12 - 01);
    let mut i = input();
    i.text = "Mr Smith painted it".into();
    let r = NewReport::parse(&i, &[], today).unwrap();
    assert_eq!(r.text, "[name] painted it");
    assert_eq!(r.place, Place::Elsewhere);
    assert_eq!(r.kind, Kind::GraffitiOrSymbols);
    assert_eq!(r.police, Police::DontKnow);
}

#[test]
fn every_problem_is_named() {
    let today = date!(2026 - 12 - 01);
    let bad = ReportInput {
        area: Uuid::nil().to_string(),
        kind: "riot".into(),
        occurred_on: "2026-12-02".into(),
        text: "<script>alert(1)</script>".into(),
        police: String::new(),
    };
    let errors = NewReport::parse(&bad, &[], today).unwrap_err();
    let got: Vec<(&str, ErrorCode)> = errors.iter().map(|e| (e.field, e.code)).collect();
    assert_eq!(
        got,
        vec![
            ("area", ErrorCode::InvalidChoice),
            ("kind", ErrorCode::InvalidChoice),
            ("occurred_on", ErrorCode::DateInFuture),
            ("text", ErrorCode::MarkupNotAllowed),
            ("police", ErrorCode::FieldRequired),
        ]
    );
    let mut long = input();
    long.text = "x".repeat(MAX_TEXT_CHARS + 1);
    assert_eq!(
        NewReport::parse(&long, &[], today).unwrap_err()[0].code,
        ErrorCode::FieldTooLong
    );
    let mut nul = input();
    nul.text = "a\0b".into();
    assert_eq!(
        NewReport::parse(&nul, &[], today).unwrap_err()[0].code,
        ErrorCode::NulCharacter
    );
    let mut date = input();
    date.occurred_on = "30/11/2026".into();
    assert_eq!(
        NewReport::parse(&date, &[], today).unwrap_err()[0].code,
        ErrorCode::InvalidDate
    );
    assert!(!has_markup("I <3 this, and 2 < 3"));
}

#[test]
fn weeks_start_on_monday() {
    assert_eq!(week_of(date!(2026 - 12 - 03)), date!(2026 - 11 - 30));
    assert_eq!(week_of(date!(2026 - 11 - 30)), date!(2026 - 11 - 30));
    let weeks = recent_weeks(date!(2026 - 12 - 06), 3);
    assert_eq!(
        weeks,
        vec![
            date!(2026 - 11 - 16),
            date!(2026 - 11 - 23),
            date!(2026 - 11 - 30)
        ]
    );
    assert!(weeks.iter().all(|w| is_monday(*w)));
}

#[test]
fn small_counts_show_as_fewer_than_five() {
    assert_eq!(Figure::of(0), Figure::Shown(0));
    assert_eq!(Figure::of(1), Figure::FewerThanSmallest);
    assert_eq!(Figure::of(4), Figure::FewerThanSmallest);
    assert_eq!(Figure::of(5), Figure::Shown(5));
}
