//! The on-disk index: schema, atomic builds and opening.
//!
//! Layout under the index folder (default `index/`):
//!
//! ```text
//! CURRENT              name of the live generation (replaced atomically)
//! gen-<nanos>/         one complete build: tantivy files, signpost-catalog.json, signpost-meta.json
//! ```
//!
//! A build writes a new generation beside the old one and only then points
//! `CURRENT` at it with a rename, so a failed or interrupted build never
//! leaves a half-written index in use. Each generation carries the catalog it
//! was built from, so the last good index keeps answering even while the
//! TOML files on disk have errors.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use tantivy::schema::{
    FAST, Field, IndexRecordOption, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{Index, IndexWriter, TantivyDocument};

use super::analysis::{TOKENIZER, index_analyzer};
use super::{SearchError, generations};
use crate::catalog::Catalog;
use crate::text;

/// Bumped whenever the schema or analysis changes, so old indexes rebuild.
pub const SCHEMA_VERSION: u32 = 3;
const CURRENT: &str = "CURRENT";
const META: &str = "signpost-meta.json";
const SNAPSHOT: &str = "signpost-catalog.json";

/// The fields of the index.
#[derive(Clone, Copy)]
pub struct Fields {
    /// Names and aliases of the resource's conditions.
    pub cond: Field,
    pub title: Field,
    pub keywords: Field,
    pub summary: Field,
    /// Canonical condition names, exact.
    pub cond_id: Field,
    /// Every region code the resource may be shown in (`global` expanded to
    /// all regions), so the region filter is one term lookup.
    pub serves: Field,
    /// Position of the resource in the catalog snapshot.
    pub ord: Field,
}

/// Build the schema and its field handles.
pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    let fields = Fields {
        cond: b.add_text_field("cond", text.clone()),
        title: b.add_text_field("title", text.clone()),
        keywords: b.add_text_field("keywords", text.clone()),
        summary: b.add_text_field("summary", text),
        cond_id: b.add_text_field("cond_id", STRING),
        serves: b.add_text_field("serves", STRING),
        ord: b.add_u64_field("ord", FAST),
    };
    (b.build(), fields)
}

/// What the index records about its build.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct IndexMeta {
    pub schema_version: u32,
    /// The catalog fingerprint it was built from.
    pub fingerprint: String,
    /// Seconds since the Unix epoch.
    pub built_at: u64,
    pub resources: usize,
    pub conditions: usize,
    /// The catalog's newest file change (nanoseconds since the epoch).
    #[serde(default)]
    pub catalog_modified: u128,
    /// The catalog folder it was built from (canonical path).
    #[serde(default)]
    pub catalog_source: String,
}

/// A summary of one build, for the `index` command and logs.
#[derive(Debug, Clone)]
pub struct BuildSummary {
    pub resources: usize,
    pub conditions: usize,
    pub millis: u128,
    pub generation: PathBuf,
}

/// Build a new generation from `catalog` and make it current, unless a
/// build from a newer catalog became current meanwhile (another process).
pub fn build(catalog: &Catalog, root: &Path) -> Result<BuildSummary, SearchError> {
    let started = Instant::now();
    fs::create_dir_all(root).map_err(|e| SearchError::io(root, e))?;
    let _lock = generations::BuildLock::acquire(root)?;
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let name = format!("gen-{nanos}-{}", std::process::id());
    let dir = root.join(&name);
    let result = write_generation(catalog, &dir)
        .and_then(|()| generations::sync_dir(&dir))
        .and_then(|()| {
            if superseded(root, catalog) {
                tracing::info!("a build from a newer catalog is current; keeping it");
                let _ = fs::remove_dir_all(&dir);
                return Ok(());
            }
            switch_current(root, &name)
        });
    if let Err(e) = result {
        let _ = fs::remove_dir_all(&dir);
        return Err(e);
    }
    if let Ok(current) = current_name(root) {
        generations::collect(root, &current, SystemTime::now());
    }
    Ok(BuildSummary {
        resources: catalog.resources.len(),
        conditions: catalog.conditions.len(),
        millis: started.elapsed().as_millis(),
        generation: dir,
    })
}

fn write_generation(catalog: &Catalog, dir: &Path) -> Result<(), SearchError> {
    fs::create_dir_all(dir).map_err(|e| SearchError::io(dir, e))?;
    let (schema, f) = schema();
    let index = Index::create_in_dir(dir, schema)?;
    index.tokenizers().register(TOKENIZER, index_analyzer());
    let mut writer: IndexWriter = index.writer_with_num_threads(1, 50_000_000)?;
    let aliases: std::collections::HashMap<&str, &[String]> = catalog
        .conditions
        .iter()
        .map(|c| (c.name.as_str(), c.aliases.as_slice()))
        .collect();
    for (ord, r) in catalog.resources.iter().enumerate() {
        let mut doc = TantivyDocument::default();
        for name in &r.conditions {
            doc.add_text(f.cond_id, name);
            doc.add_text(f.cond, text::clean(name));
            for a in aliases.get(name.as_str()).copied().unwrap_or_default() {
                doc.add_text(f.cond, text::clean(a));
            }
        }
        doc.add_text(f.title, text::clean(&r.title));
        for k in &r.keywords {
            doc.add_text(f.keywords, text::clean(k));
        }
        doc.add_text(f.summary, text::clean(&r.summary));
        for code in crate::catalog::REGIONS {
            if r.regions.iter().any(|x| x == code || x == "global") {
                doc.add_text(f.serves, code);
            }
        }
        doc.add_u64(f.ord, ord as u64);
        writer.add_document(doc)?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    let meta = IndexMeta {
        schema_version: SCHEMA_VERSION,
        fingerprint: catalog.fingerprint.clone(),
        built_at: SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
        resources: catalog.resources.len(),
        conditions: catalog.conditions.len(),
        catalog_modified: catalog.modified,
        catalog_source: catalog.source.clone(),
    };
    write_json(&dir.join(SNAPSHOT), catalog)?;
    write_json(&dir.join(META), &meta)
}

fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<(), SearchError> {
    let bytes = serde_json::to_vec(value)
        .map_err(|e| SearchError::Corrupt(format!("cannot serialise {}: {e}", path.display())))?;
    let mut file = fs::File::create(path).map_err(|e| SearchError::io(path, e))?;
    file.write_all(&bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| SearchError::io(path, e))
}

/// Point CURRENT at `name` with an atomic rename, synced so a crash leaves
/// either the old or the new generation current, never an empty file.
fn switch_current(root: &Path, name: &str) -> Result<(), SearchError> {
    let tmp = root.join(format!("{CURRENT}.tmp-{}", std::process::id()));
    let mut file = fs::File::create(&tmp).map_err(|e| SearchError::io(&tmp, e))?;
    file.write_all(name.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| SearchError::io(&tmp, e))?;
    fs::rename(&tmp, root.join(CURRENT)).map_err(|e| SearchError::io(root, e))?;
    generations::sync_dir(root)
}

/// Whether the current generation was built from the same catalog folder
/// changed later than `catalog` (a build that started earlier but finished
/// later must not put the older catalog back). A build from another folder
/// always replaces it: modification times of two folders say nothing about
/// which is wanted.
fn superseded(root: &Path, catalog: &Catalog) -> bool {
    let Ok(name) = current_name(root) else {
        return false;
    };
    let current: Result<IndexMeta, _> = read_json(&root.join(name).join(META));
    current.is_ok_and(|m| {
        m.catalog_source == catalog.source
            && m.fingerprint != catalog.fingerprint
            && m.catalog_modified > catalog.modified
    })
}

/// An opened generation: the tantivy index, its metadata and catalog.
pub struct Opened {
    pub index: Index,
    pub meta: IndexMeta,
    pub catalog: Catalog,
    pub dir: PathBuf,
    /// Keeps the generation from garbage collection while it is served.
    pub in_use: generations::InUse,
}

/// The generation `CURRENT` names, checked to be a plain folder name.
fn current_name(root: &Path) -> Result<String, SearchError> {
    let current = root.join(CURRENT);
    let name = fs::read_to_string(&current).map_err(|e| SearchError::io(&current, e))?;
    let name = name.trim();
    if name.is_empty() || name.contains(['/', '\\']) || name.contains("..") {
        return Err(SearchError::Corrupt(format!(
            "{} does not name a generation",
            current.display()
        )));
    }
    Ok(name.to_string())
}

/// Open the current generation under `root`.
pub fn open(root: &Path) -> Result<Opened, SearchError> {
    let dir = root.join(current_name(root)?);
    let meta: IndexMeta = read_json(&dir.join(META))?;
    if meta.schema_version != SCHEMA_VERSION {
        return Err(SearchError::Corrupt(format!(
            "index schema {} is not {SCHEMA_VERSION}",
            meta.schema_version
        )));
    }
    let catalog: Catalog = read_json(&dir.join(SNAPSHOT))?;
    let index = Index::open_in_dir(&dir)?;
    index.tokenizers().register(TOKENIZER, index_analyzer());
    if catalog.resources.len() != meta.resources {
        return Err(SearchError::Corrupt(
            "catalog snapshot does not match the index".into(),
        ));
    }
    Ok(Opened {
        index,
        meta,
        catalog,
        in_use: generations::InUse::mark(&dir),
        dir,
    })
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, SearchError> {
    let bytes = fs::read(path).map_err(|e| SearchError::io(path, e))?;
    serde_json::from_slice(&bytes)
        .map_err(|e| SearchError::Corrupt(format!("{}: {e}", path.display())))
}
