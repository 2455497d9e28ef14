import { createRequire } from "node:module";

/**
 * apache-arrow as LanceDB itself loads it. LanceDB is CommonJS and gets
 * apache-arrow's CommonJS build; an ESM import gets the ESM build, a second
 * copy of every class. Tables built from the ESM classes fail LanceDB's
 * `instanceof` checks and are taken apart and rebuilt value by value (and
 * rejected outright when they carry a fixed-size vector column).
 */
export const arrow = createRequire(import.meta.url)("apache-arrow") as typeof import("apache-arrow");
