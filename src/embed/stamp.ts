import { PaperbotError } from "../errors.ts";
import type { EmbedderStamp } from "../store/paper-store.ts";

/** A library's vectors only compare with queries embedded by the same model. */
export function assertSameEmbedder(builtWith: EmbedderStamp | undefined, configured: EmbedderStamp): void {
  if (!builtWith || (builtWith.embedder === configured.embedder && builtWith.dims === configured.dims)) return;
  throw new PaperbotError(
    "EMBEDDER_MISMATCH",
    `The library was built with embedder '${builtWith.embedder}' (${builtWith.dims} dimensions), but '${configured.embedder}' (${configured.dims} dimensions) is configured. ` +
      "Re-ingest with `paperbot ingest --rebuild <files>` to re-embed it with the configured embedder, or set PAPERBOT_EMBEDDER back to the one that built it.",
  );
}
