#!/usr/bin/env node
// paperbot's sources are TypeScript run directly by Node's type stripping (22.18+).
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `paperbot needs Node.js 22.18 or newer (this is ${process.version}). ` +
      "From the repository, `npm run --silent paperbot -- <command>` uses the Node 24 that `npm install` brings.\n",
  );
  process.exit(1);
}
await import("../adapters/main.ts");
