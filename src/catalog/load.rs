//! Reading `resources/` into a [`Catalog`], collecting every problem.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use toml::Spanned;

use super::diag::{Diagnostics, SourceFile};
use super::entries::{read_condition, read_resource, read_reviewer, read_signs};
use super::fields::Record;
use super::model::{Catalog, Notice};
use super::tree::{self, Node};
use super::validate;
use crate::safety::{self, SafetyRules};

/// The result of loading: the catalog when it has no errors, and every
/// problem found either way.
pub struct Loaded {
    pub catalog: Option<Catalog>,
    pub diagnostics: Diagnostics,
}

/// Options that change what counts as a problem.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// The date review deadlines are checked against.
    pub today: time::Date,
}

/// Load and check the catalog in `dir`.
pub fn load_dir(dir: &Path, options: LoadOptions) -> Loaded {
    let mut diags = Diagnostics::default();
    let mut files = Files::default();

    let conditions = read_list(
        &dir.join("conditions.toml"),
        "condition",
        &mut diags,
        &mut files,
        read_condition,
    );
    let reviewers = read_list(
        &dir.join("reviewers.toml"),
        "reviewer",
        &mut diags,
        &mut files,
        read_reviewer,
    );
    let notice = read_notice(&dir.join("notice.toml"), &mut diags, &mut files);
    let known: Vec<super::model::Reviewer> = reviewers.iter().map(|r| r.value.clone()).collect();
    let review = safety::Review {
        today: options.today,
        reviewers: &known,
    };
    let mut safety = read_safety(&dir.join("safety.toml"), &review, &mut diags, &mut files);
    if let Some(rules) = safety.as_mut() {
        rules.model = read_model(&dir.join(safety::MODEL_FILE), rules, &mut diags, &mut files);
    }
    let mut resources = Vec::new();
    for path in library_files(&dir.join("library"), &mut diags) {
        resources.extend(read_list(
            &path,
            "resource",
            &mut diags,
            &mut files,
            read_resource,
        ));
    }

    let signs = read_optional_signs(dir, &conditions, &mut diags, &mut files);

    let ctx = validate::Context {
        files: &files.by_path,
        today: options.today,
    };
    validate::check(&ctx, &conditions, &reviewers, &resources, &mut diags);

    let catalog = (diags.error_count() == 0).then(|| Catalog {
        resources: resources
            .into_iter()
            .map(|r| with_origin(r, &files))
            .collect(),
        conditions: conditions.into_iter().map(|c| c.value).collect(),
        reviewers: reviewers.into_iter().map(|r| r.value).collect(),
        notice: notice.unwrap_or_default(),
        safety: safety.unwrap_or_default(),
        signs,
        fingerprint: files.fingerprint(),
        modified: files.newest_change(),
        source: fs::canonicalize(dir)
            .unwrap_or_else(|_| dir.to_path_buf())
            .display()
            .to_string(),
    });
    Loaded {
        catalog,
        diagnostics: diags,
    }
}

/// The optional `signs.toml`: every name must be a condition, and every
/// sign needs two or more words (one word is an alias's job).
fn read_optional_signs(
    dir: &Path,
    conditions: &[Located<super::model::Condition>],
    diags: &mut Diagnostics,
    files: &mut Files,
) -> Vec<super::model::Signs> {
    let path = dir.join("signs.toml");
    if !path.exists() {
        return Vec::new();
    }
    let read = read_list(&path, "condition", diags, files, read_signs);
    let Some(file) = files.by_path.get(&path) else {
        return Vec::new();
    };
    let known: std::collections::HashSet<&str> =
        conditions.iter().map(|c| c.value.name.as_str()).collect();
    let mut out = Vec::new();
    for entry in read {
        if !known.contains(entry.value.name.as_str()) {
            diags.error(
                file,
                entry.offset,
                format!("signs for unknown condition `{}`", entry.value.name),
                Some("use a name from conditions.toml"),
            );
            continue;
        }
        if let Some(one) = entry
            .value
            .signs
            .iter()
            .find(|s| crate::text::words(s).count() < 2)
        {
            diags.error(
                file,
                entry.offset,
                format!(
                    "sign `{one}` of `{}` has fewer than two words",
                    entry.value.name
                ),
                Some("a single word is an alias: add it to conditions.toml instead"),
            );
            continue;
        }
        out.push(entry.value);
    }
    out
}

/// Record in a resource where it was written, for the review list.
fn with_origin(
    located: Located<(super::model::Resource, super::entries::ResourceSpans)>,
    files: &Files,
) -> super::model::Resource {
    let mut resource = located.value.0;
    resource.file = located.file.display().to_string();
    resource.line = files
        .by_path
        .get(&located.file)
        .map_or(0, |f| f.position(located.offset).0);
    resource
}

/// A parsed entry with the file and offset it came from.
pub struct Located<T> {
    pub value: T,
    pub file: PathBuf,
    pub offset: usize,
}

/// Every file read, kept for positions and the fingerprint.
#[derive(Default)]
pub(super) struct Files {
    pub by_path: BTreeMap<PathBuf, SourceFile>,
}

impl Files {
    /// The latest modification time of any file read (0 when unknown).
    fn newest_change(&self) -> u128 {
        self.by_path
            .keys()
            .filter_map(|p| fs::metadata(p).and_then(|m| m.modified()).ok())
            .filter_map(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map(|d| d.as_nanos())
            .max()
            .unwrap_or(0)
    }

    /// FNV-1a over file names and bytes, in path order.
    fn fingerprint(&self) -> String {
        let mut hash = crate::fnv::OFFSET;
        for (path, file) in &self.by_path {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let bytes = name.bytes().chain([0]).chain(file.text.bytes()).chain([0]);
            hash = crate::fnv::extend(hash, bytes);
        }
        format!("{hash:016x}")
    }
}

fn library_files(dir: &Path, diags: &mut Diagnostics) -> Vec<PathBuf> {
    match toml_files(dir) {
        Ok(paths) => paths,
        Err(e) => {
            diags.file_error(
                dir,
                format!("cannot read the resource library folder: {e}"),
                Some("create resources/library/ with one or more *.toml files"),
            );
            Vec::new()
        }
    }
}

/// The `*.toml` files of a folder, sorted by path: the order every reader
/// of the library (loader, link checker) takes them in.
pub fn toml_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    Ok(paths)
}

/// Read a file and parse it to a tree, reporting syntax errors with position.
fn parse_file<'f>(
    path: &Path,
    diags: &mut Diagnostics,
    files: &'f mut Files,
) -> Option<(&'f SourceFile, Spanned<Node>)> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            diags.file_error(path, format!("cannot read file: {e}"), None);
            return None;
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let file = SourceFile::new(path, text);
            diags.error(
                &file,
                e.utf8_error().valid_up_to(),
                "file is not valid UTF-8",
                Some("save the file as UTF-8"),
            );
            files.by_path.insert(path.to_path_buf(), file);
            return None;
        }
    };
    let file = files
        .by_path
        .entry(path.to_path_buf())
        .or_insert_with(|| SourceFile::new(path, text));
    match tree::parse(&file.text) {
        Ok(root) => Some((file, root)),
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            let message = e
                .message()
                .lines()
                .next()
                .unwrap_or("invalid TOML")
                .to_string();
            diags.error(
                file,
                offset,
                format!("invalid TOML: {message}"),
                Some("check quotes, brackets and commas near this place"),
            );
            None
        }
    }
}

type Reader<T> = fn(&mut Record<'_>, &mut Diagnostics) -> Option<T>;

/// Read every `[[what]]` table of a file with `read`.
fn read_list<T>(
    path: &Path,
    what: &'static str,
    diags: &mut Diagnostics,
    files: &mut Files,
    read: Reader<T>,
) -> Vec<Located<T>> {
    let Some((file, root)) = parse_file(path, diags, files) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let Node::Table(top) = root.get_ref() else {
        return out;
    };
    let mut found = false;
    for (key, node) in top {
        if key.get_ref() != what {
            diags.error(
                file,
                key.span().start,
                format!("unknown top-level key `{}`", key.get_ref()),
                Some(&format!("this file holds only [[{what}]] entries")),
            );
            continue;
        }
        found = true;
        let Node::Array(items) = node.get_ref() else {
            diags.error(
                file,
                node.span().start,
                format!("`{what}` must be written as [[{what}]] tables"),
                None,
            );
            continue;
        };
        for item in items {
            let Some(mut record) = Record::new(file, item, what, diags) else {
                continue;
            };
            let offset = record.offset();
            if let Some(value) = read(&mut record, diags) {
                out.push(Located {
                    value,
                    file: path.to_path_buf(),
                    offset,
                });
            }
        }
    }
    if !found {
        diags.warning(file, 0, format!("no [[{what}]] entries in this file"), None);
    }
    out
}

fn read_notice(path: &Path, diags: &mut Diagnostics, files: &mut Files) -> Option<Notice> {
    let (file, root) = parse_file(path, diags, files)?;
    let mut record = Record::new(file, &root, "notice file", diags)?;
    let mut field = |key: &str| {
        let value = record.string(key, true, diags)?;
        if value.value.chars().count() > 400 {
            diags.error(
                file,
                value.offset,
                format!("`{key}` is longer than 400 characters"),
                Some("keep it short and plain: it is shown with answers"),
            );
        }
        Some(value.value)
    };
    let (text, no_match, empty_question) =
        (field("text"), field("no_match"), field("empty_question"));
    record.finish(&["text", "no_match", "empty_question"], diags);
    Some(Notice {
        text: text?,
        no_match: no_match?,
        empty_question: empty_question?,
    })
}

fn read_safety(
    path: &Path,
    review: &safety::Review<'_>,
    diags: &mut Diagnostics,
    files: &mut Files,
) -> Option<SafetyRules> {
    let (file, root) = parse_file(path, diags, files)?;
    let rules = safety::read(file, &root, review, diags)?;
    safety::placeholders(file, &rules, review.reviewers, diags);
    Some(rules)
}

/// The learned second signal, if the catalog ships one. Its classes must be
/// `none` and category ids of `safety.toml`.
fn read_model(
    path: &Path,
    rules: &SafetyRules,
    diags: &mut Diagnostics,
    files: &mut Files,
) -> Option<safety::LearnedModel> {
    let text = fs::read_to_string(path).ok()?;
    let file = files
        .by_path
        .entry(path.to_path_buf())
        .or_insert_with(|| SourceFile::new(path, text));
    let line_start = |line: usize| -> usize {
        file.text
            .split_inclusive('\n')
            .take(line.saturating_sub(1))
            .map(str::len)
            .sum()
    };
    let model = match safety::LearnedModel::parse_compact(&file.text) {
        Ok(m) => m,
        Err((line, message)) => {
            let hint = "regenerate it with `signpost train-screen`";
            diags.error(file, line_start(line), message, Some(hint));
            return None;
        }
    };
    let unknown: Vec<&str> = model.classes[1..]
        .iter()
        .filter(|c| !rules.categories.iter().any(|cat| &cat.id == *c))
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        let message = format!("model classes not in safety.toml: {}", unknown.join(", "));
        let hint = "retrain after renaming or removing a category";
        diags.error(file, 0, message, Some(hint));
        return None;
    }
    Some(model)
}
