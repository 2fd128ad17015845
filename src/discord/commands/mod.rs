//! Every command the bot registers, in one list.

mod admin;
mod ask;
mod interaction;
mod stats;
mod status;

use super::data::{Data, Error};

/// `/ask`, the context menu, and `/signpost ...`.
pub fn all() -> Vec<poise::Command<Data, Error>> {
    vec![ask::ask(), ask::find_resources(), admin::signpost()]
}
