import { describe, expect, it } from "vitest";
import { lookupMiss, titlesMentioning } from "../../src/answer/lookup-miss.ts";

const papers = [{ title: "1-bit AI Infra: Part 1.1, Fast and Lossless BitNet b1.58 Inference on CPUs" }, { title: "Insights into DeepSeek-V3: Scaling Challenges" }, { title: "Neural signature kernels" }];

describe("a lookup that found no paper of that name", () => {
  it("finds the closest titles that contain the name as whole words, framing aside", () => {
    expect(titlesMentioning("BitNet", papers)).toEqual([papers[0]]);
    expect(titlesMentioning("the DeepSeek paper", papers)).toEqual([papers[1]]);
    expect(titlesMentioning("Net", papers)).toEqual([]);
    expect(titlesMentioning("the paper", papers)).toEqual([]);
  });

  it("says no paper is titled that and lists those that mention it, and 'not in the library' only when none does", () => {
    expect(lookupMiss('"BitNet"', "BitNet", papers)).toEqual({ headline: 'No paper is titled "BitNet"; this one mentions it', papers: [papers[0]] });
    expect(lookupMiss('"ResNet"', "ResNet", papers, ", so I cannot look for papers like it")).toEqual({ headline: '"ResNet" is not in the library, so I cannot look for papers like it', papers });
  });
});
