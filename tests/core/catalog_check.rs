//! The checker reports every problem with file, line and column.

use std::path::Path;

use signpost::catalog::{LoadOptions, Severity, load_dir};

fn today() -> time::Date {
    time::Date::from_calendar_date(2026, time::Month::November, 22).unwrap()
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn messages(name: &str) -> Vec<String> {
    let loaded = load_dir(&fixture(name), LoadOptions { today: today() });
    loaded
        .diagnostics
        .items
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn has(all: &[String], file: &str, line: usize, text: &str) {
    let wanted = format!("{file}:{line}:");
    assert!(
        all.iter().any(|m| m.contains(&wanted) && m.contains(text)),
        "no message at {wanted} containing {text:?}; got:\n{}",
        all.join("\n")
    );
}

#[test]
fn good_fixture_is_clean() {
    let loaded = load_dir(&fixture("good"), LoadOptions { today: today() });
    assert!(
        loaded.diagnostics.items.is_empty(),
        "{:?}",
        loaded.diagnostics.items
    );
    let catalog = loaded.catalog.unwrap();
    assert_eq!(catalog.resources.len(), 3);
    assert_eq!(catalog.resources[0].line, 1);
}

#[test]
fn every_problem_is_reported_with_its_place() {
    let all = messages("bad");
    let f = "library/broken.toml";
    has(&all, f, 2, "is not a slug");
    has(&all, f, 4, "is not an https:// link");
    has(&all, f, 7, "unknown condition `astma`");
    has(&all, f, 8, "unknown region `mars`");
    has(&all, f, 10, "unknown reviewer `dr-nobody`");
    has(&all, f, 11, "not a valid date");
    has(&all, f, 12, "review date 2020-01-01 has passed");
    has(&all, f, 13, "unknown field `colour`");
    has(
        &all,
        "safety.toml",
        14,
        "pair `pills + tonight + alone` must be two phrases",
    );
    has(
        &all,
        "safety.toml",
        14,
        "pair `pills + ..` must start and end with a word",
    );
    has(&all, "safety-model.tsv", 4, "bad class:weight pair");
    has(&all, "safety.toml", 54, "unknown measure `heart-rate`");
    has(
        &all,
        "signs.toml",
        1,
        "signs for unknown condition `no such condition`",
    );
    has(
        &all,
        "signs.toml",
        5,
        "sign `itchy` of `asthma` has fewer than two words",
    );
    has(
        &all,
        "safety.toml",
        55,
        "unknown category `no-such-category`",
    );
    has(&all, "safety.toml", 56, "`below` must be a number");
    has(
        &all,
        "library/main.toml",
        2,
        "duplicate id `nhs-asthma` (also at",
    );
    has(&all, "library/main.toml", 4, "duplicate url");
    has(&all, f, 20, "more than 300");
    has(&all, f, 15, "missing the required field `review_by`");
    has(
        &all,
        f,
        39,
        "`phone` is set on a resource that is not a helpline",
    );
    has(&all, f, 39, "phone `call us` is not a phone number");
    has(&all, "conditions.toml", 9, "not lower case");
    has(&all, "conditions.toml", 11, "empty entry in `aliases`");
    has(
        &all,
        "conditions.toml",
        9,
        "alias `asthmatic` is used by both",
    );
    has(&all, "conditions.toml", 9, "no resource covers condition");
}

#[test]
fn bad_catalog_yields_no_catalog_and_counts_errors() {
    let loaded = load_dir(&fixture("bad"), LoadOptions { today: today() });
    assert!(loaded.catalog.is_none());
    assert!(loaded.diagnostics.error_count() >= 12);
    assert!(
        loaded
            .diagnostics
            .items
            .iter()
            .any(|d| d.severity == Severity::Warning)
    );
}

#[test]
fn syntax_errors_name_the_line() {
    let dir = tempfile::tempdir().unwrap();
    super::support::copy_dir(&fixture("good"), dir.path());
    std::fs::write(
        dir.path().join("library/main.toml"),
        "[[resource]]\nid = \"x\"\ntitle = \"unterminated\n",
    )
    .unwrap();
    let loaded = load_dir(dir.path(), LoadOptions { today: today() });
    let all: Vec<String> = loaded
        .diagnostics
        .items
        .iter()
        .map(ToString::to_string)
        .collect();
    has(&all, "main.toml", 3, "invalid TOML");
}

#[test]
fn shipped_catalog_has_no_errors_and_is_broad() {
    let loaded = load_dir(
        &super::support::shipped_resources(),
        LoadOptions { today: today() },
    );
    let catalog = loaded.catalog.expect("shipped catalog loads");
    assert_eq!(loaded.diagnostics.error_count(), 0);
    // The only warning allowed is the placeholder approval notice.
    assert!(
        loaded
            .diagnostics
            .items
            .iter()
            .all(|d| d.message.contains("placeholder")),
        "{:?}",
        loaded.diagnostics.items
    );
    assert!(catalog.conditions.len() >= 300);
    assert!(catalog.resources.len() >= 800);
    // Catalog-wide figures `check` reports, within their limits.
    let a = signpost::catalog::audit::audit(&catalog, today());
    assert!(a.template_share <= signpost::catalog::audit::MAX_TEMPLATE_SHARE);
    let (_, busiest) = a.busiest_window.expect("review dates");
    assert!(busiest <= signpost::catalog::audit::MAX_WINDOW_SHARE);
    // Regions: own pages per region (floors just under today's figures).
    let own = |code: &str| {
        signpost::coverage::regions(&catalog)
            .into_iter()
            .find(|r| r.region == code)
            .map_or(0, |r| r.local)
    };
    for (code, floor) in [
        ("uk", 300),
        ("us", 300),
        ("au", 200),
        ("nz", 200),
        ("ca", 100),
        ("ie", 95),
    ] {
        assert!(own(code) >= floor, "{code}: {} conditions", own(code));
    }
}
