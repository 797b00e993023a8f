//! Ballot validation: ballots within a round's rules pass, and each kind of problem is named.

use budget_rules::{amount, validate_ballot, BallotError, BallotRules, Choice, Project};

fn projects() -> Vec<Project> {
    [("park", 60), ("bench", 10), ("library", 45)]
        .into_iter()
        .map(|(id, cost)| Project::new(id, amount(cost)))
        .collect()
}

fn approval(min: Option<usize>, max: Option<usize>, max_cost: Option<i64>) -> BallotRules {
    BallotRules::Approval {
        min_projects: min,
        max_projects: max,
        max_total_cost: max_cost.map(amount),
    }
}

fn approve(ids: &[&str]) -> Vec<Choice> {
    ids.iter().map(|id| Choice::approve(*id)).collect()
}

fn cumulative(per_project: Option<i64>, total: i64) -> BallotRules {
    BallotRules::Cumulative {
        max_per_project: per_project.map(amount),
        max_total: amount(total),
    }
}

fn points(items: &[(&str, i64)]) -> Vec<Choice> {
    items
        .iter()
        .map(|(id, pts)| Choice::points(*id, amount(*pts)))
        .collect()
}

#[test]
fn approval_ballots_within_the_rules_pass() {
    let rules = approval(Some(1), Some(2), Some(70));
    assert_eq!(
        validate_ballot(&rules, &projects(), &approve(&["park", "bench"])),
        Ok(())
    );
    let free = approval(None, None, None);
    assert_eq!(validate_ballot(&free, &projects(), &[]), Ok(()));
}

#[test]
fn approval_problems_are_named() {
    let p = projects();
    let rules = approval(Some(2), Some(2), Some(100));
    let unknown = BallotError::UnknownProject {
        project: "pool".into(),
    };
    assert_eq!(
        validate_ballot(&rules, &p, &approve(&["park", "pool"])),
        Err(unknown)
    );
    let twice = BallotError::Duplicate {
        project: "park".into(),
    };
    assert_eq!(
        validate_ballot(&rules, &p, &approve(&["park", "park"])),
        Err(twice)
    );
    let few = BallotError::TooFew { chosen: 1, min: 2 };
    assert_eq!(validate_ballot(&rules, &p, &approve(&["park"])), Err(few));
    let many = BallotError::TooMany { chosen: 3, max: 2 };
    let all = approve(&["park", "bench", "library"]);
    assert_eq!(validate_ballot(&rules, &p, &all), Err(many));
    let over = BallotError::OverCostLimit {
        total_cost: amount(105),
        max: amount(100),
    };
    assert_eq!(
        validate_ballot(&rules, &p, &approve(&["park", "library"])),
        Err(over)
    );
    let with_points = BallotError::UnexpectedPoints {
        project: "bench".into(),
    };
    assert_eq!(
        validate_ballot(&rules, &p, &points(&[("bench", 1)])),
        Err(with_points)
    );
}

#[test]
fn exactly_at_the_limits_is_allowed() {
    let rules = approval(Some(2), Some(2), Some(105));
    assert_eq!(
        validate_ballot(&rules, &projects(), &approve(&["park", "library"])),
        Ok(())
    );
    let rules = cumulative(Some(5), 8);
    assert_eq!(
        validate_ballot(&rules, &projects(), &points(&[("park", 5), ("bench", 3)])),
        Ok(())
    );
}

#[test]
fn cumulative_problems_are_named() {
    let p = projects();
    let rules = cumulative(Some(5), 8);
    let per_project = BallotError::OverPointsPerProject {
        project: "park".into(),
        points: amount(6),
        max: amount(5),
    };
    assert_eq!(
        validate_ballot(&rules, &p, &points(&[("park", 6)])),
        Err(per_project)
    );
    let total = BallotError::OverTotalPoints {
        total: amount(9),
        max: amount(8),
    };
    let spread = points(&[("park", 5), ("bench", 4)]);
    assert_eq!(validate_ballot(&rules, &p, &spread), Err(total));
    for bad in [0, -2] {
        let err = BallotError::NonPositivePoints {
            project: "bench".into(),
            points: amount(bad),
        };
        assert_eq!(
            validate_ballot(&rules, &p, &points(&[("bench", bad)])),
            Err(err)
        );
    }
    let missing = BallotError::MissingPoints {
        project: "park".into(),
    };
    assert_eq!(
        validate_ballot(&rules, &p, &approve(&["park"])),
        Err(missing)
    );
    let twice = BallotError::Duplicate {
        project: "bench".into(),
    };
    let repeated = points(&[("bench", 1), ("bench", 1)]);
    assert_eq!(validate_ballot(&rules, &p, &repeated), Err(twice));
}

#[test]
fn the_first_problem_in_ballot_order_is_reported() {
    let rules = cumulative(Some(5), 3);
    let ballot = points(&[("bench", 9), ("pool", 1)]);
    assert!(matches!(
        validate_ballot(&rules, &projects(), &ballot),
        Err(BallotError::OverPointsPerProject { .. })
    ));
}

#[test]
fn errors_read_well_and_serialize_with_their_kind() {
    let err = BallotError::OverCostLimit {
        total_cost: amount(105),
        max: amount(100),
    };
    assert_eq!(
        err.to_string(),
        "the chosen projects cost 105 together, more than the 100 allowed"
    );
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["kind"], "over-cost-limit");
}
