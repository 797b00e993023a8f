//! Slow, literal implementations of the rules, straight from their definitions, used to check
//! the fast engine on random elections. One voter at a time, plain rationals, no grouping, no
//! pruning, no scaling tricks.

#![allow(dead_code)]

use budget_rules::{Amount, Election};
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Signed, Zero};

pub fn int(n: u64) -> Amount {
    BigRational::from_integer(BigInt::from(n))
}

/// Each voter's approval set (ranked projects; positive points for points ballots).
pub fn approval_sets(e: &Election) -> Vec<Vec<usize>> {
    e.ballots
        .iter()
        .map(|b| {
            let mut set: Vec<usize> = match &b.points {
                Some(pts) => b
                    .projects
                    .iter()
                    .zip(pts)
                    .filter(|(_, x)| x.is_positive())
                    .map(|(p, _)| *p)
                    .collect(),
                None => b.projects.clone(),
            };
            set.sort();
            set.dedup();
            set
        })
        .collect()
}

fn approvals(sets: &[Vec<usize>], p: usize) -> usize {
    sets.iter().filter(|s| s.contains(&p)).count()
}

/// MES with cost utilities; returns the picked projects in order (free projects excluded).
pub fn mes(e: &Election, ranks: &[usize], per_voter: &Amount) -> Vec<usize> {
    let sets = approval_sets(e);
    let mut money = vec![per_voter.clone(); sets.len()];
    let mut remaining: Vec<usize> = (0..e.projects.len())
        .filter(|&p| approvals(&sets, p) > 0 && e.projects[p].cost.is_positive())
        .collect();
    let mut picked = Vec::new();
    loop {
        let mut best: Option<(usize, Amount, Amount)> = None; // (project, rho, share)
        let mut affordable = Vec::new();
        for &p in &remaining {
            let cost = &e.projects[p].cost;
            let mut supporters: Vec<usize> =
                (0..sets.len()).filter(|&v| sets[v].contains(&p)).collect();
            let total: Amount = supporters.iter().map(|&v| money[v].clone()).sum();
            if total < *cost {
                continue;
            }
            affordable.push(p);
            supporters.sort_by(|a, b| money[*a].cmp(&money[*b]));
            let mut paid = Amount::zero();
            let mut share = None;
            for (i, &v) in supporters.iter().enumerate() {
                let left = int((supporters.len() - i) as u64);
                let candidate = (cost - &paid) / left;
                if candidate <= money[v] {
                    share = Some(candidate);
                    break;
                }
                paid += &money[v];
            }
            let share = share.expect("affordable project has a share");
            let rho = &share / cost;
            let better = match &best {
                None => true,
                Some((b, r, _)) => rho < *r || (rho == *r && ranks[p] < ranks[*b]),
            };
            if better {
                best = Some((p, rho, share));
            }
        }
        remaining = affordable;
        let Some((p, _, share)) = best else {
            return picked;
        };
        for v in 0..sets.len() {
            if sets[v].contains(&p) {
                let pay = if money[v] < share {
                    money[v].clone()
                } else {
                    share.clone()
                };
                money[v] -= pay;
            }
        }
        remaining.retain(|&q| q != p);
        picked.push(p);
    }
}

fn cost_of(e: &Election, ps: &[usize]) -> Amount {
    ps.iter().map(|&p| e.projects[p].cost.clone()).sum()
}

/// MES with Add1 completion, by re-running from scratch for raises 0, 1, 2, …
pub fn mes_add1(e: &Election, ranks: &[usize]) -> Vec<usize> {
    let sets = approval_sets(e);
    if sets.is_empty() {
        return Vec::new();
    }
    let base = &e.budget / int(sets.len() as u64);
    let candidates: Vec<usize> = (0..e.projects.len())
        .filter(|&p| approvals(&sets, p) > 0 && e.projects[p].cost.is_positive())
        .collect();
    let mut previous = Vec::new();
    for k in 0u64.. {
        let out = mes(e, ranks, &(&base + int(k)));
        let spent = cost_of(e, &out);
        if spent > e.budget {
            return previous;
        }
        let exhaustive = candidates
            .iter()
            .all(|p| out.contains(p) || &spent + &e.projects[*p].cost > e.budget);
        if exhaustive {
            return out;
        }
        previous = out;
    }
    unreachable!()
}

/// Sequential Phragmén; returns the selected projects in order.
pub fn phragmen(e: &Election, ranks: &[usize]) -> Vec<usize> {
    let sets = approval_sets(e);
    let mut load = vec![Amount::zero(); sets.len()];
    let mut remaining: Vec<usize> = (0..e.projects.len())
        .filter(|&p| e.projects[p].cost <= e.budget)
        .collect();
    let mut picked = Vec::new();
    let mut spent = Amount::zero();
    while !remaining.is_empty() {
        // None is an infinite load (no supporters).
        let new_load = |p: usize| -> Option<Amount> {
            let supporters: Vec<usize> =
                (0..sets.len()).filter(|&v| sets[v].contains(&p)).collect();
            if supporters.is_empty() {
                return None;
            }
            let total: Amount = supporters.iter().map(|&v| load[v].clone()).sum();
            Some((total + &e.projects[p].cost) / int(supporters.len() as u64))
        };
        let loads: Vec<(usize, Option<Amount>)> =
            remaining.iter().map(|&p| (p, new_load(p))).collect();
        let key = |l: &Option<Amount>| (l.is_none(), l.clone().unwrap_or_default());
        let lowest = loads.iter().map(|(_, l)| key(l)).min().expect("non-empty");
        let tied: Vec<usize> = loads
            .iter()
            .filter(|(_, l)| key(l) == lowest)
            .map(|(p, _)| *p)
            .collect();
        if tied
            .iter()
            .any(|&p| &spent + &e.projects[p].cost > e.budget)
        {
            break;
        }
        let p = *tied.iter().min_by_key(|&&p| ranks[p]).expect("non-empty");
        if let (false, value) = lowest {
            for v in 0..sets.len() {
                if sets[v].contains(&p) {
                    load[v] = value.clone();
                }
            }
        }
        spent += &e.projects[p].cost;
        remaining.retain(|&q| q != p);
        picked.push(p);
    }
    picked
}
