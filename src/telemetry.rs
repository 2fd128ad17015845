//! Log output: pretty for a terminal or JSON lines, filtered by `RUST_LOG`.
//!
//! Spans and events of this crate carry ids, counts and timings only. Other
//! crates do not promise that: serenity logs a gateway payload it cannot
//! parse (message text, user names) at `warn`, and its `debug` events and
//! request spans carry whole messages. So, unless the operator passes
//! `--unsafe-debug-logs`, every event from another crate is written with its
//! level, target and source line but none of its fields or spans, whatever
//! `RUST_LOG` says, and a panic is logged with its place and thread only (a
//! panic message can quote the text being processed).

use std::fmt;
use std::io;

use tracing::{Event, Subscriber};
use tracing_subscriber::Layer;
use tracing_subscriber::filter::{EnvFilter, LevelFilter, filter_fn};
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::{FmtContext, FormatEvent, FormatFields, MakeWriter};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::util::SubscriberInitExt;

use crate::config::LogFormat;

/// The default filter for this crate's own events.
const DEFAULT_FILTER: &str = "info";

/// Install the global subscriber and the panic hook (once; later calls are
/// ignored). `unsafe_debug` shows other crates' logs in full, payloads and
/// all: for debugging on a test server, never with real patients.
pub fn init(format: LogFormat, unsafe_debug: bool) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    let _ = tracing_subscriber::registry()
        .with(layer(format, unsafe_debug, io::stderr, filter))
        .try_init();
    install_panic_hook();
}

/// The logging layer, writing to `writer`: this crate's events as `filter`
/// allows, other crates' at `warn` and above with their details withheld.
/// Tests stack it with their own capture.
pub fn layer<S, W>(
    format: LogFormat,
    unsafe_debug: bool,
    writer: W,
    filter: EnvFilter,
) -> Vec<Box<dyn Layer<S> + Send + Sync>>
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    W: for<'w> MakeWriter<'w> + Clone + Send + Sync + 'static,
{
    let ours = tracing_subscriber::fmt::layer()
        .with_writer(writer.clone())
        .with_ansi(false);
    let ours = match format {
        LogFormat::Pretty => ours.boxed(),
        LogFormat::Json => ours.json().boxed(),
    };
    let ours = ours
        .with_filter(filter)
        .with_filter(filter_fn(move |m| unsafe_debug || is_ours(m.target())));
    let theirs = tracing_subscriber::fmt::layer()
        .with_writer(writer)
        .event_format(Withheld { format })
        .with_filter(LevelFilter::WARN)
        .with_filter(filter_fn(move |m| !unsafe_debug && !is_ours(m.target())));
    vec![ours.boxed(), theirs.boxed()]
}

fn is_ours(target: &str) -> bool {
    target == "signpost" || target.starts_with("signpost::")
}

/// Writes another crate's event without its fields or spans.
struct Withheld {
    format: LogFormat,
}

const WITHHELD: &str =
    "details withheld: they may contain message text (--unsafe-debug-logs shows them)";

impl<S, N> FormatEvent<S, N> for Withheld
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    N: for<'a> FormatFields<'a> + 'static,
{
    fn format_event(
        &self,
        _ctx: &FmtContext<'_, S, N>,
        mut writer: Writer<'_>,
        event: &Event<'_>,
    ) -> fmt::Result {
        let m = event.metadata();
        let place = format!("{}:{}", m.file().unwrap_or("?"), m.line().unwrap_or(0));
        match self.format {
            LogFormat::Json => {
                let line = serde_json::json!({
                    "level": m.level().as_str(),
                    "target": m.target(),
                    "source": place,
                    "message": WITHHELD,
                });
                writeln!(writer, "{line}")
            }
            LogFormat::Pretty => {
                writeln!(writer, "{} {} ({place}): {WITHHELD}", m.level(), m.target())
            }
        }
    }
}

/// Log panics through tracing with their place and thread, never their
/// message.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let thread = std::thread::current()
            .name()
            .unwrap_or("unnamed")
            .to_string();
        tracing::error!(%place, %thread, "panic (message withheld: it may quote message text)");
    }));
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    #[derive(Clone, Default)]
    struct Buffer(Arc<Mutex<Vec<u8>>>);

    impl io::Write for Buffer {
        fn write(&mut self, b: &[u8]) -> io::Result<usize> {
            self.0.lock().expect("buffer").extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    impl<'w> MakeWriter<'w> for Buffer {
        type Writer = Buffer;
        fn make_writer(&'w self) -> Buffer {
            self.clone()
        }
    }

    fn captured(format: LogFormat, unsafe_debug: bool) -> String {
        let buf = Buffer::default();
        let sub = tracing_subscriber::registry().with(layer(
            format,
            unsafe_debug,
            buf.clone(),
            EnvFilter::new("trace"),
        ));
        tracing::subscriber::with_default(sub, || {
            let span = tracing::info_span!(target: "serenity::http", "send", map = "MARKER-span");
            let _g = span.enter();
            tracing::warn!(target: "serenity::gateway::ws", "Err deserializing text: MARKER-warn");
            tracing::error!(target: "serenity::client", why = "MARKER-field", "failed");
            tracing::debug!(target: "serenity::gateway", "MARKER-debug");
            tracing::warn!(target: "signpost::discord", message_id = 7u64, "send failed");
        });
        let out = buf.0.lock().expect("buffer").clone();
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn other_crates_never_log_their_fields() {
        for format in [LogFormat::Pretty, LogFormat::Json] {
            let out = captured(format, false);
            assert!(!out.contains("MARKER"), "{out}");
            assert!(out.contains("serenity::gateway::ws"), "{out}");
            assert!(out.contains("details withheld"), "{out}");
            assert!(out.contains("message_id"), "our own events stay: {out}");
        }
    }

    #[test]
    fn unsafe_debug_logs_show_them() {
        assert!(captured(LogFormat::Pretty, true).contains("MARKER-warn"));
    }
}
