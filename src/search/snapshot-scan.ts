import type { StoredPaper } from "../store/paper-store.ts";
import { AcronymCounter, AcronymIndex } from "./acronyms.ts";
import { DocTableBuilder } from "./doc-table.ts";
import { paperTerms } from "./paper-terms.ts";
import { LibrarySnapshot, type ReadPapers } from "./snapshot.ts";
import { TextIndexBuilder } from "./text-index-builder.ts";
import { nameUsage, TitleIndexBuilder } from "./title-index-builder.ts";

/** Papers per read from the store while building: enough for few round trips, few enough to hold lightly. */
const BATCH = 2_000;

/**
 * Builds the snapshot of a library read from the store a batch at a time,
 * holding no more than a batch of papers: the first pass makes the text
 * index, the paper table and the acronyms and counts the names abstracts
 * use; the second, over the same papers in the same order, makes the title
 * index, whose names need those counts.
 */
export async function scanSnapshot(scan: (batchSize: number) => AsyncIterable<StoredPaper[]>, read: ReadPapers): Promise<LibrarySnapshot> {
  const docs = new DocTableBuilder();
  const text = new TextIndexBuilder();
  const acronyms = new AcronymCounter();
  const usage = new Map<string, number>();
  for await (const batch of scan(BATCH)) {
    for (const paper of batch) {
      docs.add(paper);
      text.add(paperTerms(paper));
      acronyms.add(paper.abstract);
    }
    nameUsage(batch.map((paper) => paper.abstract), usage);
  }
  const table = docs.finish();
  const titles = new TitleIndexBuilder(usage);
  // The second pass streams the papers again; the store gives them in the same order unless the library
  // changed in between, and then the rest are read by id.
  let added = 0;
  second: for await (const batch of scan(BATCH)) {
    for (const paper of batch) {
      if (added === table.size || paper.id !== table.ids.at(added)) break second;
      titles.add(paper);
      added++;
    }
  }
  for (let start = added; start < table.size; start += BATCH) {
    const ids = Array.from({ length: Math.min(BATCH, table.size - start) }, (_, i) => table.ids.at(start + i));
    const byId = new Map((await read(ids)).map((paper) => [paper.id, paper]));
    // A paper deleted since the first pass keeps its place, known by its title alone.
    ids.forEach((id, i) => titles.add(byId.get(id) ?? { title: table.titles.at(start + i), abstract: "" }));
  }
  return LibrarySnapshot.fromParts({ docs: table, text: text.finish(), titles: titles.finish(table.titles), acronyms: AcronymIndex.fromJSON(acronyms.acronyms()) }, read);
}
