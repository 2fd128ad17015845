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

use rustc_hash::FxHashMap;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, IndexReader, ReloadPolicy, TERMINATED, Term};
use time::Date;

use super::SearchError;
use super::analysis::WordStemmer;
use super::detect::{Detected, Detector, QueryWord};
use super::lexicon::Lexicon;
use super::select::{Facts, select};
use super::sex::{OTHER_SEX_PENALTY, sex_of};
use super::shorthand::blood_pressure_shorthand;
use super::signs::SignMatcher;
use super::store::{Fields, Opened};
use crate::bits::Bits;
use crate::catalog::Catalog;
use crate::text;

/// Most words of a question looked at.
const MAX_WORDS: usize = 800;
/// Most distinct terms put in the text query (rarest first).
const MAX_TERMS: usize = 24;
/// Of those, how many (the rarest) are also looked up in summaries.
const SUMMARY_TERMS: usize = 6;
/// Most of a detected condition's resources ranked per question.
const CONDITION_CANDIDATES: usize = 256;
/// Most detected conditions used.
const MAX_CONDITIONS: usize = 4;
/// Score a resource gets for covering a detected condition.
const CONDITION_SCORE: f32 = 20.0;
/// Without a detected condition, the least text score worth showing.
pub const RELEVANCE_FLOOR: f32 = 7.0;
/// Field boosts: condition names and aliases > title > keywords > summary.
const BOOSTS: [f32; 4] = [3.0, 2.0, 1.5, 0.5];

/// What to search for.
#[derive(Debug, Clone, Copy)]
pub struct SearchRequest<'a> {
    pub region: &'a str,
    /// The asker's UK nation: its NHS publisher's pages lead (see [`crate::nation`]).
    pub nation: Option<crate::nation::Nation>,
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
    /// Dense id, used in [`Searcher::forward`].
    id: u32,
}

/// Everything needed to search one index generation. Built once per
/// generation and shared; each question only reads it.
pub struct Searcher {
    searcher: tantivy::Searcher,
    _reader: IndexReader,
    fields: Fields,
    /// Per segment: document id → catalog position.
    ords: Vec<Vec<u32>>,
    terms: FxHashMap<Box<str>, TermStats>,
    /// Per catalog position: the resource's terms (id, field bits), sorted
    /// by id. Ranks a detected condition's few pages without a text query.
    forward: Vec<Box<[(u32, u8)]>>,
    /// Documents in the index, for idf.
    num_docs: u64,
    lexicon: Lexicon,
    detector: Detector,
    /// Conditions described rather than named (`signs.toml`).
    signs: SignMatcher,
    stemmer: WordStemmer,
    /// Per-resource facts for picking the results.
    facts: Facts,
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
        let mut ords: Vec<Vec<u32>> = Vec::new();
        let mut terms: FxHashMap<Box<str>, TermStats> = FxHashMap::default();
        let mut forward: Vec<Vec<(u32, u8)>> = vec![Vec::new(); opened.catalog.resources.len()];
        for seg in searcher.segment_readers() {
            let column = seg.fast_fields().u64("ord")?;
            let seg_ords: Vec<u32> = (0..seg.max_doc())
                .map(|d| column.first(d).unwrap_or(0) as u32)
                .collect();
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
                    let next_id = terms.len() as u32;
                    let entry = terms.entry(key.into()).or_insert(TermStats {
                        fields: 0,
                        doc_freq: 0,
                        id: next_id,
                    });
                    entry.fields |= 1 << bit;
                    entry.doc_freq = entry.doc_freq.max(stream.value().doc_freq);
                    let mut postings = inverted
                        .read_postings_from_terminfo(stream.value(), IndexRecordOption::Basic)
                        .map_err(|e| SearchError::io(&opened.dir, e))?;
                    let mut doc = postings.doc();
                    while doc != TERMINATED {
                        if let Some(list) = seg_ords
                            .get(doc as usize)
                            .and_then(|&o| forward.get_mut(o as usize))
                        {
                            list.push((entry.id, 1 << bit));
                        }
                        doc = postings.advance();
                    }
                }
            }
            ords.push(seg_ords);
        }
        let forward = forward.into_iter().map(merge_fields).collect();
        let num_docs = searcher.num_docs();
        let mut stemmer = WordStemmer::default();
        let lexicon = Lexicon::new(&opened.catalog, &mut stemmer);
        Ok(Searcher {
            searcher,
            _reader: reader,
            fields,
            ords,
            terms,
            forward,
            num_docs,
            detector: Detector::new(&opened.catalog, &mut stemmer, &lexicon),
            signs: SignMatcher::new(&opened.catalog, &mut stemmer),
            lexicon,
            stemmer,
            facts: Facts::new(&opened.catalog),
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
        let detected = self.conditions(&words);
        let picked = self.pick_terms(&words, &detected);
        let top: Vec<(f32, usize)> = if detected.is_empty() {
            self.text_candidates(&picked, req)?
        } else {
            // A detected condition's few pages: from the condition lists
            // read out of the index when it was opened, scored in code.
            let weights: Vec<(u32, f32)> = detected
                .iter()
                .enumerate()
                .map(|(rank, d)| (d.condition, CONDITION_SCORE - rank as f32))
                .collect();
            let mut top =
                self.facts
                    .condition_candidates(&weights, req.region, CONDITION_CANDIDATES);
            let idfs = self.idfs(&picked);
            let sex = sex_of(&words);
            for (score, ord) in &mut top {
                *score += self.text_score(*ord, &picked, &idfs);
                if self.facts.for_other_sex(*ord, sex) {
                    *score -= OTHER_SEX_PENALTY;
                }
            }
            top.sort_by(|a, b| b.0.total_cmp(&a.0));
            top
        };
        let conditions: Vec<u32> = detected.iter().map(|d| d.condition).collect();
        // A symptom in second place ("back pain" beside "myeloma") does not
        // take the second slot: the first condition's pages fill it.
        let shared = match detected.get(1) {
            Some(d) if self.detector.gives_way(d) => 1,
            _ => 2,
        };
        let hits = select(
            catalog,
            &self.facts,
            top.into_iter(),
            &conditions,
            shared,
            req,
        );
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

    /// The conditions a question is about, in order: those named, then
    /// those described rather than named ("a cough like a seal": croup),
    /// then named symptoms and contexts ("cough", "pregnancy"), then
    /// medicines the patient is on ("I'm on metformin": background); a
    /// condition the question denies ("it wasn't a stroke") only when
    /// nothing else is found.
    fn conditions(&self, words: &[QueryWord<'_>]) -> Vec<Detected> {
        let named = self.detector.detect(words);
        let described = self.signs.detect(words, &named);
        let (denied, named): (Vec<Detected>, Vec<Detected>) =
            named.into_iter().partition(|d| d.denied);
        let (taken, named): (Vec<Detected>, Vec<Detected>) =
            named.into_iter().partition(|d| d.taken);
        let (symptoms, mut detected): (Vec<Detected>, Vec<Detected>) =
            named.into_iter().partition(|d| self.detector.gives_way(d));
        detected.extend(described);
        detected.extend(symptoms);
        detected.extend(taken);
        if detected.is_empty() {
            detected = denied;
        }
        detected.truncate(MAX_CONDITIONS);
        detected
    }

    /// The question's content words: cleaned, spell-corrected, stemmed.
    fn words(&self, question: &str, unknown: &mut Vec<String>) -> Vec<QueryWord<'_>> {
        let mut stemmer = None;
        let question = blood_pressure_shorthand(question);
        text::words(&question)
            .take(MAX_WORDS)
            .filter_map(|raw| {
                self.lexicon
                    .query_word(raw, &self.stemmer, &mut stemmer, unknown)
            })
            .collect()
    }

    /// The question's distinct searchable terms, rarest first. Without a
    /// detected condition everyday words are left out: alone they never
    /// make a question about health.
    fn pick_terms<'w>(
        &self,
        words: &'w [QueryWord<'_>],
        detected: &[Detected],
    ) -> Vec<(&'w str, TermStats)> {
        // Each term once, at its first mention: one bit per term id, a
        // few hundred words to clear where a hash set of stems grew and
        // rehashed for every question.
        let mut seen = Bits::new(self.terms.len());
        let mut picked: Vec<(&str, TermStats)> = words
            .iter()
            // Without a detected condition a lone letter or number is never
            // evidence on its own: "b" (from "b/p") found "Hepatitis B" for
            // a blood pressure question.
            .filter(|w| !(w.stop || detected.is_empty() && (w.common || lone_letter(&w.stem))))
            .filter_map(|w| {
                self.terms
                    .get(w.stem.as_ref())
                    .map(|s| (w.stem.as_ref(), *s))
            })
            .filter(|(_, s)| seen.insert(s.id as usize))
            .collect();
        picked.sort_by_key(|(_, s)| s.doc_freq);
        picked.truncate(MAX_TERMS);
        picked
    }

    /// Only resources the asker's region may see.
    fn region_filter(&self, region: &str) -> (Occur, Box<dyn Query>) {
        let serves = TermQuery::new(
            Term::from_field_text(self.fields.serves, region),
            IndexRecordOption::Basic,
        );
        (
            Occur::Must,
            Box::new(ConstScoreQuery::new(Box::new(serves), 0.0)),
        )
    }

    /// Without a detected condition: BM25 over condition names and aliases,
    /// titles and keywords (summaries are too weak a signal alone).
    fn text_query(&self, picked: &[(&str, TermStats)], region: &str) -> Option<Box<dyn Query>> {
        let f = &self.fields;
        let mut text: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (stem, stats) in picked {
            for (bit, field) in [f.cond, f.title, f.keywords].into_iter().enumerate() {
                if stats.fields & (1 << bit) != 0 {
                    let q = TermQuery::new(
                        Term::from_field_text(field, stem),
                        IndexRecordOption::WithFreqs,
                    );
                    text.push((
                        Occur::Should,
                        Box::new(BoostQuery::new(Box::new(q), BOOSTS[bit])),
                    ));
                }
            }
        }
        if text.is_empty() {
            return None;
        }
        Some(Box::new(BooleanQuery::new(vec![
            (Occur::Must, Box::new(BooleanQuery::new(text))),
            self.region_filter(region),
        ])))
    }

    /// Without a detected condition: tantivy's BM25 text query, as
    /// (score, catalog position).
    fn text_candidates(
        &self,
        picked: &[(&str, TermStats)],
        req: &SearchRequest<'_>,
    ) -> Result<Vec<(f32, usize)>, SearchError> {
        let Some(q) = self.text_query(picked, req.region) else {
            return Ok(Vec::new());
        };
        let limit = (req.k * 8).max(40);
        let top = self
            .searcher
            .search(&q, &TopDocs::with_limit(limit).order_by_score())?;
        Ok(top
            .into_iter()
            .filter_map(|(score, addr)| {
                let seg = self.ords.get(addr.segment_ord as usize)?;
                Some((score, *seg.get(addr.doc_id as usize)? as usize))
            })
            .collect())
    }

    /// Each picked term's idf, worked out once per question (not once per
    /// resource scored).
    fn idfs(&self, picked: &[(&str, TermStats)]) -> Vec<f32> {
        let n = self.num_docs as f32;
        picked
            .iter()
            .map(|(_, stats)| {
                let df = stats.doc_freq as f32;
                (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
            })
            .collect()
    }

    /// idf-weighted field matches of the question's terms in one resource:
    /// condition names and aliases > title > keywords > summary (summaries
    /// only for the rarest few terms). `idfs` are [`Self::idfs`] of `picked`.
    fn text_score(&self, ord: usize, picked: &[(&str, TermStats)], idfs: &[f32]) -> f32 {
        let Some(terms) = self.forward.get(ord) else {
            return 0.0;
        };
        let mut score = 0.0;
        for (i, ((_, stats), idf)) in picked.iter().zip(idfs).enumerate() {
            let Ok(at) = terms.binary_search_by_key(&stats.id, |(id, _)| *id) else {
                continue;
            };
            let fields = terms[at].1;
            let used = if i < SUMMARY_TERMS { 4 } else { 3 };
            for (bit, boost) in BOOSTS.iter().enumerate().take(used) {
                if fields & (1 << bit) != 0 {
                    score += idf * boost;
                }
            }
        }
        score
    }

    /// Condition names close to words nobody knew ("did you mean …?").
    fn did_you_mean(&self, catalog: &Catalog, unknown: &[String]) -> Vec<String> {
        // Closest first across the unknown words, then in question order.
        let mut near: Vec<(usize, usize, u32)> = unknown
            .iter()
            .take(10)
            .enumerate()
            .flat_map(|(i, word)| {
                let misses = self.lexicon.near_misses(word);
                misses.into_iter().map(move |(d, owner)| (d, i, owner))
            })
            .collect();
        near.sort_by_key(|&(d, i, _)| (d, i));
        let mut out: Vec<String> = Vec::new();
        for (_, _, owner) in near {
            let name = &catalog.conditions[owner as usize].name;
            if !out.contains(name) {
                out.push(name.clone());
            }
            if out.len() >= 3 {
                break;
            }
        }
        out
    }
}

/// A single letter or a bare number: never evidence on its own ("45" is in
/// Turner syndrome's keywords, not in a blood sugar question).
fn lone_letter(stem: &str) -> bool {
    let mut chars = stem.chars();
    let single = chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none();
    single || stem.chars().all(|c| c.is_ascii_digit())
}

/// Sort a resource's (term, field bit) pairs by term and merge the bits.
fn merge_fields(mut list: Vec<(u32, u8)>) -> Box<[(u32, u8)]> {
    list.sort_unstable();
    let mut out: Vec<(u32, u8)> = Vec::with_capacity(list.len());
    for (id, bits) in list {
        match out.last_mut() {
            Some(last) if last.0 == id => last.1 |= bits,
            _ => out.push((id, bits)),
        }
    }
    out.into_boxed_slice()
}
