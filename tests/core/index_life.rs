//! The index follows the catalog: rebuilt when stale or unreadable, kept
//! when the catalog is broken.

use signpost::engine::{AskOptions, Engine, Freshness};

use super::support::Workspace;

fn opts() -> AskOptions {
    AskOptions {
        region: "uk".into(),
        k: 3,
        ..super::support::pinned()
    }
}

#[test]
fn editing_a_resource_changes_the_next_answer() {
    let ws = Workspace::new();
    let before = Engine::open(&ws.paths())
        .unwrap()
        .answer("type 2 diabetes", &opts());
    assert!(before.results.iter().any(|r| r.id == "nhs-type-2-diabetes"));
    let file = ws.resources().join("library/endocrine.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text.replacen(
        "title = \"Type 2 diabetes\"",
        "title = \"Type 2 diabetes: the NHS guide\"",
        1,
    );
    assert_ne!(text, edited);
    std::fs::write(&file, edited).unwrap();
    let (engine, fresh) = Engine::open_or_last_good(&ws.paths()).unwrap();
    assert!(matches!(fresh, Freshness::Rebuilt(_)));
    let after = engine.answer("type 2 diabetes", &opts());
    assert!(
        after
            .results
            .iter()
            .any(|r| r.title == "Type 2 diabetes: the NHS guide")
    );
}

#[test]
fn broken_edit_keeps_the_last_good_index_answering() {
    let ws = Workspace::new();
    Engine::open(&ws.paths()).unwrap();
    let file = ws.resources().join("library/lungs.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replacen("url = \"https://", "url = \"http://", 1),
    )
    .unwrap();
    assert!(
        Engine::open(&ws.paths()).is_err(),
        "strict open refuses a broken catalog"
    );
    let (engine, fresh) = Engine::open_or_last_good(&ws.paths()).unwrap();
    let Freshness::LastGood { diagnostics } = fresh else {
        panic!("expected last good")
    };
    let msg = diagnostics
        .items
        .iter()
        .map(ToString::to_string)
        .find(|m| m.contains("https://"))
        .unwrap();
    assert!(msg.contains("lungs.toml:"), "{msg}");
    assert!(!engine.answer("asthma", &opts()).results.is_empty());
}

#[test]
fn unreadable_index_is_rebuilt() {
    let ws = Workspace::new();
    Engine::open(&ws.paths()).unwrap();
    std::fs::write(ws.paths().index.join("CURRENT"), "gen-does-not-exist").unwrap();
    let (engine, fresh) = Engine::open_or_last_good(&ws.paths()).unwrap();
    assert!(matches!(fresh, Freshness::Rebuilt(_)));
    assert!(!engine.answer("asthma", &opts()).results.is_empty());
}

#[test]
fn unchanged_catalog_reuses_the_index() {
    let ws = Workspace::new();
    Engine::open(&ws.paths()).unwrap();
    let (_, fresh) = Engine::open_or_last_good(&ws.paths()).unwrap();
    assert!(matches!(fresh, Freshness::UpToDate));
}

/// Two processes (here threads, each with its own lock file handle) build
/// at once: both succeed, one after the other, and the index opens.
#[test]
fn two_builders_at_once_leave_a_good_index() {
    let ws = Workspace::new();
    let paths = ws.paths();
    let load = || load_catalog(&paths);
    let (a, b) = (load(), load());
    std::thread::scope(|s| {
        let one = s.spawn(|| signpost::search::build(&a, &paths.index));
        let two = s.spawn(|| signpost::search::build(&b, &paths.index));
        one.join().unwrap().unwrap();
        two.join().unwrap().unwrap();
    });
    let engine = Engine::from_index(&paths).unwrap();
    assert!(!engine.answer("asthma", &opts()).results.is_empty());
}

/// A build that read the catalog before an edit, and finishes after the
/// edited catalog's build, does not put the old catalog back.
#[test]
fn an_older_catalog_never_replaces_a_newer_index() {
    let ws = Workspace::new();
    let paths = ws.paths();
    let load = || load_catalog(&paths);
    let old = load();
    let file = ws.resources().join("library/endocrine.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20)); // a later mtime
    std::fs::write(
        &file,
        text.replacen("Type 2 diabetes", "Type 2 diabetes (edited)", 1),
    )
    .unwrap();
    let new = load();
    assert!(new.modified > old.modified);
    signpost::search::build(&new, &paths.index).unwrap();
    signpost::search::build(&old, &paths.index).unwrap();
    let engine = Engine::from_index(&paths).unwrap();
    assert_eq!(engine.meta().fingerprint, new.fingerprint);
}

fn load_catalog(paths: &signpost::engine::Paths) -> signpost::catalog::Catalog {
    let today = signpost::engine::today();
    signpost::catalog::load_dir(&paths.resources, signpost::catalog::LoadOptions { today })
        .catalog
        .unwrap()
}

/// Two real processes (`signpost index`) build the same index at once:
/// both succeed, one after the other, and the index opens.
#[test]
fn two_processes_build_at_once() {
    let ws = Workspace::new();
    let paths = ws.paths();
    let spawn = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_signpost"))
            .arg("index")
            .arg("--resources")
            .arg(&paths.resources)
            .arg("--index")
            .arg(&paths.index)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (one, two) = (spawn(), spawn());
    for child in [one, two] {
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{err}");
    }
    let engine = Engine::from_index(&paths).unwrap();
    assert!(!engine.answer("asthma", &opts()).results.is_empty());
}

/// A catalog from another folder (an older draft, a frozen copy) always
/// gets its own answers, even where the index holds a newer folder's build.
#[test]
fn another_folders_catalog_is_never_answered_from_a_newer_folders_index() {
    let older = Workspace::new();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let newer = Workspace::new();
    let file = newer.resources().join("library/endocrine.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replacen("Type 2 diabetes", "Type 2 diabetes (newer)", 1),
    )
    .unwrap();
    let index = newer.paths().index;
    Engine::open(&newer.paths()).unwrap();
    let paths = signpost::engine::Paths {
        resources: older.resources(),
        index,
    };
    let engine = Engine::open(&paths).unwrap();
    assert_eq!(engine.meta().fingerprint, load_catalog(&paths).fingerprint);
}
