/**
 * The rules of the code's layout, checked so they stay true: the core imports
 * no platform SDK, folders of src/ import each other without loops, and no
 * file grows past 300 lines.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const SRC = join(ROOT, "src");

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

function importsOf(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(IMPORT)].map((match) => match[1] ?? match[2] ?? "");
}

/** A file's folder under src/ ("search", "store"), or "" for the shared files at its root (config, errors, logger). */
function folderOf(path: string): string {
  const parts = relative(SRC, path).split("/");
  return parts.length > 1 ? (parts[0] ?? "") : "";
}

/** Edges between src/ folders, each with one import that makes it. */
function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of tsFiles(SRC)) {
    const from = folderOf(file);
    for (const spec of importsOf(file)) {
      if (!spec.startsWith(".")) continue;
      const to = folderOf(normalize(join(dirname(file), spec)));
      if (!from || !to || from === to) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${relative(ROOT, file)} imports ${spec}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Every loop as the imports that make it, found by depth-first search from each folder. */
function loops(graph: Map<string, Map<string, string>>): string[] {
  const found: string[] = [];
  for (const start of graph.keys()) {
    const visit = (folder: string, path: string[]): void => {
      for (const [next, why] of graph.get(folder) ?? []) {
        if (next === start) found.push([...path, why].join("; "));
        else if (next > start && !path.some((step) => step.startsWith(`src/${next}/`))) visit(next, [...path, why]);
      }
    };
    visit(start, []);
  }
  return found;
}

describe("layout", () => {
  const files = tsFiles(SRC);

  it("the core imports no platform SDK", () => {
    const platform = /^(discord\.js|@slack\/|@discordjs\/)/;
    const offenders = files.filter((file) => importsOf(file).some((spec) => platform.test(spec)));
    expect(offenders.map((file) => relative(ROOT, file))).toEqual([]);
  });

  it("folders of src/ import each other without loops", () => {
    expect(loops(folderGraph())).toEqual([]);
  });

  it("the loop check sees a loop", () => {
    const graph = new Map([
      ["a", new Map([["b", "src/a/x.ts imports ../b/y.ts"]])],
      ["b", new Map([["a", "src/b/y.ts imports ../a/x.ts"]])],
    ]);
    expect(loops(graph)).toEqual(["src/a/x.ts imports ../b/y.ts; src/b/y.ts imports ../a/x.ts"]);
  });

  it("no file of src/ or adapters/ is over 300 lines", () => {
    const long = [...files, ...tsFiles(join(ROOT, "adapters"))]
      .map((file) => ({ file: relative(ROOT, file), lines: readFileSync(file, "utf8").split("\n").length }))
      .filter(({ lines }) => lines > 301);
    expect(long).toEqual([]);
  });
});
