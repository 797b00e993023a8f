//! Why the Method of Equal Shares chose what it chose, for a results page.
//!
//! [`explain_mes`] explains the MES run behind a MES rule's outcome (for the Add1 rules, the
//! run with the voter budget they settled on):
//! - each **winner** with how its cost was split: how many supporters paid how much;
//! - each **loser** with how far it was from winning, other things equal (same voters, same
//!   voter budget, same other projects):
//!   - [`LoserGap::max_winning_cost`]: the highest cost at which it would have been selected;
//!   - [`LoserGap::extra_supporters`]: the fewest additional voters, approving only it and
//!     starting with the same voter budget as everyone, that would have got it selected.
//!
//! How both are found: a loser would be selected in round `r` if its supporters could cover
//! its cost with each paying at most `rho_r × cost`, where `rho_r` is the price per unit of
//! utility of the project that won round `r` (an exact tie goes to the better tie-break rank,
//! and a project whose supporters all pay everything they have beats any price it reaches).
//! After the last round nothing competes: affording the cost is enough. Changing the loser's
//! cost or supporters does not change the rounds before it wins, so the answer is the best
//! over all rounds. Everything is exact.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use serde::{Deserialize, Serialize};

use crate::amount::Amount;
use crate::rules::{PreparedElection, Rule};

/// The MES run behind a MES rule's outcome, explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MesExplanation {
    pub rule: Rule,
    /// What each voter started the run with.
    pub voter_budget: Amount,
    /// Projects bought in the run, in order (free approved projects first, paid by nobody).
    pub winners: Vec<WinnerSplit>,
    /// Every other project, in election order. For mes-add1u some of them may still have been
    /// added by the greedy completion after the run.
    pub losers: Vec<LoserGap>,
}

/// How a winner's cost was split among its supporters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WinnerSplit {
    pub project: String,
    pub cost: Amount,
    /// Round of the run it was bought in (0 for a free project, taken before the rounds).
    pub round: usize,
    /// Supporters grouped by what they paid, largest payment first. Those paying less than the
    /// most paid all they had left.
    pub payments: Vec<Payment>,
    /// Sum of all payments: the cost.
    pub total: Amount,
}

/// `voters` supporters each paid `amount`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    pub amount: Amount,
    pub voters: u64,
}

/// How far a project that MES did not select was from being selected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoserGap {
    pub project: String,
    pub cost: Amount,
    /// The highest cost at which it would have been selected; `None` for a project nobody
    /// approved, which MES never selects. When `max_winning_cost_included` is false it would
    /// have lost an exact tie at that cost, so it needed any cost below it.
    pub max_winning_cost: Option<Amount>,
    pub max_winning_cost_included: bool,
    /// `cost − max_winning_cost`: how much cheaper it needed to be.
    pub cost_reduction: Option<Amount>,
    /// The fewest additional voters approving only this project, each starting with
    /// `voter_budget`, that would have got it selected; `None` when no number would (a voter
    /// budget of 0).
    pub extra_supporters: Option<u64>,
}

/// Explains the MES run of `rule` (`mes`, `mes-add1` or `mes-add1u`); `None` for other rules.
pub fn explain_mes(prepared: &PreparedElection, rule: Rule) -> Option<MesExplanation> {
    match rule {
        Rule::Mes | Rule::MesAdd1 | Rule::MesAdd1Greedy => Some(prepared.explain_mes(rule)),
        Rule::Greedy | Rule::Phragmen => None,
    }
}

/// What a loser's supporters had at the start of a round: `(money per voter, voters)`, money
/// in units of the run's scale (all amounts below are in those units).
pub(crate) type Levels = [(BigInt, u64)];

/// The round a loser is compared in: the winner's `rho` as `num / den` (`None` after the last
/// round, when nothing competes) and whether the loser would win an exact tie with it.
pub(crate) struct Contest<'a> {
    pub rho: Option<(&'a BigInt, &'a BigInt)>,
    pub wins_tie: bool,
}

/// A cost as the fraction `num / den` of scaled units.
pub(crate) struct ScaledCost {
    pub num: BigInt,
    pub den: BigInt,
}

fn total_money(levels: &Levels) -> BigInt {
    levels.iter().map(|(m, w)| m * *w).sum()
}

/// The highest cost at which the loser wins `contest`, and whether that cost itself wins.
pub(crate) fn max_winning_cost(levels: &Levels, contest: &Contest) -> (ScaledCost, bool) {
    let total = total_money(levels);
    let one = BigInt::from(1u8);
    let Some((n, d)) = contest.rho else {
        return (
            ScaledCost {
                num: total,
                den: one,
            },
            true,
        );
    };
    // f(c) = Σ min(m, rho·c)·w − c, the surplus at cost c, is concave with f(0) = 0. Near 0
    // it grows like (rho × supporters with money − 1)·c: falling, only a free project wins
    // (it is taken before the rounds); flat, every small cost ties, won only on rank.
    let with_money: u64 = levels
        .iter()
        .filter(|(m, _)| !m.is_zero())
        .map(|(_, w)| w)
        .sum();
    let start = n * with_money - d;
    if start.is_negative() || (start.is_zero() && !contest.wins_tie) {
        let zero = ScaledCost {
            num: BigInt::zero(),
            den: one,
        };
        return (zero, true);
    }
    // The costs with f >= 0 form a range [0, c*]. Walk the money levels upwards: between two
    // levels the supporters below pay all they have (`paid`), the `rest` pay rho·c each, so
    // c ≤ paid / (1 − rho·rest) within a stretch that ends at c = money / rho.
    let mut sorted = levels.to_vec();
    sorted.sort();
    let mut paid = BigInt::zero();
    let mut rest: u64 = sorted.iter().map(|(_, w)| w).sum();
    let mut best = ScaledCost {
        num: total,
        den: one,
    };
    for (money, voters) in &sorted {
        let slack = d - n * rest;
        if slack.is_positive() && &paid * n <= money * &slack {
            best = ScaledCost {
                num: &paid * d,
                den: slack,
            };
            break;
        }
        paid += money * *voters;
        rest -= voters;
    }
    // f > 0 just below c*; at c* itself the loser ties with the winner's price, unless every
    // supporter pays all it has (m < rho·c* for the richest).
    let richest = sorted.last().map(|(m, _)| m.clone()).unwrap_or_default();
    let included = contest.wins_tie || richest * d * &best.den < n * &best.num;
    (best, included)
}

/// The fewest voters with `budget` each, approving only the loser, that make it win `contest`.
pub(crate) fn extra_supporters(
    levels: &Levels,
    cost: &BigInt,
    budget: &BigInt,
    contest: &Contest,
) -> Option<u64> {
    // Everything times the winner's rho denominator d: a supporter pays min(m·d, n·cost) / d.
    let one = BigInt::from(1u8);
    let (cap, d) = match contest.rho {
        Some((n, d)) => (Some(n * cost), d),
        None => (None, &one),
    };
    let pays = |m: &BigInt| {
        let m = m * d;
        match &cap {
            Some(cap) if *cap < m => cap.clone(),
            _ => m,
        }
    };
    let covered: BigInt = levels.iter().map(|(m, w)| pays(m) * *w).sum();
    let each = pays(budget);
    let missing = cost * d - covered;
    if missing.is_negative() {
        return Some(0);
    }
    // Covering exactly the cost reaches the winner's price: that wins only a won tie, or when
    // everyone pays all they have (the project's own price is then lower).
    let equal_wins = match &cap {
        None => true,
        Some(cap) => {
            let richest = levels.iter().map(|(m, _)| m).chain([budget]).max();
            contest.wins_tie || richest.is_some_and(|m| m * d < *cap)
        }
    };
    if missing.is_zero() && equal_wins {
        return Some(0);
    }
    if !each.is_positive() {
        return None;
    }
    let (whole, rest) = missing.div_rem(&each);
    let needed = if rest.is_zero() && equal_wins {
        whole
    } else {
        whole + 1
    };
    needed.to_u64()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels(items: &[(i64, u64)]) -> Vec<(BigInt, u64)> {
        items.iter().map(|&(m, w)| (BigInt::from(m), w)).collect()
    }

    fn big(n: i64) -> BigInt {
        BigInt::from(n)
    }

    /// The cost as `num / den` reduced, for comparing.
    fn reduced(c: &ScaledCost) -> (i64, i64) {
        let g = c.num.gcd(&c.den);
        let (n, d) = (&c.num / &g, &c.den / &g);
        (n.to_i64().unwrap(), d.to_i64().unwrap())
    }

    /// `rho = n / d`.
    fn rho(n: i64, d: i64) -> (BigInt, BigInt) {
        (big(n), big(d))
    }

    fn against(rho: &(BigInt, BigInt), wins_tie: bool) -> Contest<'_> {
        Contest {
            rho: Some((&rho.0, &rho.1)),
            wins_tie,
        }
    }

    #[test]
    fn max_cost_when_everyone_pays_the_share() {
        // 4 supporters with 10 each, against rho = 1/3: each pays c/3 while c/3 <= 10, so 4c/3
        // covers c for every c up to 30; above, they can pay only 40 in all: c* = 40, where
        // everyone pays all they have, which beats rho.
        let (c, included) = max_winning_cost(&levels(&[(10, 4)]), &against(&rho(1, 3), false));
        assert_eq!((reduced(&c), included), ((40, 1), true));
    }

    #[test]
    fn max_cost_limited_by_the_price() {
        // 2 supporters with 10 each against rho = 1/4: each may pay at most c/4, so together
        // c/2 < c: only a free project is covered.
        let two = levels(&[(10, 2)]);
        let (c, included) = max_winning_cost(&two, &against(&rho(1, 4), false));
        assert_eq!((reduced(&c), included), ((0, 1), true));
        // Against rho = 1/2 the two pay c/2 each: an exact tie at every cost up to 20, won
        // only with the better rank.
        let (c, _) = max_winning_cost(&two, &against(&rho(1, 2), false));
        assert_eq!(reduced(&c), (0, 1));
        let (c, included) = max_winning_cost(&two, &against(&rho(1, 2), true));
        assert_eq!((reduced(&c), included), ((20, 1), true));
        // 3 supporters with 1, 1 and 10 against rho = 1/2: the two poor pay 1 each and the
        // rich c/2, so 2 + c/2 >= c up to c = 4; there the rich pays 2 = rho·c: an exact tie.
        let three = levels(&[(1, 2), (10, 1)]);
        let (c, included) = max_winning_cost(&three, &against(&rho(1, 2), false));
        assert_eq!((reduced(&c), included), ((4, 1), false));
        let (_, included) = max_winning_cost(&three, &against(&rho(1, 2), true));
        assert!(included);
    }

    #[test]
    fn after_the_last_round_affording_is_enough() {
        let last = Contest {
            rho: None,
            wins_tie: false,
        };
        let (c, included) = max_winning_cost(&levels(&[(3, 2), (1, 5)]), &last);
        assert_eq!((reduced(&c), included), ((11, 1), true));
        // 6 + 4k >= 20 from k = 4 (3.5 rounded up).
        assert_eq!(
            extra_supporters(&levels(&[(3, 2)]), &big(20), &big(4), &last),
            Some(4)
        );
    }

    #[test]
    fn extra_supporters_against_a_price() {
        // Cost 12 against rho = 1/6: each may pay at most 2. Two supporters with 5 cover 4; a
        // newcomer with budget 5 covers 2: 4 more cover exactly 12, a tie.
        let two = levels(&[(5, 2)]);
        let sixth = rho(1, 6);
        let (lose, win) = (against(&sixth, false), against(&sixth, true));
        assert_eq!(extra_supporters(&two, &big(12), &big(5), &lose), Some(5));
        assert_eq!(extra_supporters(&two, &big(12), &big(5), &win), Some(4));
        // Newcomers with nothing never help.
        assert_eq!(extra_supporters(&two, &big(12), &big(0), &win), None);
    }
}
