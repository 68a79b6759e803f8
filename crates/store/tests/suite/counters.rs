//! The counters of login attempts and running jobs (`Store::counters`), on any engine: limits per key,
//! the window that frees them, a right attempt taken back, jobs per holder and per
//! instance, and the pruning that keeps both tables bounded. Times are passed in.

use chrono::{DateTime, TimeDelta, Utc};
use std::sync::Arc;
use std::time::Duration;
use taawun_core::new_id;
use taawun_store::{AttemptKey, Busy, Counters, JobLimits, JobOutcome, JobState};

const WINDOW: Duration = Duration::from_secs(15 * 60);

fn t0() -> DateTime<Utc> {
    DateTime::from_timestamp(1_750_000_000, 0).unwrap()
}

fn key(k: &str, limit: u32) -> AttemptKey {
    AttemptKey {
        key: k.to_string(),
        limit,
    }
}

pub async fn login_attempts_are_limited_per_key_until_the_window_passes(c: Arc<dyn Counters>) {
    let ana = [key("account:ana", 5)];
    for i in 0..5 {
        let at = t0() + TimeDelta::seconds(i);
        let r = c.count_login_attempt(new_id(), &ana, WINDOW, at).await;
        assert_eq!(r.unwrap(), None, "attempt {i} is counted");
    }
    // The sixth waits until the first leaves the window, and is not counted itself.
    let late = t0() + TimeDelta::seconds(60);
    let until = c.count_login_attempt(new_id(), &ana, WINDOW, late).await;
    assert_eq!(until.unwrap(), Some(t0() + TimeDelta::seconds(900)));
    let free = t0() + TimeDelta::seconds(900);
    assert_eq!(
        c.count_login_attempt(new_id(), &ana, WINDOW, free)
            .await
            .unwrap(),
        None
    );
    // Another account is its own counter.
    let omar = [key("account:omar", 5)];
    assert_eq!(
        c.count_login_attempt(new_id(), &omar, WINDOW, late)
            .await
            .unwrap(),
        None
    );
}

pub async fn an_address_is_limited_across_accounts(c: Arc<dyn Counters>) {
    let addr = "address:192.0.2.7";
    for i in 0..20 {
        let keys = [key(&format!("account:guess{i}"), 5), key(addr, 20)];
        assert_eq!(
            c.count_login_attempt(new_id(), &keys, WINDOW, t0())
                .await
                .unwrap(),
            None
        );
    }
    let keys = [key("account:fresh", 5), key(addr, 20)];
    assert!(
        c.count_login_attempt(new_id(), &keys, WINDOW, t0())
            .await
            .unwrap()
            .is_some()
    );
    // Refused under the address, the attempt was not counted under the account either.
    for _ in 0..5 {
        let alone = [key("account:fresh", 5)];
        assert_eq!(
            c.count_login_attempt(new_id(), &alone, WINDOW, t0())
                .await
                .unwrap(),
            None
        );
    }
}

pub async fn a_right_attempt_is_taken_back_but_failures_keep_counting(c: Arc<dyn Counters>) {
    let k = [key("account:hamid", 5)];
    for _ in 0..4 {
        c.count_login_attempt(new_id(), &k, WINDOW, t0())
            .await
            .unwrap();
    }
    // The fifth was the right password: taken back, it leaves the four failures.
    let right = new_id();
    assert_eq!(
        c.count_login_attempt(right, &k, WINDOW, t0())
            .await
            .unwrap(),
        None
    );
    c.forget_login_attempt(right).await.unwrap();
    assert_eq!(
        c.count_login_attempt(new_id(), &k, WINDOW, t0())
            .await
            .unwrap(),
        None,
        "a fifth failure is still allowed"
    );
    assert!(
        c.count_login_attempt(new_id(), &k, WINDOW, t0())
            .await
            .unwrap()
            .is_some(),
        "the sixth is refused: the success did not clear the failures"
    );
}

pub async fn jobs_are_limited_per_holder_and_per_instance(c: Arc<dyn Counters>) {
    let limits = JobLimits::default();
    let a = [new_id(), new_id()];
    for id in a {
        assert_eq!(
            c.begin_job(id, "amina", limits, t0()).await.unwrap(),
            Ok(())
        );
    }
    assert_eq!(
        c.begin_job(new_id(), "amina", limits, t0()).await.unwrap(),
        Err(Busy::Holder)
    );
    // Six more holders fill the instance's eight.
    for h in 0..6 {
        let holder = format!("other{h}");
        assert_eq!(
            c.begin_job(new_id(), &holder, limits, t0()).await.unwrap(),
            Ok(())
        );
    }
    assert_eq!(
        c.running_jobs(None, t0() - TimeDelta::hours(1))
            .await
            .unwrap(),
        8
    );
    assert_eq!(
        c.begin_job(new_id(), "newcomer", limits, t0())
            .await
            .unwrap(),
        Err(Busy::Instance)
    );
    // A finished job frees its slot, for its holder as for the instance.
    c.finish_job(a[0], t0()).await.unwrap();
    assert_eq!(
        c.running_jobs(Some("amina"), t0() - TimeDelta::hours(1))
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        c.begin_job(new_id(), "amina", limits, t0()).await.unwrap(),
        Ok(())
    );
    // A forgotten one (a PDF sent at once) too.
    c.forget_job(a[1]).await.unwrap();
    assert_eq!(
        c.begin_job(new_id(), "newcomer", limits, t0())
            .await
            .unwrap(),
        Ok(())
    );
}

pub async fn finished_and_abandoned_jobs_are_pruned(c: Arc<dyn Counters>) {
    let limits = JobLimits::default();
    let (done, lost) = (new_id(), new_id());
    c.begin_job(done, "amina", limits, t0())
        .await
        .unwrap()
        .unwrap();
    c.begin_job(lost, "amina", limits, t0())
        .await
        .unwrap()
        .unwrap();
    c.finish_job(done, t0() + TimeDelta::minutes(1))
        .await
        .unwrap();
    // A job its process never finished stops counting after `abandoned_after`.
    let later = t0() + TimeDelta::minutes(61);
    assert_eq!(
        c.begin_job(new_id(), "amina", limits, later).await.unwrap(),
        Ok(())
    );
    let pruned = c
        .prune_jobs(t0() + TimeDelta::minutes(16), t0() + TimeDelta::minutes(1))
        .await
        .unwrap();
    assert_eq!(pruned, 2, "the finished job and the abandoned one");
    assert_eq!(
        c.prune_jobs(later, t0()).await.unwrap(),
        0,
        "the running one stays"
    );
}

/// The instance's own work (a `system:` holder, such as the reminder pass) counts for its
/// holder but never fills the instance's limit on people's jobs: with room for two, two
/// people still start theirs while a pass runs, and the third waits for the instance.
pub async fn the_instances_own_jobs_do_not_fill_its_limit(c: Arc<dyn Counters>) {
    let limits = JobLimits {
        per_holder: 1,
        overall: 2,
        abandoned_after: Duration::from_secs(3600),
    };
    let pass = format!("{}reminder-pass", taawun_store::SYSTEM_HOLDER);
    assert_eq!(
        c.begin_job(new_id(), &pass, limits, t0()).await.unwrap(),
        Ok(())
    );
    // A second pass waits for the first: its holder is at its own limit.
    assert_eq!(
        c.begin_job(new_id(), &pass, limits, t0()).await.unwrap(),
        Err(Busy::Holder)
    );
    for person in ["amina", "karim"] {
        assert_eq!(
            c.begin_job(new_id(), person, limits, t0()).await.unwrap(),
            Ok(())
        );
    }
    assert_eq!(
        c.begin_job(new_id(), "zeinab", limits, t0()).await.unwrap(),
        Err(Busy::Instance)
    );
    let since = t0() - TimeDelta::hours(1);
    assert_eq!(c.running_jobs(None, since).await.unwrap(), 2);
    assert_eq!(c.running_jobs(Some(&pass), since).await.unwrap(), 1);
}

/// An authenticator code's time step is good once per account: the same or an older one is
/// refused, another account's is its own.
pub async fn an_authenticator_step_is_spent_once(c: Arc<dyn Counters>) {
    let (amina, omar) = (new_id(), new_id());
    assert!(c.spend_totp_step(amina, 58_000_001).await.unwrap());
    assert!(
        !c.spend_totp_step(amina, 58_000_001).await.unwrap(),
        "the same code again"
    );
    assert!(
        !c.spend_totp_step(amina, 58_000_000).await.unwrap(),
        "an older code"
    );
    assert!(
        c.spend_totp_step(omar, 58_000_001).await.unwrap(),
        "another account"
    );
    assert!(
        c.spend_totp_step(amina, 58_000_002).await.unwrap(),
        "the next code"
    );
}

/// A job's published state reads back as published, its file byte for byte, until its row
/// is forgotten.
pub async fn a_published_job_reads_back_until_its_row_goes(c: Arc<dyn Counters>) {
    let (id, owner) = (new_id(), new_id());
    let now = DateTime::<Utc>::from_timestamp(1_750_000_000, 0).unwrap();
    c.begin_job(id, &format!("user:{owner}"), JobLimits::default(), now)
        .await
        .unwrap()
        .unwrap();
    let mut state = JobState {
        id,
        owner: Some(owner),
        label: String::from("Exporter les actions"),
        writing: false,
        done: 4_500,
        total: 0,
        outcome: None,
        finished: None,
    };
    c.publish_job(&state).await.unwrap();
    assert_eq!(c.job_state(id).await.unwrap().as_ref(), Some(&state));
    state.writing = true;
    state.total = 10_000;
    state.done = 10_000;
    state.outcome = Some(JobOutcome::File {
        content_type: String::from("text/csv; charset=utf-8"),
        file_name: String::from("actions.csv"),
        bytes: (0..=255u8).cycle().take(3_000).collect(),
    });
    c.publish_job(&state).await.unwrap();
    let later = now + TimeDelta::seconds(3);
    c.finish_job(id, later).await.unwrap();
    state.finished = Some(later);
    assert_eq!(c.job_state(id).await.unwrap().as_ref(), Some(&state));
    assert_eq!(c.job_state(new_id()).await.unwrap(), None);
    c.forget_job(id).await.unwrap();
    assert_eq!(c.job_state(id).await.unwrap(), None);
}
