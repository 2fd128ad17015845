//! `[links]` of `signpost.toml`: how `signpost links` treats the sites it
//! checks.

use std::time::Duration;

use serde::Deserialize;

/// Settings of the link checker (`[links]`).
#[derive(Debug, Clone, PartialEq)]
pub struct LinksConfig {
    /// Who runs this deployment (a URL or an email address), sent in the
    /// User-Agent so a site owner who sees the checker can reach us.
    pub contact: Option<String>,
    pub connect_timeout: Duration,
    /// Whole request, body included.
    pub timeout: Duration,
    /// URLs checked at once.
    pub concurrency: usize,
    /// Requests at once to one host.
    pub per_host: usize,
    /// Longest wait a `Retry-After` header may impose.
    pub max_retry_wait: Duration,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLinks {
    contact: Option<String>,
    connect_timeout_seconds: Option<f64>,
    timeout_seconds: Option<f64>,
    concurrency: Option<usize>,
    per_host: Option<usize>,
    max_retry_wait_seconds: Option<f64>,
}

impl RawLinks {
    /// Fill defaults and check ranges: (key, why) for the first bad value.
    pub(super) fn validate(self) -> Result<LinksConfig, (&'static str, String)> {
        let seconds = |key: &'static str, v: Option<f64>, default: f64, min: f64, max: f64| {
            let v = v.unwrap_or(default);
            if !(min..=max).contains(&v) {
                return Err((key, format!("must be between {min} and {max} seconds")));
            }
            Ok(Duration::from_secs_f64(v))
        };
        let count = |key: &'static str, v: Option<usize>, default: usize, max: usize| {
            let v = v.unwrap_or(default);
            if !(1..=max).contains(&v) {
                return Err((key, format!("must be between 1 and {max}")));
            }
            Ok(v)
        };
        Ok(LinksConfig {
            contact: self
                .contact
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty()),
            connect_timeout: seconds(
                "links.connect_timeout_seconds",
                self.connect_timeout_seconds,
                10.0,
                0.05,
                120.0,
            )?,
            timeout: seconds(
                "links.timeout_seconds",
                self.timeout_seconds,
                30.0,
                0.05,
                600.0,
            )?,
            concurrency: count("links.concurrency", self.concurrency, 8, 64)?,
            per_host: count("links.per_host", self.per_host, 2, 16)?,
            max_retry_wait: seconds(
                "links.max_retry_wait_seconds",
                self.max_retry_wait_seconds,
                30.0,
                0.0,
                600.0,
            )?,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::config::{Config, ConfigError};

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::from_toml(text, Path::new("signpost.toml"), None)
    }

    #[test]
    fn links_settings_have_defaults_and_bounds() {
        let c = parse("").unwrap().links;
        assert_eq!(c.per_host, 2);
        assert_eq!(c.max_retry_wait, Duration::from_secs(30));
        assert_eq!(c.contact, None);
        let c = parse("[links]\ncontact = \" ops@example.org \"\ntimeout_seconds = 0.3\n")
            .unwrap()
            .links;
        assert_eq!(c.contact.as_deref(), Some("ops@example.org"));
        assert_eq!(c.timeout, Duration::from_millis(300));
        for (toml, key) in [
            ("[links]\nper_host = 0\n", "links.per_host"),
            ("[links]\nconcurrency = 1000\n", "links.concurrency"),
            ("[links]\ntimeout_seconds = -1\n", "links.timeout_seconds"),
        ] {
            let e = parse(toml).unwrap_err().to_string();
            assert!(e.contains(key), "{e}");
        }
    }
}
