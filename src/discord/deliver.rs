//! Getting an answer to the patient despite a flaky network or Discord.
//!
//! Every send of an answer or crisis note goes through [`with_retry`]: server
//! errors (5xx), a 429 that reached us (the ratelimiter is off behind a
//! proxy) and timeouts are tried again with backoff and jitter, at most
//! [`TRIES`] times within about [`BUDGET`]. Channel messages carry a nonce
//! that Discord enforces, so a retry of a send that did land never posts
//! twice; an interaction can only be answered once, so a retry there is safe
//! too. Client errors (4xx) are final: trying again cannot fix them.

use std::future::Future;
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serenity::all::HttpError;

/// Most attempts per send.
pub const TRIES: u32 = 3;
/// No retry starts after this long from the first attempt.
pub const BUDGET: Duration = Duration::from_secs(10);
/// Connect and whole-request timeouts for every REST call.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

/// The HTTP client handed to serenity: rustls, with timeouts so a stalled
/// request cannot hang its task forever.
pub fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .use_rustls_tls()
        .connect_timeout(CONNECT_TIMEOUT)
        .timeout(REQUEST_TIMEOUT)
        .build()
        .unwrap_or_else(|e| {
            tracing::error!(error = %e, "cannot build the HTTP client with timeouts; using the default");
            reqwest::Client::new()
        })
}

/// Whether another attempt may succeed.
pub fn retryable(e: &serenity::Error) -> bool {
    match e {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) => {
            r.status_code.is_server_error() || r.status_code == StatusCode::TOO_MANY_REQUESTS
        }
        serenity::Error::Http(HttpError::Request(r)) => r.is_timeout() || r.is_connect(),
        _ => false,
    }
}

/// Whether Discord answered 429 Too Many Requests.
fn rate_limited(e: &serenity::Error) -> bool {
    matches!(e, serenity::Error::Http(HttpError::UnsuccessfulRequest(r))
        if r.status_code == StatusCode::TOO_MANY_REQUESTS)
}

/// Run `attempt` until it succeeds, fails for good, or the tries or time
/// budget run out. `what` names the send in logs (never its content).
pub async fn with_retry<T, F, Fut>(what: &'static str, mut attempt: F) -> Result<T, serenity::Error>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, serenity::Error>>,
{
    let started = Instant::now();
    let mut tries = 0;
    loop {
        tries += 1;
        let result = attempt().await;
        if let Err(e) = &result {
            crate::ops::METRICS.rest_failed(rate_limited(e));
        }
        match result {
            Ok(v) => return Ok(v),
            Err(e) if tries < TRIES && retryable(&e) && started.elapsed() < BUDGET => {
                let wait = backoff(tries);
                tracing::warn!(what, tries, error = %e, wait_ms = wait.as_millis() as u64, "send failed; retrying");
                tokio::time::sleep(wait).await;
            }
            Err(e) => return Err(e),
        }
    }
}

/// 250 ms, 500 ms, 1 s… plus up to 250 ms of jitter so retries from many
/// tasks do not arrive together.
fn backoff(tries: u32) -> Duration {
    let base = Duration::from_millis(250) * 2u32.pow(tries.saturating_sub(1).min(4));
    let jitter = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos() % 250_000_000);
    base + Duration::from_nanos(u64::from(jitter))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn retries_server_errors_then_gives_up() {
        let mut calls = 0;
        let r: Result<(), _> = with_retry("test", || {
            calls += 1;
            async { Err(serenity::Error::Other("not retryable")) }
        })
        .await;
        assert!(r.is_err());
        assert_eq!(calls, 1, "other errors are final");
    }

    #[test]
    fn backoff_grows_and_stays_bounded() {
        assert!(backoff(1) < Duration::from_millis(500));
        assert!(backoff(2) >= Duration::from_millis(500));
        assert!(backoff(20) <= Duration::from_millis(4_250));
    }
}
