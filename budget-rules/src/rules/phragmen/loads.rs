//! The voters' loads during one Phragmén count, and how buying a project raises them.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;

use super::super::exact_int::ExactInt;
use super::super::Context;
use crate::amount::Amount;

pub(super) struct Loads<'c, 'e, N> {
    ctx: &'c Context<'e>,
    scale: N,
    /// Distinct loads reached so far, times `scale`; index 0 is the starting load 0.
    levels: Vec<N>,
    /// Current level of each voter group.
    group_level: Vec<usize>,
    /// For each project, its cost plus the total load of its supporters, times `scale`: its
    /// new load is this over its number of supporters.
    pub totals: Vec<N>,
    /// Scratch: supporters' weight per project, while moving one level; with few projects,
    /// per project and level (project `q`, level `l` at `q × LEVELS + l`).
    weights: Vec<u64>,
    /// Scratch: the supporters being moved, by level, and where each level's run ends.
    by_level: Vec<usize>,
    level_ends: Vec<usize>,
    /// Scratch: the projects whose totals changed, once for each level their supporters left.
    pub changed: Vec<usize>,
    /// Few projects only (see [`FEW_PROJECTS`]), else empty: each group's projects as bits.
    masks: Vec<u64>,
    /// Scratch for few projects: for each project, the levels (as bits) of the supporters
    /// being moved that approve it; zero outside of that.
    level_bits: Vec<u32>,
}

/// Up to this many projects, a project bought moves its supporters without sorting them by
/// level (see [`Loads::move_by_masks`]).
const FEW_PROJECTS: usize = 16;
/// Levels there can be with few projects: the starting one and one per project bought.
const LEVELS: usize = FEW_PROJECTS + 1;

impl<'c, 'e, N: ExactInt> Loads<'c, 'e, N> {
    /// Everyone at load 0: each project's total is its cost (`costs`, scaled as `ctx.money`).
    pub fn new(ctx: &'c Context<'e>, costs: Vec<N>) -> Result<Self, N::Error> {
        let n = costs.len();
        let mut levels = Vec::with_capacity(n + 1);
        levels.push(N::zero());
        let groups = ctx.profile.groups.len();
        let masks = project_masks(ctx);
        // Each path allocates only its own scratch.
        let few = !masks.is_empty();
        Ok(Loads {
            ctx,
            scale: N::from_big(&ctx.money.scale)?,
            totals: costs,
            levels,
            group_level: vec![0; groups],
            weights: vec![0; if few { n * LEVELS } else { n }],
            // Allocated when first needed, if ever: when all supporters of each project bought
            // are at one level, as when each voter approves one project, they are not sorted.
            by_level: Vec::new(),
            level_ends: Vec::new(),
            changed: Vec::with_capacity(n),
            masks,
            level_bits: if few { vec![0; n] } else { Vec::new() },
        })
    }

    /// Compares the new loads of `a` and `b`; no supporters is an infinite load.
    pub fn cmp(&self, a: usize, b: usize) -> Ordering {
        let supporters = &self.ctx.profile.approvals;
        match (supporters[a], supporters[b]) {
            (0, 0) => Ordering::Equal,
            (0, _) => Ordering::Greater,
            (_, 0) => Ordering::Less,
            (x, y) => self.totals[a].cmp_scaled(y, &self.totals[b], x),
        }
    }

    /// The new load of `p` as an amount (`None` when it has no supporters).
    pub fn load(&self, p: usize) -> Option<Amount> {
        let supporters = self.ctx.profile.approvals[p];
        (supporters > 0).then(|| self.totals[p].fraction_over(&self.scale, supporters))
    }

    /// What buying `p` multiplies every amount by, so that its new load is a whole number of
    /// units (supporters / gcd), or `None` when that round might not fit `N`.
    ///
    /// Why the bound: every level was a total over its supporters when it was reached, and
    /// that total has been scaled as the level since, so the largest total bounds every level.
    /// Scaled by the factor, that is `m`; the new level is at most `m`, and a total rises by at
    /// most `m` per voter. So `m × (voters + 1)` bounds every amount the round computes.
    pub fn round_factor(&self, p: usize) -> Option<u64> {
        let supporters = self.ctx.profile.approvals[p];
        // The remainder is below `supporters`, so the gcd is taken on machine integers.
        let factor = supporters / self.totals[p].rem_u64(supporters).gcd(&supporters);
        let voters = u128::from(self.ctx.profile.num_voters);
        let growth = u128::from(factor).saturating_mul(voters + 1);
        N::all_fit_times(self.totals.iter(), growth).then_some(factor)
    }

    /// Raises the load of `p`'s supporters to its new load, multiplying every amount by
    /// `factor` (from [`Self::round_factor`]) first. Leaves in `changed` the other projects
    /// whose totals changed (some more than once).
    pub fn raise(&mut self, p: usize, factor: u64) -> Result<(), N::Error> {
        if factor != 1 {
            self.scale = self.scale.mul_u64(factor)?;
            for x in self.totals.iter_mut().chain(&mut self.levels) {
                *x = x.mul_u64(factor)?;
            }
        }
        let supporters = self.ctx.profile.approvals[p];
        let level = self.totals[p].div_u64(supporters);
        self.move_supporters(p, level)
    }

    /// Moves `p`'s supporters to `level`, one old level at a time.
    fn move_supporters(&mut self, p: usize, level: N) -> Result<(), N::Error> {
        let ctx = self.ctx;
        let supporters = &ctx.profile.supporters[p];
        self.changed.clear();
        if !self.masks.is_empty() {
            self.move_by_masks(p, &level)?;
            self.levels.push(level);
            return Ok(());
        }
        let new = self.levels.len();
        // Often they all are at one level (always in the first round): then they need no sort.
        if let Some(old) = self.common_level(supporters) {
            self.move_level(p, supporters, old, &level)?;
        } else {
            self.sort_supporters_by_level(p);
            let by_level = std::mem::take(&mut self.by_level);
            let mut moved = Ok(());
            let mut start = 0;
            for old in 0..new {
                let end = self.level_ends[old];
                if start < end && moved.is_ok() {
                    moved = self.move_level(p, &by_level[start..end], old, &level);
                }
                start = end;
            }
            self.by_level = by_level;
            moved?;
        }
        self.levels.push(level);
        Ok(())
    }

    /// The level all of `groups` are at, if they are at one.
    fn common_level(&self, groups: &[usize]) -> Option<usize> {
        let old = self.group_level[*groups.first()?];
        groups
            .iter()
            .all(|&g| self.group_level[g] == old)
            .then_some(old)
    }

    /// Moves `groups`, all of them supporters of `p` at level `old`, to `level` (the level
    /// about to be added), adding the rise to the totals of the other projects they approve.
    fn move_level(
        &mut self,
        p: usize,
        groups: &[usize],
        old: usize,
        level: &N,
    ) -> Result<(), N::Error> {
        let profile = &self.ctx.profile;
        let new = self.levels.len();
        // The projects first touched here are appended to `changed`, from `first` on.
        let first = self.changed.len();
        // Borrowed apart, so that the loop keeps them in registers.
        let (weights, changed, group_level) = (
            &mut self.weights[..],
            &mut self.changed,
            &mut self.group_level[..],
        );
        for &g in groups {
            group_level[g] = new;
            let group = &profile.groups[g];
            for &q in &group.projects {
                // `p` is in every one of these groups, and its total is not needed any more:
                // skipping it spares a chain of dependent additions to one counter.
                if q == p {
                    continue;
                }
                if weights[q] == 0 {
                    changed.push(q);
                }
                weights[q] += group.weight;
            }
        }
        let rise = level.sub(&self.levels[old])?;
        for &q in &self.changed[first..] {
            let added = rise.mul_u64(std::mem::take(&mut self.weights[q]))?;
            self.totals[q].add_in_place(&added)?;
        }
        Ok(())
    }

    /// [`Self::move_supporters`] when there are few projects. Each supporter's weight is
    /// added, for each other project it approves (the bits of its mask), to that project's
    /// weight at the supporter's level, on machine integers; then each project's total rises
    /// by one product per level. That spares the sort by level, and a product per supporter.
    fn move_by_masks(&mut self, p: usize, level: &N) -> Result<(), N::Error> {
        let profile = &self.ctx.profile;
        let new = self.levels.len();
        let others = !(1u64 << p);
        let mut touched = 0u64;
        // Borrowed apart, so that the loop keeps them in registers.
        let (weights, level_bits, group_level) = (
            &mut self.weights[..],
            &mut self.level_bits[..],
            &mut self.group_level[..],
        );
        for &g in &profile.supporters[p] {
            let old = std::mem::replace(&mut group_level[g], new);
            let weight = profile.groups[g].weight;
            let mut bits = self.masks[g] & others;
            touched |= bits;
            while bits != 0 {
                let q = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                weights[q * LEVELS + old] += weight;
                level_bits[q] |= 1 << old;
            }
        }
        while touched != 0 {
            let q = touched.trailing_zeros() as usize;
            touched &= touched - 1;
            let mut olds = std::mem::take(&mut self.level_bits[q]);
            while olds != 0 {
                let old = olds.trailing_zeros() as usize;
                olds &= olds - 1;
                let weight = std::mem::take(&mut self.weights[q * LEVELS + old]);
                let rise = level.sub(&self.levels[old])?.mul_u64(weight)?;
                self.totals[q].add_in_place(&rise)?;
            }
            self.changed.push(q);
        }
        Ok(())
    }

    /// Fills `by_level` with `p`'s supporters in order of their level, and `level_ends` with
    /// where each level's run ends: a counting sort, as there are only a few levels.
    fn sort_supporters_by_level(&mut self, p: usize) {
        let supporters = &self.ctx.profile.supporters[p];
        if self.by_level.capacity() == 0 {
            self.by_level.reserve_exact(self.group_level.len());
            self.level_ends.reserve_exact(self.totals.len() + 1);
        }
        let ends = &mut self.level_ends;
        ends.clear();
        ends.resize(self.levels.len(), 0);
        for &g in supporters {
            ends[self.group_level[g]] += 1;
        }
        // Each level's run starts where the previous one ends; placing a group moves its
        // level's start on, so that it ends up at the run's end.
        let mut start = 0;
        for slot in ends.iter_mut() {
            let count = *slot;
            *slot = start;
            start += count;
        }
        self.by_level.resize(supporters.len(), 0);
        for &g in supporters {
            let slot = &mut ends[self.group_level[g]];
            self.by_level[*slot] = g;
            *slot += 1;
        }
    }
}

impl<'c, 'e> Loads<'c, 'e, i128> {
    /// The same loads on big integers, to go on where machine integers could overflow.
    pub fn widen(self) -> Loads<'c, 'e, BigInt> {
        let big = |values: Vec<i128>| values.iter().map(ExactInt::to_big).collect();
        Loads {
            ctx: self.ctx,
            scale: self.scale.to_big(),
            levels: big(self.levels),
            group_level: self.group_level,
            totals: big(self.totals),
            weights: self.weights,
            by_level: self.by_level,
            level_ends: self.level_ends,
            changed: self.changed,
            masks: self.masks,
            level_bits: self.level_bits,
        }
    }
}

/// Each group's projects as bits, when there are at most [`FEW_PROJECTS`]; else nothing.
fn project_masks(ctx: &Context) -> Vec<u64> {
    if ctx.election.projects.len() > FEW_PROJECTS {
        return Vec::new();
    }
    let mask = |projects: &[usize]| projects.iter().fold(0, |mask, &q| mask | 1 << q);
    let groups = &ctx.profile.groups;
    groups.iter().map(|group| mask(&group.projects)).collect()
}

/// Puts `q` back in `order` (by new load, then rank).
fn insert<N: ExactInt>(order: &mut Vec<usize>, loads: &Loads<N>, q: usize) {
    let ranks = &loads.ctx.ranks;
    let at = order.partition_point(|&x| loads.cmp(x, q).then(ranks[x].cmp(&ranks[q])).is_lt());
    order.insert(at, q);
}

/// Takes the projects whose totals changed out of `order` and puts back those that `stay` in
/// the count at their new place. `marked` is empty or all false, before and after: marks spare
/// sorting the changed projects to find them.
pub(super) fn reorder<N: ExactInt>(
    order: &mut Vec<usize>,
    loads: &Loads<N>,
    marked: &mut Vec<bool>,
    stays: impl Fn(usize) -> bool,
) {
    marked.resize(loads.totals.len(), false);
    for &q in &loads.changed {
        marked[q] = true;
    }
    order.retain(|&q| !marked[q]);
    for &q in &loads.changed {
        // Listed once for each level its supporters left: put back once.
        if std::mem::take(&mut marked[q]) && stays(q) {
            insert(order, loads, q);
        }
    }
}
