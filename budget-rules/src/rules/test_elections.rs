//! Elections built for the rules' unit tests.

use crate::amount::amount;
use crate::election::{Election, Project};

/// `projects` projects whose supporters overlap and come in many different numbers, so that
/// the common denominators the rules keep grow fast: project `p` costs `base + step × p`, and
/// its supporters are a window of voters starting at `13 p`, as long as the `p`-th prime
/// from 31 on.
pub(crate) fn overlapping(
    projects: usize,
    voters: usize,
    (base, step): (i64, i64),
    budget: i64,
) -> Election {
    let primes: Vec<usize> = (31..)
        .filter(|n| (2..*n).all(|d| n % d != 0))
        .take(projects)
        .collect();
    let list: Vec<Project> = (0..projects)
        .map(|p| Project::new(format!("p{p}"), amount(base + step * p as i64)))
        .collect();
    let ballots = (0..voters).map(|v: usize| {
        (0..projects)
            .filter(|&p| (13 * p..13 * p + primes[p]).contains(&v))
            .map(|p| format!("p{p}"))
            .collect::<Vec<_>>()
    });
    Election::approval(amount(budget), list, ballots).expect("ids are the projects'")
}
