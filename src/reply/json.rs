//! JSON rendering: one object per question, the contract outside tools read.

use super::Reply;

/// Render a reply as a single-line JSON object.
pub fn render_json(reply: &Reply) -> String {
    // Serialising plain owned data cannot fail.
    serde_json::to_string(reply).unwrap_or_else(|_| String::from("{}"))
}
