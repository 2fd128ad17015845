//! `[ops]` of `signpost.toml`: where the operators' endpoints listen.

use std::net::SocketAddr;

use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOps {
    listen: Option<String>,
}

impl RawOps {
    /// The address for `/metrics`, `/healthz` and `/readyz` (`None`: off).
    pub(super) fn listen(&self) -> Result<Option<SocketAddr>, (&'static str, String)> {
        match self
            .listen
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => Ok(None),
            Some(s) => s.parse().map(Some).map_err(|_| {
                (
                    "ops.listen",
                    "must be an IP address and port, e.g. 127.0.0.1:9187".to_string(),
                )
            }),
        }
    }
}
