import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "./test/helpers/plain-summary-reporter.ts"],
    globalSetup: ["./test/helpers/global-setup.ts"],
    // LanceDB and spawned CLIs do real I/O; a 2-core CI machine needs room.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
