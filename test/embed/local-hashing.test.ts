import { LocalHashingEmbedder } from "../../src/embed/local-hashing.ts";
import { embedderContract } from "./embedder.case.ts";

embedderContract("local hashing", async () => new LocalHashingEmbedder());
