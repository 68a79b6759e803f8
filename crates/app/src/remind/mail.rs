//! Reminder e-mails: one plain-text message per user and pass listing what is new for
//! them, in the user's language (French when unset), words from the catalogues. Sent by
//! plain SMTP to the configured relay (the relay handles TLS and delivery onwards).

use lettre::message::{Mailbox, header::ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration;
use taawun_core::followup::Notification;
use taawun_core::{Lang, User};
use taawun_i18n::{fmt, message, message_args, message_count};
use taawun_store::{StoreResult, Visible};

/// An SMTP relay and the sender of reminders.
#[derive(Debug, Clone)]
pub struct Smtp {
    host: String,
    port: u16,
    from: Mailbox,
}

impl Smtp {
    /// `smtp://host[:port]` (port 25 by default) and the sender address.
    pub fn new(url: &str, from: &str) -> Result<Smtp, String> {
        let rest = url.strip_prefix("smtp://").ok_or_else(|| {
            format!("unsupported SMTP URL {url:?}: expected smtp://host:port (plain SMTP)")
        })?;
        let rest = rest.trim_end_matches('/');
        let (host, port) = match rest.rsplit_once(':') {
            Some((h, p)) => (
                h,
                p.parse::<u16>()
                    .map_err(|_| format!("bad port in SMTP URL {url:?}"))?,
            ),
            None => (rest, 25),
        };
        if host.is_empty() {
            return Err(format!("no host in SMTP URL {url:?}"));
        }
        let from = from
            .parse::<Mailbox>()
            .map_err(|e| format!("bad sender address {from:?}: {e}"))?;
        Ok(Smtp {
            host: host.to_string(),
            port,
            from,
        })
    }

    pub(super) async fn send(&self, m: Message) -> Result<(), String> {
        // A connection per pass's message: reminders are few, and a relay restarted between
        // passes must not leave a dead pooled connection behind.
        let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&self.host)
            .port(self.port)
            .timeout(Some(Duration::from_secs(30)))
            .build();
        transport
            .send(m)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// The record a notification is about, named for the reader, and its page's path.
async fn record(v: &Visible, lang: Lang, n: &Notification) -> StoreResult<(String, String)> {
    let id = n.reminder.record_id;
    use taawun_core::followup::ReminderKind as K;
    // Exhaustive: a new kind of reminder must say which record it names.
    Ok(match n.reminder.kind {
        K::ItemDueSoon | K::ItemOverdue | K::UpdateRequested => {
            let name = v
                .item(id)
                .await?
                .map(|i| format!("{} {}", i.code, i.title.show(lang)));
            (name.unwrap_or_default(), format!("/items/{id}"))
        }
        K::AgreementEntersIntoForce | K::AgreementExpires | K::AgreementNoticeDate => {
            let name = v
                .agreement(id)
                .await?
                .map(|a| a.title.show(lang).to_string());
            (name.unwrap_or_default(), format!("/agreements/{id}"))
        }
    })
}

/// The message for `user` about `pending` (non-empty); `Err` inside when the user's
/// address cannot be used.
pub(super) async fn compose(
    v: &Visible,
    user: &User,
    pending: &[Notification],
    smtp: &Smtp,
    public_url: Option<&str>,
) -> StoreResult<Result<Message, String>> {
    let lang = user.language.unwrap_or(Lang::Fr);
    let base = public_url.map(|u| u.trim_end_matches('/').to_string());
    let mut body = String::new();
    body.push_str(&message_args(
        lang,
        "mail-greeting",
        &[("name", &user.display_name)],
    ));
    body.push_str("\n\n");
    body.push_str(&message(lang, "mail-intro"));
    body.push_str("\n\n");
    for n in pending {
        let (name, path) = record(v, lang, n).await?;
        let line = message_args(
            lang,
            &format!("notice-line-{}", n.reminder.kind.key()),
            &[("record", &name), ("date", &fmt::date(lang, n.reminder.on))],
        );
        body.push_str(&format!("• {line}\n"));
        if let Some(b) = &base {
            body.push_str(&format!("  {b}{path}\n"));
        }
    }
    body.push('\n');
    body.push_str(&message(lang, "mail-footer"));
    if let Some(b) = &base {
        body.push_str(&format!("\n{b}/notifications"));
    }
    body.push('\n');
    let subject = message_count(lang, "mail-subject", pending.len());
    let to = match user.email.as_deref().unwrap_or_default().parse::<Mailbox>() {
        Ok(to) => to,
        Err(e) => return Ok(Err(format!("bad address for {}: {e}", user.username))),
    };
    Ok(Message::builder()
        .from(smtp.from.clone())
        .to(to)
        .subject(subject)
        .header(ContentType::TEXT_PLAIN)
        .body(body)
        .map_err(|e| e.to_string()))
}
