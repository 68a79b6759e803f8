//! How much a profile generates. `national` is the ministry the benchmark measures;
//! `small` has the same shape, scaled down so that tests make it in seconds.

use chrono::NaiveDate;

/// The sizes of one data set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sizes {
    pub partners: usize,
    /// Organisations of the host, and of each partner.
    pub host_organisations: usize,
    pub partner_organisations: usize,
    /// People of the host, and of each partner.
    pub host_people: usize,
    pub partner_people: usize,
    pub commissions: usize,
    pub sessions: usize,
    pub agreements: usize,
    pub clauses: usize,
    pub items: usize,
    /// Plans hold between these many items.
    pub plan_min: usize,
    pub plan_max: usize,
    pub progress: usize,
    pub activities: usize,
    pub users: usize,
    /// Items whose description names the rare word.
    pub rare: usize,
}

/// A named profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    National,
    Small,
}

impl Profile {
    pub const ALL: [Profile; 2] = [Profile::National, Profile::Small];

    pub fn key(self) -> &'static str {
        match self {
            Profile::National => "national",
            Profile::Small => "small",
        }
    }

    pub fn parse(key: &str) -> Option<Profile> {
        Profile::ALL.into_iter().find(|p| p.key() == key)
    }

    pub fn sizes(self) -> Sizes {
        match self {
            Profile::National => Sizes {
                partners: 200,
                host_organisations: 12,
                partner_organisations: 3,
                host_people: 200,
                partner_people: 8,
                commissions: 400,
                sessions: 2_000,
                agreements: 3_000,
                clauses: 30_000,
                items: 50_000,
                plan_min: 5,
                plan_max: 200,
                progress: 200_000,
                activities: 20_000,
                users: 1_000,
                rare: 6,
            },
            Profile::Small => Sizes {
                partners: 2,
                host_organisations: 6,
                partner_organisations: 3,
                host_people: 20,
                partner_people: 8,
                commissions: 6,
                sessions: 14,
                agreements: 12,
                clauses: 60,
                items: 500,
                plan_min: 5,
                plan_max: 60,
                progress: 2_000,
                activities: 200,
                users: 40,
                rare: 3,
            },
        }
    }
}

/// The day the data set is "as of": reports are dated up to it and no earlier record was
/// made after it. Fixed, so that the same seed gives the same rows on any day; the dates
/// run from 2019 to 2028 around it, so a dashboard today finds items overdue, at risk, due
/// soon and done.
pub fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default()
}

/// The earliest day of the generated history.
pub(super) fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2019, 1, 7).unwrap_or_default()
}
