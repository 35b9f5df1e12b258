//! Candidate themes for N synthetic answers (default 100,000) mixing
//! English and Arabic (made-up sentences from topic word lists, no
//! third-party data), plus exact copies, a campaign and content-free
//! replies. Prints the time of `discover`, the time of `map` to twelve
//! confirmed themes (one per topic, three example answers each), the peak
//! memory and the themes. With `--stability M` it also discovers themes
//! in the first M answers with seeds 0..9 (above 8,000 distinct answers
//! the seed picks the sample that starts the clustering) and prints the
//! adjusted Rand index of the assignments, every pair of seeds. With
//! `--stance-first`, discovery splits answers by stance before grouping
//! them by words and reads the original stance cues
//! (`Grouping::StanceFirst`, `Cues::Original`: the defaults before ADR
//! 0028's second amendment) instead of the defaults.
//!
//! cargo run --release -p cohesion-insight --example bench_themes [-- N] [--stability M] [--stance-first]

use std::time::Instant;

use cohesion_insight::opinions::ari::adjusted_rand_index;
use cohesion_insight::random::SplitMix64;
use cohesion_insight::themes::{discover, map, ConfirmedTheme, Cues, Grouping, Options};

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

/// CPU time of this process so far (user and system), from
/// /proc/self/stat; 0 where that file does not exist. Wall-clock time on
/// a shared machine measures the other jobs as much as this one.
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            // Fields after the command name, which is in parentheses.
            let rest = s.rsplit_once(')')?.1.split_whitespace().collect::<Vec<_>>();
            let utime: f64 = rest.get(11)?.parse().ok()?;
            let stime: f64 = rest.get(12)?.parse().ok()?;
            Some((utime + stime) / 100.0)
        })
        .unwrap_or(0.0)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let stability: Option<usize> = args
        .iter()
        .position(|a| a == "--stability")
        .and_then(|i| args.get(i + 1))
        .and_then(|a| a.parse().ok());
    let options = if args.iter().any(|a| a == "--stance-first") {
        Options {
            cues: Cues::Original,
            grouping: Grouping::StanceFirst,
            ..Options::default()
        }
    } else {
        Options::default()
    };
    let topics: Vec<Vec<&str>> = TOPICS.iter().map(|t| t.split(' ').collect()).collect();
    let filler: Vec<&str> = FILLER.split_whitespace().collect();
    let mut stream = SplitMix64::new(7);
    let mut next = move || stream.next_u64() as usize;
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
    let (start, cpu) = (Instant::now(), cpu_seconds());
    let d = discover(&ids, &refs, &options);
    let (seconds, discover_cpu) = (start.elapsed().as_secs_f64(), cpu_seconds() - cpu);
    let confirmed: Vec<ConfirmedTheme> = TOPICS
        .iter()
        .enumerate()
        .map(|(t, words)| {
            let w: Vec<&str> = words.split(' ').collect();
            ConfirmedTheme {
                id: format!("C{t}"),
                label: w[..2].join(" "),
                description: w[2..].join(" "),
                examples: vec![
                    format!("{} {} {}", w[0], w[3], w[5]),
                    format!("{} {} {}", w[1], w[4], w[6]),
                    format!("{} {} {}", w[2], w[7], w[0]),
                ],
            }
        })
        .collect();
    let (start, cpu) = (Instant::now(), cpu_seconds());
    let m = map(&ids, &refs, &confirmed, &options);
    let (map_seconds, map_cpu) = (start.elapsed().as_secs_f64(), cpu_seconds() - cpu);
    let peak = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).map(str::to_string))
        })
        .unwrap_or_else(|| "?".into());
    println!("answers: {n}");
    println!("seconds: {seconds:.2} (CPU {discover_cpu:.2})");
    println!(
        "map to {} confirmed themes, seconds: {map_seconds:.2} (CPU {map_cpu:.2}; {} answers to review)",
        confirmed.len(),
        m.review.len()
    );
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
    if let Some(m) = stability {
        let m = m.min(n);
        let runs: Vec<Vec<i64>> = (0..10)
            .map(|seed| {
                let d = discover(&ids[..m], &refs[..m], &Options { seed, ..options });
                d.assignment
                    .iter()
                    .map(|a| a.map_or(-1, |t| t as i64))
                    .collect()
            })
            .collect();
        let mut aris = Vec::new();
        for a in 0..runs.len() {
            for b in a + 1..runs.len() {
                aris.push(adjusted_rand_index(&runs[a], &runs[b]));
            }
        }
        println!(
            "stability, first {m} answers, seeds 0-9: ARI of assignments min {:.4}, mean {:.4}",
            aris.iter().copied().fold(f64::INFINITY, f64::min),
            aris.iter().sum::<f64>() / aris.len() as f64
        );
    }
}
