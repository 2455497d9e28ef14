#!/usr/bin/env node
// `node bin/run.js <file> [args...]`: how npm scripts start TypeScript scripts and vitest,
// so they work on any Node from 20 up (see launch.js).
import { resolve } from "node:path";
import { runEntry } from "./launch.js";

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write("usage: node bin/run.js <file> [args...]\n");
  process.exit(2);
}
await runEntry(resolve(entry), args, `npm run ${process.env.npm_lifecycle_event ?? entry}`);
