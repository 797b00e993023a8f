//! A tiny deterministic generator of random elections (no dependency needed).

use budget_rules::{amount, Amount, Election, Project};
use num_bigint::BigInt;
use num_rational::BigRational;

/// xorshift64*: deterministic, good enough to explore small cases.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

fn money(rng: &mut Rng, max: u64) -> Amount {
    if rng.chance(15) {
        // Halves and thirds exercise exact non-integer arithmetic.
        let den = 2 + rng.below(2) as i64;
        BigRational::new(BigInt::from(rng.below(max * 2) as i64), BigInt::from(den))
    } else {
        amount(rng.below(max) as i64)
    }
}

/// A small approval election with ids that sort differently as strings and as numbers,
/// small costs (so exact ties are common), free projects and empty ballots.
pub fn approval_election(rng: &mut Rng) -> Election {
    let mut pool = vec!["1", "2", "9", "10", "11", "a", "B", "b", "x1", "ZB.7"];
    let m = 1 + rng.below(6) as usize;
    let mut projects = Vec::new();
    for _ in 0..m {
        let id = pool.remove(rng.below(pool.len() as u64) as usize);
        projects.push(Project::new(id, money(rng, 12)));
    }
    let voters = rng.below(9);
    let percent = 20 + rng.below(50);
    let ballots: Vec<Vec<String>> = (0..voters)
        .map(|_| {
            projects
                .iter()
                .filter(|_| rng.chance(percent))
                .map(|p| p.id.clone())
                .collect()
        })
        .collect();
    let budget = money(rng, 30);
    Election::approval(budget, projects, ballots).expect("ids come from the projects")
}

/// `e` with `count` more projects, each costing more than the whole budget (so no rule can
/// take it) and approved by some of the ballots at random.
pub fn with_dear_projects(rng: &mut Rng, e: &Election, count: usize) -> Election {
    let mut projects = e.projects.clone();
    let dear = &e.budget + amount(1);
    let first = projects.len();
    for n in 0..count {
        projects.push(Project::new(format!("dear{n}"), dear.clone()));
    }
    let ballots: Vec<Vec<String>> = e
        .ballots
        .iter()
        .map(|ballot| {
            let approved = ballot.projects.iter().copied();
            let dear = (first..projects.len()).filter(|_| rng.chance(40));
            let chosen: Vec<usize> = approved.chain(dear).collect();
            chosen.iter().map(|&p| projects[p].id.clone()).collect()
        })
        .collect();
    Election::approval(e.budget.clone(), projects, ballots).expect("ids come from the projects")
}
