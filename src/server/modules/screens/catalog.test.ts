// The console's screen catalog: who may read and change it, the browser's all-or-nothing CSV import,
// deactivation (not offered for new tickets, kept on old ones) and "Telas com mais ocorrências".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../../../../test/support/app";
import {
  type BillingWorld,
  type Caller,
  makeBillingWorld,
  openTicket,
} from "../../../../test/support/billing";
import { ticketBody } from "../../../../test/support/factories";

describe("the screen catalog in the console", () => {
  let w: BillingWorld;
  const csv = (caller: { cookie?: string }, body: string, contentType = "text/csv") =>
    call(w.t.app, "POST", "/api/v1/screens/import", body, {
      cookie: caller.cookie,
      headers: { "content-type": contentType },
    });
  const cookies: Record<string, string | undefined> = {};

  beforeAll(async () => {
    w = await makeBillingWorld();
    for (const [role, caller] of Object.entries(roles())) {
      // The world's callers keep their cookie inside; a throwaway login gives us one to send raw bodies.
      cookies[role] = caller ? await cookieOf(caller) : undefined;
    }
  });
  afterAll(() => w.t.close());

  function roles(): Record<string, Caller | null> {
    return {
      admin: w.admin,
      supervisor: w.supervisor,
      agent: w.agent,
      customer_admin: w.adminA,
      customer: w.customerA,
      anonymous: null,
    };
  }
  async function cookieOf(caller: Caller): Promise<string> {
    const response = await call(w.t.app, "POST", "/api/v1/auth/login", {
      email: caller.user.email,
      password: caller.user.password,
    });
    return `extranet_session=${response.cookies.find((c) => c.name === "extranet_session")?.value}`;
  }
  const as = (role: string) => ({ cookie: cookies[role] });

  describe("who may do what", () => {
    const expected = {
      list: { admin: 200, supervisor: 200, agent: 200, customer_admin: 404, customer: 404, anonymous: 401 },
      import: { admin: 200, supervisor: 200, agent: 403, customer_admin: 404, customer: 404, anonymous: 401 },
      patch: { admin: 200, supervisor: 200, agent: 403, customer_admin: 404, customer: 404, anonymous: 401 },
      report: { admin: 200, supervisor: 200, agent: 200, customer_admin: 404, customer: 404, anonymous: 401 },
    };
    it.each(Object.keys(expected.list))("%s", async (role) => {
      const list = await call(w.t.app, "GET", "/api/v1/console/screens", undefined, as(role));
      const imported = await csv(as(role), "EST0001;Movimentação de Estoque;Estoque\n");
      const patched = await call(
        w.t.app,
        "PATCH",
        "/api/v1/screens/FIN0005",
        { name: "Fluxo de Caixa" },
        as(role),
      );
      const report = await call(w.t.app, "GET", "/api/v1/reports/top-screens", undefined, {
        ...as(role),
        query: { from: "2026-04-01", to: "2026-04-30" },
      });
      const key = role as keyof typeof expected.list;
      expect({
        list: list.statusCode,
        import: imported.statusCode,
        patch: patched.statusCode,
        report: report.statusCode,
      }).toEqual({
        list: expected.list[key],
        import: expected.import[key],
        patch: expected.patch[key],
        report: expected.report[key],
      });
    });

    it("tells the page whether the reader may change the catalog", async () => {
      const abilities = async (role: string) =>
        (await call(w.t.app, "GET", "/api/v1/console/screens", undefined, as(role))).json().abilities;
      expect(await abilities("supervisor")).toEqual({ manage: true });
      expect(await abilities("agent")).toEqual({ manage: false });
      expect((await w.supervisor.get("/api/v1/me")).json().abilities.manageScreens).toBe(true);
      expect((await w.agent.get("/api/v1/me")).json().abilities.manageScreens).toBe(false);
    });
  });

  describe("importing a CSV from the browser", () => {
    it("refuses a file with a bad line, naming it in pt-BR, and imports nothing", async () => {
      const response = await csv(
        as("supervisor"),
        "código;nome;módulo\nCOM0001;Pedidos de Compra;Compras\nCOM02;Cotações;Compras\nCOM0003;Notas de entrada\n",
      );
      expect(response.statusCode).toBe(422);
      expect(response.json().error).toEqual({
        code: "screen.import_refused",
        message: "Nada foi importado: corrija as linhas indicadas (2) e envie o arquivo de novo.",
        problems: [
          {
            line: 3,
            message: 'linha 3: código de tela inválido "COM02" (três letras e quatro dígitos, como ATW0001)',
          },
          { line: 4, message: "linha 4: esperadas 3 colunas (código;nome;módulo), encontradas 2" },
        ],
      });
      const page = await call(w.t.app, "GET", "/api/v1/console/screens", undefined, {
        ...as("supervisor"),
        query: { q: "COM" },
      });
      expect(page.json().items).toEqual([]);
    });

    it("imports a good file as multipart, in Windows-1252 too, creating and updating and auditing each", async () => {
      const boundary = "----extranet";
      const latin1 = Buffer.from(
        "COM0001;Pedidos de Compra;Compras\nATW0001;Atendimento ao Cliente;Atendimento\nFIN0005;Fluxo de Caixa Diário;Financeiro\n",
        "latin1",
      );
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="telas.csv"\r\nContent-Type: text/csv\r\n\r\n`,
        ),
        latin1,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const response = await call(w.t.app, "POST", "/api/v1/screens/import", body, {
        cookie: cookies.admin,
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      });
      expect(response.statusCode).toBe(200);
      // ATW0001 is unchanged: neither written nor audited.
      expect(response.json()).toEqual({ imported: 3, created: 1, updated: 1 });
      const audit = await w.t.ctx.db
        .selectFrom("audit_log")
        .select(["action", "target_id", "details", "actor_id"])
        .where("target_type", "=", "screen")
        .where("target_id", "in", ["COM0001", "FIN0005", "ATW0001"])
        .orderBy("target_id")
        .execute();
      expect(audit.map((a) => [a.action, a.target_id, a.actor_id])).toEqual([
        ["screen.created", "COM0001", w.admin.user.id],
        ["screen.updated", "FIN0005", w.admin.user.id],
      ]);
      expect(JSON.parse(audit[1]?.details ?? "{}").changes).toEqual({
        name: { before: "Fluxo de Caixa", after: "Fluxo de Caixa Diário" },
      });
    });

    it("refuses an empty body or file on the field", async () => {
      const empty = await csv(as("admin"), "");
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.fields).toEqual({ file: "Envie o arquivo CSV das telas." });
      const blank = await csv(as("admin"), "\n\n");
      expect(blank.statusCode).toBe(422);
      expect(blank.json().error.problems[0].message).toContain("o arquivo não tem nenhuma tela");
    });
  });

  describe("editing and deactivating", () => {
    it("renames and moves a screen, audited before → after, and refuses bad input per field", async () => {
      const response = await w.supervisor.patch("/api/v1/screens/fis0001", {
        name: "Emissão de NF-e e NFC-e",
        module: "Fiscal e Tributário",
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        code: "FIS0001",
        name: "Emissão de NF-e e NFC-e",
        active: true,
      });
      const audit = await w.t.ctx.db
        .selectFrom("audit_log")
        .select(["action", "actor_id", "details"])
        .where("target_type", "=", "screen")
        .where("target_id", "=", "FIS0001")
        .execute();
      expect(audit.map((a) => [a.action, a.actor_id])).toEqual([["screen.updated", w.supervisor.user.id]]);
      expect(JSON.parse(audit[0]?.details ?? "{}").changes).toEqual({
        name: { before: "Emissão de NF-e", after: "Emissão de NF-e e NFC-e" },
        module: { before: "Fiscal", after: "Fiscal e Tributário" },
      });
      const bad = await w.supervisor.patch("/api/v1/screens/FIS0001", { name: "x", module: "" });
      expect(bad.statusCode).toBe(400);
      expect(Object.keys(bad.json().error.fields)).toEqual(["name", "module"]);
      expect((await w.supervisor.patch("/api/v1/screens/FIS0001", {})).statusCode).toBe(400);
      expect((await w.supervisor.patch("/api/v1/screens/ZZZ9999", { active: false })).statusCode).toBe(404);
      expect((await w.supervisor.patch("/api/v1/screens/bad", { active: false })).statusCode).toBe(400);
      // Found by its module's words now.
      const found = await w.agent.get("/api/v1/console/screens?q=tributario");
      expect(found.json().items.map((s: { code: string }) => s.code)).toEqual(["FIS0001"]);
    });

    it("a deactivated screen is no longer offered nor accepted for new tickets, and stays on old ones", async () => {
      const old = await openTicket(w, w.customerA, "Tela de compras travou");
      await w.admin.patch("/api/v1/screens/ATW0001", { active: false });
      const offered = await w.customerA.get("/api/v1/screens?q=ATW");
      expect(offered.json().items).toEqual([]);
      const refused = await w.customerA.post("/api/v1/tickets", ticketBody(w.catalog));
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.fields).toEqual({ screenCode: "Tela não encontrada no catálogo." });
      const kept = await w.customerA.get(`/api/v1/tickets/${old}`);
      expect(kept.json()).toMatchObject({ screenCode: "ATW0001", screenName: "Atendimento ao Cliente" });
      const inactive = await w.agent.get("/api/v1/console/screens?status=inactive");
      expect(inactive.json().items).toMatchObject([{ code: "ATW0001", active: false }]);
      await w.admin.patch("/api/v1/screens/ATW0001", { active: true });
      expect((await w.customerA.post("/api/v1/tickets", ticketBody(w.catalog))).statusCode).toBe(201);
    });
  });

  describe("the list", () => {
    it("pages by code with a cursor and refuses a forged one", async () => {
      const first = (await w.agent.get("/api/v1/console/screens?limit=2")).json();
      expect(first.items).toHaveLength(2);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = (await w.agent.get(`/api/v1/console/screens?limit=2&cursor=${first.nextCursor}`)).json();
      const codes = [...first.items, ...second.items].map((s: { code: string }) => s.code);
      expect(codes).toEqual([...codes].sort());
      expect(new Set(codes).size).toBe(codes.length);
      const forged = await w.agent.get("/api/v1/console/screens?cursor=nope");
      expect(forged.statusCode).toBe(400);
      expect(forged.json().error.fields).toHaveProperty("cursor");
    });
  });

  describe("Telas com mais ocorrências", () => {
    it("ranks screens by tickets opened in the period, in Brasília days", async () => {
      w.t.clock.set("2026-04-30T15:00:00Z");
      const open = (screenCode: string) =>
        w.customerA.post("/api/v1/tickets", ticketBody(w.catalog, { screenCode }));
      for (const code of ["FIN0005", "FIN0005", "FIN0005", "COM0001", "COM0001", "FIS0001"]) await open(code);
      w.t.clock.set("2026-05-01T02:30:00Z"); // 30/04 23:30 in Brasília: still April
      await open("FIS0001");
      w.t.clock.set("2026-05-01T03:30:00Z"); // 01/05 00:30: May
      await open("FIS0001");
      // Two ATW0001 tickets came from the deactivation test, on 29/04.
      const report = await w.agent.get("/api/v1/reports/top-screens?from=2026-04-01&to=2026-04-30");
      expect(report.statusCode).toBe(200);
      expect(report.json()).toEqual({
        from: "2026-04-01",
        to: "2026-04-30",
        totalTickets: 9,
        items: [
          { code: "FIN0005", name: "Fluxo de Caixa Diário", module: "Financeiro", active: true, tickets: 3 },
          {
            code: "ATW0001",
            name: "Atendimento ao Cliente",
            module: "Atendimento",
            active: true,
            tickets: 2,
          },
          { code: "COM0001", name: "Pedidos de Compra", module: "Compras", active: true, tickets: 2 },
          {
            code: "FIS0001",
            name: "Emissão de NF-e e NFC-e",
            module: "Fiscal e Tributário",
            active: true,
            tickets: 2,
          },
        ],
      });
      const may = await w.agent.get("/api/v1/reports/top-screens?from=2026-05-01&to=2026-05-31");
      expect(may.json()).toMatchObject({ totalTickets: 1, items: [{ code: "FIS0001", tickets: 1 }] });
      const top1 = await w.agent.get("/api/v1/reports/top-screens?from=2026-04-01&to=2026-04-30&limit=1");
      expect(top1.json().items).toHaveLength(1);
      w.t.clock.set("2026-04-29T13:00:00Z");
    });

    it("refuses a period backwards, too long or not a date, on the field", async () => {
      const fields = async (query: string) =>
        (await w.agent.get(`/api/v1/reports/top-screens?${query}`)).json().error.fields;
      expect(await fields("from=2026-06-30&to=2026-06-01")).toEqual({
        to: "A data final deve ser igual ou posterior à inicial.",
      });
      expect(await fields("from=2024-01-01&to=2026-06-01")).toEqual({
        to: "Escolha um período de até um ano.",
      });
      expect(await fields("from=30/06/2026&to=2026-06-01")).toHaveProperty("from");
      expect(await fields("to=2026-06-01")).toHaveProperty("from");
    });
  });
});
