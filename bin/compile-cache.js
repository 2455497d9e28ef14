// Preloaded (node --import) before paperbot's entry: Node then keeps the
// compiled form of every module it loads, TypeScript already stripped, in its
// on-disk compile cache (os.tmpdir()/node-compile-cache, checked against each
// file's contents), so a start after the first skips most of that work.
import module from "node:module";

module.enableCompileCache?.();
