//! Speed against pabutools: tallies every approval instance of shared/pabulib with every rule
//! expected.json lists, checks the selection is pabutools' and prints how many times faster the
//! rule ran than pabutools did (expected.json's `pabutools_seconds`, measured on 2 cores).
//!
//! `cargo bench -p budget-rules --bench pabulib [-- FILTER]` (FILTER: a substring of the file
//! name). Only the rule is timed, as in pabutools: not parsing, and not merging identical
//! ballots ([`PreparedElection::new`], pabutools' multiprofile), which is shown apart as
//! `prepare`. Each figure is the best of several timings, a fast rule being timed over a batch
//! of repetitions so that the clock's resolution does not matter.

#[path = "../tests/common/mod.rs"]
mod common;

/// The allocator the `edges` server runs with, where tallies are counted.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::time::{Duration, Instant};

use budget_rules::{Election, PreparedElection, Rule, TieBreak, VoteType};
use serde_json::Value;

/// A batch of repetitions is grown until it takes this long.
const BATCH: Duration = Duration::from_millis(20);
/// Timings taken per case; the best is kept.
const TIMINGS: usize = 25;
/// A single run slower than this is timed only `SLOW_TIMINGS` times.
const SLOW: Duration = Duration::from_millis(500);
const SLOW_TIMINGS: usize = 2;
/// The speed-up aimed at on every case.
const TARGET_RATIO: f64 = 200.0;

struct Row {
    file: String,
    rule: Rule,
    voters: usize,
    projects: usize,
    prepare: f64,
    ours: f64,
    pabutools: f64,
}

impl Row {
    fn ratio(&self) -> f64 {
        self.pabutools / self.ours
    }
}

/// Seconds per call of `f`: the best of several timings.
fn best_time<T>(f: impl Fn() -> T) -> f64 {
    let once = || {
        let started = Instant::now();
        black_box(f());
        started.elapsed()
    };
    let first = once();
    if first >= SLOW {
        let rest = (1..SLOW_TIMINGS).map(|_| once());
        return rest.fold(first, Duration::min).as_secs_f64();
    }
    let mut reps: u32 = 1;
    while first * reps < BATCH {
        reps *= 2;
    }
    let batch = || {
        let started = Instant::now();
        for _ in 0..reps {
            black_box(f());
        }
        started.elapsed().as_secs_f64() / f64::from(reps)
    };
    (0..TIMINGS).map(|_| batch()).fold(f64::INFINITY, f64::min)
}

fn expected_selection(case: &Value, file: &str, rule: &str) -> Vec<String> {
    let ids = case["selected"]
        .as_array()
        .unwrap_or_else(|| panic!("{file} {rule}: no selected array"));
    ids.iter()
        .map(|v| v.as_str().expect("project ids are strings").to_string())
        .collect()
}

fn bench_file(file: &str, election: &Election, cases: &Value) -> Vec<Row> {
    let cases = cases.as_object().expect("rules object");
    let prepare = best_time(|| PreparedElection::new(black_box(election), TieBreak::default()));
    let prepared = PreparedElection::new(election, TieBreak::default());
    let mut rows = Vec::new();
    for (name, case) in cases {
        let rule: Rule = name.parse().unwrap_or_else(|e| panic!("{file}: {e}"));
        let got = prepared.tally(rule).selected_sorted();
        let want = expected_selection(case, file, name);
        assert_eq!(got, want, "{file} {name}: selection differs from pabutools");
        rows.push(Row {
            file: file.to_string(),
            rule,
            voters: election.num_voters(),
            projects: election.projects.len(),
            prepare,
            ours: best_time(|| black_box(&prepared).tally(rule)),
            pabutools: case["pabutools_seconds"].as_f64().unwrap_or(f64::NAN),
        });
    }
    rows
}

fn print_table(rows: &[Row]) {
    println!(
        "{:<46} {:<9} {:>6} {:>4} {:>10} {:>10} {:>10} {:>7}",
        "instance", "rule", "voters", "proj", "prepare", "ours (s)", "pabutools", "ratio"
    );
    for r in rows {
        let instance = r.file.trim_end_matches(".pb").trim_start_matches("poland_");
        println!(
            "{instance:<46} {:<9} {:>6} {:>4} {:>10.2e} {:>10.2e} {:>10.4} {:>7.0}",
            r.rule.name(),
            r.voters,
            r.projects,
            r.prepare,
            r.ours,
            r.pabutools,
            r.ratio()
        );
    }
}

fn main() {
    // `cargo bench` passes `--bench`; any other argument filters instances by name.
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    let dir = common::pabulib_dir();
    let text = std::fs::read_to_string(dir.join("expected.json")).expect("read expected.json");
    let expected: Value = serde_json::from_str(&text).expect("expected.json is JSON");
    let instances = expected["instances"].as_object().expect("instances object");
    let mut rows = Vec::new();
    for file in common::pb_files(&dir) {
        if filter.as_ref().is_some_and(|f| !file.contains(f.as_str())) {
            continue;
        }
        let election = common::load(&dir, &file);
        if election.vote_type != VoteType::Approval {
            continue;
        }
        let cases = instances
            .get(&file)
            .unwrap_or_else(|| panic!("{file} is an approval instance missing from expected.json"));
        rows.extend(bench_file(&file, &election, cases));
    }
    print_table(&rows);
    let Some(slowest) = rows.iter().min_by(|a, b| a.ratio().total_cmp(&b.ratio())) else {
        println!("no instance matched");
        return;
    };
    println!(
        "minimum ratio {:.0} ({} {}); target {TARGET_RATIO:.0}: {}",
        slowest.ratio(),
        slowest.file,
        slowest.rule.name(),
        if slowest.ratio() >= TARGET_RATIO {
            "met"
        } else {
            "NOT met"
        }
    );
}
