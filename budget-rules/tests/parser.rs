//! Parser and writer: hand-written files, every error kind with its line, and round trips.

mod common;

use budget_rules::pabulib::{self, ParseError, ParseErrorKind as K};
use budget_rules::{amount, Amount, Election, VoteType};
use num_bigint::BigInt;
use num_rational::BigRational;

const META: &str = "META
key;value
description;Test \"district\"
country;Poland
unit;Town
instance;2024
num_projects;3
num_votes;3
budget;100.5
vote_type;approval
rule;greedy
date_begin;1.09.2023
date_end;2023
";

fn valid() -> String {
    format!(
        "{META}PROJECTS
project_id;cost;name
1;40;\"Park \"\"Zielony\"\"; etap 2\"
10;60,25;  Spaces around  
A/7;0;\"two
lines\"
VOTES
voter_id;vote;age
v1;1,10;30
v2; A/7 , 1 ;
v3;;55
"
    )
}

fn err(text: &str) -> ParseError {
    pabulib::parse(text).expect_err("should not parse")
}

#[test]
fn parses_quotes_escapes_decimals_and_lists() {
    let e = pabulib::parse(&valid()).unwrap();
    assert_eq!(e.vote_type, VoteType::Approval);
    assert_eq!(
        e.budget,
        BigRational::new(BigInt::from(201), BigInt::from(2))
    );
    assert_eq!(e.meta_value("description"), Some("Test \"district\""));
    let ids: Vec<&str> = e.projects.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["1", "10", "A/7"]);
    assert_eq!(
        e.projects[0].field("name"),
        Some("Park \"Zielony\"; etap 2")
    );
    assert_eq!(
        e.projects[1].cost,
        BigRational::new(BigInt::from(241), BigInt::from(4))
    );
    assert_eq!(e.projects[1].field("name"), Some("Spaces around"));
    assert_eq!(e.projects[2].field("name"), Some("two\nlines"));
    assert_eq!(e.projects[2].cost, amount(0));
    assert_eq!(e.ballots[0].projects, vec![0, 1]);
    assert_eq!(e.ballots[1].projects, vec![2, 0]);
    assert_eq!(e.ballots[1].field("age"), Some(""));
    assert!(e.ballots[2].projects.is_empty());
    assert_eq!(e.project_columns, ["project_id", "cost", "name"]);
}

#[test]
fn writes_and_reads_back_the_same_election() {
    let e = pabulib::parse(&valid()).unwrap();
    let text = pabulib::write(&e).unwrap();
    assert_eq!(pabulib::parse(&text).unwrap(), e, "{text}");
}

#[test]
fn every_shared_file_parses_and_round_trips() {
    let dir = common::pabulib_dir();
    let files = common::pb_files(&dir);
    assert!(
        files.len() >= 20,
        "expected the shared pabulib files, found {files:?}"
    );
    for file in files {
        let e = common::load(&dir, &file);
        assert_eq!(
            e.projects.len().to_string(),
            e.meta_value("num_projects").unwrap()
        );
        let text = pabulib::write(&e).unwrap_or_else(|err| panic!("{file}: {err}"));
        let again = pabulib::parse(&text).unwrap_or_else(|err| panic!("{file} rewritten: {err}"));
        assert!(again == e, "{file} does not round-trip");
    }
}

#[test]
fn reads_the_shared_files_details() {
    let dir = common::pabulib_dir();
    let goclaw = common::load(&dir, "poland_warszawa_2019_goclaw.pb");
    assert_eq!(
        goclaw.budget,
        BigRational::new(BigInt::from(101_994_037), BigInt::from(100))
    );
    // This file has no `key;value` header line: the first key must still be read.
    assert!(goclaw.meta_value("description").is_some());
    let czestochowa = common::load(&dir, "poland_czestochowa_2020_wrzosowiak.pb");
    assert_eq!(czestochowa.vote_type, VoteType::Cumulative);
    let p51 = &czestochowa.projects[czestochowa.project_index("51").unwrap()];
    assert_eq!(
        p51.field("name"),
        Some("Montaż Biletomatu MPK przy przystanku tramwajowym \"Estakada\"")
    );
    assert!(czestochowa
        .ballots
        .iter()
        .all(|b| b.points.as_ref().map(Vec::len) == Some(b.projects.len())));
    let debniki = common::load(&dir, "poland_krakow_2022_debniki.pb");
    assert_eq!(debniki.vote_type, VoteType::Ordinal);
    let p18 = &debniki.projects[debniki.project_index("18").unwrap()];
    assert_eq!(
        p18.field("name"),
        Some("Czyste Pychowice: kosze na psie qupy; dbamy i sprzątamy")
    );
    assert_eq!(debniki.ballots[0].points, None);
    let wroclaw = common::load(&dir, "poland_wroclaw_2019_local.pb");
    assert_eq!(wroclaw.ballots.len(), 80_643);
}

#[test]
fn missing_meta_key_points_at_the_meta_section() {
    let text = valid().replace("country;Poland\n", "");
    assert_eq!(
        err(&text),
        ParseError {
            line: 1,
            kind: K::MissingMetaKey("country".into())
        }
    );
    let text = valid().replace("rule;greedy\n", "");
    assert_eq!(err(&text).kind, K::MissingMetaKey("rule".into()));
}

#[test]
fn bad_numbers_are_reported_with_their_line() {
    let text = valid().replace("budget;100.5", "budget;1e5");
    let e = err(&text);
    assert_eq!(e.line, 9);
    assert!(matches!(e.kind, K::BadNumber { ref field, .. } if field == "budget"));
    assert_eq!(e.to_string(), "line 9: budget \"1e5\" is not a number");

    let text = valid().replace("1;40;", "1;forty;");
    let e = err(&text);
    assert_eq!(
        (e.line, e.kind),
        (
            16,
            K::BadNumber {
                field: "cost".into(),
                value: "forty".into()
            }
        )
    );

    let text = valid().replace("1;40;", "1;-40;");
    assert!(matches!(err(&text).kind, K::NegativeNumber { .. }));

    let text = valid().replace("num_votes;3", "num_votes;three");
    assert_eq!(err(&text).line, 8);
}

#[test]
fn structural_errors_carry_lines() {
    let cases: Vec<(String, usize, K)> = vec![
        (
            valid().replace("v1;1,10;30", "v1;1,99;30"),
            22,
            K::UnknownProject("99".into()),
        ),
        (
            valid().replace("A/7;0;", "1;0;"),
            18,
            K::DuplicateProjectId("1".into()),
        ),
        (
            valid().replace("num_projects;3", "num_projects;4"),
            7,
            K::CountMismatch {
                key: "num_projects",
                declared: 4,
                actual: 3,
            },
        ),
        (
            valid().replace("v3;;55\n", ""),
            8,
            K::CountMismatch {
                key: "num_votes",
                declared: 3,
                actual: 2,
            },
        ),
        (
            valid().replace("date_end;2023", "date_end;2023-01-05"),
            13,
            K::BadDate {
                field: "date_end".into(),
                value: "2023-01-05".into(),
            },
        ),
        (
            valid().replace("date_begin;1.09.2023", "date_begin;32.09.2023"),
            12,
            K::BadDate {
                field: "date_begin".into(),
                value: "32.09.2023".into(),
            },
        ),
        (
            valid().replace("vote_type;approval", "vote_type;quadratic"),
            10,
            K::UnknownVoteType("quadratic".into()),
        ),
        (
            valid().replace("project_id;cost;name", "project_id;price;name"),
            15,
            K::MissingColumn {
                section: "PROJECTS",
                column: "cost".into(),
            },
        ),
        (
            valid().replace("voter_id;vote;age", "voter_id;ballot;age"),
            21,
            K::MissingColumn {
                section: "VOTES",
                column: "vote".into(),
            },
        ),
        (
            valid().replace("v3;;55", "v3;;55;extra"),
            24,
            K::TooManyCells {
                expected: 3,
                found: 4,
            },
        ),
        (
            valid().replace("v3;;55", "\"v3\"x;;55"),
            24,
            K::TextAfterQuote,
        ),
        (
            valid().replace("v3;;55", "\"v3;;55"),
            24,
            K::UnterminatedQuote,
        ),
        (format!("junk\n{}", valid()), 1, K::RowOutsideSection),
        (
            valid().replace("VOTES\n", "META\n"),
            20,
            K::UnexpectedSection {
                found: "META".into(),
                expected: "VOTES",
            },
        ),
        (
            valid().split("VOTES").next().unwrap().to_string(),
            18,
            K::MissingSection("VOTES"),
        ),
        (String::new(), 1, K::MissingSection("META")),
        (
            valid().replace("unit;Town", "unit;Town\nunit;City"),
            6,
            K::DuplicateMetaKey("unit".into()),
        ),
        (
            valid().replace("unit;Town", "lonely"),
            5,
            K::MetaRowWithoutValue,
        ),
        (
            valid().replace("10;60,25;", ";60,25;"),
            17,
            K::EmptyProjectId,
        ),
    ];
    for (text, line, kind) in cases {
        let got = err(&text);
        assert_eq!((got.line, &got.kind), (line, &kind), "{got}\n---\n{text}");
    }
}

#[test]
fn non_utf8_is_an_error_with_a_line() {
    let mut bytes = valid().into_bytes();
    bytes.splice(30..30, [0xff, 0xfe]);
    let e = pabulib::parse_bytes(&bytes).unwrap_err();
    assert_eq!((e.line, e.kind), (3, K::NotUtf8));
}

fn points_file(vote_type: &str, votes: &str) -> String {
    let meta = META
        .replace("vote_type;approval", &format!("vote_type;{vote_type}"))
        .replace("num_votes;3", "num_votes;1");
    format!("{meta}PROJECTS\nproject_id;cost\n1;40\n10;60\nA/7;1\nVOTES\nvoter_id;vote;points\n{votes}\n")
}

#[test]
fn points_and_rankings() {
    let e = pabulib::parse(&points_file("cumulative", "v1;10,1;3,2.5")).unwrap();
    let half = |n: i64| BigRational::new(BigInt::from(n), BigInt::from(2));
    assert_eq!(e.ballots[0].points, Some(vec![amount(3), half(5)]));
    assert_eq!(
        err(&points_file("cumulative", "v1;10,1;3")).kind,
        K::PointsMismatch {
            votes: 2,
            points: 1
        }
    );
    assert_eq!(
        err(&points_file("cumulative", "v1;10,10;3,3")).kind,
        K::DuplicateVote("10".into())
    );
    assert!(matches!(
        err(&points_file("scoring", "v1;10;x")).kind,
        K::BadNumber { .. }
    ));
    let no_points =
        points_file("cumulative", "v1;10;3").replace("voter_id;vote;points", "voter_id;vote");
    assert!(matches!(err(&no_points).kind, K::MissingColumn { .. }));
    // An approval ballot is a set: a repeated id is harmless.
    let e = pabulib::parse(&valid().replace("v1;1,10;30", "v1;1,10,1;30")).unwrap();
    assert_eq!(e.ballots[0].projects, vec![0, 1]);
}

#[test]
fn writer_refuses_what_cannot_be_read_back() {
    let mut e: Election = pabulib::parse(&valid()).unwrap();
    e.projects[0].id = "1,2".into();
    assert!(pabulib::write(&e).is_err());
    let e = Election::approval(amount(5), vec![], Vec::<Vec<&str>>::new()).unwrap();
    assert!(matches!(
        pabulib::write(&e),
        Err(pabulib::WriteError::MissingMetaKey(_))
    ));
}

#[test]
fn writer_updates_computed_meta_and_quotes_what_needs_it() {
    let mut e = pabulib::parse(&valid()).unwrap();
    e.budget =
        BigRational::new(BigInt::from(1), BigInt::from(3)) + Amount::from_integer(BigInt::from(7));
    e.ballots.pop();
    e.projects[0].extra[0].1 = " votes ".into();
    e.meta.push(("note".into(), "VOTES".into()));
    let text = pabulib::write(&e).unwrap();
    assert!(text.contains("budget;22/3\n"), "{text}");
    assert!(text.contains("num_votes;2\n"), "{text}");
    let again = pabulib::parse(&text).unwrap();
    assert_eq!(
        (&again.budget, &again.projects, &again.ballots),
        (&e.budget, &e.projects, &e.ballots)
    );
    assert_eq!(again.meta_value("note"), Some("VOTES"));
    assert_eq!(
        pabulib::write(&again).unwrap(),
        text,
        "writing is idempotent"
    );
}
