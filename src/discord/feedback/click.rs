//! Answering a click on a feedback button or a choice in the broken-link
//! menu: always privately, never pinging, never with a count for a forged,
//! stale or repeated click.

use std::time::{Instant, SystemTime};

use serenity::all::{
    ComponentInteraction, ComponentInteractionDataKind, Context as SCtx, CreateActionRow,
    CreateInteractionResponse, CreateInteractionResponseMessage, CreateSelectMenu,
    CreateSelectMenuKind, CreateSelectMenuOption,
};
use tracing::Instrument;

use super::ids::{Action, FeedbackId, IdError, Tag};
use super::votes::{self, Ballot};
use crate::discord::data::Data;
use crate::discord::render::limits::truncate;
use crate::discord::{deliver, send, tally};
use crate::store::Feedback;

const UNREADABLE: &str = "Sorry, I couldn't read that button, so nothing was counted. \
It may be from an older version of Signpost. Thank you for trying!";
const CLOSED: &str = "This answer is more than a day old, so feedback on it is closed. \
Thank you for wanting to help!";
const ALREADY: &str = "Your feedback on this answer is already counted. Thank you!";
const THANKS: &str = "Thank you! Your feedback helps the clinicians who keep these links.";
const GONE: &str = "The links in this answer have since been replaced in Signpost's list, \
so there is nothing to count. Thank you!";
const PICK: &str = "Which link is broken? Only you can see this.";
const REPORTED: &str = "Thank you! The broken link is reported to the clinicians who keep \
these links.";

/// Discord's limit on a menu option's label and value.
const OPTION_MAX: usize = 100;

/// Handle a component interaction if it is ours; others are left alone.
pub async fn on_component(ctx: &SCtx, data: &Data, ci: &ComponentInteraction) {
    let id = match FeedbackId::decode(&ci.data.custom_id) {
        Err(IdError::Foreign) => return,
        Err(IdError::Malformed) => {
            tracing::warn!(
                message = ci.message.id.get(),
                id_chars = ci.data.custom_id.len(),
                "unreadable feedback id"
            );
            return reply(ctx, ci, note(UNREADABLE)).await;
        }
        Ok(id) => id,
    };
    let span = tracing::info_span!(
        "feedback",
        guild = ci.guild_id.map(|g| g.get()),
        channel = ci.channel_id.get(),
        message = ci.message.id.get(),
    );
    let response = respond(data, ci, id).instrument(span.clone()).await;
    reply(ctx, ci, response).instrument(span).await;
}

async fn respond(
    data: &Data,
    ci: &ComponentInteraction,
    id: FeedbackId,
) -> CreateInteractionResponseMessage {
    let answer = match &id {
        FeedbackId::Button { .. } => ci.message.id.get(),
        FeedbackId::Menu { answer, .. } => *answer,
    };
    if !votes::is_open(answer, SystemTime::now()) {
        tracing::info!("feedback on a closed answer");
        return note(CLOSED);
    }
    match id {
        FeedbackId::Button {
            action: Action::Report,
            links,
        } => menu(data, answer, &links),
        FeedbackId::Button { action, links } => {
            let kind = if action == Action::Helpful {
                Feedback::Helpful
            } else {
                Feedback::NotHelpful
            };
            let ids: Vec<String> = resolve(data, &links).into_iter().map(|l| l.0).collect();
            count(data, ci, Ballot::Answer, answer, ids, kind).await
        }
        FeedbackId::Menu { links, .. } => {
            let chosen = match &ci.data.kind {
                ComponentInteractionDataKind::StringSelect { values } => values.first(),
                _ => None,
            };
            let listed = resolve(data, &links);
            match chosen.filter(|c| listed.iter().any(|(id, _)| id == *c)) {
                Some(c) => {
                    let ids = vec![c.clone()];
                    count(data, ci, Ballot::Report, answer, ids, Feedback::Broken).await
                }
                None => note(UNREADABLE),
            }
        }
    }
}

/// Count one vote unless this person already cast it on this answer.
async fn count(
    data: &Data,
    ci: &ComponentInteraction,
    ballot: Ballot,
    answer: u64,
    resources: Vec<String>,
    kind: Feedback,
) -> CreateInteractionResponseMessage {
    if resources.is_empty() {
        return note(GONE);
    }
    if !data
        .votes
        .first(ballot, ci.user.id.get(), answer, Instant::now())
    {
        tracing::info!(kind = kind.column(), "feedback already counted");
        return note(ALREADY);
    }
    let links = resources.len();
    tally::feedback(data, ci.guild_id.map(|g| g.get()), resources, kind).await;
    tracing::info!(kind = kind.column(), links, "feedback counted");
    note(if kind == Feedback::Broken {
        REPORTED
    } else {
        THANKS
    })
}

/// The private menu of the answer's links, by title.
fn menu(data: &Data, answer: u64, links: &[Tag]) -> CreateInteractionResponseMessage {
    let listed: Vec<(String, String)> = resolve(data, links)
        .into_iter()
        .filter(|(id, _)| id.len() <= OPTION_MAX)
        .collect();
    if listed.is_empty() {
        return note(GONE);
    }
    let id = FeedbackId::Menu {
        answer,
        links: listed.iter().map(|(id, _)| Tag::of(id)).collect(),
    };
    let options = listed
        .iter()
        .map(|(id, title)| CreateSelectMenuOption::new(truncate(title, OPTION_MAX), id))
        .collect();
    let select = CreateSelectMenu::new(id.encode(), CreateSelectMenuKind::String { options })
        .placeholder("Choose the broken link")
        .min_values(1)
        .max_values(1);
    note(PICK).components(vec![CreateActionRow::SelectMenu(select)])
}

/// The serving catalog's (id, title) for each tag, in the tags' order;
/// tags of resources no longer in the catalog are dropped.
fn resolve(data: &Data, tags: &[Tag]) -> Vec<(String, String)> {
    let engine = data.engine.current();
    let resources = &engine.catalog().resources;
    tags.iter()
        .filter_map(|t| resources.iter().find(|r| Tag::of(&r.id) == *t))
        .map(|r| (r.id.clone(), r.title.clone()))
        .collect()
}

/// A private message that pings nobody.
fn note(text: &str) -> CreateInteractionResponseMessage {
    CreateInteractionResponseMessage::new()
        .content(text)
        .ephemeral(true)
        .allowed_mentions(send::no_mentions())
}

async fn reply(ctx: &SCtx, ci: &ComponentInteraction, message: CreateInteractionResponseMessage) {
    let response = CreateInteractionResponse::Message(message);
    let sent = deliver::with_retry("feedback reply", || {
        ci.create_response(&ctx.http, response.clone())
    })
    .await;
    if let Err(e) = sent {
        tracing::warn!(error = %e, "feedback reply not delivered");
    }
}
