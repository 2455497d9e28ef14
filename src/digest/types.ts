/** A channel's daily digest: where, what about, and when (in the channel's time zone). */
export type Subscription = {
  /** "<platform>:<channel id>", as the platform's adapter names its channels. */
  channel: string;
  topic?: string;
  /** "HH:MM", 24-hour. */
  time: string;
  timeZone: string;
  /** The last day (YYYY-MM-DD, in the time zone) a digest covered; the next run starts the day after. */
  lastDate?: string;
};

export type DigestItem = {
  id: string;
  title: string;
  url: string;
  upvotes: number;
  publishedAt?: string;
  /** One line: the language model's TL;DR, or the abstract's most informative sentence. */
  summary: string;
  /** Why a topic filter chose it, e.g. "matches: kv cache, compression". */
  why?: string;
};

export type Digest = {
  channel: string;
  /** First and last day covered (the same day unless catching up). */
  from: string;
  to: string;
  topic?: string;
  items: DigestItem[];
  /** When empty: how many papers were searched and their date range, for the "no new papers" note. */
  coverage: { papers: number; earliest?: string; latest?: string; undated?: number };
  /** Papers left out because this channel already had them. */
  skippedAlreadyPosted: number;
  /** The last day a digest reached this channel before this one. */
  since?: string;
  /** Embedded in the post so a crashed run can find out whether it went out. */
  key: string;
  /** The channel's first digest: it covers the past week rather than one day. */
  first?: boolean;
  /** Papers that qualified but did not fit under the limit. */
  more?: number;
  /** Bulk imports announced once instead of listed: the library grew, but with old papers. */
  imports?: ImportNote[];
  /** A preview (`digest show`, `--dry-run`): nothing was posted or logged. */
  preview?: boolean;
};

/** A bulk import as the digest announces it. */
export type ImportNote = {
  /** The day it was added, in the channel's time zone. */
  day: string;
  papers: number;
  undated: number;
  earliest?: string;
  latest?: string;
};
