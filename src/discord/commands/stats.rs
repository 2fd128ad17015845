//! `/signpost stats`: how Signpost did in this server, as counts only.

use super::admin::{guild, say};
use crate::discord::data::{Context, Error};
use crate::store::GuildTotals;
use crate::store::counts::{self, days_back};

/// The windows shown, in days (today included).
const WINDOWS: [u16; 2] = [7, 30];

/// Answers, no-match answers, emergencies and feedback here (last 7 and 30 days)
#[poise::command(slash_command)]
pub async fn stats(ctx: Context<'_>) -> Result<(), Error> {
    let data = ctx.data();
    let g = guild(ctx)?;
    let today = counts::today();
    let mut lines = vec!["**Signpost in this server** (counts only; days in UTC)".to_string()];
    for days in WINDOWS {
        match data.counts.guild_totals(g, days_back(today, days)).await {
            Ok(t) => lines.push(window_line(days, &t)),
            Err(e) => {
                tracing::error!(guild = g, error = %e, "stats unavailable");
                return say(
                    ctx,
                    "Sorry, the counts can't be read right now. Nothing is lost; please try again in a moment.",
                )
                .await;
            }
        }
    }
    lines.push(format!(
        "Daily counts are kept for {} days; who asked or clicked is never stored.",
        data.config.retention_days
    ));
    say(ctx, lines.join("\n")).await
}

/// One window's counts as a sentence a moderator can read at a glance.
fn window_line(days: u16, t: &GuildTotals) -> String {
    format!(
        "**Last {days} days**: questions answered {}, no vetted match {}, emergency blocks shown {}; \
         feedback: helpful {}, not helpful {}, broken-link reports {}.",
        t.answered, t.no_match, t.emergencies, t.helpful, t.not_helpful, t.broken
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_reads_as_counts() {
        let t = GuildTotals {
            answered: 12,
            no_match: 3,
            emergencies: 1,
            helpful: 4,
            not_helpful: 2,
            broken: 1,
        };
        assert_eq!(
            window_line(7, &t),
            "**Last 7 days**: questions answered 12, no vetted match 3, emergency blocks shown 1; \
             feedback: helpful 4, not helpful 2, broken-link reports 1."
        );
    }
}
