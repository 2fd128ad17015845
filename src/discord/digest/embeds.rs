//! The review digest as Discord embeds: links and counts only, within
//! Discord's limits (4 embeds here, each description kept well under the
//! 4096-character cap so the message stays under 6000 in all).

use serenity::all::{CreateEmbed, CreateEmbedFooter};

use crate::report::{Report, Usage};

/// Characters of one embed's list before "…and N more".
const BUDGET: usize = 1200;
const COLOUR: u32 = 0x3b6ea8;

/// Join `lines` up to the budget, then say how many were left out.
fn fit(lines: &[String], none: &str) -> String {
    if lines.is_empty() {
        return none.to_string();
    }
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if out.len() + line.len() + 1 > BUDGET {
            let more = lines.len() - i;
            out.push_str(&format!("…and {more} more (see `signpost report`)"));
            return out;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim_end().to_string()
}

/// `[title](url)`, with the brackets of the title made safe.
fn link(title: &str, url: &str) -> String {
    let title: String = title.chars().filter(|c| !matches!(c, '[' | ']')).collect();
    if url.is_empty() {
        title
    } else {
        format!("[{title}]({url})")
    }
}

fn embed(title: String, description: String) -> CreateEmbed {
    CreateEmbed::new()
        .title(title)
        .description(description)
        .colour(COLOUR)
}

/// The digest's embeds, in the order a clinician acts on them.
pub fn digest_embeds(report: &Report) -> Vec<CreateEmbed> {
    let reviews: Vec<String> = report
        .reviews
        .iter()
        .map(|d| {
            let overdue = if d.overdue { " **overdue**" } else { "" };
            let line = format!(
                "`{}`{overdue} {} · {}",
                d.review_by,
                link(&d.title, &d.url),
                d.reviewer
            );
            line
        })
        .collect();
    let mut embeds = vec![embed(
        format!("Reviews due in the next {} days", report.due_within_days),
        fit(&reviews, "Nothing falls due."),
    )];
    embeds.push(links(report));
    if let Some(u) = &report.usage {
        embeds.push(feedback(u, report.window_days));
        embeds.push(gaps(u, report.window_days));
    }
    if let Some(last) = embeds.pop() {
        embeds.push(last.footer(CreateEmbedFooter::new(
            "Counts only: nothing patients wrote is stored. Full report: signpost report --format html",
        )));
    }
    embeds
}

fn links(report: &Report) -> CreateEmbed {
    let l = &report.links;
    if !l.checked {
        return embed(
            "Links".into(),
            "Never checked: run `signpost links`.".into(),
        );
    }
    let lines: Vec<String> = l
        .failing
        .iter()
        .map(|f| format!("{}: {}", link(&f.id, &f.url), f.message))
        .collect();
    embed(
        format!(
            "Links failing or moved ({} of {} checked)",
            l.failing.len(),
            l.urls_checked
        ),
        fit(&lines, "Every checked link answered."),
    )
}

fn feedback(u: &Usage, days: u16) -> CreateEmbed {
    let lines: Vec<String> = u
        .feedback
        .iter()
        .filter(|f| f.not_helpful > 0 || f.broken > 0)
        .map(|f| {
            format!(
                "{}: {} not helpful, {} broken-link report(s), {} helpful",
                link(&f.title, &f.url),
                f.not_helpful,
                f.broken,
                f.helpful
            )
        })
        .collect();
    embed(
        format!("Least helpful, last {days} days"),
        fit(&lines, "No \"not helpful\" votes or broken-link reports."),
    )
}

fn gaps(u: &Usage, days: u16) -> CreateEmbed {
    let mut lines: Vec<String> = u
        .gaps
        .shown
        .iter()
        .map(|g| {
            let topic = if g.topic.is_empty() {
                "(no condition named)"
            } else {
                &g.topic
            };
            format!(
                "`{}` {topic}: {} asks ({} no match) from {} servers",
                g.region,
                g.asks(),
                g.no_match,
                g.servers
            )
        })
        .collect();
    if u.gaps.hidden_topics > 0 {
        lines.push(format!(
            "Under the threshold ({} asks from {} servers): {} ask(s) on {} topic(s).",
            u.threshold.asks, u.threshold.servers, u.gaps.hidden_asks, u.gaps.hidden_topics
        ));
    }
    embed(
        format!("Gap topics, last {days} days"),
        fit(&lines, "No unanswered topics."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lists_are_cut_with_a_count() {
        let lines: Vec<String> = (0..200).map(|i| format!("line number {i:03}")).collect();
        let text = fit(&lines, "none");
        assert!(text.len() <= BUDGET + 60, "{}", text.len());
        assert!(text.ends_with("more (see `signpost report`)"), "{text}");
        assert_eq!(fit(&[], "none"), "none");
    }

    #[test]
    fn titles_cannot_break_a_link() {
        assert_eq!(link("a [b] c", "https://x"), "[a b c](https://x)");
        assert_eq!(link("gone", ""), "gone");
    }
}
