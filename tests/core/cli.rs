//! The `signpost` binary end to end.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use super::support::Workspace;

fn signpost(ws: &Workspace, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_signpost"))
        .current_dir(ws.dir.path())
        .env("SIGNPOST_TODAY", "2026-12-01")
        .args(args)
        .output()
        .unwrap()
}

fn with_stdin(ws: &Workspace, args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_signpost"))
        .current_dir(ws.dir.path())
        .env("SIGNPOST_TODAY", "2026-12-01")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn ask_prints_links_and_the_notice() {
    let ws = Workspace::new();
    let out = signpost(
        &ws,
        &[
            "ask",
            "I've just been told I have type 2 diabetes, where do I start?",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("https://"), "{text}");
    assert!(text.contains("Type 2 diabetes"));
    assert!(text.contains("cannot diagnose"));
    assert!(!text.contains("where do I start"), "question echoed");
}

#[test]
fn json_contract_holds() {
    let ws = Workspace::new();
    let out = signpost(
        &ws,
        &[
            "ask", "--json", "--region", "us", "asthma", "in", "my", "son",
        ],
    );
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1);
    let v: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert!(v["emergency"].is_null());
    assert_eq!(v["no_match"], false);
    assert!(v["notice"].as_str().unwrap().len() > 10);
    let first = &v["results"][0];
    for key in ["id", "title", "url", "publisher"] {
        assert!(first[key].is_string(), "{key} missing: {first}");
    }
    assert!(first["conditions"].is_array());
    assert!(first["score"].is_number());

    let crisis = signpost(&ws, &["ask", "--json", "i want to kill myself"]);
    let v: serde_json::Value = serde_json::from_slice(&crisis.stdout).unwrap();
    let e = &v["emergency"];
    assert_eq!(e["category"], "suicide");
    assert_eq!(e["region"], "uk");
    assert!(e["message"].is_string());
    assert!(
        e["contacts"][0]["name"].is_string()
            && e["contacts"][0]["number"].is_string()
            && e["contacts"][0]["url"].is_string()
    );
}

#[test]
fn batch_answers_every_line_in_order_even_hostile_ones() {
    let ws = Workspace::new();
    let mut input: Vec<u8> = Vec::new();
    let lines: Vec<&[u8]> = vec![
        b"asthma",
        b"",
        b"title:x AND (",
        b"\xff\xfe invalid utf8 diabetes",
        "\u{202E}emoji \u{1F600}".as_bytes(),
        b"@everyone <@1234> migraine",
        b"*",
        b"I feel suicidal",
    ];
    for l in &lines {
        input.extend_from_slice(l);
        input.extend_from_slice(b"\r\n");
    }
    let out = with_stdin(&ws, &["ask", "--json", "--batch", "-"], &input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let objs: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(objs.len(), lines.len());
    assert_eq!(objs[0]["no_match"], false);
    assert_eq!(objs[1]["no_match"], true);
    assert!(objs[7]["emergency"].is_object());
    for o in &objs {
        assert!(o["notice"].is_string());
    }
}

#[test]
fn check_reports_problems_and_exit_codes() {
    let ws = Workspace::new();
    let ok = signpost(&ws, &["check"]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let strict = signpost(&ws, &["check", "--strict"]);
    assert_eq!(strict.status.code(), Some(1));
    let err = String::from_utf8(strict.stderr).unwrap();
    assert_eq!(
        err.lines()
            .filter(|l| l.contains("error:") && !l.contains("placeholder"))
            .count(),
        0,
        "strict fails only on placeholders (resources and emergency text): {err}"
    );
    assert!(err.contains("placeholder"));

    let bad = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let out = signpost(&ws, &["check", "--resources", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(
            "broken.toml:4:7: error: url `http://www.example.org/page` is not an https:// link"
        ),
        "{err}"
    );
    assert!(err.contains("hint:"));
}

#[test]
fn index_review_coverage_and_bad_arguments() {
    let ws = Workspace::new();
    let out = signpost(&ws, &["index"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Indexed"));
    let review = signpost(&ws, &["review", "--within", "3650"]);
    assert!(review.status.success());
    let unbounded = signpost(&ws, &["review", "--within", "99999"]);
    assert_eq!(unbounded.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unbounded.stderr).contains("0..=3650"));
    assert!(String::from_utf8_lossy(&review.stdout).contains("placeholder-catalog-editor"));
    let coverage = signpost(&ws, &["coverage"]);
    assert!(coverage.status.success());
    let bad_region = signpost(&ws, &["ask", "--region", "mars", "asthma"]);
    assert_eq!(bad_region.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_region.stderr).contains("unknown region"));
    let no_question = signpost(&ws, &["ask"]);
    assert_eq!(no_question.status.code(), Some(2));
}
