import { type Kysely, Migrator } from "kysely";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database";
import { compileCalendar } from "../../domain/sla/business-time";
import { calendarOf } from "../modules/plans/calendars";
import { findCalendarRow } from "../modules/plans/repository";
import { connect } from "./connect";
import { migrations } from "./migrations";

describe("migration 20261128_0005_calendar_holidays", () => {
  it("gives calendars stored before it empty holiday decisions, and goes down again", async () => {
    const database = await createTestDatabase();
    const connection = connect(database.config, { searchPath: database.searchPath });
    const migrator = new Migrator({
      db: connection.db,
      provider: { getMigrations: async () => migrations },
      ...(connection.schema && { migrationTableSchema: connection.schema }),
    });
    try {
      expect((await migrator.migrateTo("20261128_0004_sla_clocks")).error).toBeUndefined();
      // A calendar as the previous schema stored it (the new columns do not exist yet).
      await (connection.db as unknown as Kysely<Record<string, Record<string, unknown>>>)
        .insertInto("business_calendar")
        .values({
          id: "old",
          name: "Antigo",
          time_zone: "America/Sao_Paulo",
          weekly_hours: JSON.stringify({
            mon: [["08:00", "18:00"]],
            tue: [],
            wed: [],
            thu: [],
            fri: [],
            sat: [],
            sun: [],
          }),
          holidays: JSON.stringify({ country: "BR", state: "SP" }),
          closed_dates: "[]",
          open_dates: "[]",
          created_at: 0,
          updated_at: 0,
        })
        .execute();

      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const stored = await connection.db
        .selectFrom("business_calendar")
        .select(["custom_holidays", "removed_holidays"])
        .where("id", "=", "old")
        .executeTakeFirst();
      expect(stored).toEqual({ custom_holidays: "[]", removed_holidays: "[]" });
      const row = await findCalendarRow(connection.db, "old");
      const calendar = calendarOf(row ?? fail());
      // Its JSON (the compiled-calendar key, the snapshot hash) is what it was before the migration.
      expect(Object.keys(calendar)).toEqual([
        "timeZone",
        "weeklyHours",
        "holidays",
        "closedDates",
        "openDates",
      ]);
      expect(() => compileCalendar(calendar)).not.toThrow();

      // Down through every later migration to before this one.
      expect((await migrator.migrateTo("20261128_0004_sla_clocks")).error).toBeUndefined();
      expect(await connection.db.selectFrom("business_calendar").select("name").execute()).toEqual([
        { name: "Antigo" },
      ]);
    } finally {
      await connection.db.destroy();
      await database.drop();
    }
  });
});

function fail(): never {
  throw new Error("the calendar row is missing");
}
