import type { StoredPaper } from "../store/paper-store.ts";
import { SETTINGS } from "./settings.ts";
import type { LibrarySnapshot } from "./snapshot.ts";
import { searchStem } from "./stem.ts";

/**
 * The few papers whose abstracts write a name of one word the library lacks a paper for ("DINOv2": the Q-Former
 * autoencoder uses it): closer than the titles spelt most like it (bird camera traps, Lie groups).
 */
export async function mentioning(name: string, snapshot: LibrarySnapshot): Promise<StoredPaper[] | undefined> {
  if (/\s/.test(name)) return undefined;
  const docs = [...snapshot.text.papersWith(searchStem(name))];
  return docs.length > 0 && docs.length <= SETTINGS.lookup.mentionedAtMost ? await snapshot.papers(docs) : undefined;
}
