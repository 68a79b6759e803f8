//! The generator's only source of chance and of time: a seeded SplitMix64 stream, and the
//! ids and audit times drawn from it, so that one seed gives one data set, whatever the day
//! and however many times it is made. Written here rather than taken from `rand`, whose
//! seeded generators do not promise the same stream from one version to the next.

use chrono::{DateTime, Days, NaiveDate, Utc};
use taawun_core::Id;

pub(super) struct Dice(u64);

impl Dice {
    pub(super) fn new(seed: u64) -> Self {
        // Mixed once, so that seeds 1 and 2 do not start with related draws.
        let mut d = Dice(seed ^ 0x7461_6177_756e_2121);
        d.next();
        d
    }

    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub(super) fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi`.
    pub(super) fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// True with probability `percent` / 100.
    pub(super) fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// A number in `[0, 1)`.
    pub(super) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub(super) fn pick<'a, T>(&mut self, of: &'a [T]) -> &'a T {
        &of[self.below(of.len())]
    }

    /// `k` distinct positions of `0..n`, in increasing order.
    pub(super) fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..n).collect();
        for i in 0..k.min(n) {
            let j = i + self.below(n - i);
            all.swap(i, j);
        }
        all.truncate(k.min(n));
        all.sort_unstable();
        all
    }

    /// `total` split into `n` parts of at least `min` each, at random.
    pub(super) fn split(&mut self, total: usize, n: usize, min: usize) -> Vec<usize> {
        if n == 0 {
            return Vec::new();
        }
        let mut parts = vec![min; n];
        for _ in 0..total.saturating_sub(min * n) {
            parts[self.below(n)] += 1;
        }
        parts
    }

    /// A day in `from..=to`.
    pub(super) fn day(&mut self, from: NaiveDate, to: NaiveDate) -> NaiveDate {
        let span = (to - from).num_days().max(0) as usize;
        from + Days::new(self.below(span + 1) as u64)
    }

    /// A moment of office hours on `day` (08:00 to 17:59 UTC, to the second).
    pub(super) fn moment(&mut self, day: NaiveDate) -> DateTime<Utc> {
        let seconds = 8 * 3600 + self.below(10 * 3600) as u32;
        let time =
            chrono::NaiveTime::from_num_seconds_from_midnight_opt(seconds, 0).unwrap_or_default();
        day.and_time(time).and_utc()
    }

    /// A UUIDv7 of `at` whose other bits come from the stream: ids that sort by the time
    /// the record was made, as the store's own do.
    pub(super) fn id(&mut self, at: DateTime<Utc>) -> Id {
        let mut bytes = [0u8; 10];
        bytes[..8].copy_from_slice(&self.next().to_le_bytes());
        bytes[8..].copy_from_slice(&self.next().to_le_bytes()[..2]);
        let millis = u64::try_from(at.timestamp_millis()).unwrap_or_default();
        uuid::Builder::from_unix_timestamp_millis(millis, &bytes).into_uuid()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_seed_one_stream() {
        let (mut a, mut b, mut c) = (Dice::new(7), Dice::new(7), Dice::new(8));
        let draw = |d: &mut Dice| (0..8).map(|_| d.next()).collect::<Vec<_>>();
        assert_eq!(draw(&mut a), draw(&mut b));
        assert_ne!(draw(&mut a), draw(&mut c));
    }

    #[test]
    fn splits_keep_their_total_and_minimum() {
        let mut d = Dice::new(1);
        let parts = d.split(100, 7, 5);
        assert_eq!(parts.iter().sum::<usize>(), 100);
        assert!(parts.iter().all(|p| *p >= 5));
        let s = d.sample(10, 4);
        assert_eq!(s.len(), 4);
        assert!(s.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn ids_are_version_7_of_their_time() {
        let mut d = Dice::new(1);
        let day = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap_or_default();
        let at = d.moment(day);
        let id = d.id(at);
        assert_eq!(id.get_version_num(), 7);
        assert_eq!(at.date_naive(), day);
    }
}
