import { describe, expect, it } from "vitest";
import { lookupMiss, noMatch, titlesMentioning, withExampleMiss } from "../../src/answer/lookup-miss.ts";

const papers = [{ title: "1-bit AI Infra: Part 1.1, Fast and Lossless BitNet b1.58 Inference on CPUs" }, { title: "Insights into DeepSeek-V3: Scaling Challenges" }, { title: "Neural signature kernels" }];

describe("a lookup that found no paper of that name", () => {
  it("finds the closest titles that contain the name as whole words, framing aside", () => {
    expect(titlesMentioning("BitNet", papers)).toEqual([papers[0]]);
    expect(titlesMentioning("the DeepSeek paper", papers)).toEqual([papers[1]]);
    expect(titlesMentioning("Net", papers)).toEqual([]);
    expect(titlesMentioning("the paper", papers)).toEqual([]);
  });

  it("says no paper is titled that and lists those with it in their titles, and 'not in the library' only when none does", () => {
    expect(lookupMiss('"BitNet"', "BitNet", papers)).toEqual({ headline: 'No paper is titled "BitNet"; this one has it in its title', papers: [papers[0]], inTitles: true });
    expect(lookupMiss('"ResNet"', "ResNet", papers, ", so I cannot look for papers like it")).toEqual({ headline: '"ResNet" is not in the library, so I cannot look for papers like it', papers, inTitles: false });
  });

  it("does not suggest the arXiv id after an arXiv id or link that matched nothing", () => {
    expect(noMatch('"2406.02069"', "2406.02069")).toBe("No paper in the library has the arXiv id 2406.02069. Papers read from saved pages often have no id: try its title or short name instead.");
    expect(noMatch("*x*", "https://arxiv.org/abs/2406.02069v2", ", so I cannot look for papers like it")).toMatch(/^No paper in the library has the arXiv id 2406\.02069, so I cannot look for papers like it\./);
    expect(noMatch('"zzqx"', "zzqx")).toBe('No paper in the library matches "zzqx". Try its full title, a distinctive part of it, or its arXiv id.');
  });

  it("says a missing 'papers like X' once, and that what follows is on X's name only when something is", () => {
    const reply = (found: boolean) => ({ text: "The closest papers in the library:", citations: [], found, closest: [], notes: [] });
    expect(withExampleMiss(reply(false), "GPTQ").text).toBe("**GPTQ** is not in the library, so I cannot look for papers like it.\n\nThe closest papers in the library:");
    expect(withExampleMiss(reply(true), "GPTQ").text).toMatch(/^\*\*GPTQ\*\* is not in the library, so I cannot look for papers like it; these are on its name instead\./);
  });
});
