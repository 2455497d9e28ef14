import { describe, expect, it } from "vitest";
import { paperDetailReply, withMissingDetails } from "../../src/answer/detail-replies.ts";
import { detailsReply, filteredReply, orderedReply, withCodeLinks } from "../../src/answer/list-replies.ts";
import { narrowedReply } from "../../src/answer/narrowed-reply.ts";
import type { StoredPaper } from "../../src/store/paper-store.ts";

const paper = (n: number, extra: Partial<StoredPaper> = {}): StoredPaper => ({ id: `p${n}`, title: `Paper ${n}`, abstract: "We study graphs. We find they help.", url: `https://example.org/${n}`, upvotes: 0, ...extra }) as StoredPaper;

describe("replies about the papers a thread lists", () => {
  it("speaks of a one-paper list as that paper, not as 'one of those 1 papers'", () => {
    expect(narrowedReply("graphs", [paper(1)], new Map([["graph", 1]])).text).toMatch(/^That paper mentions \*\*graphs\*\*:/);
    expect(filteredReply([paper(1, { publishedAt: "2024-05-01" })], { from: "2024-01-01", to: "2024-12-31" }).text).toMatch(/^That paper is /);
    expect(narrowedReply("graphs", [paper(1), paper(2, { abstract: "Nothing here." })], new Map([["graph", 1]])).text).toMatch(/^One of those 2 papers mentions/);
    expect(narrowedReply("graphs", [paper(1), paper(2)], new Map([["graph", 1]])).text).toMatch(/^Both papers mention \*\*graphs\*\*:/);
    expect(narrowedReply("graphs", [paper(1), paper(2), paper(3)], new Map([["graph", 1]])).text).toMatch(/^All 3 of those papers mention/);
    // A list with no dates cannot be filtered by them: said so, not "none is from 2024".
    expect(filteredReply([paper(1), paper(2)], { from: "2024-01-01", to: "2024-12-31" }).text).toMatch(/^None of those 2 papers has a date in the library, so I cannot tell which are /);
    expect(filteredReply([paper(1)], { from: "2024-01-01", to: "2024-12-31" }).text).toMatch(/^That paper has no date in the library/);
    // Whole years read as years.
    expect(filteredReply([paper(1, { publishedAt: "2025-04-12" }), paper(2)], { from: "2024-01-01", to: "2025-12-31" }).text).toMatch(/^One of those 2 papers is from 2024 to 2025:/);
    expect(orderedReply("upvotes", [paper(1), paper(2)]).text).toMatch(/^None of those papers has upvotes in the library/);
    // One without upvotes among others is said to have none recorded, not "0 upvotes".
    const ordered = orderedReply("upvotes", [paper(1), paper(2, { upvotes: 4 })]).text;
    expect(ordered).toMatch(/\*\*Paper 1\*\* \[2\], no upvotes in the library/);
    expect(ordered).not.toMatch(/0 upvotes/);
    expect(orderedReply("oldest", [paper(1), paper(2)]).text).toMatch(/so I cannot tell which is oldest\.$/);
  });

  it("names the rarest word asked that some listed papers write, when none writes it all", () => {
    // "release" is rarer than "dataset", but no paper listed writes it: the ones writing "dataset" are what was looked for.
    const share = paper(1, { abstract: "We introduce the ShareGPT4V dataset of captions." });
    const weights = new Map([["releas", 3], ["dataset", 1]]);
    const reply = narrowedReply("release a dataset", [share, paper(2)], weights);
    expect(reply.text).toMatch(/^One of those 2 papers mentions \*\*dataset\*\*, though none writes \*\*release a dataset\*\* as such:/);
    expect(reply.citations.map((citation) => citation.title)).toEqual([share.title]);
    // A word every paper listed writes says nothing of which.
    expect(narrowedReply("release a dataset", [share, { ...share, id: "p3" }], weights).text).toMatch(/^None of those 2 papers mentions/);
  });

  it("keeps a listed paper that writes the words asked in another inflection, not another word of the family", () => {
    const distServe = paper(1, { title: "DistServe: Disaggregating Prefill and Decoding for Goodput-optimized LLM Serving" });
    const weights = new Map([["disaggreg", 1], ["prefil", 1], ["decod", 1]]);
    expect(narrowedReply("disaggregate prefill decode", [distServe, paper(2)], weights).citations.map((citation) => citation.title)).toEqual([distServe.title]);
    // An adverb says how, not what: "prefill decode separately" is what DistServe does, though it never writes "separately".
    expect(narrowedReply("prefill decode separately", [distServe, paper(2)], weights).citations.map((citation) => citation.title)).toEqual([distServe.title]);
    // A hyphenated word is held whole: "1.5 times … 3 bits" does not write "1-bit"; "1-bit" and "1 bit" do.
    const bits = paper(4, { abstract: "The kernel is 1.5 times faster at 3 bits." });
    expect(narrowedReply("1-bit", [bits], new Map([["1", 1], ["bit", 1]]), { without: true }).text).toMatch(/^That paper does not mention \*\*1-bit\*\*: the list stands as it was\./);
    expect(narrowedReply("1-bit", [paper(5, { abstract: "A 1 bit LLM." })], new Map([["1", 1], ["bit", 1]])).text).toMatch(/^That paper mentions/);
    const transformation = paper(3, { abstract: "A transformation of graphs." });
    expect(narrowedReply("transformers", [transformation], new Map([["transform", 1]])).text).toMatch(/^That paper does not mention/);
  });

  it("narrows to the papers on either side of 'X or Y', in the list's order", () => {
    const mobile = paper(1, { title: "MobileDets: Searching for Object Detection Architectures for Mobile Accelerators", abstract: "Detection on mobile devices." });
    const hardware = paper(2, { title: "ProxylessNAS: Direct Neural Architecture Search on Target Task and Hardware", abstract: "Search for each hardware platform." });
    const weights = new Map([["mobil", 1], ["devic", 1], ["hardwar", 1]]);
    const reply = narrowedReply("mobile devices or hardware", [paper(3), mobile, hardware], weights);
    expect(reply.text).toMatch(/^2 of those 3 papers mention \*\*mobile devices or hardware\*\*:/);
    expect(reply.citations.map((citation) => citation.title)).toEqual([mobile.title, hardware.title]);
  });

  it("narrows to a topic of several words by the papers whose titles name it or whose text writes it as a phrase, when any does", () => {
    const inference = paper(1, { title: "Expert Affinity for MoE Inference", abstract: "Training takes long. Our system serves experts." });
    const hetu = paper(2, { title: "HetuMoE: A Distributed Training System", abstract: "We train experts." });
    const seMoe = paper(3, { title: "SE-MoE: A Distributed Training and Inference System", abstract: "We train and serve experts." });
    const weights = new Map([["train", 1], ["system", 1]]);
    // Each writes "training" and "system"; only two are about training systems.
    expect(narrowedReply("training systems", [inference, hetu, seMoe], weights).citations.map((citation) => citation.title)).toEqual([hetu.title, seMoe.title]);
    // No paper naming it so: every paper writing its words, as before.
    expect(narrowedReply("training systems", [inference], weights).text).toMatch(/^That paper mentions \*\*training systems\*\*:/);
  });

  it("says first what the library lacks of a detail asked of several papers listed, once for them all", () => {
    const papers = [paper(1, { authorCount: 3, publishedAt: "2024-01-01" }), paper(2, { authorCount: 4 })];
    const reply = withMissingDetails(detailsReply(papers), "who wrote them?", papers);
    expect(reply.text).toMatch(/^The library does not record these papers' authors' names, only how many each has \(beside it below\)\.\n\n\*\*Paper 1\*\*/);
    expect(withMissingDetails(detailsReply(papers), "when were they published?", papers).text).toMatch(/^The library has no publication date for 1 of them\./);
    expect(withMissingDetails(detailsReply(papers), "what do they propose?", papers).text).toMatch(/^\*\*Paper 1\*\*/);
  });

  it("gives the code links an abstract holds when asked for code, or says it holds none", () => {
    const linked = paper(1, { abstract: "We speed it up. Code is available at https://github.com/x/y." });
    expect(withCodeLinks(detailsReply([linked]), "is there code?", [linked]).text).toMatch(/^Its code: https:\/\/github\.com\/x\/y\n/);
    // Of several listed, the ones whose abstracts give a link, numbered as listed, or that none does ("which ones have
    // code?" had quoted the first three's gists under a line each).
    const two = withCodeLinks(detailsReply([paper(2), linked]), "which ones have code?", [paper(2), linked]);
    expect(two.text).toBe("One of the 2 papers listed gives a link in its abstract; the others give none:\n\n2. **Paper 1** [2]: https://github.com/x/y");
    expect(two.citations.map((citation) => citation.n)).toEqual([2]);
    expect(withCodeLinks(detailsReply([paper(2), paper(3)]), "any code?", [paper(2), paper(3)]).text).toBe("None of the 2 papers listed gives a code link in its abstract.");
    expect(withCodeLinks(detailsReply([linked]), "what are the results?", [linked]).text).not.toMatch(/code/);
  });

  it("says a paper's authors or date, or plainly what the library lacks", () => {
    expect(paperDetailReply(paper(1, { authors: ["Ada Lovelace", "Alan Turing"] }), "authors").text).toMatch(/^\*\*Paper 1\*\* \[1\] is by Ada Lovelace, Alan Turing\./);
    expect(paperDetailReply(paper(1, { authorCount: 1 }), "authors").text).toMatch(/has one author, but not the name\./);
    expect(paperDetailReply(paper(1, { authorCount: 5 }), "authors").text).toMatch(/has 5 authors, but not their names\./);
    expect(paperDetailReply(paper(1), "date").text).toMatch(/^The library has no publication date for \*\*Paper 1\*\* \[1\]\./);
    expect(paperDetailReply(paper(1, { abstract: "Code: https://github.com/x/y." }), "code").text).toMatch(/^Code for \*\*Paper 1\*\* \[1\]: https:\/\/github\.com\/x\/y\n/);
    expect(paperDetailReply(paper(1), "code").text).toMatch(/^The abstract of \*\*Paper 1\*\* \[1\] gives no code link\./);
    expect(paperDetailReply(paper(1), "id").text).toMatch(/^The library has no arXiv id for \*\*Paper 1\*\* \[1\]: it was read from a saved listing\./);
    expect(paperDetailReply(paper(1, { id: "2307.08691", url: "https://arxiv.org/abs/2307.08691" }), "id").text).toMatch(/^\*\*Paper 1\*\* \[1\] is arXiv 2307\.08691: https:\/\/arxiv\.org\/abs\/2307\.08691/);
    expect(paperDetailReply(paper(1, { publishedAt: "2018-01-12" }), "date")).toMatchObject({ text: expect.stringMatching(/was published on 2018-01-12\./), citations: [{ id: "p1" }] });
    // What a paper says is quoted "From" it, unless its title already opens so.
    expect(paperDetailReply(paper(1), "content").text).toMatch(/^From \*\*Paper 1\*\* \[1\]:/);
    expect(paperDetailReply(paper(1, { title: "From Commands to Prompts" }), "content").text).toMatch(/^In \*\*From Commands to Prompts\*\* \[1\]:/);
  });
});
