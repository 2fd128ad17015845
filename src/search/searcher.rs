//! Question → ranked resources, with queries built in code.
//!
//! User text never reaches tantivy's query parser: the question is split,
//! spell-corrected and stemmed here, and the query is assembled from term
//! queries. Ranking, strongest signal first:
//!
//! 1. conditions detected from names and aliases ([`super::detect`]);
//! 2. BM25 over condition names and aliases > title > keywords > summary;
//! 3. tie-breaks: the asker's own region over `global`, a condition's main
//!    page over side pages.
//!
//! Without a detected condition only words outside everyday English count,
//! and a result must clear a relevance floor on the condition, title and
//! keyword fields, so an unrelated question gets no result rather than a bad
//! one.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{IndexReader, ReloadPolicy, Term};
use time::Date;

use super::SearchError;
use super::analysis::{WordStemmer, is_stop_word};
use super::detect::{Detected, Detector, QueryWord};
use super::lexicon::Lexicon;
use super::store::{Fields, Opened};
use crate::catalog::Catalog;
use crate::text;

/// Most words of a question looked at.
const MAX_WORDS: usize = 800;
/// Most distinct terms put in the text query (rarest first).
const MAX_TERMS: usize = 24;
/// Of those, how many (the rarest) are also looked up in summaries.
const SUMMARY_TERMS: usize = 6;
/// Most detected conditions used.
const MAX_CONDITIONS: usize = 4;
/// Score a resource gets for covering a detected condition.
const CONDITION_SCORE: f32 = 20.0;
/// Without a detected condition, the least text score worth showing.
pub const RELEVANCE_FLOOR: f32 = 7.0;
/// Score added for a resource of the asker's own region (tie-break).
const REGION_BONUS: f32 = 0.2;
/// Score added for a condition's main page (tie-break).
const MAIN_PAGE_BONUS: f32 = 0.3;
/// Field boosts: condition names and aliases > title > keywords > summary.
const BOOSTS: [f32; 4] = [3.0, 2.0, 1.5, 0.5];

/// What to search for.
#[derive(Debug, Clone, Copy)]
pub struct SearchRequest<'a> {
    pub region: &'a str,
    pub k: usize,
    /// Resources whose review date is before this are never served.
    pub today: Date,
}

/// One resource found, by catalog position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub ord: usize,
    pub score: f32,
}

/// The outcome of one search.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub hits: Vec<Hit>,
    /// Conditions detected in the question (catalog indices), strongest first.
    pub conditions: Vec<u32>,
    /// Condition names close to unknown words, when nothing was found.
    pub did_you_mean: Vec<String>,
}

/// A stem present in the index: which text fields have it, and in how many
/// documents at most.
#[derive(Clone, Copy)]
struct TermStats {
    fields: u8,
    doc_freq: u32,
}

/// Everything needed to search one index generation. Built once per
/// generation and shared; each question only reads it.
pub struct Searcher {
    searcher: tantivy::Searcher,
    _reader: IndexReader,
    fields: Fields,
    /// Per segment: document id → catalog position.
    ords: Vec<Vec<u32>>,
    terms: HashMap<String, TermStats>,
    lexicon: Lexicon,
    detector: Detector,
    stemmer: WordStemmer,
}

impl Searcher {
    /// Prepare to search an opened generation.
    pub fn new(opened: &Opened) -> Result<Self, SearchError> {
        let reader = opened
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let searcher = reader.searcher();
        let (_, fields) = super::store::schema();
        let mut ords = Vec::new();
        let mut terms: HashMap<String, TermStats> = HashMap::new();
        for seg in searcher.segment_readers() {
            let column = seg.fast_fields().u64("ord")?;
            ords.push(
                (0..seg.max_doc())
                    .map(|d| column.first(d).unwrap_or(0) as u32)
                    .collect(),
            );
            for (bit, field) in [fields.cond, fields.title, fields.keywords, fields.summary]
                .into_iter()
                .enumerate()
            {
                let inverted = seg.inverted_index(field)?;
                let mut stream = inverted
                    .terms()
                    .stream()
                    .map_err(|e| SearchError::io(&opened.dir, e))?;
                while stream.advance() {
                    let Ok(key) = std::str::from_utf8(stream.key()) else {
                        continue;
                    };
                    let entry = terms.entry(key.to_string()).or_insert(TermStats {
                        fields: 0,
                        doc_freq: 0,
                    });
                    entry.fields |= 1 << bit;
                    entry.doc_freq = entry.doc_freq.max(stream.value().doc_freq);
                }
            }
        }
        let mut stemmer = WordStemmer::default();
        let lexicon = Lexicon::new(&opened.catalog, &mut stemmer);
        Ok(Searcher {
            searcher,
            _reader: reader,
            fields,
            ords,
            terms,
            detector: Detector::new(&opened.catalog, &mut stemmer, &lexicon),
            lexicon,
            stemmer,
        })
    }

    /// Search the catalog for a question, given as [`text::clean_keep_case`]
    /// returns it (the engine cleans once for screening and search).
    pub fn search(
        &self,
        catalog: &Catalog,
        question: &str,
        req: &SearchRequest<'_>,
    ) -> Result<Found, SearchError> {
        let mut unknown = Vec::new();
        let words = self.words(question, &mut unknown);
        let detected: Vec<Detected> = self
            .detector
            .detect(&words)
            .into_iter()
            .take(MAX_CONDITIONS)
            .collect();
        let query = self.query(catalog, &words, &detected, req.region);
        let limit = (req.k * 8).max(40);
        let top = match query {
            Some(q) => self
                .searcher
                .search(&q, &TopDocs::with_limit(limit).order_by_score())?,
            None => Vec::new(),
        };
        let conditions: Vec<u32> = detected.iter().map(|d| d.condition).collect();
        let hits = select(catalog, &self.ords, top, &conditions, req);
        let did_you_mean = if hits.is_empty() {
            self.did_you_mean(catalog, &unknown)
        } else {
            Vec::new()
        };
        Ok(Found {
            hits,
            conditions,
            did_you_mean,
        })
    }

    /// The question's content words: cleaned, spell-corrected, stemmed.
    fn words(&self, question: &str, unknown: &mut Vec<String>) -> Vec<QueryWord> {
        let mut stemmer = self.stemmer.clone();
        let mut out = Vec::new();
        for raw in text::words(question).take(MAX_WORDS) {
            let upper = raw.chars().count() >= 2
                && raw.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
            let lower: Cow<'_, str> = if raw.chars().any(char::is_uppercase) {
                Cow::Owned(raw.to_lowercase())
            } else {
                Cow::Borrowed(raw)
            };
            let stop = is_stop_word(&lower);
            let word: &str = match self.lexicon.correct(&lower) {
                Some(fixed) => fixed,
                None => {
                    if !self.lexicon.is_known(&lower) {
                        unknown.push(lower.to_string());
                    }
                    &lower
                }
            };
            let mut w = QueryWord {
                stem: String::new(),
                upper,
                common: self.lexicon.is_common(word),
                stop,
            };
            match self.lexicon.stem_of(word) {
                Some(stem) => w.stem.push_str(stem),
                None => stemmer.stem_into(word, &mut w.stem),
            }
            if !w.stem.is_empty() {
                out.push(w);
            }
        }
        out
    }

    fn query(
        &self,
        catalog: &Catalog,
        words: &[QueryWord],
        detected: &[Detected],
        region: &str,
    ) -> Option<Box<dyn Query>> {
        let f = &self.fields;
        let text_fields: [Field; 4] = [f.cond, f.title, f.keywords, f.summary];
        // Summaries are long and full of everyday words: only the rarest few
        // terms are looked up there, and only to rank a detected condition's
        // pages (summary words alone are too weak a signal).
        let summary_terms = if detected.is_empty() {
            0
        } else {
            SUMMARY_TERMS
        };
        let mut seen = HashSet::new();
        let mut picked: Vec<(&str, TermStats)> = words
            .iter()
            .filter(|w| !(w.stop || detected.is_empty() && w.common))
            .filter(|w| seen.insert(w.stem.as_str()))
            .filter_map(|w| self.terms.get(&w.stem).map(|s| (w.stem.as_str(), *s)))
            .collect();
        picked.sort_by_key(|(_, s)| s.doc_freq);
        picked.truncate(MAX_TERMS);

        let mut text: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (i, (stem, stats)) in picked.iter().enumerate() {
            let used_fields = if i < summary_terms { 4 } else { 3 };
            for (bit, field) in text_fields.iter().enumerate().take(used_fields) {
                if stats.fields & (1 << bit) != 0 {
                    let q = TermQuery::new(
                        Term::from_field_text(*field, stem),
                        IndexRecordOption::WithFreqs,
                    );
                    text.push((
                        Occur::Should,
                        Box::new(BoostQuery::new(Box::new(q), BOOSTS[bit])),
                    ));
                }
            }
        }
        let conditions: Vec<(Occur, Box<dyn Query>)> = detected
            .iter()
            .enumerate()
            .map(|(rank, d)| {
                let name = &catalog.conditions[d.condition as usize].name;
                let q = TermQuery::new(
                    Term::from_field_text(f.cond_id, name),
                    IndexRecordOption::Basic,
                );
                let score = CONDITION_SCORE - rank as f32;
                (
                    Occur::Should,
                    Box::new(ConstScoreQuery::new(Box::new(q), score)) as Box<dyn Query>,
                )
            })
            .collect();
        // With detected conditions only their resources are candidates (the
        // text terms just rank them), which keeps scoring cheap on big
        // catalogs; without, the text terms must match.
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if conditions.len() == 1 {
            clauses.extend(conditions.into_iter().map(|(_, q)| (Occur::Must, q)));
            if !text.is_empty() {
                clauses.push((Occur::Should, Box::new(BooleanQuery::new(text))));
            }
        } else if !conditions.is_empty() {
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(conditions))));
            if !text.is_empty() {
                clauses.push((Occur::Should, Box::new(BooleanQuery::new(text))));
            }
        } else if !text.is_empty() {
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(text))));
        } else {
            return None;
        }
        let serves = TermQuery::new(
            Term::from_field_text(f.serves, region),
            IndexRecordOption::Basic,
        );
        clauses.push((
            Occur::Must,
            Box::new(ConstScoreQuery::new(Box::new(serves), 0.0)),
        ));
        Some(Box::new(BooleanQuery::new(clauses)))
    }

    /// Condition names close to words nobody knew ("did you mean …?").
    fn did_you_mean(&self, catalog: &Catalog, unknown: &[String]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for word in unknown.iter().take(20) {
            for owner in self.lexicon.near_misses(word) {
                let name = &catalog.conditions[owner as usize].name;
                if !out.contains(name) {
                    out.push(name.clone());
                }
                if out.len() >= 3 {
                    return out;
                }
            }
        }
        out
    }
}

/// Pick the final results from tantivy's top documents.
fn select(
    catalog: &Catalog,
    ords: &[Vec<u32>],
    top: Vec<(f32, tantivy::DocAddress)>,
    detected: &[u32],
    req: &SearchRequest<'_>,
) -> Vec<Hit> {
    let names: Vec<&str> = detected
        .iter()
        .map(|&c| catalog.conditions[c as usize].name.as_str())
        .collect();
    let mut seen_urls = HashSet::new();
    let mut candidates: Vec<(Hit, Option<usize>)> = top
        .into_iter()
        .filter_map(|(score, addr)| {
            let ord = *ords
                .get(addr.segment_ord as usize)?
                .get(addr.doc_id as usize)? as usize;
            let r = catalog.resources.get(ord)?;
            if !Catalog::is_current(r, req.today)
                || !r.regions.iter().any(|x| x == req.region || x == "global")
            {
                return None;
            }
            // The first detected condition this resource covers, if any.
            let covers = names
                .iter()
                .position(|n| r.conditions.iter().any(|c| c == n));
            if names.is_empty() && score < RELEVANCE_FLOOR || !names.is_empty() && covers.is_none()
            {
                return None;
            }
            // Tie-breaks: the asker's own region over `global`, and a
            // condition's main page (a single-condition article) over side pages.
            let bonus = if r.regions.iter().any(|x| x == req.region) {
                REGION_BONUS
            } else {
                0.0
            } + if r.conditions.len() == 1 && r.kind == "article" {
                MAIN_PAGE_BONUS
            } else {
                0.0
            };
            seen_urls
                .insert(r.url.trim_end_matches('/').to_lowercase())
                .then_some((
                    Hit {
                        ord,
                        score: score + bonus,
                    },
                    covers,
                ))
        })
        .collect();
    candidates.sort_by(|a, b| b.0.score.total_cmp(&a.0.score));
    let k = req.k.clamp(1, 5);
    let mut out: Vec<Hit> = Vec::with_capacity(k);
    // With several conditions, each of the first two gets its best page first.
    if names.len() > 1 {
        for wanted in 0..2.min(names.len()) {
            if let Some((hit, _)) = candidates.iter().find(|(_, c)| *c == Some(wanted)) {
                out.push(*hit);
            }
        }
    }
    for (hit, _) in &candidates {
        if out.len() >= k {
            break;
        }
        if !out.iter().any(|h| h.ord == hit.ord) {
            out.push(*hit);
        }
    }
    out.truncate(k);
    out
}
