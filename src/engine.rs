//! The whole answer path: screen → search → [`Reply`].
//!
//! An [`Engine`] is one loaded index generation with its catalog, safety
//! rules and searcher. It is immutable: front ends share it behind an `Arc`
//! and swap in a new one when the catalog changes, so answers in flight
//! finish on the engine they started with.

use std::collections::HashMap;
use std::path::PathBuf;

use time::Date;

use crate::catalog::{self, Catalog, Diagnostics, LoadOptions, REGIONS};
use crate::fallback::{self, Fallback};
use crate::nation::Nation;
use crate::reply::{Reply, Urgent};
use crate::safety::{Readings, Screener, Screening};
use crate::search::{self, BuildSummary, Found, IndexMeta, SearchError, SearchRequest, Searcher};
use crate::text;

mod explain;
mod reply;

/// Most results an answer may carry.
pub const MAX_RESULTS: usize = 5;
/// Results when nobody asked for a number.
pub const DEFAULT_RESULTS: usize = 3;

/// Where the catalog and the index live.
#[derive(Debug, Clone)]
pub struct Paths {
    pub resources: PathBuf,
    pub index: PathBuf,
}

/// Per-question options.
#[derive(Debug, Clone)]
pub struct AskOptions {
    /// Region code of the asker (`uk`, `us`, ...). Unknown codes use `global`.
    pub region: String,
    /// How many results at most (clamped to 1..=5).
    pub k: usize,
    /// The asker's UK nation, when known (ignored outside `uk`): NHS inform
    /// leads in Scotland, and only the nation's own contacts are shown.
    pub nation: Option<Nation>,
    /// Other regions' pages to try when the region has none that fit.
    pub fallback: Fallback,
    /// Answer as of this date (review deadlines are checked against it);
    /// `None`: today. Tests pin it so the calendar cannot break them.
    pub on: Option<Date>,
}

impl Default for AskOptions {
    fn default() -> Self {
        AskOptions {
            region: "uk".into(),
            k: DEFAULT_RESULTS,
            nation: None,
            fallback: Fallback::Default,
            on: None,
        }
    }
}

/// How the index came to be current when the engine opened.
#[derive(Debug)]
pub enum Freshness {
    /// The index already matched the catalog.
    UpToDate,
    /// The index was missing, stale or unreadable and was rebuilt.
    Rebuilt(BuildSummary),
    /// The catalog on disk has errors; the last good index is answering.
    LastGood { diagnostics: Diagnostics },
}

/// Why an engine could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("the catalog has {} error(s); run `signpost check` to see them with file and line", .0.error_count())]
    Catalog(Diagnostics),
    #[error(
        "the catalog has errors and there is no earlier good index to fall back on; run `signpost check`"
    )]
    NoGoodIndex(Diagnostics),
    #[error(transparent)]
    Search(#[from] SearchError),
}

/// Loaded catalog, safety rules and index, ready to answer questions.
pub struct Engine {
    catalog: Catalog,
    screener: Screener,
    /// Numbers that mean danger, screened beside the phrases.
    readings: Readings,
    searcher: Searcher,
    meta: IndexMeta,
    /// Each region's safety-net line, built once: it ends every answer.
    safety_nets: HashMap<String, Urgent>,
    /// The UK's safety-net line for each nation.
    nation_nets: HashMap<Nation, Urgent>,
    /// Marks the index generation in use, so another process's garbage
    /// collection leaves it alone while this engine serves it.
    _in_use: search::generations::InUse,
}

/// Today's date in UTC, or `SIGNPOST_TODAY` (YYYY-MM-DD) when set, so tests
/// and review rehearsals can pin the date.
pub fn today() -> Date {
    // Read once: the environment does not change under a running process,
    // and every answer asks.
    static PINNED: std::sync::OnceLock<Option<Date>> = std::sync::OnceLock::new();
    PINNED
        .get_or_init(|| {
            std::env::var("SIGNPOST_TODAY")
                .ok()
                .and_then(|s| catalog::parse_date(&s))
        })
        .unwrap_or_else(|| time::OffsetDateTime::now_utc().date())
}

impl Engine {
    /// Load the catalog and open its index, rebuilding the index when it is
    /// missing, stale or unreadable. A catalog with errors is refused.
    pub fn open(paths: &Paths) -> Result<Engine, EngineError> {
        let loaded = catalog::load_dir(&paths.resources, LoadOptions { today: today() });
        let Some(catalog) = loaded.catalog else {
            return Err(EngineError::Catalog(loaded.diagnostics));
        };
        Ok(Self::fresh(&catalog, paths)?.0)
    }

    /// Like [`Engine::open`], but when the catalog has errors keep answering
    /// from the last good index (reported as [`Freshness::LastGood`]).
    pub fn open_or_last_good(paths: &Paths) -> Result<(Engine, Freshness), EngineError> {
        let loaded = catalog::load_dir(&paths.resources, LoadOptions { today: today() });
        match loaded.catalog {
            Some(catalog) => Self::fresh(&catalog, paths),
            None => match Self::from_index(paths) {
                Ok(engine) => Ok((
                    engine,
                    Freshness::LastGood {
                        diagnostics: loaded.diagnostics,
                    },
                )),
                Err(_) => Err(EngineError::NoGoodIndex(loaded.diagnostics)),
            },
        }
    }

    /// Open the current index generation as it is, without the TOML files.
    pub fn from_index(paths: &Paths) -> Result<Engine, SearchError> {
        let opened = search::open(&paths.index)?;
        let searcher = Searcher::new(&opened)?;
        let mut catalog = opened.catalog;
        // The screener owns the learned model: serving needs no second copy,
        // and new indexes are built from the catalog folder, not this one.
        let model = catalog.safety.model.take();
        let safety = &catalog.safety;
        let safety_nets = REGIONS
            .iter()
            .map(|r| (r.to_string(), safety.safety_net(r, None)))
            .collect();
        let nation_nets = Nation::ALL
            .into_iter()
            .map(|n| (n, safety.safety_net("uk", Some(n))))
            .collect();
        let (screener, readings) = (Screener::new(safety, model), Readings::new(safety));
        Ok(Engine {
            screener,
            readings,
            searcher,
            meta: opened.meta,
            catalog,
            safety_nets,
            nation_nets,
            _in_use: opened.in_use,
        })
    }

    fn fresh(catalog: &Catalog, paths: &Paths) -> Result<(Engine, Freshness), EngineError> {
        if let Ok(engine) = Self::from_index(paths)
            && engine.meta.fingerprint == catalog.fingerprint
        {
            return Ok((engine, Freshness::UpToDate));
        }
        let summary = search::build(catalog, &paths.index)?;
        Ok((Self::from_index(paths)?, Freshness::Rebuilt(summary)))
    }

    /// The catalog this engine answers from.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The safety-net line for `region` and UK `nation` (unknown codes get
    /// `global`'s; a nation outside `uk` is ignored).
    pub fn safety_net(&self, region: &str, nation: Option<Nation>) -> Urgent {
        if let Some(net) = nation
            .filter(|_| region == "uk")
            .and_then(|n| self.nation_nets.get(&n))
        {
            return net.clone();
        }
        self.safety_nets
            .get(region)
            .or_else(|| self.safety_nets.get("global"))
            .cloned()
            .unwrap_or_default()
    }

    /// What the index records about its build.
    pub fn meta(&self) -> &IndexMeta {
        &self.meta
    }

    /// Whether the safety screen alone would raise an alarm: microseconds,
    /// so the adapters can hold back cooling-down askers before the search
    /// runs while never holding back a crisis.
    pub fn sounds_like_crisis(&self, question: &str) -> bool {
        let lower = text::clean_keep_case(question).to_lowercase();
        self.screen(&lower, None).is_some()
    }

    /// Screen cleaned, lower-cased text: the phrases (and the learned
    /// model), then the readings. `region` decides ambiguous glucose units
    /// (`None`: either may alarm).
    fn screen(&self, lower: &str, region: Option<&str>) -> Option<Screening> {
        let screening = self.screener.screen_cleaned(lower);
        self.readings.add_to(screening, lower, region)
    }

    /// Answer one question. Never panics on any input and never echoes the
    /// question: the reply holds only catalog content.
    pub fn answer(&self, question: &str, opts: &AskOptions) -> Reply {
        self.answer_on(question, opts, opts.on.unwrap_or_else(today))
    }

    /// [`Engine::answer`] on a given date (review deadlines are checked against it).
    pub fn answer_on(&self, question: &str, opts: &AskOptions, today: Date) -> Reply {
        // Lengths, counts and timings only: never the question's words.
        let span =
            tracing::debug_span!("answer", chars = question.chars().count(), region = %opts.region);
        let _entered = span.enter();
        let started = std::time::Instant::now();
        let reply = self.answer_inner(question, opts, today);
        tracing::debug!(
            results = reply.results.len(),
            emergency = reply.emergency.is_some(),
            no_match = reply.no_match,
            micros = started.elapsed().as_micros() as u64,
            "answered"
        );
        reply
    }

    fn answer_inner(&self, question: &str, opts: &AskOptions, today: Date) -> Reply {
        let region = if REGIONS.contains(&opts.region.as_str()) {
            opts.region.as_str()
        } else {
            "global"
        };
        let place = Place {
            region,
            nation: opts.nation.filter(|_| region == "uk"),
        };
        // Clean once: screening reads the lower-cased text, search needs the
        // capitals (abbreviations such as `MS`).
        let kept = text::clean_keep_case(question);
        let lower = kept.to_lowercase();
        let emergency = self
            .screen(&lower, Some(region))
            .and_then(|s| self.catalog.safety.emergency(&s, region, place.nation));
        if !text::has_words(&kept) {
            let message = &self.catalog.notice.empty_question;
            return self.no_match(place, emergency, message, Vec::new());
        }
        let searched = text::prefix_chars(&kept, text::MAX_SEARCH_CHARS);
        let k = opts.k.clamp(1, MAX_RESULTS);
        let (found, from) = self.search_chain(
            searched,
            place,
            &opts.fallback,
            k,
            emergency.is_some(),
            today,
        );
        if found.hits.is_empty() {
            let message = &self.catalog.notice.no_match;
            return self.no_match(place, emergency, message, found.did_you_mean);
        }
        let fallback_region = from.iter().find(|r| **r != region).map(|r| r.to_string());
        Reply {
            emergency,
            results: found
                .hits
                .iter()
                .zip(&from)
                .map(|(h, r)| self.result_item(h, (*r != region).then(|| fallback::label(r))))
                .collect(),
            notice: self.catalog.notice.text.clone(),
            no_match: false,
            no_match_help: None,
            region: region.to_string(),
            urgent: self.safety_net(region, place.nation),
            detected: found
                .conditions
                .iter()
                .map(|&c| self.catalog.conditions[c as usize].name.clone())
                .collect(),
            fallback_region,
        }
    }

    /// Search the region, then the fallback chain when the region has no
    /// page about the condition the question is mainly about (or none at
    /// all): the found set, and each hit's region. Conditions and "did you
    /// mean" come from the first search. The nation only applies to the
    /// asker's own region's pages.
    ///
    /// Beside an emergency block (`beside_emergency`), a page found only
    /// by loose text match ("collapsed" → Flat feet, through "collapsed
    /// arches") is noise at the worst moment: without a condition the
    /// message names or describes there are no pages, and the chain is not
    /// searched.
    fn search_chain<'a>(
        &self,
        question: &str,
        place: Place<'a>,
        fallback: &Fallback,
        k: usize,
        beside_emergency: bool,
        today: Date,
    ) -> (Found, Vec<&'a str>) {
        let search = |r: &str| {
            let request = SearchRequest {
                region: r,
                nation: place.nation.filter(|_| r == place.region),
                k,
                today,
            };
            self.searcher
                .search(&self.catalog, question, &request)
                .unwrap_or_else(|e| {
                    tracing::error!(error = %e, "search failed; answering with no results");
                    Found::default()
                })
        };
        let mut found = search(place.region);
        if beside_emergency && found.conditions.is_empty() {
            found.hits.clear();
            return (found, Vec::new());
        }
        let main = found.conditions.first().map(|&c| c as usize);
        let local = vec![place.region; found.hits.len()];
        if fallback::covers(&self.catalog, &found.hits, main) {
            return (found, local);
        }
        for next in fallback.chain(place.region) {
            let Some(&code) = REGIONS.iter().find(|c| **c == next) else {
                continue;
            };
            let other = search(code);
            // With local pages, only a chain region that has the main
            // condition's page is worth mixing in; with none, any page that fits.
            let fits = if found.hits.is_empty() {
                !other.hits.is_empty()
            } else {
                fallback::covers(&self.catalog, &other.hits, main)
            };
            if !fits {
                continue;
            }
            let merged = fallback::merge(&self.catalog, &found.hits, &other.hits, main, k);
            let regions = merged
                .iter()
                .map(|(_, local)| if *local { place.region } else { code })
                .collect();
            found.hits = merged.into_iter().map(|(h, _)| h).collect();
            return (found, regions);
        }
        (found, local)
    }
}

/// Where an asker is: a known region and, in the UK, maybe a nation.
#[derive(Debug, Clone, Copy)]
struct Place<'a> {
    region: &'a str,
    nation: Option<Nation>,
}
