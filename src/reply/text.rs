//! Terminal rendering.

use super::Reply;

/// Render a reply for a terminal.
pub fn render_text(reply: &Reply) -> String {
    let _ = reply;
    String::new()
}
