import { PaperbotError } from "../errors.ts";
import type { EmbedderStamp } from "../store/paper-store.ts";

/** A library's vectors only compare with queries embedded by the same model. */
export function assertSameEmbedder(builtWith: EmbedderStamp | undefined, configured: EmbedderStamp): void {
  if (!builtWith || (builtWith.embedder === configured.embedder && builtWith.dims === configured.dims)) return;
  throw new PaperbotError(
    "EMBEDDER_MISMATCH",
    `The library was built with embedder '${builtWith.embedder}' (${builtWith.dims} dimensions), but '${configured.embedder}' (${configured.dims} dimensions) is configured. ` +
      "Re-embed it with the configured embedder with `paperbot reindex` (the same as `paperbot ingest --rebuild <files>`), or set PAPERBOT_EMBEDDER (and PAPERBOT_EMBEDDER_MODEL) back to the one that built it.",
  );
}
