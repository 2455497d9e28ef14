/**
 * Contractions typed in chat without their apostrophe ("whats", "hows", "dont"), written with it: the question's
 * frames read "what's", and a spelling fix would otherwise take "whats" for a clipped name ("WhatsNet"). Only forms
 * that are no word of their own: "its", "cant", "wont", "ill", "were" and "well" are words, so they stay.
 */
const CONTRACTIONS = new Map(
  Object.entries({
    whats: "what's",
    hows: "how's",
    wheres: "where's",
    whos: "who's",
    thats: "that's",
    theres: "there's",
    heres: "here's",
    dont: "don't",
    doesnt: "doesn't",
    didnt: "didn't",
    isnt: "isn't",
    arent: "aren't",
    wasnt: "wasn't",
    werent: "weren't",
    havent: "haven't",
    hasnt: "hasn't",
    shouldnt: "shouldn't",
    couldnt: "couldn't",
    wouldnt: "wouldn't",
    youre: "you're",
    theyre: "they're",
    ive: "I've",
    im: "I'm",
  }),
);

export function withApostrophes(text: string): string {
  // "w/ grokking", "w/o labels": chat's with and without, which the frames and the stopwords read as words.
  // "can u find me …": chat's "u" after the words that ask with it, and "ur" (a "U-Net" or "u net" is no "you").
  const spelt = text
    .replace(/(?<![\p{L}\p{N}])w\/o(?![\p{L}\p{N}])/giu, "without")
    .replace(/(?<![\p{L}\p{N}])w\/(?=\s)/giu, "with")
    .replace(/(?<=\b(?:can|could|would|will|do|did|are|r|have|thank|if|know|let)\s)u(?=\s)/gi, "you")
    .replace(/(?<=^|\s)ur(?=\s)/g, "your")
    // "from this yr", "the last 2 yrs": chat's year.
    .replace(/(?<=\b(?:this|last|past|next|previous|a|one|per|\d+)\s+)yr(s?)\b/gi, "year$1")
    // "the data cant leave each site": "cant" and "wont" before a verb are chat's can't and won't; as words of their
    // own (a "cant", "as is his wont") a function word or the end of the phrase follows them.
    .replace(/\b(cant|wont)(?=\s+[a-z])(?!\s+(?:and|or|of|is|was|the|a|an|in|on|for|with|to)\b)/gi, (word) => `${word.slice(0, 3)}'t`);
  return spelt.replace(/\b[A-Za-z]+\b/g, (word) => {
    const full = CONTRACTIONS.get(word.toLowerCase());
    if (!full) return word;
    return word[0] === word[0]!.toUpperCase() ? full[0]!.toUpperCase() + full.slice(1) : full;
  });
}
