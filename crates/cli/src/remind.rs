//! `taawun remind`: reminder passes outside the server (cron, tests), and the reminder
//! settings `serve` shares. With `--once`, one pass, a summary line, and a non-zero exit
//! when an e-mail could not be sent, so cron reports it.

use crate::args::{RemindArgs, RemindCommandArgs};
use crate::db;
use chrono::Utc;
use taawun_app::remind::{RemindConfig, Smtp, run_forever, run_once};

/// The reminder settings from the command line; an SMTP URL needs a sender.
pub fn config(a: &RemindArgs, public_url: Option<String>) -> Result<RemindConfig, String> {
    let smtp = match (&a.smtp_url, &a.mail_from) {
        (Some(url), Some(from)) => Some(Smtp::new(url, from)?),
        (Some(_), None) => return Err("--smtp-url needs --mail-from".into()),
        (None, _) => None,
    };
    Ok(RemindConfig {
        within_days: a.remind_within,
        smtp,
        public_url,
    })
}

pub async fn run(a: RemindCommandArgs) -> Result<(), String> {
    let cfg = config(&a.remind, a.public_url.clone())?;
    let store = db::open(&a.db).await?;
    if !a.once {
        // Nothing wakes a stand-alone scheduler early: no request is served here.
        let never = std::sync::Arc::new(tokio::sync::Notify::new());
        run_forever(
            store,
            cfg,
            a.remind.remind_every,
            std::time::Duration::ZERO,
            never,
        )
        .await;
        return Ok(());
    }
    let today = a.today.unwrap_or_else(|| Utc::now().date_naive());
    let pass = run_once(&store, today, &cfg)
        .await
        .map_err(|e| format!("reminder pass failed: {e}"))?;
    if pass.skipped {
        println!(
            "reminders for {today}: another process serving this database is running a pass; nothing done"
        );
        return Ok(());
    }
    println!(
        "reminders for {today}: {} users, {} new notifications, {} e-mails sent, {} not sent",
        pass.users, pass.added, pass.mailed, pass.failed
    );
    if pass.failed > 0 {
        return Err(format!(
            "{} reminder e-mails could not be sent",
            pass.failed
        ));
    }
    Ok(())
}
