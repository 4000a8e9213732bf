import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import { loginAs, makeCatalog, makeUser } from "../../../../test/support/factories";
import { describeProblem, importScreens } from "./service";

const meta = { actorId: null, ip: null, origin: undefined };

describe("the screen catalog", () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await buildTestApp();
    await makeCatalog(t.ctx);
    cookie = await loginAs(t.app, await makeUser(t.ctx, "customer"));
  });
  afterAll(() => t.close());

  const codes = async (q: string) =>
    (await call(t.app, "GET", "/api/v1/screens", undefined, { cookie, query: { q } }))
      .json()
      .items.map((s: { code: string }) => s.code);

  it("completes by code prefix or by words of the name, without caring for accents or case", async () => {
    expect(await codes("atw")).toEqual(["ATW0001"]);
    expect(await codes("FIS0")).toEqual(["FIS0001"]);
    expect(await codes("emissao")).toEqual(["FIS0001"]);
    expect(await codes("fluxo cai")).toEqual(["FIN0005"]);
    expect(await codes("atendimento")).toEqual(["ATW0001"]);
    expect(await codes("nada parecido")).toEqual([]);
  });

  it("answers the code and name as the form shows them", async () => {
    const response = await call(t.app, "GET", "/api/v1/screens", undefined, {
      cookie,
      query: { q: "ATW0001" },
    });
    expect(response.json().items).toEqual([
      { code: "ATW0001", name: "Atendimento ao Cliente", module: "Atendimento" },
    ]);
  });

  it("imports a CSV, updating known codes", async () => {
    const result = await importScreens(
      t.ctx,
      meta,
      "code;name;module\nEST0003;Movimentação de Estoque;Estoque\natw0001;Atendimento ao Cliente (novo);Atendimento\n",
    );
    expect(result).toEqual({ imported: 2, created: 1, updated: 1, problems: [] });
    expect(await codes("movimentacao")).toEqual(["EST0003"]);
    const row = await t.ctx.db
      .selectFrom("screen")
      .select("name")
      .where("code", "=", "ATW0001")
      .executeTakeFirstOrThrow();
    expect(row.name).toBe("Atendimento ao Cliente (novo)");
  });

  it("reports every bad line and imports nothing when one is bad", async () => {
    const result = await importScreens(
      t.ctx,
      meta,
      "COM0003;Pedidos de Compra;Compras\nXX1;Tela;Mod\nCOM0004;Cotações\nCOM0003;Outra;Compras\n",
    );
    expect(result.imported).toBe(0);
    expect(result.problems.map((p) => describeProblem(p, "en"))).toEqual([
      'line 2: invalid screen code "XX1" (three letters and four digits, e.g. ATW0001)',
      "line 3: expected 3 columns (code;name;module), found 2",
      "line 4: duplicate code COM0003",
    ]);
    expect(await codes("COM")).toEqual([]);
  });
});
