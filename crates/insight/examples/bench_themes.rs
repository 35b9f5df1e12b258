//! Candidate themes for N synthetic answers (default 100,000) mixing
//! English and Arabic (made-up sentences from topic word lists, no
//! third-party data), plus exact copies, a campaign and content-free
//! replies. Prints the time of `discover`, the peak memory and the themes.
//!
//! cargo run --release -p cohesion-insight --example bench_themes [-- N]

use std::time::Instant;

use cohesion_insight::themes::{discover, Options};

const TOPICS: &[&str] = &[
    "park trees benches playground grass shade pond paths",
    "buses evening route timetable stop fares drivers service",
    "library books opening hours study computers children sundays",
    "parking charges cars spaces permits street residents fines",
    "housing rent repairs damp heating landlord flats waiting",
    "bins recycling collection litter rubbish fly tipping weekly",
    "cycling lanes bikes safety junction helmets racks commuting",
    "police crime safety lighting night patrols antisocial youth",
    "حديقة أشجار مقاعد ملعب أطفال ظل ممرات عشب",
    "حافلات مساء خط مواعيد محطة أجرة سائقين خدمة",
    "مكتبة كتب ساعات دراسة حواسيب أطفال عطلة قراءة",
    "مواقف سيارات رسوم تصاريح شارع سكان مخالفات أماكن",
];
const FILLER: &str = "the and more we need please it is very our for in would be good \
in the area local people council ومن في على هذا نحتاج المزيد من أجل الناس المجلس";
const CUES: &[&str] = &[
    "",
    "",
    "Yes, I agree.",
    "No, I disagree.",
    "نعم أوافق.",
    "لا أوافق.",
];

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let topics: Vec<Vec<&str>> = TOPICS.iter().map(|t| t.split(' ').collect()).collect();
    let filler: Vec<&str> = FILLER.split_whitespace().collect();
    let mut state = 7u64;
    let mut next = move || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        (z ^ (z >> 31)) as usize
    };
    let mut texts: Vec<String> = Vec::with_capacity(n);
    for i in 0..n {
        let r = next() % 100;
        let text = if i > 10 && r < 5 {
            texts[next() % i].clone()
        } else if r < 8 {
            "We the undersigned residents oppose the closure of the Mill Lane library and ask the council to keep it open".to_string()
        } else if r < 10 {
            ["agree 100%", "Yes", "+1", "لا", "👍"][next() % 5].to_string()
        } else {
            let topic = &topics[next() % topics.len()];
            let len = 8 + next() % 18;
            let mut words: Vec<&str> = vec![CUES[next() % CUES.len()]];
            for _ in 0..len {
                words.push(if next() % 3 == 0 {
                    filler[next() % filler.len()]
                } else {
                    topic[next() % topic.len()]
                });
            }
            words.join(" ")
        };
        texts.push(text);
    }
    let ids: Vec<String> = (0..n).map(|i| i.to_string()).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let start = Instant::now();
    let d = discover(&ids, &refs, &Options::default());
    let seconds = start.elapsed().as_secs_f64();
    let peak = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).map(str::to_string))
        })
        .unwrap_or_else(|| "?".into());
    println!("answers: {n}");
    println!("seconds: {seconds:.2}");
    println!("peak resident memory (kB, whole process): {peak}");
    println!(
        "themes: {}; campaigns: {}; endorsements {}, rejections {}, unassigned {}",
        d.themes.len(),
        d.campaigns.len(),
        d.endorsements.count,
        d.rejections.count,
        d.unassigned.len()
    );
    for t in d.themes.iter().take(12) {
        println!("  {} {} — {}", t.id, t.label, t.count.count);
    }
}
