// `extranet set-plan`: a company's plan from the command line, with clear refusals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseFile, readSqlite, writeSqlite } from "./sqlite";
import { cleanUp, ensureBuilt, freshDataDir, runCli } from "./support";

beforeAll(ensureBuilt);
afterAll(cleanUp);

describe("extranet set-plan", () => {
  it("sets the plan of a company named by CNPJ, and refuses unknown companies, unknown plans and archived ones", async () => {
    const env = { EXTRANET_DATA_DIR: freshDataDir() };
    expect((await runCli(["seed-demo"], env, { timeoutMs: 60_000 })).code).toBe(0);
    const ok = await runCli(["set-plan", "--cnpj", "11.222.333/0001-81", "--plan", "premium"], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("Distribuidora Paulista de Alimentos Ltda: plano Premium");
    const plan = readSqlite(databaseFile(env.EXTRANET_DATA_DIR), (db) =>
      db
        .prepare("select p.name from company c join plan p on p.id = c.plan_id where c.cnpj = ?")
        .get("11222333000181"),
    );
    expect(plan).toEqual({ name: "Premium" });

    const noPlan = await runCli(["set-plan", "--cnpj", "11222333000181", "--plan", "Ouro"], env);
    expect(noPlan.code).not.toBe(0);
    expect(noPlan.stderr).toContain("Plano não encontrado. Planos: Básico, Premium, Profissional");
    // An archived plan is neither offered nor given, and the refusal says why.
    writeSqlite(databaseFile(env.EXTRANET_DATA_DIR), (db) =>
      db.prepare("update plan set archived_at = ? where name = ?").run(Date.now(), "Básico"),
    );
    const archived = await runCli(["set-plan", "--cnpj", "11222333000181", "--plan", "básico"], env);
    expect(archived.code).not.toBe(0);
    expect(archived.stderr).toContain(
      "O plano Básico está arquivado e não é mais oferecido. Planos: Premium, Profissional",
    );
    const noCompany = await runCli(["set-plan", "--cnpj", "34.567.890/0001-00", "--plan", "Básico"], env);
    expect(noCompany.code).not.toBe(0);
    expect(noCompany.stderr).toContain("Empresa não encontrada.");
  });
});
