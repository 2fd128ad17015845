//! Run the production `serve` path against a [`FakeDiscord`].

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use signpost::config::Config;
use signpost::discord::{Parts, ServeError};
use signpost::store::{CountsStore, SettingsStore};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use super::fake_discord::FakeDiscord;

/// Files one bot (or a bot and its restart) uses: database, catalog, index.
pub struct Files {
    pub dir: tempfile::TempDir,
}

impl Files {
    /// A temp dir with a copy of `tests/fixtures/resources`.
    pub fn new() -> Files {
        Files::with_catalog(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/resources"))
    }

    /// A temp dir with a copy of the catalog in `resources`.
    pub fn with_catalog(resources: &Path) -> Files {
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("resources");
        std::fs::create_dir_all(&copy).unwrap();
        copy_dir(resources, &copy);
        Files { dir }
    }
    pub fn database(&self) -> PathBuf {
        self.dir.path().join("data/signpost.db")
    }
    pub fn resources(&self) -> PathBuf {
        self.dir.path().join("resources")
    }
    pub fn index(&self) -> PathBuf {
        self.dir.path().join("index")
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Knobs the scenarios change; everything else is the production default.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub user_cooldown_secs: u64,
    pub channel_cooldown_secs: u64,
    pub duplicate_minutes: u64,
    pub message_content: bool,
    /// Post the review digest to this channel (`[digest] channel`).
    pub digest_channel: Option<u64>,
    /// Serve `/metrics`, `/healthz`, `/readyz` here (`[ops] listen`).
    pub ops_listen: Option<std::net::SocketAddr>,
    /// The shards to run (`serve --shards`).
    pub shards: signpost::config::ShardPlan,
}

/// A running bot; [`Bot::stop`] shuts it down like SIGTERM would.
pub struct Bot {
    shutdown: Option<oneshot::Sender<()>>,
    join: JoinHandle<Result<(), ServeError>>,
}

/// Everything the bot's logging layer writes, at every level of its own
/// events, for privacy checks: no question text may ever appear in it.
static CAPTURED: Mutex<Vec<u8>> = Mutex::new(Vec::new());

/// Our own crate at its most verbose (other crates: `warn`, details withheld).
const CAPTURE_FILTER: &str = "trace";

#[derive(Clone, Copy)]
struct Capture;

impl std::io::Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        CAPTURED
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// All log output captured so far in this test binary.
pub fn captured_logs() -> String {
    String::from_utf8_lossy(&CAPTURED.lock().unwrap_or_else(|p| p.into_inner())).into_owned()
}

/// Test-writer logs filtered by `RUST_LOG`, plus the capture (once per binary).
pub fn init_tracing() {
    use tracing_subscriber::prelude::*;
    use tracing_subscriber::{EnvFilter, fmt};
    let shown = fmt::layer()
        .with_test_writer()
        .with_filter(EnvFilter::from_default_env());
    // What the bot itself writes: its own events at every level, other
    // crates' with their details withheld (signpost::telemetry).
    let captured = signpost::telemetry::layer(
        signpost::config::LogFormat::Json,
        false,
        || Capture,
        EnvFilter::new(CAPTURE_FILTER),
    );
    let _ = tracing_subscriber::registry()
        .with(captured)
        .with(shown)
        .try_init();
}

pub fn config(fake: &FakeDiscord, files: &Files, o: &Options) -> Config {
    let text = config_toml(fake, files, o);
    let mut config =
        Config::from_toml(&text, Path::new("e2e.toml"), Some("fake-token".into())).unwrap();
    config.shards = o.shards;
    config
}

/// The `signpost.toml` of a bot on `files` talking to `fake` (shards and
/// token are given separately).
pub fn config_toml(fake: &FakeDiscord, files: &Files, o: &Options) -> String {
    format!(
        r#"
[paths]
resources = {resources:?}
index = {index:?}
database = {database:?}
[discord]
{api}
message_content_intent = {mc}
[cooldowns]
user_seconds = {user}
channel_seconds = {channel}
duplicate_minutes = {dup}
{digest}
"#,
        resources = files.resources().display().to_string(),
        index = files.index().display().to_string(),
        database = files.database().display().to_string(),
        // The HTTPS fake is reached as discord.com itself (see tls.rs).
        api = if fake.is_https() {
            String::new()
        } else {
            format!("api_base_url = \"{}\"", fake.base_url())
        },
        mc = o.message_content,
        user = o.user_cooldown_secs,
        channel = o.channel_cooldown_secs,
        dup = o.duplicate_minutes,
        digest = o
            .digest_channel
            .map(|c| format!("[digest]\nchannel = {c}"))
            .unwrap_or_default()
            + &o.ops_listen
                .map(|a| format!("\n[ops]\nlisten = \"{a}\""))
                .unwrap_or_default(),
    )
}

impl Bot {
    /// Start `serve` and wait until it registered its commands (poise setup done).
    pub async fn start(fake: &FakeDiscord, files: &Files, o: Options) -> Bot {
        Bot::start_with(fake, files, o, None).await
    }

    /// [`Bot::start`] with the settings store given (to slow or fail it).
    pub async fn start_with(
        fake: &FakeDiscord,
        files: &Files,
        o: Options,
        store: Option<Arc<dyn SettingsStore>>,
    ) -> Bot {
        let parts = Parts {
            store,
            ..Parts::default()
        };
        Bot::start_parts(fake, files, o, parts).await
    }

    /// [`Bot::start`] with the daily counters given (to fail them).
    pub async fn start_with_counts(
        fake: &FakeDiscord,
        files: &Files,
        o: Options,
        counts: Arc<dyn CountsStore>,
    ) -> Bot {
        let parts = Parts {
            counts: Some(counts),
            ..Parts::default()
        };
        Bot::start_parts(fake, files, o, parts).await
    }

    async fn start_parts(fake: &FakeDiscord, files: &Files, o: Options, mut parts: Parts) -> Bot {
        init_tracing();
        let before = fake.requests().iter().filter(|r| r.method == "PUT").count();
        let config = config(fake, files, &o);
        if let Some(client) = &fake.tls_client {
            parts.http_client = client.clone();
        }
        let (tx, rx) = oneshot::channel::<()>();
        let join = tokio::spawn(signpost::discord::serve_with(config, parts, async move {
            let _ = rx.await;
        }));
        fake.wait_until("command registration", || {
            let n = fake.requests().iter().filter(|r| r.method == "PUT").count();
            (n > before).then_some(())
        })
        .await;
        Bot {
            shutdown: Some(tx),
            join,
        }
    }

    /// Wait for `serve` to end on its own; returns what it returned.
    pub async fn wait(mut self) -> Result<(), ServeError> {
        let _keep = self.shutdown.take(); // dropping it would ask serve to stop
        (&mut self.join).await.expect("serve panicked")
    }

    /// Graceful shutdown; returns what `serve` returned.
    pub async fn stop(mut self) -> Result<(), ServeError> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        (&mut self.join).await.expect("serve panicked")
    }
}

impl Drop for Bot {
    fn drop(&mut self) {
        self.join.abort();
    }
}

/// `signpost serve` as a process of its own (the binary at `bin`), on
/// `files` with the settings text `config`, the database at `db_url` and
/// shards `range` (`A-B`) of `total`; the caller chooses where output goes.
pub fn serve_process(
    bin: &Path,
    files: &Files,
    config: &str,
    db_url: &str,
    range: &str,
    total: u64,
) -> std::process::Command {
    let path = files.dir.path().join("signpost.toml");
    std::fs::write(&path, config).unwrap();
    let mut cmd = std::process::Command::new(bin);
    cmd.args(["serve", "--config"])
        .arg(&path)
        .args(["--shards", range, "--shard-total", &total.to_string()])
        .current_dir(files.dir.path())
        .env("DISCORD_TOKEN", "fake-token")
        .env("DATABASE_URL", db_url)
        .env_remove("RUST_LOG")
        .stdout(std::process::Stdio::null());
    cmd
}
