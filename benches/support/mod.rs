//! Catalogs and engines shared by the benches.

use std::path::Path;

use signpost::catalog::{Catalog, LoadOptions, load_dir};
use signpost::engine::{Engine, Paths, today};

/// The shipped catalog in `resources/`.
pub fn shipped() -> Catalog {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("resources");
    load_dir(&dir, LoadOptions { today: today() })
        .catalog
        .expect("shipped catalog loads")
}

/// The shipped catalog repeated to `n` resources with unique ids and URLs.
pub fn synthetic(base: &Catalog, n: usize) -> Catalog {
    let mut c = base.clone();
    c.resources = (0..n)
        .map(|i| {
            let mut r = base.resources[i % base.resources.len()].clone();
            r.id = format!("{}-{i}", r.id);
            r.url = format!("{}?copy={i}", r.url);
            r
        })
        .collect();
    c.fingerprint = format!("synthetic-{n}");
    c
}

/// Build `catalog` into an index under `dir` and open it.
pub fn engine_for(catalog: &Catalog, dir: &Path) -> Engine {
    let paths = Paths {
        resources: dir.join("unused"),
        index: dir.join("index"),
    };
    signpost::search::build(catalog, &paths.index).unwrap();
    Engine::from_index(&paths).unwrap()
}
