/** The signals the relevance decision weighs, each in [0, 1]. */
export type RelevanceSignals = {
  /** Share of the topic's IDF weight found in the best of the top papers. */
  coverage: number;
  /**
   * Share of the topic's IDF weight in words the best papers lack, each
   * counted by how specialised it is in general English: a missing
   * "seismic" says the library lacks the topic, a missing "changing" only
   * that the question was worded differently.
   */
  missingSpecific: number;
  /** The same, for words no paper in the library uses at all. */
  unknownSpecific: number;
  /** Cosine similarity of the best vector match. */
  vector: number;
  /** How far the best vector match stands above the background (the list's weakest candidate). */
  vectorGap: number;
  /** How far the best BM25 score stands above the tenth, relative to the best. */
  lexicalGap: number;
  /** Share of the top ten both lists agree on. */
  agreement: number;
  /**
   * Share of the best lexical match's score that its strongest query term
   * gives: an absent topic is typically matched through one incidental word
   * ("protein" mentioned once in an attention paper), a covered one through
   * several of its words together.
   */
  dominance: number;
  /**
   * Share of the topic's IDF weight in a best paper's title (the first
   * three, discounted by rank): papers on a topic name it there, an
   * incidental match does not.
   */
  titleCoverage: number;
  /**
   * The same with each word also weighed by how specialised it is in general
   * English (see `titleEverydayWeight`): a title naming "LLMs" and "CPUs"
   * names "running LLMs on CPUs", and one naming only "nets" and "texts"
   * names little.
   */
  titleSpecific: number;
  /** The same without the discount: the largest share of the topic's IDF weight one of the best papers' titles holds. */
  titleNamed: number;
  /**
   * How many words the question spends on its topic, stopwords included, on
   * a log scale (1 at `wordyAt` or more): a topic named in a few words whose
   * key word the library lacks is absent, while one described at length in
   * everyday words leaves some of them unmatched even when the library
   * covers it.
   */
  wordiness: number;
};

/** What the lists looked like, for the signals that compare them. */
export type ListShape = { lexical: { doc: number; score: number }[]; vector: { doc: number; score: number }[] };
