//! `signpost report`: every format shows the same facts from the catalog,
//! the link history and the bot's counts; gap topics only over the privacy
//! threshold; the HTML page renders in headless Chromium.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use signpost::links::{LinkState, UrlState, Verdict};
use signpost::store::{CountsStore, Feedback, Gap, GapKind, SqliteStore};
use time::macros::date;

use super::support::Workspace;

const TODAY: &str = "2026-12-01";
/// A shipped resource every seeded count points at.
const RESOURCE: &str = "nhs-allergies";

fn report(ws: &Workspace, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_signpost"))
        .current_dir(ws.dir.path())
        .env("SIGNPOST_TODAY", TODAY)
        .arg("report")
        .args(args)
        .output()
        .unwrap()
}

/// A database with a common gap (12 asks, 4 servers), a rare one (15 asks,
/// one server: never to be shown) and "not helpful" votes on one page.
fn seed_database(path: &Path) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let s = SqliteStore::open(path).await.unwrap();
        let day = date!(2026 - 12 - 01);
        let gap = |topic: &str, kind| Gap {
            region: "ie".into(),
            topic: topic.into(),
            kind,
        };
        for i in 0..15u64 {
            if i < 12 {
                let kind = if i < 9 {
                    GapKind::NoMatch
                } else {
                    GapKind::Weak
                };
                s.gap(day, 10 + i % 4, &gap("gout", kind)).await.unwrap();
            }
            s.gap(day, 99, &gap("lupus", GapKind::NoMatch))
                .await
                .unwrap();
        }
        let ids = vec![RESOURCE.to_string()];
        for kind in [Feedback::NotHelpful, Feedback::NotHelpful, Feedback::Broken] {
            s.feedback(day, Some(10), &ids, kind).await.unwrap();
        }
        signpost::store::SettingsStore::close(&s).await;
    });
}

/// A link history saying the seeded resource's page is gone.
fn seed_links(ws: &Workspace, index: &Path) {
    let text = std::fs::read_to_string(ws.resources().join("library/allergies.toml")).unwrap();
    let url = text
        .lines()
        .find_map(|l| l.strip_prefix("url = \""))
        .map(|u| u.trim_end_matches('"').to_string())
        .unwrap();
    let mut state = LinkState::default();
    state.urls.insert(
        url,
        UrlState {
            last_checked: "2026-11-30T06:00:00Z".into(),
            last_verdict: Verdict::Broken,
            last_status: Some(404),
            last_ok: None,
            first_failed: Some("2026-11-20T06:00:00Z".into()),
            final_url: None,
        },
    );
    std::fs::create_dir_all(index).unwrap();
    let json = serde_json::to_string(&state).unwrap();
    std::fs::write(signpost::links::state_path(index), json).unwrap();
}

fn seeded() -> (Workspace, Vec<String>) {
    let ws = Workspace::new();
    let db = ws.dir.path().join("data/signpost.db");
    seed_database(&db);
    seed_links(&ws, &ws.dir.path().join("index"));
    let args = vec!["--within".to_string(), "60".to_string()];
    (ws, args)
}

fn with(args: &[String], more: &[&str]) -> Vec<String> {
    args.iter()
        .cloned()
        .chain(more.iter().map(|s| s.to_string()))
        .collect()
}

fn run(ws: &Workspace, args: &[String]) -> String {
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = report(ws, &refs);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn json_report_holds_every_section_and_hides_rare_topics() {
    let (ws, args) = seeded();
    let text = run(&ws, &with(&args, &["--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["generated_on"], TODAY);
    assert!(!v["reviews"].as_array().unwrap().is_empty(), "reviews due");
    assert_eq!(v["links"]["failing"][0]["id"], RESOURCE);
    let usage = &v["usage"];
    assert_eq!(usage["feedback"][0]["id"], RESOURCE);
    assert_eq!(usage["feedback"][0]["not_helpful"], 2);
    let shown = usage["gaps"]["shown"].as_array().unwrap();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0]["topic"], "gout");
    assert_eq!(shown[0]["servers"], 4);
    assert_eq!(usage["gaps"]["hidden_topics"], 1);
    assert!(
        !text.contains("lupus"),
        "a one-server topic must never be named"
    );
    assert_eq!(v["coverage"].as_array().unwrap().len(), 7, "every region");
}

#[test]
fn text_report_without_a_database_says_so() {
    let ws = Workspace::new();
    let out = report(&ws, &[]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Reviews falling due by month"), "{text}");
    assert!(text.contains("no usage database yet"), "{text}");
    assert!(text.contains("Links: never checked"), "{text}");
    assert!(
        !ws.dir.path().join("data").exists(),
        "a report never creates the database"
    );
}

/// Headless Chromium, when installed: `SIGNPOST_CHROMIUM`, else `chromium`
/// or `chromium-browser` on the PATH.
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("SIGNPOST_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| [d.join("chromium"), d.join("chromium-browser")])
        .find(|p| p.is_file())
}

/// Run Chromium headless on `page` with `args`; its stdout (through a file:
/// a pipe nobody reads would fill and stall it). Killed (and the test
/// failed) if it hangs: a guard, not a timing assertion.
fn headless(browser: &Path, profile: &Path, page: &Path, args: &[String]) -> String {
    let stdout = profile.with_extension("stdout");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdout(std::fs::File::create(&stdout).unwrap())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    String::from_utf8_lossy(&std::fs::read(&stdout).unwrap()).into_owned()
}

#[test]
fn html_report_renders_in_chromium() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("SIGNPOST_REQUIRE_CHROMIUM").is_none(),
            "SIGNPOST_REQUIRE_CHROMIUM is set but no chromium was found"
        );
        eprintln!(
            "SKIPPED html_report_renders_in_chromium: no chromium on PATH (apt install chromium)"
        );
        return;
    };
    let (ws, args) = seeded();
    let page = ws.dir.path().join("report.html");
    run(
        &ws,
        &with(
            &args,
            &["--format", "html", "--out", page.to_str().unwrap()],
        ),
    );
    let html = std::fs::read_to_string(&page).unwrap();
    for external in ["<script", "<link", "src=\"http", "@import"] {
        assert!(!html.contains(external), "self-contained: found {external}");
    }
    let profile = ws.dir.path().join("chromium-profile");
    let dom = headless(&browser, &profile, &page, &["--dump-dom".into()]);
    for id in ["reviews", "links", "feedback", "gaps", "coverage"] {
        assert!(
            dom.contains(&format!("<section id=\"{id}\">")),
            "section {id} rendered"
        );
    }
    assert!(dom.matches("<svg").count() >= 3, "bar charts rendered");
    assert!(dom.contains("ie · gout"), "the common gap is shown");
    assert!(!dom.contains("lupus"), "the rare gap is not");
    let shot = ws.dir.path().join("report.png");
    let arg = format!("--screenshot={}", shot.display());
    headless(
        &browser,
        &profile,
        &page,
        &[arg, "--window-size=1200,2400".into()],
    );
    let png = std::fs::read(&shot).expect("a screenshot was taken");
    assert!(
        png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 10_000,
        "{} bytes",
        png.len()
    );
}
