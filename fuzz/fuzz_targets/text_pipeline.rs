//! The normaliser and everything after it on arbitrary text: no panic,
//! and normalising is idempotent.
#![no_main]

use cohesion_insight::duplicates::{content_free, deduplicate, Options};
use cohesion_insight::text::{detect_language, normalise, pii, terms, tokenise};
use cohesion_insight::themes::stance;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let once = normalise(&text);
    assert_eq!(normalise(&once), once, "normalise is not idempotent");
    let _ = tokenise(&once);
    let _ = detect_language(&text);
    let _ = terms(&text);
    let _ = pii::mask(&text);
    let _ = content_free(&text);
    let _ = stance(&text);
    let halves: Vec<&str> = text.split('\n').collect();
    let d = deduplicate(&halves, &Options::default());
    let counted: usize = d.groups.iter().map(|g| g.members.len()).sum::<usize>()
        + d.agree.len()
        + d.disagree.len()
        + d.empty.len();
    assert_eq!(counted, halves.len());
});
