import { unversioned } from "./lookup-words.ts";

/* The versions of a paper's name: a different version is a different paper (FlashAttention-3 is not FlashAttention-2). */

/** What a versioned name's own paper is called after it: "GPT-4 Technical Report", "the Llama 2 paper". */
export const REPORT = /\s+(?:technical report|tech report|report|paper|whitepaper|system card|model card)$/i;
/** A name and its version, the name in at most two words: "llama 2", "gpt-4", "flash attention 3", "yolov8", "yolo v8". */
export const VERSIONED = /^[a-z][\w.+]*?(?:\s[a-z][\w.+]*?)?(?:[- ]v?|(?<=[a-z])v?)\d{1,2}(?:\.\d)?$/i;

/** A name with its version written on ("flashattention-2", "yolov8"): one paper, however many write the name. */
export function writesVersion(text: string): boolean {
  // ("flashattention 2" too, the version a word apart: not a year, "models 2024".)
  return /\p{L}-?\d/u.test(text) || /\p{L}\s+v?\d{1,2}(?:\.\d)?(?![\d.])/u.test(text);
}

/** Whether a title's name is a later version of another: "FlashAttention-2: …", "MobileNetV2: …", "PointNet++: …". */
export function laterVersion(title: string): boolean {
  const name = title.split(":")[0]!;
  return /(?:[-\s]|(?<=\p{L})v?)(?:[2-9]|\d{2})(?:\.\d)?$|\+\+$/iu.test(name.trim()) && name.length <= 40;
}

/** Whether a title's name is a later version of `name`: "MCUNetV2: Memory-Efficient …" of "MCUNet". */
export function laterVersionOf(title: string, name: string): boolean {
  return laterVersion(title) && unversioned(title.split(":")[0]!.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "")) === name.toLowerCase();
}
