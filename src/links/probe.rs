//! HTTP: asking a server about one URL, politely.
//!
//! Redirects are followed by hand (reqwest's own policy is off) so every hop
//! is recorded and loops are caught. HEAD is tried first; a GET confirms
//! anything HEAD cannot settle, and fetches the start of HTML pages for the
//! soft-404 and bot-check tests. Each host gets at most a few requests at a
//! time, and `Retry-After` is obeyed within a cap.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::{Client, Method, Response, Url, header};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::LinkError;
use super::parse::{self, Transport};
use super::verdict::{End, Failure, Hop, Probe};

/// How the checker behaves on the network; built from `[links]` in
/// `signpost.toml` (see [`crate::config::LinksConfig`]).
#[derive(Debug, Clone)]
pub struct Settings {
    /// Names the checker and whom to contact, so site owners can reach us.
    pub user_agent: String,
    pub connect_timeout: Duration,
    /// Whole-request limit, body included.
    pub timeout: Duration,
    /// URLs checked at once, over all hosts.
    pub concurrency: usize,
    /// Requests at once to one host: health sites are not ours to load.
    pub per_host: usize,
    /// Longest wait a `Retry-After` may impose (longer ones are cut to this).
    pub max_retry_wait: Duration,
    /// Retries after 429/503 with `Retry-After`.
    pub max_retries: u32,
    pub max_redirects: usize,
    /// Bytes of a page read at most: titles are near the top, and a server
    /// that streams forever must not hold us.
    pub body_cap: usize,
}

impl Settings {
    /// Production defaults with the deployment's contact in the User-Agent.
    pub fn new(contact: Option<&str>) -> Settings {
        let contact = contact.unwrap_or("contact not configured");
        Settings {
            user_agent: format!(
                "signpost-linkcheck/{} (+{contact})",
                env!("CARGO_PKG_VERSION")
            ),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            concurrency: 8,
            per_host: 2,
            max_retry_wait: Duration::from_secs(30),
            max_retries: 2,
            max_redirects: 10,
            body_cap: 256 * 1024,
        }
    }

    /// The settings `[links]` of `signpost.toml` asks for.
    pub fn from_config(c: &crate::config::LinksConfig) -> Settings {
        Settings {
            connect_timeout: c.connect_timeout,
            timeout: c.timeout,
            concurrency: c.concurrency,
            per_host: c.per_host,
            max_retry_wait: c.max_retry_wait,
            ..Settings::new(c.contact.as_deref())
        }
    }
}

/// One client and the per-host limits, shared by every check of a run.
pub struct Prober {
    client: Client,
    settings: Settings,
    hosts: Mutex<HashMap<String, Arc<Semaphore>>>,
}

impl Prober {
    pub fn new(settings: Settings) -> Result<Prober, LinkError> {
        let client = Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(settings.user_agent.clone())
            .connect_timeout(settings.connect_timeout)
            .timeout(settings.timeout)
            .build()
            .map_err(|e| LinkError::Client(e.to_string()))?;
        Ok(Prober {
            client,
            settings,
            hosts: Mutex::new(HashMap::new()),
        })
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Everything one URL answers: HEAD, then GET unless HEAD settled it.
    pub async fn probe(&self, url: &str) -> Probe {
        let Ok(url) = Url::parse(url) else {
            let end = End::Failed(Failure::Transport(Transport::Other, "invalid URL".into()));
            return Probe { chain: vec![], end };
        };
        let head = self.follow(Method::HEAD, url.clone()).await;
        if head_settles(&head) {
            return head;
        }
        self.follow(Method::GET, url).await
    }

    /// Follow redirects by hand, recording each hop.
    async fn follow(&self, method: Method, mut url: Url) -> Probe {
        let mut chain: Vec<Hop> = Vec::new();
        for _ in 0..=self.settings.max_redirects {
            let (response, permit) = match self.request(&method, &url).await {
                Ok(r) => r,
                Err(f) => {
                    return Probe {
                        chain,
                        end: End::Failed(f),
                    };
                }
            };
            let status = response.status().as_u16();
            let html = is_html(&response);
            chain.push(Hop {
                url: url.to_string(),
                status,
            });
            if response.status().is_redirection() {
                let Some(next) = location(&response, &url) else {
                    let end = End::Failed(Failure::BadRedirect);
                    return Probe { chain, end };
                };
                if chain.iter().any(|h| h.url == next.as_str()) {
                    let end = End::Failed(Failure::RedirectLoop);
                    return Probe { chain, end };
                }
                url = next;
                continue;
            }
            let body = if method == Method::GET && wants_body(status) {
                Some(self.read_capped(response).await)
            } else {
                None
            };
            drop(permit);
            let end = End::Response { status, html, body };
            return Probe { chain, end };
        }
        let end = End::Failed(Failure::TooManyRedirects);
        Probe { chain, end }
    }

    /// One request with its host's permit, retried while the server asks
    /// us to come back later (within the budget).
    async fn request(
        &self,
        method: &Method,
        url: &Url,
    ) -> Result<(Response, OwnedSemaphorePermit), Failure> {
        let mut retries = 0;
        loop {
            let permit = self.host_permit(url).await;
            let response = self
                .client
                .request(method.clone(), url.clone())
                .send()
                .await
                .map_err(transport_failure)?;
            let Some(wait) = self.retry_wait(&response) else {
                return Ok((response, permit));
            };
            if retries >= self.settings.max_retries {
                return Err(Failure::TooManyRetries);
            }
            retries += 1;
            drop((response, permit));
            tracing::debug!(url = %url, wait_ms = wait.as_millis() as u64, "retry after");
            tokio::time::sleep(wait).await;
        }
    }

    /// The wait a 429/503 asks for, capped; `None` when not asked to retry.
    fn retry_wait(&self, response: &Response) -> Option<Duration> {
        if !matches!(response.status().as_u16(), 429 | 503) {
            return None;
        }
        let value = response.headers().get(header::RETRY_AFTER)?.to_str().ok()?;
        let wait = parse::retry_after(value, time::OffsetDateTime::now_utc())?;
        Some(wait.min(self.settings.max_retry_wait))
    }

    async fn host_permit(&self, url: &Url) -> OwnedSemaphorePermit {
        let key = format!(
            "{}:{}",
            url.host_str().unwrap_or(""),
            url.port_or_known_default().unwrap_or(0)
        );
        let semaphore = {
            let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
            hosts
                .entry(key)
                .or_insert_with(|| Arc::new(Semaphore::new(self.settings.per_host.max(1))))
                .clone()
        };
        semaphore
            .acquire_owned()
            .await
            .expect("host semaphores are never closed")
    }

    /// The start of a body, at most `body_cap` bytes; a read that fails
    /// part way keeps what came.
    async fn read_capped(&self, mut response: Response) -> Vec<u8> {
        let cap = self.settings.body_cap;
        let mut body = Vec::new();
        while let Ok(Some(chunk)) = response.chunk().await {
            let room = cap - body.len();
            body.extend_from_slice(&chunk[..chunk.len().min(room)]);
            if body.len() >= cap {
                break;
            }
        }
        body
    }
}

/// Whether HEAD's answer stands without a GET: a non-HTML success, or a
/// failure a GET would only repeat (and wait for again).
fn head_settles(probe: &Probe) -> bool {
    match &probe.end {
        End::Response { status, html, .. } => (200..300).contains(status) && !html,
        End::Failed(Failure::Transport(Transport::Timeout | Transport::Dns, _)) => true,
        End::Failed(Failure::RedirectLoop | Failure::TooManyRedirects) => true,
        End::Failed(Failure::TooManyRetries) => true,
        End::Failed(_) => false,
    }
}

/// Statuses whose page is read: successes (soft-404, bot checks) and the
/// refusals that bot-protection services answer with.
fn wants_body(status: u16) -> bool {
    (200..300).contains(&status) || matches!(status, 401 | 403 | 429 | 503)
}

/// Whether a response may be a web page: HTML, or a type not given.
fn is_html(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|v| v.to_ascii_lowercase().contains("html"))
}

fn location(response: &Response, base: &Url) -> Option<Url> {
    let value = response.headers().get(header::LOCATION)?.to_str().ok()?;
    base.join(value.trim()).ok()
}

fn transport_failure(e: reqwest::Error) -> Failure {
    let mut messages = vec![e.to_string()];
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        messages.push(s.to_string());
        source = s.source();
    }
    let kind = parse::transport(&messages, e.is_timeout());
    let detail = messages.last().cloned().unwrap_or_default();
    Failure::Transport(kind, detail)
}
