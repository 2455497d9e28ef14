import type { PaperFilters, StoredPaper } from "../store/paper-store.ts";
import type { Sections } from "../packed/index-file.ts";
import { Int32List } from "../packed/growable.ts";
import { StringListBuilder } from "../packed/string-list-builder.ts";
import { StringList, StringTable } from "../packed/string-table.ts";

/** How many papers pass some filters, and the date range they span. */
/** `undated`: how many of the papers have no publication date, so the range is not read as covering them. */
export type Coverage = { papers: number; earliest?: string; latest?: string; undated?: number };

/**
 * What search needs of every paper without holding the papers: its id (the
 * text and title indexes know papers by position), title, date and upvotes,
 * for filters and "nothing matches those dates" replies. The papers
 * themselves stay in the store and are read for the few a search returns.
 */
export class DocTable {
  readonly ids: StringTable;
  readonly titles: StringList;
  /** Publication date as yyyymmdd; 0 when unknown. */
  readonly published: Int32Array;
  readonly upvotes: Int32Array;

  private constructor(ids: StringTable, titles: StringList, published: Int32Array, upvotes: Int32Array) {
    this.ids = ids;
    this.titles = titles;
    this.published = published;
    this.upvotes = upvotes;
  }

  static fromParts(ids: StringTable, titles: StringList, published: Int32Array, upvotes: Int32Array): DocTable {
    return new DocTable(ids, titles, published, upvotes);
  }

  static fromSections(sections: Sections): DocTable {
    const s = sections as { idBytes: Uint8Array; idOffsets: Int32Array; idSlots: Int32Array; titleBytes: Uint8Array; titleOffsets: Int32Array; published: Int32Array; upvotes: Int32Array };
    return new DocTable(new StringTable(s.idBytes, s.idOffsets, s.idSlots), new StringList(s.titleBytes, s.titleOffsets), s.published, s.upvotes);
  }

  sections(): Sections {
    return {
      idBytes: this.ids.bytes, idOffsets: this.ids.offsets, idSlots: this.ids.slots,
      titleBytes: this.titles.bytes, titleOffsets: this.titles.offsets, published: this.published, upvotes: this.upvotes,
    };
  }

  get size(): number {
    return this.published.length;
  }

  /** The paper's position, or undefined when the library lacks it. */
  docOf(id: string): number | undefined {
    const doc = this.ids.idOf(id);
    return doc < 0 ? undefined : doc;
  }

  /** The constraints the store applies inside its queries, by position: a paper without a date passes no date constraint. */
  filter(filters: PaperFilters): ((doc: number) => boolean) | undefined {
    const { from, to, minUpvotes } = filters;
    if (!from && !to && minUpvotes === undefined) return undefined;
    const low = from ? dayNumber(from) : 0;
    const high = to ? dayNumber(to) : 0;
    const floor = minUpvotes === undefined ? undefined : Math.floor(minUpvotes);
    return (doc) => {
      const day = this.published[doc]!;
      return (!low || (day !== 0 && day >= low)) && (!high || (day !== 0 && day <= high)) && (floor === undefined || this.upvotes[doc]! >= floor);
    };
  }

  coverage(filters: PaperFilters = {}): Coverage {
    const passes = this.filter(filters) ?? (() => true);
    let papers = 0;
    let undated = 0;
    let earliest = Infinity;
    let latest = 0;
    for (let doc = 0; doc < this.size; doc++) {
      if (!passes(doc)) continue;
      papers++;
      const day = this.published[doc]!;
      if (day === 0) {
        undated++;
        continue;
      }
      earliest = Math.min(earliest, day);
      latest = Math.max(latest, day);
    }
    return { papers, ...(latest > 0 && { earliest: isoDate(earliest), latest: isoDate(latest) }), ...(undated > 0 && { undated }) };
  }
}

/** A DocTable made one paper at a time, as papers are read from the store, its strings packed as they come. */
export class DocTableBuilder {
  readonly #ids = new StringListBuilder();
  readonly #titles = new StringListBuilder();
  readonly #published = new Int32List();
  readonly #upvotes = new Int32List();

  add(paper: Pick<StoredPaper, "id" | "title" | "publishedAt" | "upvotes">): void {
    this.#ids.add(paper.id);
    this.#titles.add(paper.title);
    this.#published.push(dayNumber(paper.publishedAt));
    this.#upvotes.push(paper.upvotes);
  }

  finish(): DocTable {
    return DocTable.fromParts(StringTable.ofList(this.#ids.finish()), this.#titles.finish(), this.#published.toArray(), this.#upvotes.toArray());
  }
}

/** "2024-05-01" → 20240501; papers carry plain ISO dates, so the order of the numbers is the order of the dates. */
function dayNumber(date: string | undefined): number {
  return date ? Number(date.slice(0, 10).replaceAll("-", "")) : 0;
}

function isoDate(day: number): string {
  const text = String(day);
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}
