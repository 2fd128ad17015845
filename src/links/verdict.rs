//! What a probe found, and what it means for the catalog: a pure function
//! from the responses seen to a [`Verdict`], so each rule is unit-tested.

use serde::{Deserialize, Serialize};

use super::parse::{self, Transport};

/// What a link check concluded about one URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The page answers (temporary redirects on the way are fine).
    Ok,
    /// The page moved for good (301/308): the catalog should say where.
    Redirected,
    /// The page is gone (404/410) or its host no longer exists.
    Broken,
    /// The site refuses automated checks (403, a bot-check page): someone
    /// has to look by hand. Not evidence that the page is gone.
    Blocked,
    /// The server says 200 but the page says "not found".
    #[serde(rename = "soft-404")]
    Soft404,
    /// No answer to judge: timeouts, TLS and connection errors, redirect
    /// loops, rate limits that never lifted.
    Unreachable,
}

impl Verdict {
    /// The word used in tables, JSON and the state file.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::Redirected => "redirected",
            Verdict::Broken => "broken",
            Verdict::Blocked => "blocked",
            Verdict::Soft404 => "soft-404",
            Verdict::Unreachable => "unreachable",
        }
    }

    /// Whether the link fails its readers (and the command exits 1).
    pub fn is_failure(self) -> bool {
        matches!(self, Verdict::Broken | Verdict::Soft404)
    }
}

/// One request of a redirect chain: the URL asked and the status it got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hop {
    pub url: String,
    pub status: u16,
}

/// Why a probe ended without a final response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    Transport(Transport, String),
    RedirectLoop,
    TooManyRedirects,
    /// A redirect without a usable `Location`.
    BadRedirect,
    /// `Retry-After` kept coming back past the retry budget.
    TooManyRetries,
}

/// How a probe ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum End {
    /// The last response of the chain, with the start of its body when it
    /// was read (a GET of a page worth looking into).
    Response {
        status: u16,
        /// HTML, or no content type given: worth a GET to read.
        html: bool,
        body: Option<Vec<u8>>,
    },
    Failed(Failure),
}

/// Every response seen for one URL, redirects included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    /// Requests in order; the last is the final response when `end` is one.
    pub chain: Vec<Hop>,
    pub end: End,
}

/// The judgement on one URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub verdict: Verdict,
    /// Status of the final response, if there was one.
    pub status: Option<u16>,
    /// Where the chain ended.
    pub final_url: Option<String>,
    /// Where the catalog's URL should point instead: the end of the leading
    /// run of permanent redirects (never past a temporary one).
    pub fix_to: Option<String>,
    /// A short reason for people.
    pub note: String,
}

fn is_permanent(status: u16) -> bool {
    matches!(status, 301 | 308)
}

/// Judge a probe.
pub fn classify(probe: &Probe) -> Finding {
    let final_url = probe.chain.last().map(|h| h.url.clone());
    let (verdict, status, note) = match &probe.end {
        End::Failed(f) => failure(f),
        End::Response { status, body, .. } => response(*status, body.as_deref()),
    };
    let mut finding = Finding {
        verdict,
        status,
        final_url,
        fix_to: None,
        note,
    };
    if verdict == Verdict::Ok {
        redirected(probe, &mut finding);
    }
    finding
}

/// An answering page reached through a first permanent redirect is
/// `redirected`, with the URL the permanent hops lead to.
fn redirected(probe: &Probe, finding: &mut Finding) {
    let permanent = probe
        .chain
        .iter()
        .take_while(|h| is_permanent(h.status))
        .count();
    if permanent == 0 {
        if probe.chain.len() > 1 {
            finding.note = format!("temporary redirect ({} hops)", probe.chain.len() - 1);
        }
        return;
    }
    let to = probe.chain[permanent].url.clone();
    finding.verdict = Verdict::Redirected;
    finding.note = format!("moved permanently to {to}");
    finding.fix_to = Some(to);
}

fn failure(f: &Failure) -> (Verdict, Option<u16>, String) {
    let (verdict, note) = match f {
        Failure::Transport(Transport::Dns, m) => {
            (Verdict::Broken, format!("host name does not resolve ({m})"))
        }
        Failure::Transport(Transport::Timeout, _) => (Verdict::Unreachable, "timed out".into()),
        Failure::Transport(Transport::Tls, m) => (Verdict::Unreachable, format!("TLS error ({m})")),
        Failure::Transport(Transport::Refused, _) => {
            (Verdict::Unreachable, "connection refused".into())
        }
        Failure::Transport(Transport::Other, m) => {
            (Verdict::Unreachable, format!("connection error ({m})"))
        }
        Failure::RedirectLoop => (Verdict::Unreachable, "redirect loop".into()),
        Failure::TooManyRedirects => (Verdict::Unreachable, "too many redirects".into()),
        Failure::BadRedirect => (Verdict::Unreachable, "redirect without a location".into()),
        Failure::TooManyRetries => (
            Verdict::Unreachable,
            "still rate-limited after retries".into(),
        ),
    };
    (verdict, None, note)
}

fn response(status: u16, body: Option<&[u8]>) -> (Verdict, Option<u16>, String) {
    let bot = body.is_some_and(parse::is_bot_check);
    let (verdict, note) = match status {
        200..=299 if bot => (Verdict::Blocked, "bot-check page; check by hand".into()),
        200..=299 => match body.and_then(not_found_heading) {
            Some(h) => (Verdict::Soft404, format!("page says \"{h}\"")),
            None => (Verdict::Ok, String::new()),
        },
        404 | 410 => (Verdict::Broken, format!("HTTP {status}")),
        401 | 403 | 451 => (
            Verdict::Blocked,
            if bot {
                format!("HTTP {status} bot-check page; check by hand")
            } else {
                format!("HTTP {status}: the site refuses automated checks; check by hand")
            },
        ),
        429 | 503 if bot => (
            Verdict::Blocked,
            format!("HTTP {status} bot-check page; check by hand"),
        ),
        300..=399 => (Verdict::Unreachable, "redirect without a location".into()),
        _ => (Verdict::Unreachable, format!("HTTP {status}")),
    };
    (verdict, Some(status), note)
}

/// The title or first heading when it says "not found".
fn not_found_heading(body: &[u8]) -> Option<String> {
    let (title, heading) = parse::headings(body);
    [title, heading]
        .into_iter()
        .flatten()
        .find(|t| parse::says_not_found(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hop(url: &str, status: u16) -> Hop {
        Hop {
            url: url.into(),
            status,
        }
    }

    fn page(chain: &[(&str, u16)], body: &[u8]) -> Probe {
        let chain: Vec<Hop> = chain.iter().map(|(u, s)| hop(u, *s)).collect();
        let status = chain.last().unwrap().status;
        Probe {
            chain,
            end: End::Response {
                status,
                html: true,
                body: Some(body.to_vec()),
            },
        }
    }

    #[test]
    fn plain_pages() {
        let ok = classify(&page(&[("https://a/", 200)], b"<title>Asthma</title>"));
        assert_eq!((ok.verdict, ok.status), (Verdict::Ok, Some(200)));
        let soft = classify(&page(&[("https://a/", 200)], b"<h1>Page not found</h1>"));
        assert_eq!(soft.verdict, Verdict::Soft404);
        for s in [404, 410] {
            assert_eq!(classify(&page(&[("a", s)], b"")).verdict, Verdict::Broken);
        }
        let blocked = classify(&page(&[("a", 403)], b"<title>Just a moment...</title>"));
        assert_eq!(blocked.verdict, Verdict::Blocked);
        assert!(blocked.note.contains("bot-check"), "{}", blocked.note);
        assert_eq!(
            classify(&page(&[("a", 500)], b"")).verdict,
            Verdict::Unreachable
        );
        let challenge = classify(&page(&[("a", 503)], b"cf-chl-bypass"));
        assert_eq!(challenge.verdict, Verdict::Blocked);
    }

    #[test]
    fn redirects() {
        let moved = classify(&page(&[("a", 301), ("b", 308), ("c", 200)], b""));
        assert_eq!(moved.verdict, Verdict::Redirected);
        assert_eq!(moved.fix_to.as_deref(), Some("c"));
        assert_eq!(moved.final_url.as_deref(), Some("c"));
        // A temporary hop after a permanent one: fix only as far as it.
        let mixed = classify(&page(&[("a", 301), ("b", 302), ("c", 200)], b""));
        assert_eq!(mixed.verdict, Verdict::Redirected);
        assert_eq!(mixed.fix_to.as_deref(), Some("b"));
        assert_eq!(mixed.final_url.as_deref(), Some("c"));
        for s in [302, 303, 307] {
            let temp = classify(&page(&[("a", s), ("b", 200)], b""));
            assert_eq!(temp.verdict, Verdict::Ok);
            assert_eq!(temp.fix_to, None);
            assert_eq!(temp.final_url.as_deref(), Some("b"));
        }
        // Moved to a missing page is broken, not a fix.
        let gone = classify(&page(&[("a", 301), ("b", 404)], b""));
        assert_eq!((gone.verdict, gone.fix_to), (Verdict::Broken, None));
    }

    #[test]
    fn failures() {
        let f = |failure| {
            classify(&Probe {
                chain: vec![],
                end: End::Failed(failure),
            })
            .verdict
        };
        assert_eq!(
            f(Failure::Transport(Transport::Dns, "x".into())),
            Verdict::Broken
        );
        for other in [
            Failure::Transport(Transport::Timeout, String::new()),
            Failure::Transport(Transport::Tls, String::new()),
            Failure::Transport(Transport::Refused, String::new()),
            Failure::RedirectLoop,
            Failure::TooManyRedirects,
            Failure::TooManyRetries,
        ] {
            assert_eq!(f(other), Verdict::Unreachable);
        }
        assert!(Verdict::Soft404.is_failure() && !Verdict::Blocked.is_failure());
        assert_eq!(
            serde_json::to_string(&Verdict::Soft404).unwrap(),
            "\"soft-404\""
        );
    }
}
