/**
 * Some model families were trained with an instruction before the query (or
 * before both sides) and retrieve worse without it. Matched on the model name.
 */
export type Prefixes = { query: string; document: string };

const FAMILIES: { pattern: RegExp; prefixes: Prefixes }[] = [
  // BAAI's English bge models: an instruction on short queries, none on passages.
  { pattern: /(^|\/)bge-[\w.-]*-en\b/i, prefixes: { query: "Represent this sentence for searching relevant passages: ", document: "" } },
  // E5 marks both sides.
  { pattern: /(^|\/)(multilingual-)?e5-/i, prefixes: { query: "query: ", document: "passage: " } },
];

export function prefixesFor(model: string): Prefixes {
  return FAMILIES.find((family) => family.pattern.test(model))?.prefixes ?? { query: "", document: "" };
}
