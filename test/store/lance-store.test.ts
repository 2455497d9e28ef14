import { beforeEach } from "vitest";
import { LancePaperStore } from "../../src/store/lance/lance-store.ts";
import { useTempDir } from "../helpers/files.ts";
import { paperStoreContract } from "./paper-store.case.ts";

const tempDir = useTempDir();
let uri: string;
beforeEach(async () => {
  uri = await tempDir();
});

paperStoreContract("LanceDB on local disk", () => LancePaperStore.open({ uri }));
