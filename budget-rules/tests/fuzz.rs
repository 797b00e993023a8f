//! Fuzz-style tests: garbage and mutated files never make the parser panic, whatever parses
//! writes back identically, and the rules survive whatever parses.

mod common;

use budget_rules::{amount, pabulib, tally, Election, Project, Rule, TieBreak};
use common::random::Rng;

const TOKENS: &[&str] = &[
    "META",
    "PROJECTS",
    "VOTES",
    "meta",
    ";",
    ";",
    "\"",
    "\"\"",
    "\n",
    "\n",
    "\r\n",
    ",",
    ",",
    "1",
    "10",
    "2.5",
    "-3",
    "1/0",
    "x",
    "ł",
    " ",
    "\u{feff}",
    "key;value",
    "budget;",
    "cost",
    "vote",
    "points",
    "voter_id",
    "project_id",
    "approval",
    "cumulative",
    "\u{0}",
];

fn garbage(rng: &mut Rng) -> String {
    let len = rng.below(60);
    (0..len)
        .map(|_| TOKENS[rng.below(TOKENS.len() as u64) as usize])
        .collect()
}

/// Cuts, duplicates or replaces a piece of `text` (at char boundaries).
fn mutate(rng: &mut Rng, text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = chars.clone();
    for _ in 0..1 + rng.below(3) {
        let at = rng.below(out.len() as u64 + 1) as usize;
        let len = (rng.below(8) as usize).min(out.len() - at);
        match rng.below(3) {
            0 => {
                out.drain(at..at + len);
            }
            1 => {
                let piece: Vec<char> = out[at..at + len].to_vec();
                out.splice(at..at, piece);
            }
            _ => {
                let token = TOKENS[rng.below(TOKENS.len() as u64) as usize];
                out.splice(at..at + len, token.chars());
            }
        }
    }
    out.into_iter().collect()
}

/// Anything that parses must write back to the same election, and count without panicking.
fn check_parsed(e: &Election) {
    let text =
        pabulib::write(e).unwrap_or_else(|err| panic!("parsed election not writable: {err}"));
    let again =
        pabulib::parse(&text).unwrap_or_else(|err| panic!("rewritten file fails: {err}\n{text}"));
    assert!(again == *e, "round trip changed the election:\n{text}");
    if e.ballots.len() <= 50 && e.projects.len() <= 12 {
        for rule in Rule::ALL {
            let outcome = tally(e, rule, TieBreak::default());
            assert!(outcome.total_cost <= outcome.budget);
        }
    }
}

#[test]
fn garbage_never_panics() {
    let mut rng = Rng(7);
    for _ in 0..20_000 {
        let text = garbage(&mut rng);
        if let Ok(e) = pabulib::parse(&text) {
            check_parsed(&e);
        }
        let bytes: Vec<u8> = (0..rng.below(40)).map(|_| rng.next() as u8).collect();
        let _ = pabulib::parse_bytes(&bytes);
    }
}

#[test]
fn mutated_files_never_panic_and_round_trip_when_valid() {
    let dir = common::pabulib_dir();
    let seeds: Vec<String> = [
        "poland_zabrze_2021_zaborze-poludnie.pb",
        "poland_gdansk_2020_krakowiec-gorki-zachodnie.pb",
    ]
    .iter()
    .map(|f| std::fs::read_to_string(dir.join(f)).expect("read seed file"))
    .collect();
    let mut rng = Rng(11);
    let mut parsed = 0;
    for i in 0..4_000 {
        let text = mutate(&mut rng, &seeds[i % seeds.len()]);
        if let Ok(e) = pabulib::parse(&text) {
            parsed += 1;
            check_parsed(&e);
        }
    }
    assert!(
        parsed > 100,
        "mutations too destructive to test round trips ({parsed} parsed)"
    );
}

const WEIRD: &[&str] = &[
    "",
    " lead",
    "trail ",
    "a;b",
    "say \"hi\"",
    "two\nlines",
    "votes",
    "META",
    "ł,ó",
    "\r",
];

#[test]
fn random_elections_round_trip() {
    let mut rng = Rng(3);
    for _ in 0..500 {
        let mut e = common::random::approval_election(&mut rng);
        let pick = |rng: &mut Rng| WEIRD[rng.below(WEIRD.len() as u64) as usize].to_string();
        e.meta = ["description", "country", "unit", "instance", "rule"]
            .iter()
            .map(|k| (k.to_string(), pick(&mut rng).trim().to_string() + "x"))
            .chain([
                ("date_begin".into(), "1.1.2024".into()),
                ("date_end".into(), "2024".into()),
            ])
            .collect();
        e.project_columns.push("name".into());
        for p in &mut e.projects {
            p.extra.push(("name".into(), pick(&mut rng)));
        }
        e.vote_columns.push("note".into());
        for b in &mut e.ballots {
            b.voter_id = format!("{}{}", pick(&mut rng).trim(), rng.below(1000));
            b.extra.push(("note".into(), pick(&mut rng)));
        }
        let text = pabulib::write(&e).unwrap();
        let again = pabulib::parse(&text).unwrap_or_else(|err| panic!("{err}\n{text}"));
        assert_eq!(again.projects, e.projects, "{text}");
        assert_eq!(again.ballots, e.ballots, "{text}");
        assert_eq!(again.budget, e.budget);
        assert_eq!(pabulib::write(&again).unwrap(), text);
    }
}

#[test]
fn rules_survive_degenerate_elections() {
    let p = |id: &str, cost: i64| Project::new(id, amount(cost));
    let cases = [
        Election::approval(amount(0), vec![p("a", 0), p("b", 5)], vec![vec!["a", "b"]]).unwrap(),
        Election::approval(amount(10), vec![p("a", 5)], Vec::<Vec<&str>>::new()).unwrap(),
        Election::approval(amount(10), vec![], vec![Vec::<&str>::new(); 3]).unwrap(),
        Election::approval(
            amount(10),
            vec![p("a", 50), p("b", 0)],
            vec![vec!["a"], vec![]],
        )
        .unwrap(),
    ];
    for e in &cases {
        for rule in Rule::ALL {
            let o = tally(e, rule, TieBreak::default());
            assert!(o.total_cost <= o.budget, "{rule} on {e:?}");
            assert_eq!(o.projects.len(), e.projects.len());
        }
    }
}
