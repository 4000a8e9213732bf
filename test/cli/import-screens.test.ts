// `extranet import-screens`: the same all-or-nothing parser as the console's import, in English.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseFile, readSqlite } from "./sqlite";
import { cleanUp, ensureBuilt, freshDataDir, runCli } from "./support";

beforeAll(ensureBuilt);
afterAll(cleanUp);

describe("extranet import-screens", () => {
  it("refuses a file with a bad line, naming it, then imports the corrected one and audits each screen", async () => {
    const dir = freshDataDir();
    const env = { EXTRANET_DATA_DIR: dir, EXTRANET_SEED_DEMO: "false" };
    const file = path.join(dir, "telas.csv");
    writeFileSync(
      file,
      "code;name;module\nEXP0001;Expedição de Pedidos;Logística\nEXP02;Romaneio;Logística\n",
    );
    const refused = await runCli(["import-screens", file], env);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(
      'line 3: invalid screen code "EXP02" (three letters and four digits, e.g. ATW0001)',
    );

    writeFileSync(file, "EXP0001;Expedição de Pedidos;Logística\nEXP0002;Romaneio;Logística\n");
    const imported = await runCli(["import-screens", file], env);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("imported 2 screens");
    const rows = readSqlite(databaseFile(dir), (db) =>
      db
        .prepare(
          "select target_id, action, actor_id from audit_log where target_type = 'screen' order by target_id",
        )
        .all(),
    );
    expect(rows).toEqual([
      { target_id: "EXP0001", action: "screen.created", actor_id: null },
      { target_id: "EXP0002", action: "screen.created", actor_id: null },
    ]);
  });
});
