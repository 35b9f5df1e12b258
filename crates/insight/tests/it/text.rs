//! The text pipeline and duplicate detection on awkward input.

use cohesion_insight::duplicates::{deduplicate, Options};
use cohesion_insight::text::{detect_language, normalise, pii, terms, Language};

#[test]
fn awkward_input_never_panics() {
    let long = "word ".repeat(20_000);
    let inputs = [
        "",
        " \t\n",
        long.as_str(),
        "Mixed العربية and English 3ala tool",
        "\u{200f}\u{202e}RTL override\u{202c}",
        "\u{0}\u{1}\u{7f}",
        "ﷺﷲﷳ",
        "🏳️‍🌈👨‍👩‍👧",
    ];
    for s in inputs {
        let n = normalise(s);
        assert_eq!(normalise(&n), n);
        let _ = detect_language(s);
        let _ = terms(s);
        let _ = pii::mask(s);
    }
    assert_eq!(detect_language(&long), Language::English);
    let d = deduplicate(&inputs, &Options::default());
    let counted: usize = d.groups.iter().map(|g| g.members.len()).sum::<usize>()
        + d.agree.len()
        + d.disagree.len()
        + d.empty.len();
    assert_eq!(counted, inputs.len());
}

#[test]
fn masking_comes_before_display_in_both_scripts() {
    let s = "اتصل بي على 07700 900123 أو jo@example.org — I live in LS1 4AP";
    assert_eq!(
        pii::mask(s),
        "اتصل بي على [phone] أو [email] — I live in [postcode]"
    );
}
