//! Answering one interaction exactly once, whatever the network does.
//!
//! The initial response is retried (see [`deliver::with_retry`]). Two ways
//! it can still end badly are handled here:
//! - the response landed but its acknowledgement was lost, so the retry is
//!   refused with "already acknowledged" (40060): the patient has the answer,
//!   so nothing more is sent;
//! - it never landed: the answer goes out once more as a follow-up message,
//!   which Discord accepts for 15 minutes on the interaction's token.
//!
//! After a *public* defer Discord makes the first follow-up public whatever
//! its flags say, so a private note (a cooldown, a duplicate) first removes
//! the public "thinking…" placeholder, then follows up privately.

use poise::serenity_prelude as serenity;
use serenity::all::{CreateInteractionResponseFollowup, HttpError, Message};

use crate::discord::data::Context;
use crate::discord::render::Rendered;
use crate::discord::{deliver, send};

/// Discord's "Interaction has already been acknowledged".
const ALREADY_ACKNOWLEDGED: isize = 40060;

/// How an answer reached the patient.
pub enum Sent<'a> {
    /// Through poise (initial response, or the follow-up after a defer).
    Reply(poise::ReplyHandle<'a>),
    /// Through the follow-up fallback.
    Followup(Box<Message>),
    /// An earlier attempt landed; we never saw its message.
    Landed,
}

impl Sent<'_> {
    /// The posted message, when it can be had (one GET at most).
    pub async fn message(&self) -> Option<Message> {
        match self {
            Sent::Reply(handle) => handle.message().await.ok().map(|m| m.into_owned()),
            Sent::Followup(m) => Some((**m).clone()),
            Sent::Landed => None,
        }
    }
}

/// Send the answer once: retried, then a follow-up if the initial response
/// never landed.
pub async fn answer<'a>(
    ctx: Context<'a>,
    rendered: &Rendered,
    ephemeral: bool,
) -> Result<Sent<'a>, serenity::Error> {
    let first = deliver::with_retry("answer", || {
        ctx.send(send::interaction_reply(rendered, ephemeral))
    })
    .await;
    let error = match first {
        Ok(handle) => return Ok(Sent::Reply(handle)),
        Err(e) if already_acknowledged(&e) => {
            tracing::warn!("answer landed on an earlier attempt");
            return Ok(Sent::Landed);
        }
        Err(e) => e,
    };
    let poise::Context::Application(app) = ctx else {
        return Err(error);
    };
    tracing::warn!(error = %error, "initial response failed; sending a follow-up");
    deliver::with_retry("answer follow-up", || {
        app.interaction
            .create_followup(ctx.http(), followup(rendered, ephemeral))
    })
    .await
    .map(|m| Sent::Followup(Box::new(m)))
}

/// A short note only the asker sees, even after a public defer.
pub async fn private_note(
    ctx: Context<'_>,
    note: &Rendered,
    publicly_deferred: bool,
) -> Result<(), serenity::Error> {
    if let (true, poise::Context::Application(app)) = (publicly_deferred, ctx) {
        // The placeholder goes first; if it cannot, the note stays private
        // as a second follow-up after a neutral public line.
        if let Err(e) = app.interaction.delete_response(ctx.http()).await {
            tracing::warn!(error = %e, "could not remove the public placeholder");
            let line = Rendered::note("Answered privately.");
            app.interaction
                .create_followup(ctx.http(), followup(&line, false))
                .await?;
        }
        app.interaction
            .create_followup(ctx.http(), followup(note, true))
            .await?;
        return Ok(());
    }
    ctx.send(send::interaction_reply(note, true)).await?;
    Ok(())
}

fn followup(rendered: &Rendered, ephemeral: bool) -> CreateInteractionResponseFollowup {
    send::interaction_reply(rendered, ephemeral)
        .to_slash_followup_response(CreateInteractionResponseFollowup::new())
}

fn already_acknowledged(e: &serenity::Error) -> bool {
    matches!(e, serenity::Error::Http(HttpError::UnsuccessfulRequest(r))
        if r.error.code == ALREADY_ACKNOWLEDGED)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn followups_never_ping() {
        let f = followup(&Rendered::note("hi <@1> @everyone"), true);
        let json = serde_json::to_value(&f).unwrap();
        assert_eq!(json["allowed_mentions"]["parse"], serde_json::json!([]));
        assert_eq!(json["flags"], 64);
    }
}
