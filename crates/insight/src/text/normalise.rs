use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// Normalise text for matching: NFKC; Arabic harakat (U+064B–U+0652),
/// superscript alef (U+0670) and tatweel (U+0640) removed; أ إ آ → ا,
/// ى → ي, ة → ه; lowercase. The result is a fixed point: normalising it
/// again changes nothing.
pub fn normalise(text: &str) -> String {
    let mut out = pass(text);
    // Lowercasing can, rarely, produce text that NFKC would change again;
    // repeat until nothing moves (in practice at most once more).
    for _ in 0..4 {
        if is_nfkc_quick(out.chars()) == IsNormalized::Yes {
            let again = pass(&out);
            if again == out {
                break;
            }
            out = again;
        } else {
            out = pass(&out);
        }
    }
    out
}

fn pass(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkc() {
        match c {
            '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}' => {}
            '\u{0623}' | '\u{0625}' | '\u{0622}' => out.push('\u{0627}'),
            '\u{0649}' => out.push('\u{064A}'),
            '\u{0629}' => out.push('\u{0647}'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_rules_of_the_architecture_guide() {
        // Harakat and tatweel go.
        assert_eq!(normalise("مُحَمَّد"), "محمد");
        assert_eq!(normalise("جـــميل"), "جميل");
        assert_eq!(normalise("رحمٰن"), "رحمن");
        // Alef forms, alef maqsura and teh marbuta.
        assert_eq!(normalise("أحمد إسلام آمن"), "احمد اسلام امن");
        assert_eq!(normalise("على مدرسة"), "علي مدرسه");
    }

    #[test]
    fn nfkc_and_lowercase() {
        assert_eq!(normalise("ＣＯＵＮＣＩＬ"), "council");
        assert_eq!(normalise("ﬁne"), "fine");
        // Arabic presentation forms become ordinary letters.
        assert_eq!(
            normalise("\u{FEE1}\u{FEAE}\u{FEA3}\u{FE92}\u{FE8E}"),
            "مرحبا"
        );
        // Alef with hamza written as two code points is still unified.
        assert_eq!(normalise("\u{0627}\u{0654}\u{0645}"), "ام");
    }

    #[test]
    fn normalising_twice_changes_nothing() {
        for s in ["İstanbul ǅ ẞ", "ﷺ ﷲ", "Ａ\u{0301}", "\u{0345}Σ", "مُدَرِّسَةٌ"]
        {
            let once = normalise(s);
            assert_eq!(normalise(&once), once, "{s:?}");
        }
    }
}
