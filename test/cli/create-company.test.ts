// `extranet create-company`: validates the CNPJ like the API does and refuses a duplicate.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatCnpj, withCheckDigits } from "../../src/contracts/cnpj";
import { countRows, databaseFile, readSqlite } from "./sqlite";
import { cleanUp, ensureBuilt, freshDataDir, runCli } from "./support";

beforeAll(ensureBuilt);
afterAll(cleanUp);

describe.concurrent("extranet create-company", () => {
  it("accepts a punctuated CNPJ, stores it bare and prints it formatted", async () => {
    const dataDir = freshDataDir();

    const result = await runCli(["create-company", "--name", "Acme Ltda", "--cnpj", "11.222.333/0001-81"], {
      EXTRANET_DATA_DIR: dataDir,
    });

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^company created: Acme Ltda \(CNPJ 11\.222\.333\/0001-81, São Paulo\/SP\) id=[0-9a-f-]{36}$/m,
    );
    const rows = readSqlite(databaseFile(dataDir), (db) =>
      db.prepare("select name, cnpj, state, city from company").all(),
    );
    expect(rows).toEqual([{ name: "Acme Ltda", cnpj: "11222333000181", state: "SP", city: "São Paulo" }]);
  });

  it("rejects a CNPJ with wrong check digits with the pt-BR field message naming --cnpj", async () => {
    const dataDir = freshDataDir();

    const result = await runCli(["create-company", "--name", "Acme Ltda", "--cnpj", "11.222.333/0001-82"], {
      EXTRANET_DATA_DIR: dataDir,
    });

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("--cnpj: CNPJ inválido: confira os dígitos.");
    expect(result.stdout).toBe("");
    expect(countRows(databaseFile(dataDir), "company")).toBe(0);
  });

  it("takes --state and --city, and rejects the same CNPJ again in another punctuation", async () => {
    const dataDir = freshDataDir();
    const env = { EXTRANET_DATA_DIR: dataDir };
    const cnpj = withCheckDigits("987654320001");
    const first = await runCli(
      ["create-company", "--name", "Serra Azul S.A.", "--cnpj", cnpj, "--state", "RJ", "--city", "Niterói"],
      env,
    );
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Serra Azul S.A. (CNPJ ${formatCnpj(cnpj)}, Niterói/RJ)`);

    const duplicate = await runCli(
      ["create-company", "--name", "Outra Ltda", "--cnpj", formatCnpj(cnpj)],
      env,
    );

    expect(duplicate.code).not.toBe(0);
    expect(duplicate.stderr).toContain("Já existe uma empresa com este CNPJ.");
    expect(countRows(databaseFile(dataDir), "company")).toBe(1);
  });
});
