#!/usr/bin/env node
// The `paperbot` command (npm link, npm scripts). See launch.js for why this is plain JavaScript.
import { fileURLToPath } from "node:url";
import { runEntry } from "./launch.js";

await runEntry(fileURLToPath(new URL("../adapters/main.ts", import.meta.url)), process.argv.slice(2), "paperbot", { compileCache: true, tuneMalloc: true });
