//! Jobs belong to whoever started them, carry their progress by phase, and are waited on
//! for a moment before a front end shows their progress instead.

use std::time::Duration;
use taawun_app::jobs::{Jobs, Outcome, Phase};
use taawun_core::new_id;

#[tokio::test]
async fn a_job_is_its_owners_alone_and_reports_its_progress() {
    let jobs = Jobs::new(Duration::from_millis(50));
    let (alice, bob) = (new_id(), new_id());
    let (id, job) = jobs.start(Some(alice), String::from("export"));
    assert!(jobs.get(id, Some(alice)).is_some());
    assert!(jobs.get(id, Some(bob)).is_none());
    assert!(jobs.get(id, None).is_none());

    job.set_done(40);
    assert_eq!((job.phase(), job.progress()), (Phase::Reading, (40, 0)));
    job.writing(100);
    assert_eq!((job.phase(), job.progress()), (Phase::Writing, (0, 100)));

    assert!(!job.wait(jobs.wait).await, "not finished yet");
    job.finish(Outcome::Done {
        href: String::from("/next"),
    });
    assert!(job.wait(jobs.wait).await);
    assert!(matches!(job.outcome(), Some(Outcome::Done { href }) if href == "/next"));
}
