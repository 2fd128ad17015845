//! Reading what a server sent back: page titles, bot-check pages, failure
//! messages and `Retry-After`. Pure functions, so every rule is unit-tested
//! without a network.

use std::time::Duration;

use time::OffsetDateTime;

/// Text of the first `<title>` and of the first `<h1>`/`<h2>` of a page, with
/// tags stripped and whitespace collapsed. Bytes that are not UTF-8 (pages in
/// Latin-1, truncated at the body cap) are read lossily, never rejected.
pub fn headings(body: &[u8]) -> (Option<String>, Option<String>) {
    let text = String::from_utf8_lossy(body);
    // ASCII lower-casing keeps byte offsets, so positions found in `lower`
    // index `text` too.
    let lower = text.to_ascii_lowercase();
    let title = element(&text, &lower, "title");
    let heading = ["h1", "h2"]
        .iter()
        .filter_map(|tag| {
            let start = lower.find(&format!("<{tag}"))?;
            Some((start, element(&text[start..], &lower[start..], tag)?))
        })
        .min_by_key(|(start, _)| *start)
        .map(|(_, h)| h);
    (title, heading)
}

/// The text inside the first `<tag ...>...</tag>`, tags stripped.
fn element(text: &str, lower: &str, tag: &str) -> Option<String> {
    let open = lower.find(&format!("<{tag}"))?;
    // `<title>` but not `<titles>`: the name must end at `>` or a space.
    let after_name = open + 1 + tag.len();
    let next = lower[after_name..].chars().next()?;
    if !(next == '>' || next.is_ascii_whitespace()) {
        return None;
    }
    let content = after_name + lower[after_name..].find('>')? + 1;
    let close = content + lower[content..].find(&format!("</{tag}"))?;
    let inner = strip_tags(&text[content..close]);
    let words: Vec<&str> = inner.split_whitespace().collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether a title or heading says the page does not exist: sites that
/// answer 200 to a missing page still say so to the reader.
pub fn says_not_found(text: &str) -> bool {
    let t = text.to_lowercase();
    let words: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    t.contains("not found")
        || t.contains("cannot be found")
        || t.contains("can't be found")
        || t.contains("could not be found")
        || t.contains("page doesn't exist")
        || t.contains("page does not exist")
        || words.contains(&"404")
}

/// Markers of the pages bot-protection services show instead of the site.
const BOT_MARKERS: &[&str] = &[
    "just a moment...",
    "attention required! | cloudflare",
    "cf-chl",
    "challenge-platform",
    "captcha",
    "are you a robot",
    "verify you are human",
    "checking your browser",
    "bot protection",
    "ddos-guard",
    "incapsula",
    "perimeterx",
];

/// Whether a page is a bot check rather than the site's content.
pub fn is_bot_check(body: &[u8]) -> bool {
    let lower = String::from_utf8_lossy(body).to_lowercase();
    BOT_MARKERS.iter().any(|m| lower.contains(m))
}

/// How long a `Retry-After` header asks to wait: delay-seconds or an
/// HTTP-date (a date in the past means now). `None` when unreadable.
pub fn retry_after(value: &str, now: OffsetDateTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = OffsetDateTime::parse(value, &time::format_description::well_known::Rfc2822).ok()?;
    Some((when - now).try_into().unwrap_or(Duration::ZERO))
}

/// Why a request got no response, from its error's messages (outermost
/// first). reqwest and hyper only say it in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transport {
    /// The host name does not resolve: the site is gone.
    Dns,
    Timeout,
    Tls,
    Refused,
    Other,
}

/// Sort a transport failure by the words of its error chain.
pub fn transport(messages: &[String], timed_out: bool) -> Transport {
    let all = messages.join(" | ").to_lowercase();
    if timed_out || all.contains("timed out") || all.contains("deadline has elapsed") {
        Transport::Timeout
    } else if all.contains("dns error")
        || all.contains("failed to lookup address")
        || all.contains("name or service not known")
        || all.contains("no address associated")
    {
        Transport::Dns
    } else if all.contains("certificate")
        || all.contains("tls")
        || all.contains("handshake")
        || all.contains("invalid peer")
    {
        Transport::Tls
    } else if all.contains("connection refused") {
        Transport::Refused
    } else {
        Transport::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_and_first_heading_are_found() {
        let page = b"<html><head><TITLE lang=en>\n  Asthma -\n NHS </TITLE></head>\
            <body><h2>Second</h2><h1 class=x>Page <em>not</em> found</h1></body>";
        let (title, heading) = headings(page);
        assert_eq!(title.as_deref(), Some("Asthma - NHS"));
        assert_eq!(heading.as_deref(), Some("Second"));
        assert_eq!(headings(b"<titles>x</titles>").0, None);
        assert_eq!(headings(b"<title>unclosed").0, None);
        assert_eq!(headings(b"").0, None);
    }

    #[test]
    fn non_utf8_titles_are_read_lossily() {
        // Latin-1 "Caf\xe9" and a stray byte: no panic, the rest survives.
        let page = b"<title>Caf\xe9 \xff Page not found</title>";
        let (title, _) = headings(page);
        let title = title.unwrap();
        assert!(title.starts_with("Caf"), "{title}");
        assert!(says_not_found(&title));
        // Multi-byte characters whose lower case is longer keep offsets right.
        let (title, _) = headings("<title>İİİ Ünïcode</title>".as_bytes());
        assert_eq!(title.as_deref(), Some("İİİ Ünïcode"));
    }

    #[test]
    fn not_found_wording() {
        for t in [
            "Page not found | NHS",
            "404 - Example",
            "Error 404",
            "Sorry, this page cannot be found",
            "NOT FOUND",
        ] {
            assert!(says_not_found(t), "{t}");
        }
        for t in [
            "Asthma - NHS",
            "Type 2 diabetes",
            "Room 4040",
            "Found a lump?",
        ] {
            assert!(!says_not_found(t), "{t}");
        }
    }

    #[test]
    fn bot_checks_are_recognised() {
        assert!(is_bot_check(
            b"<title>Just a moment...</title><script src=/cdn-cgi/challenge-platform/x>"
        ));
        assert!(is_bot_check(b"<p>Please complete the CAPTCHA</p>"));
        assert!(!is_bot_check(b"<title>Asthma</title>"));
    }

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        let now = OffsetDateTime::from_unix_timestamp(1_445_412_470).unwrap();
        assert_eq!(retry_after(" 1 ", now), Some(Duration::from_secs(1)));
        assert_eq!(retry_after("120", now), Some(Duration::from_secs(120)));
        // 2015-10-21 07:28:00 GMT is 10 s after `now`.
        assert_eq!(
            retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now),
            Some(Duration::from_secs(10))
        );
        assert_eq!(
            retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after("-5", now), None);
        assert_eq!(retry_after("soon", now), None);
    }

    #[test]
    fn transport_failures_are_sorted() {
        let m = |s: &str| vec!["error sending request".to_string(), s.to_string()];
        assert_eq!(
            transport(&m("dns error: failed to lookup address information"), false),
            Transport::Dns
        );
        assert_eq!(
            transport(&m("invalid peer certificate: UnknownIssuer"), false),
            Transport::Tls
        );
        assert_eq!(
            transport(&m("Connection refused (os error 111)"), false),
            Transport::Refused
        );
        assert_eq!(
            transport(&m("operation timed out"), false),
            Transport::Timeout
        );
        assert_eq!(transport(&m("anything"), true), Transport::Timeout);
        assert_eq!(transport(&m("connection reset"), false), Transport::Other);
    }
}
