//! Turning text into index terms, the same way on both sides.
//!
//! Documents go through tantivy's analyzer registered as [`TOKENIZER`].
//! Questions are split into the same words by [`crate::text::words`], each
//! word optionally spell-corrected, then stemmed by the same tantivy filters,
//! so a question term equals the indexed term for the same word.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer,
    Stemmer, StopWordFilter, TextAnalyzer,
};

/// Name the analyzer is registered under in the index schema.
pub const TOKENIZER: &str = "signpost_en";

/// Words too common to carry meaning (Lucene's English list, as tantivy's
/// English stop-word filter uses).
pub const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
    "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these",
    "they", "this", "to", "was", "will", "with",
];

/// The analyzer for indexed text: split, lower-case, fold accents, drop stop
/// words, stem.
pub fn index_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(StopWordFilter::new(Language::English).expect("tantivy ships English stop words"))
        .filter(Stemmer::new(Language::English))
        .build()
}

/// Stems one already-split word exactly as [`index_analyzer`] would.
#[derive(Clone)]
pub struct WordStemmer {
    analyzer: TextAnalyzer,
}

impl Default for WordStemmer {
    fn default() -> Self {
        let analyzer = TextAnalyzer::builder(RawTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::English))
            .build();
        WordStemmer { analyzer }
    }
}

impl WordStemmer {
    /// The stem of `word`, written into `out` (cleared first).
    pub fn stem_into(&mut self, word: &str, out: &mut String) {
        out.clear();
        let mut stream = self.analyzer.token_stream(word);
        if stream.advance() {
            out.push_str(&stream.token().text);
        }
    }

    /// The stem of `word`.
    pub fn stem(&mut self, word: &str) -> String {
        let mut out = String::new();
        self.stem_into(word, &mut out);
        out
    }
}

/// True for a stop word (already lower case).
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word)
}

/// Analyse text with the index analyzer, returning the terms.
#[cfg(test)]
pub fn index_terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_stems_equal_index_terms() {
        let mut idx = index_analyzer();
        let mut stemmer = WordStemmer::default();
        for w in ["diabetes", "migraines", "Alzheimers", "café", "running"] {
            assert_eq!(index_terms(&mut idx, w), vec![stemmer.stem(w)]);
        }
    }
}
