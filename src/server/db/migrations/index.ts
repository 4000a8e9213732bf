// Every migration, by name: imported statically so the bundled server carries them.
import type { Migration } from "kysely";
import * as foundation from "./20261128_0001_foundation";

export const migrations: Record<string, Migration> = {
  "20261128_0001_foundation": foundation,
};
