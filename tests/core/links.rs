//! `signpost links` against a local site on 127.0.0.1: every verdict, the
//! body cap, `Retry-After`, `--fix` and the state `check` reads. Nothing
//! here reaches the internet.

use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use signpost::links::{self, LinkReport, Settings, Target, Verdict};

use super::support::Workspace;

/// What the site counts: requests to `/busy`, bytes of `/endless` sent,
/// requests to `/hold/*` in flight now and at most.
#[derive(Clone, Default)]
struct Counters {
    busy: Arc<AtomicUsize>,
    streamed: Arc<AtomicUsize>,
    holding: Arc<AtomicUsize>,
    most_held: Arc<AtomicUsize>,
}

/// A page that takes a moment, noting how many requests overlap.
async fn hold(State(c): State<Counters>) -> Response {
    let now = c.holding.fetch_add(1, Ordering::SeqCst) + 1;
    c.most_held.fetch_max(now, Ordering::SeqCst);
    tokio::time::sleep(Duration::from_millis(50)).await;
    c.holding.fetch_sub(1, Ordering::SeqCst);
    ([(header::CONTENT_TYPE, "application/pdf")], "%PDF").into_response()
}

/// 200 only for a User-Agent naming the checker and the contact.
async fn ua(headers: HeaderMap) -> StatusCode {
    let ua = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if ua.starts_with("signpost-linkcheck/") && ua.contains("tests@example.invalid") {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    }
}

fn html(status: StatusCode, body: &'static [u8]) -> Response {
    (status, [(header::CONTENT_TYPE, "text/html")], body).into_response()
}

fn redirect(status: StatusCode, to: &'static str) -> Response {
    (status, [(header::LOCATION, to)]).into_response()
}

async fn busy(State(c): State<Counters>) -> Response {
    if c.busy.fetch_add(1, Ordering::SeqCst) == 0 {
        return (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "1")]).into_response();
    }
    html(StatusCode::OK, b"<title>Busy but fine</title>")
}

/// 64 KB chunks for ever, counting what was sent.
async fn endless(State(c): State<Counters>) -> Response {
    let chunk = Bytes::from(vec![b'a'; 64 * 1024]);
    let stream = futures_util::stream::unfold((), move |()| {
        let (chunk, sent) = (chunk.clone(), c.streamed.clone());
        async move {
            sent.fetch_add(chunk.len(), Ordering::SeqCst);
            Some((Ok::<_, std::io::Error>(chunk), ()))
        }
    });
    let head = "<html><head><title>Endless</title></head><body>";
    let body =
        futures_util::StreamExt::chain(futures_util::stream::iter([Ok(Bytes::from(head))]), stream);
    let mut headers = HeaderMap::new();
    headers.insert(header::CONTENT_TYPE, "text/html".parse().unwrap());
    (headers, Body::from_stream(body)).into_response()
}

fn site(counters: Counters) -> Router {
    use StatusCode as S;
    Router::new()
        .route(
            "/ok",
            get(|| async { html(S::OK, b"<title>Asthma - NHS</title>") }),
        )
        .route(
            "/pdf",
            get(|| async { ([(header::CONTENT_TYPE, "application/pdf")], "%PDF") }),
        )
        .route("/temp", get(|| async { redirect(S::FOUND, "/ok") }))
        .route(
            "/moved",
            get(|| async { redirect(S::MOVED_PERMANENTLY, "/moved-again") }),
        )
        .route(
            "/moved-again",
            get(|| async { redirect(S::PERMANENT_REDIRECT, "/ok") }),
        )
        .route(
            "/loop-a",
            get(|| async { redirect(S::MOVED_PERMANENTLY, "/loop-b") }),
        )
        .route("/loop-b", get(|| async { redirect(S::FOUND, "/loop-a") }))
        .route(
            "/gone",
            get(|| async { html(S::NOT_FOUND, b"<title>Gone</title>") }),
        )
        .route("/gone-for-good", get(|| async { S::GONE }))
        .route(
            "/bot",
            get(|| async {
                html(
                    S::FORBIDDEN,
                    b"<title>Just a moment...</title><div id=cf-chl-widget>",
                )
            }),
        )
        .route(
            "/soft",
            get(|| async {
                html(
                    S::OK,
                    b"<title>Example</title><h1>Sorry, page not found</h1>",
                )
            }),
        )
        .route(
            "/latin1",
            get(|| async { html(S::OK, b"<title>Caf\xe9 \xff introuvable - 404</title>") }),
        )
        .route(
            "/latin1-ok",
            get(|| async { html(S::OK, b"<title>Diab\xe8te \xff</title>") }),
        )
        .route(
            "/no-head",
            get(|| async { html(S::OK, b"<title>Fine</title>") })
                .head(|| async { S::METHOD_NOT_ALLOWED }),
        )
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(30)).await;
                html(S::OK, b"<title>Late</title>")
            }),
        )
        .route("/busy", get(busy))
        .route("/hold/:n", get(hold))
        .route("/ua", get(ua))
        .route("/endless", get(endless))
        .with_state(counters)
}

/// Serve the site on 127.0.0.1, port 0; its base URL.
async fn serve(counters: Counters) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, site(counters)).await.unwrap() });
    format!("http://{addr}")
}

/// Fast test settings: a retry wait capped at 100 ms.
fn settings() -> Settings {
    Settings {
        max_retry_wait: Duration::from_millis(100),
        ..Settings::new(Some("tests@example.invalid"))
    }
}

fn target(base: &str, path: &str) -> Target {
    Target {
        id: path.trim_start_matches('/').to_string(),
        url: format!("{base}{path}"),
        file: "library/test.toml".into(),
        line: 1,
    }
}

async fn check(base: &str, paths: &[&str], settings: Settings) -> HashMap<String, LinkReport> {
    let targets: Vec<Target> = paths.iter().map(|p| target(base, p)).collect();
    let reports = links::check_all(&targets, settings).await.unwrap();
    reports.into_iter().map(|r| (r.id.clone(), r)).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_verdict_from_a_local_site() {
    let counters = Counters::default();
    let base = serve(counters.clone()).await;
    let paths = [
        "/ok",
        "/pdf",
        "/temp",
        "/moved",
        "/loop-a",
        "/gone",
        "/gone-for-good",
        "/bot",
        "/soft",
        "/latin1",
        "/latin1-ok",
        "/no-head",
        "/busy",
        "/ua",
    ];
    let r = check(&base, &paths, settings()).await;
    let verdict = |id: &str| r[id].verdict;
    for id in ["ok", "pdf", "temp", "latin1-ok", "no-head", "busy", "ua"] {
        assert_eq!(verdict(id), Verdict::Ok, "{id}: {:?}", r[id]);
    }
    assert_eq!(r["temp"].final_url, Some(format!("{base}/ok")));
    assert_eq!(r["temp"].chain.len(), 2);
    assert_eq!(verdict("moved"), Verdict::Redirected);
    assert_eq!(r["moved"].final_url, Some(format!("{base}/ok")));
    assert_eq!(r["moved"].fix_to, Some(format!("{base}/ok")));
    assert_eq!(r["moved"].chain.len(), 3);
    assert_eq!(verdict("loop-a"), Verdict::Unreachable);
    assert!(r["loop-a"].note.contains("loop"), "{:?}", r["loop-a"]);
    assert_eq!(
        (verdict("gone"), r["gone"].status),
        (Verdict::Broken, Some(404))
    );
    assert_eq!(verdict("gone-for-good"), Verdict::Broken);
    assert_eq!(verdict("bot"), Verdict::Blocked);
    assert!(r["bot"].note.contains("bot-check"), "{:?}", r["bot"]);
    assert_eq!(verdict("soft"), Verdict::Soft404);
    assert_eq!(verdict("latin1"), Verdict::Soft404);
    // HEAD: one 429 with Retry-After: 1, retried; then a GET for the page.
    assert_eq!(counters.busy.load(Ordering::SeqCst), 3);
    assert_eq!(r["busy"].status, Some(200));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_host_gets_at_most_per_host_requests_at_once() {
    let counters = Counters::default();
    let base = serve(counters.clone()).await;
    let paths: Vec<String> = (0..8).map(|n| format!("/hold/{n}")).collect();
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    let r = check(&base, &paths, settings()).await;
    assert!(r.values().all(|r| r.verdict == Verdict::Ok));
    let most = counters.most_held.load(Ordering::SeqCst);
    assert!((1..=2).contains(&most), "{most} requests at once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_server_is_unreachable_past_the_timeout() {
    let base = serve(Counters::default()).await;
    let short = Settings {
        timeout: Duration::from_millis(300),
        ..settings()
    };
    let r = check(&base, &["/slow"], short).await;
    assert_eq!(r["slow"].verdict, Verdict::Unreachable);
    assert_eq!(r["slow"].status, None);
    assert!(r["slow"].note.contains("timed out"), "{:?}", r["slow"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_endless_body_is_read_only_up_to_the_cap() {
    let counters = Counters::default();
    let base = serve(counters.clone()).await;
    let r = check(&base, &["/endless"], settings()).await;
    assert_eq!(r["endless"].verdict, Verdict::Ok, "{:?}", r["endless"]);
    // Give the server a moment to notice the closed connection.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let sent = counters.streamed.load(Ordering::SeqCst);
    // The cap is 256 KB; socket buffers hold a few MB at most.
    assert!(
        sent < 16 * 1024 * 1024,
        "server kept streaming: {sent} bytes"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_connections_are_unreachable() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let r = check(&format!("http://{addr}"), &["/x"], settings()).await;
    assert_eq!(r["x"].verdict, Verdict::Unreachable);
}

/// A library file with comments, odd spacing and both quote styles.
fn library(base: &str) -> String {
    format!(
        "# Heart pages   (keep this comment)\n\n\
         [[resource]]   # moved\nid    = \"moved\"\n\
         url =   \"{base}/moved\"    # trailing comment\ntitle = 'Moved'\n\n\n\
         [[resource]]\n  url='{base}/ok'\n  id = \"fine\"\n\
         [[resource]]\nid = \"gone\"\nkeywords = [ \"a\",\n   \"b\" ]\nurl = \"{base}/gone\"\n\
         [[resource]]\nid = \"moved-too\"\nurl = '{base}/moved'\n"
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fix_rewrites_only_the_moved_urls() {
    let base = serve(Counters::default()).await;
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("library")).unwrap();
    let file = dir.path().join("library/heart.toml");
    let before = library(&base);
    std::fs::write(&file, &before).unwrap();

    let targets = links::read_targets(dir.path()).unwrap();
    assert_eq!(
        targets
            .iter()
            .map(|t| (t.id.as_str(), t.line))
            .collect::<Vec<_>>(),
        [("moved", 3), ("fine", 9), ("gone", 12), ("moved-too", 17)]
    );
    let reports = links::check_all(&targets, settings()).await.unwrap();
    let fixes = links::fixes_by_file(&reports);
    assert_eq!(fixes.len(), 1);
    let done = links::fix::fix_file(&fixes[0].0, &fixes[0].1)
        .unwrap()
        .unwrap();
    assert_eq!(done.lines.len(), 2);
    let after = std::fs::read_to_string(&file).unwrap();
    let expected = before
        .replace(&format!("\"{base}/moved\""), &format!("\"{base}/ok\""))
        .replace(&format!("'{base}/moved'"), &format!("'{base}/ok'"));
    assert_eq!(after, expected);
    let diff = links::fix::diff(&done);
    assert!(
        diff.contains(&format!("-url =   \"{base}/moved\"")),
        "{diff}"
    );
    assert!(diff.contains(&format!("+url =   \"{base}/ok\"")), "{diff}");
}

fn signpost(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_signpost"))
        .current_dir(dir)
        .env("SIGNPOST_TODAY", "2026-12-01")
        .args(args)
        .output()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_exits_1_on_broken_links_and_keeps_state() {
    let base = serve(Counters::default()).await;
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("resources/library")).unwrap();
    std::fs::write(dir.path().join("resources/library/a.toml"), library(&base)).unwrap();
    std::fs::write(
        dir.path().join("signpost.toml"),
        "[links]\ncontact = \"tests@example.invalid\"\nmax_retry_wait_seconds = 0.1\n",
    )
    .unwrap();
    let d = dir.path().to_path_buf();
    let run = move |args: &'static [&'static str]| {
        let d = d.clone();
        tokio::task::spawn_blocking(move || signpost(&d, args))
    };
    let out = run(&["links", "--json"]).await.unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[2]["id"], "gone");
    assert_eq!(lines[2]["verdict"], "broken");
    assert_eq!(lines[2]["line"], 12);
    let state = std::fs::read_to_string(dir.path().join("index/links-state.json")).unwrap();
    assert!(state.contains("first_failed"), "{state}");

    let fine = run(&["links", "--only", "fine", "moved"]).await.unwrap();
    assert_eq!(fine.status.code(), Some(0));
    let table = String::from_utf8(fine.stdout).unwrap();
    assert!(
        table.contains("redirected") && table.contains("fine"),
        "{table}"
    );
    let unknown = run(&["links", "--only", "nope"]).await.unwrap();
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn check_warns_about_links_found_broken() {
    let ws = Workspace::new();
    let catalog = signpost::catalog::load_dir(
        &ws.resources(),
        signpost::catalog::LoadOptions {
            today: signpost::catalog::parse_date("2026-12-01").unwrap(),
        },
    )
    .catalog
    .unwrap();
    let first = &catalog.resources[0];
    let index = ws.dir.path().join("index");
    std::fs::create_dir_all(&index).unwrap();
    let state = serde_json::json!({"version": 1, "urls": {first.url.clone(): {
        "last_checked": "2027-02-05T10:00:00Z", "last_verdict": "broken", "last_status": 404,
        "last_ok": "2027-01-01T10:00:00Z", "first_failed": "2027-02-03T10:00:00Z"}}});
    std::fs::write(index.join("links-state.json"), state.to_string()).unwrap();
    let out = signpost(ws.dir.path(), &["check"]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{err}");
    let file = Path::new(&first.file).strip_prefix(ws.dir.path()).unwrap();
    let wanted = format!(
        "{}:{}: warning: link of `{}` broken since 2027-02-03",
        file.display(),
        first.line,
        first.id
    );
    assert!(err.contains(&wanted), "{err}");

    let review = signpost(ws.dir.path(), &["review", "--within", "3650"]);
    let listed = String::from_utf8(review.stdout).unwrap();
    assert!(
        listed.contains(&format!("{}  ", first.id))
            && listed.contains("(link broken since 2027-02-03"),
        "{listed}"
    );

    std::fs::write(index.join("links-state.json"), b"{ not json").unwrap();
    let out = signpost(ws.dir.path(), &["check"]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("links-state.json") && err.contains("warning"),
        "{err}"
    );
}
