//! Benchmark of the opinion-groups engine (issue 5). One measurement per
//! process, printed as one JSON line; `scripts/bench-opinions` runs it
//! several times and reports medians.
//!
//! ```text
//! cargo run --release -p cohesion-insight --example bench_opinions -- conversation DIR
//! cargo run --release -p cohesion-insight --example bench_opinions -- synthetic [PARTICIPANTS STATEMENTS VOTES]
//! cargo run --release -p cohesion-insight --example bench_opinions -- incremental [PARTICIPANTS]
//! ```
//!
//! `conversation` times the import and the analysis of a Pol.is export
//! and, when `participants-votes.csv` is there, prints the adjusted Rand
//! index of our groups against its `group-id` column. `synthetic` builds a
//! conversation with planted opinion groups and times the analysis.
//! `incremental` times a recompute after one new vote in a live
//! conversation. Peak memory is the process's high-water mark (VmHWM).

use std::collections::HashMap;
use std::fs::File;
use std::path::Path;
use std::time::Instant;

use cohesion_insight::opinions::clustering::stream;
use cohesion_insight::opinions::{
    analyse, ari, import, LiveConversation, Options, Projection, Seeding, Vote, VoteMatrix,
};

/// `PROJECTION=polis` selects Pol.is's projection scaling,
/// `SEEDING=first-distinct` Pol.is's k-means seeding.
fn options(seed: u64) -> Options {
    let projection = match std::env::var("PROJECTION").as_deref() {
        Ok("polis") => Projection::PolisCompatible,
        _ => Projection::VotesCast,
    };
    let seeding = match std::env::var("SEEDING").as_deref() {
        Ok("first-distinct") => Seeding::FirstDistinct,
        _ => Seeding::KMeansPlusPlus,
    };
    Options {
        seed,
        projection,
        seeding,
    }
}

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

/// A conversation with `groups` planted opinion groups: each group has its
/// own agree probability per statement; each participant votes on
/// `votes / participants` statements drawn at random.
fn synthetic(participants: usize, statements: usize, votes: usize, seed: u64) -> VoteMatrix {
    let groups = 4;
    let mut rng = stream(seed);
    let mut m = VoteMatrix::new();
    for s in 0..statements {
        m.add_statement(&s.to_string(), false).expect("fresh id");
    }
    let profile: Vec<Vec<f64>> = (0..groups)
        .map(|_| (0..statements).map(|_| rng.next_f64()).collect())
        .collect();
    let per = votes / participants.max(1);
    let extra = votes % participants.max(1);
    for p in 0..participants {
        let id = m.participant(&p.to_string());
        let g = (rng.next_u64() % groups as u64) as usize;
        let n = (per + usize::from(p < extra)).min(statements);
        let mut seen = std::collections::HashSet::with_capacity(n);
        while seen.len() < n {
            let s = (rng.next_u64() % statements as u64) as u32;
            if seen.insert(s) {
                let r = rng.next_f64();
                let agree = profile[g][s as usize];
                let vote = if r < agree * 0.85 {
                    Vote::Agree
                } else if r < 0.85 {
                    Vote::Disagree
                } else {
                    Vote::Pass
                };
                m.set_vote(id, s, vote);
            }
        }
    }
    m
}

fn conversation(dir: &Path, seed: u64) {
    let start = Instant::now();
    let votes = import::read_dir(dir).unwrap_or_else(|e| panic!("{e}"));
    let import_ms = ms(start);
    let start = Instant::now();
    let analysis = analyse(&votes, &options(seed));
    let analyse_ms = ms(start);
    let mut line = format!(
        "{{\"mode\":\"conversation\",\"dir\":{:?},\"participants\":{},\"statements\":{},\"votes\":{},\"import_ms\":{import_ms:.3},\"analyse_ms\":{analyse_ms:.3},\"total_ms\":{:.3},\"in_conversation\":{},\"groups\":{}",
        dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        votes.participants().len(),
        votes.statements().len(),
        votes.vote_count(),
        import_ms + analyse_ms,
        analysis.participants_in_conversation.len(),
        analysis.groups.len(),
    );
    let wide = dir.join("participants-votes.csv");
    if let Ok(file) = File::open(&wide) {
        let polis = import::read_polis_groups(file).unwrap_or_else(|e| panic!("{e}"));
        let ours: HashMap<&str, usize> = analysis
            .groups
            .iter()
            .flat_map(|g| g.participants.iter().map(move |p| (p.as_str(), g.id)))
            .collect();
        let polis_grouped = polis.iter().filter(|(_, g)| g.is_some()).count();
        let (theirs, mine): (Vec<&str>, Vec<usize>) = polis
            .iter()
            .filter_map(|(p, g)| Some((g.as_deref()?, *ours.get(p.as_str())?)))
            .unzip();
        let polis_k = theirs
            .iter()
            .collect::<std::collections::HashSet<_>>()
            .len();
        line += &format!(
            ",\"ari\":{:.4},\"compared\":{},\"polis_grouped\":{polis_grouped},\"polis_groups\":{polis_k}",
            ari::adjusted_rand_index(&theirs, &mine),
            theirs.len()
        );
    }
    if let Some(reason) = &analysis.reason {
        line += &format!(",\"reason\":{reason:?}");
    }
    println!("{line},\"peak_rss_kib\":{}}}", peak_rss_kib().unwrap_or(0));
}

fn synthetic_run(participants: usize, statements: usize, votes: usize, seed: u64) {
    let start = Instant::now();
    let m = synthetic(participants, statements, votes, seed);
    let generate_ms = ms(start);
    let start = Instant::now();
    let analysis = analyse(&m, &options(seed));
    let analyse_ms = ms(start);
    println!(
        "{{\"mode\":\"synthetic\",\"participants\":{participants},\"statements\":{statements},\"votes\":{},\"generate_ms\":{generate_ms:.1},\"analyse_ms\":{analyse_ms:.1},\"groups\":{},\"peak_rss_kib\":{}}}",
        m.vote_count(),
        analysis.groups.len(),
        peak_rss_kib().unwrap_or(0)
    );
}

fn incremental(participants: usize, seed: u64) {
    // vTaiwan-like: 200 statements, 25 votes each on average.
    let statements = 200;
    let m = synthetic(participants, statements, participants * 25, seed);
    let mut live = LiveConversation::from_matrix(m, options(seed));
    let start = Instant::now();
    let groups = live.analysis().groups.len();
    let first_ms = ms(start);
    let mut rng = stream(seed ^ 1);
    let mut times = Vec::new();
    for _ in 0..21 {
        let p = (rng.next_u64() % participants as u64).to_string();
        let s = (rng.next_u64() % statements as u64).to_string();
        live.add_vote(&p, &s, Vote::Agree)
            .unwrap_or_else(|e| panic!("{e}"));
        let start = Instant::now();
        std::hint::black_box(live.analysis());
        times.push(ms(start));
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{{\"mode\":\"incremental\",\"participants\":{participants},\"votes\":{},\"first_ms\":{first_ms:.3},\"recompute_median_ms\":{:.3},\"recompute_max_ms\":{:.3},\"groups\":{groups},\"peak_rss_kib\":{}}}",
        live.matrix().vote_count(),
        times[times.len() / 2],
        times[times.len() - 1],
        peak_rss_kib().unwrap_or(0)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg =
        |i: usize, default: usize| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let seed = std::env::var("SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    match args.first().map(String::as_str) {
        Some("conversation") => conversation(Path::new(args.get(1).expect("DIR")), seed),
        Some("synthetic") => synthetic_run(arg(1, 100_000), arg(2, 2_000), arg(3, 5_000_000), seed),
        Some("incremental") => incremental(arg(1, 2_000), seed),
        _ => {
            eprintln!(
                "usage: bench_opinions conversation DIR | synthetic [P S V] | incremental [P]"
            );
            std::process::exit(2);
        }
    }
}
