//! The Discord adapter: poise commands, gateway events and rendering of the
//! core's `Reply`. Everything Discord-specific lives under here.
//!
//! - [`serve`]: connect, run until shutdown, close cleanly.
//! - `commands/`: `/ask`, the "Find vetted resources" context menu, `/signpost ...`.
//! - `events`: @mentions, auto mode, removal from a server.
//! - [`render`]: `Reply` → embeds or plain text within Discord's limits.
//! - `send`: the only place outgoing messages are built (no pings, ever).
//! - `feedback`: the buttons under answers, and their clicks; `tally`: the
//!   daily counters behind `/signpost stats`.
//! - `digest`: the weekly review digest posted to the clinicians' channel.
//! - `deliver`: timeouts and bounded retries for every answer and crisis note.
//! - `answer`, `cooldown`, `question`, `checks`, `crisis_log`: shared pieces.

mod answer;
mod checks;
mod commands;
mod cooldown;
mod crisis_log;
mod data;
mod deliver;
mod digest;
mod errors;
mod events;
mod feedback;
mod probe;
mod question;
pub mod render;
mod send;
mod serve;
mod tally;

pub use data::{Data, Error};
pub use serve::{NO_TOKEN_HELP, Parts, ServeError, intents, serve, serve_with, shutdown_signal};
