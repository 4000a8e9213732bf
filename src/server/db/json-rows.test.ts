import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/support/app";
import { makeCompany, makeUser } from "../../../test/support/factories";
import { jsonRows, parseJsonRows } from "./json-rows";

// Child rows as a JSON column of their parent, on the database under test: the rows come back as a
// separate query would give them (numbers, nulls and flags as they are), in the order asked for, and
// a parent without children gets an empty list.
describe("jsonRows", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("gives each parent its rows, in order, typed as a separate query reads them", async () => {
    const full = await makeCompany(t.ctx, { name: "Com pessoas" });
    const empty = await makeCompany(t.ctx, { name: "Sem pessoas" });
    await makeUser(t.ctx, "customer", { company: full, name: "Bruno" });
    await makeUser(t.ctx, "customer_admin", { company: full, name: "Ana" });
    const db = t.ctx.db;
    const rows = await db
      .selectFrom("company")
      .select("company.id")
      .select((eb) =>
        jsonRows(
          db,
          eb
            .selectFrom("app_user")
            .select([
              "app_user.name",
              "app_user.role",
              "app_user.active",
              "app_user.last_login_at",
              "app_user.created_at",
            ])
            .whereRef("app_user.company_id", "=", "company.id"),
          ["name"],
        ).as("people"),
      )
      .where("company.id", "in", [full.id, empty.id])
      .execute();
    const people = (id: string) => parseJsonRows(rows.find((row) => row.id === id)?.people ?? null);

    const separately = await db
      .selectFrom("app_user")
      .select(["name", "role", "active", "last_login_at", "created_at"])
      .where("company_id", "=", full.id)
      .orderBy("name")
      .execute();
    expect(people(full.id)).toEqual(separately);
    expect(people(full.id).map((person) => person.name)).toEqual(["Ana", "Bruno"]);
    expect(typeof people(full.id)[0]?.created_at).toBe("number");
    expect(people(full.id)[0]?.last_login_at).toBeNull();
    expect(people(empty.id)).toEqual([]);
  });

  it("refuses a child query that does not name its columns", () => {
    const db = t.ctx.db;
    expect(() =>
      db
        .selectFrom("company")
        .select((eb) =>
          jsonRows(
            db,
            eb.selectFrom("app_user").selectAll().whereRef("app_user.company_id", "=", "company.id"),
            ["name"],
          ).as("people"),
        )
        .compile(),
    ).toThrow(/select named columns only/);
  });
});
