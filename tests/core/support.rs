//! Shared helpers: temporary catalog copies and one shared engine.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use signpost::engine::{AskOptions, Engine, Paths};

/// The shipped catalog in the repository.
pub fn shipped_resources() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("resources")
}

/// Copy a catalog folder (recursively) into `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A temporary copy of the shipped catalog with its own index folder.
pub struct Workspace {
    pub dir: tempfile::TempDir,
}

impl Workspace {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&shipped_resources(), &dir.path().join("resources"));
        Workspace { dir }
    }

    pub fn paths(&self) -> Paths {
        Paths {
            resources: self.dir.path().join("resources"),
            index: self.dir.path().join("index"),
        }
    }

    pub fn resources(&self) -> PathBuf {
        self.dir.path().join("resources")
    }
}

/// One engine over the shipped catalog, built once for all tests.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<(Workspace, Engine)> = OnceLock::new();
    &ENGINE
        .get_or_init(|| {
            let ws = Workspace::new();
            let engine = Engine::open(&ws.paths()).expect("shipped catalog opens");
            (ws, engine)
        })
        .1
}

pub fn uk() -> AskOptions {
    AskOptions {
        region: "uk".into(),
        k: 3,
        ..pinned()
    }
}

pub fn us() -> AskOptions {
    AskOptions {
        region: "us".into(),
        k: 3,
        ..pinned()
    }
}

/// Options answering as of 2026-12-01, so review dates falling due later
/// can never break the tests (the catalog's reviews run all through 2027).
pub fn pinned() -> AskOptions {
    AskOptions {
        on: signpost::catalog::parse_date("2026-12-01"),
        ..AskOptions::default()
    }
}

/// A set from `tests/eval/`; `labelled` sets need their second column.
pub fn eval_set(name: &str, labelled: bool) -> Vec<signpost::eval::Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/eval")
        .join(name);
    signpost::eval::read_cases(&std::fs::read_to_string(path).unwrap(), labelled).unwrap()
}

/// Recall@3 of `set` asked with `opts` is at least `floor`, and every label
/// is a catalog condition (`what` names the set in a failure).
pub fn assert_recall_at_least(
    set: &[signpost::eval::Case],
    opts: &AskOptions,
    floor: f64,
    what: &str,
) {
    let r = signpost::eval::evaluate(engine(), set, opts);
    assert!(
        r.unknown_labels.is_empty(),
        "{what}: {:?}",
        r.unknown_labels
    );
    assert!(
        r.recall_at_k >= floor,
        "{what}: Recall@3 {:.3}",
        r.recall_at_k
    );
}
