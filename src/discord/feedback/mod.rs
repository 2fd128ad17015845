//! Feedback on answers: "Helpful", "Not helpful" and "Report a broken link"
//! buttons under every answer that shows catalog links.
//!
//! Answers without catalog links (an emergency block alone, or "nothing
//! vetted found" with general routes) get no buttons: there is no resource
//! to say anything about. Clicks are counted per resource and per server
//! per day (see [`crate::store::CountsStore`]); who clicked is never stored
//! (see [`votes`]). Every reply to a click is private and pings nobody.

mod click;
pub mod ids;
pub mod votes;

use serenity::all::{ButtonStyle, CreateActionRow, CreateButton};

pub use click::on_component;
use ids::{Action, FeedbackId, Tag};

/// The row of buttons for an answer showing `links` (resource ids, in
/// order); empty when it shows none.
pub fn buttons(links: &[String]) -> Vec<CreateActionRow> {
    if links.is_empty() {
        return Vec::new();
    }
    let tags: Vec<Tag> = links
        .iter()
        .take(ids::MAX_LINKS)
        .map(|l| Tag::of(l))
        .collect();
    let button = |action, label: &str| {
        let id = FeedbackId::Button {
            action,
            links: tags.clone(),
        };
        CreateButton::new(id.encode())
            .label(label)
            .style(ButtonStyle::Secondary)
    };
    vec![CreateActionRow::Buttons(vec![
        button(Action::Helpful, "Helpful"),
        button(Action::NotHelpful, "Not helpful"),
        button(Action::Report, "Report a broken link"),
    ])]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_small_buttons_only_when_there_are_links() {
        assert!(buttons(&[]).is_empty());
        let rows = buttons(&["nhs-asthma".to_string(), "nhs-copd".to_string()]);
        let json = serde_json::to_value(&rows).unwrap();
        let row = &json[0]["components"];
        assert_eq!(row.as_array().unwrap().len(), 3, "{json}");
        assert_eq!(row[0]["label"], "Helpful");
        assert_eq!(row[2]["label"], "Report a broken link");
        let id = row[0]["custom_id"].as_str().unwrap();
        let decoded = FeedbackId::decode(id).unwrap();
        assert_eq!(
            decoded,
            FeedbackId::Button {
                action: Action::Helpful,
                links: vec![Tag::of("nhs-asthma"), Tag::of("nhs-copd")],
            }
        );
    }
}
