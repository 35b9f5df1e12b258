//! Near-duplicate detection on synthetic short answers (made-up words, no
//! third-party data): N texts (default 1,000,000) of 5 to 20 words, with
//! exact copies, near copies (one word changed), three template campaigns
//! and content-free replies mixed in. Prints the time, the peak memory and
//! how many of the planted copies were found.
//!
//! cargo run --release -p cohesion-insight --example bench_duplicates [-- N]

use std::time::Instant;

use cohesion_insight::duplicates::{deduplicate, Options};
use cohesion_insight::random::SplitMix64;

const WORDS: &str = "park bench tree library bus route street lamp bin school road bridge \
river garden play area car parking cycle lane pavement crossing traffic noise litter dog \
council tax housing rent flat repair damp heating window door lift stairs shop market cafe \
pub hall centre youth club older people carers nursery doctor clinic pharmacy dentist pool \
gym field pitch football cricket tennis court swimming path hedge flower allotment compost \
recycling collection weekly fortnightly evening morning night weekend summer winter safe \
unsafe dark bright clean dirty busy quiet expensive cheap free open closed late early more \
less better worse new old small large local central north south east west community event \
festival music art museum theatre cinema poster website app phone email letter survey \
حديقة مكتبة حافلة شارع مدرسة طريق جسر نهر سوق مستشفى عيادة ملعب مسبح نظيف آمن مظلم";

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let words: Vec<&str> = WORDS.split_whitespace().collect();
    let mut stream = SplitMix64::new(42);
    let mut next = move || stream.next_u64();
    let templates = [
        "I strongly object to the closure of the central library because it is the only warm quiet place for older people and students in this part of town",
        "Please stop the new road scheme on the river path, it will destroy the garden and bring traffic noise and danger to the children who walk to school",
        "نرفض إغلاق المسبح العام لأنه المكان الوحيد للأطفال في الحي ونطالب المجلس بإعادة النظر في القرار فورا",
    ];
    let mut texts: Vec<String> = Vec::with_capacity(n);
    let mut planted_near: Vec<(usize, usize)> = Vec::new();
    for i in 0..n {
        let r = next() % 100;
        let text = if i > 100 && r < 10 {
            texts[(next() as usize) % i].clone()
        } else if i > 100 && r < 15 {
            let j = (next() as usize) % i;
            let mut w: Vec<&str> = texts[j].split(' ').collect();
            if w.len() >= 12 {
                let k = (next() as usize) % w.len();
                w[k] = words[(next() as usize) % words.len()];
                planted_near.push((j, i));
            }
            w.join(" ")
        } else if r < 18 {
            let t = (next() as usize) % templates.len();
            format!("{} {}", templates[t], i % 1000)
        } else if r < 21 {
            ["agree 100%", "Yes!", "I agree", "+1", "no"][(next() as usize) % 5].to_string()
        } else {
            let len = 5 + (next() as usize) % 16;
            (0..len)
                .map(|_| words[(next() as usize) % words.len()])
                .collect::<Vec<_>>()
                .join(" ")
        };
        texts.push(text);
    }
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let start = Instant::now();
    let result = deduplicate(&refs, &Options::default());
    let seconds = start.elapsed().as_secs_f64();
    let mut group_of = vec![usize::MAX; n];
    for (g, group) in result.groups.iter().enumerate() {
        for &m in &group.members {
            group_of[m] = g;
        }
    }
    // A near copy of a 12+ word text with one word changed has a 4-gram
    // Jaccard of about 0.8 or more: count how many were joined.
    let found = planted_near
        .iter()
        .filter(|&&(a, b)| group_of[a] != usize::MAX && group_of[a] == group_of[b])
        .count();
    let grams = |t: &str| {
        let c: Vec<char> = t.to_lowercase().chars().collect();
        c.windows(4)
            .map(|w| w.iter().collect::<String>())
            .collect::<std::collections::HashSet<_>>()
    };
    let (mut above, mut above_found) = (0usize, 0usize);
    for &(a, b) in &planted_near {
        let (ga, gb) = (grams(&texts[a]), grams(&texts[b]));
        let j = ga.intersection(&gb).count() as f64 / ga.union(&gb).count().max(1) as f64;
        if j >= Options::default().threshold {
            above += 1;
            above_found += usize::from(group_of[a] != usize::MAX && group_of[a] == group_of[b]);
        }
    }
    let campaigns: Vec<usize> = result.campaigns().map(|g| g.members.len()).collect();
    let peak = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.split_whitespace().nth(1).unwrap_or("?").to_string())
        })
        .unwrap_or_else(|| "?".into());
    println!("texts: {n}");
    println!("seconds: {seconds:.2}");
    println!("peak resident memory (kB, whole process): {peak}");
    println!(
        "groups with content: {}; agree {}; disagree {}; empty {}",
        result.groups.len(),
        result.agree.len(),
        result.disagree.len(),
        result.empty.len()
    );
    println!("campaigns (10+ members, largest first): {}", {
        let mut c = campaigns.clone();
        c.sort_unstable_by(|a, b| b.cmp(a));
        c.iter()
            .take(8)
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    });
    println!(
        "planted near copies joined: {found} of {} ({:.1} %)",
        planted_near.len(),
        100.0 * found as f64 / planted_near.len().max(1) as f64
    );
    println!(
        "of those with a true 4-gram Jaccard >= threshold: {above_found} of {above} ({:.1} %)",
        100.0 * above_found as f64 / above.max(1) as f64
    );
}
