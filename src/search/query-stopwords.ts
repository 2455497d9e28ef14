import { isStopword } from "../embed/tokens.ts";

/**
 * Words that carry no topic in a chat question: the standard English
 * function words (NLTK's list) beyond the indexing stopwords, and the
 * framing people wrap a question in ("is there work on", "how do people",
 * "what's out there"). Applied to questions only, so stored papers and
 * their embeddings do not change.
 */
const QUESTION_STOPWORDS = new Set(
  ("about above after again against all am any anyone anything aren because before below both couldn didn doesn don down during each " +
    "few further hadn hasn haven he her here hers herself him himself his isn just me mightn mine my myself needn no nor not now off once " +
    "only other ours ourselves out own same shan she should shouldn some someone something t too until very wasn weren what whom won wouldn " +
    "y yours yourself yourselves s d ll m o re ve ain " +
    // Chat framing.
    "anybody everyone people folks want need like looking look find know tell show give list recommend suggest " +
    "paper papers work works research article articles study studies stuff thing things way ways approach approaches " +
    "does did doing done get gets getting got please thanks much many lot lots really actually also there " +
    // "how does quantization help serving?", "what's hot in …", "btw", "hmm ok": the asking, not the topic.
    "help helps helped helping helpful hot btw hmm " +
    // Chat shorthand: "ngl i need papers on speculative decoding rn", "anything on swin transformers lol".
    "lol lmao ngl tbh rn asap imo imho lmk fwiw idk iirc afaik pls plz thx ty tho ok okay hey hi yo gonna wanna kinda sorta " +
    // Function words NLTK leaves out: "predict whether" is no phrase of a topic ("to predict whether a given pair of vertices …").
    "whether several various " +
    // "with hardly any labels" is "with few labels": the stem of "hardly" is "hard", as in "hard labels".
    "hardly barely scarcely").split(" "),
);

export function isQuestionStopword(word: string): boolean {
  return isStopword(word) || QUESTION_STOPWORDS.has(word) || (word.length === 1 && !/\d/.test(word));
}
