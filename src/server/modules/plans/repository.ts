// Business calendars and support plans in the database. Their structured parts are JSON text,
// decoded and encoded here (db/json.ts), so callers read and write typed values.
import { dialectOf } from "../../db/dialect";
import { type Decoded, json } from "../../db/json";
import type { BusinessCalendarTable, Executor, PlanTable } from "../../db/schema";

export type CalendarRow = Decoded<BusinessCalendarTable>;
export type PlanRow = Decoded<PlanTable>;
export type PlanWithCalendar = PlanRow & { calendar: CalendarRow };

type CalendarDecisions = Pick<CalendarRow, "custom_holidays" | "removed_holidays">;
type CalendarShape = Pick<CalendarRow, "weekly_hours" | "holidays" | "closed_dates" | "open_dates">;

const decodeDecisions = (row: Pick<BusinessCalendarTable, keyof CalendarDecisions>): CalendarDecisions => ({
  custom_holidays: json.calendarCustomHolidays.decode(row.custom_holidays),
  removed_holidays: json.calendarRemovedHolidays.decode(row.removed_holidays),
});

const encodeDecisions = (row: CalendarDecisions) => ({
  custom_holidays: json.calendarCustomHolidays.encode(row.custom_holidays),
  removed_holidays: json.calendarRemovedHolidays.encode(row.removed_holidays),
});

function decodeCalendar(row: BusinessCalendarTable): CalendarRow {
  return {
    ...row,
    weekly_hours: json.calendarWeeklyHours.decode(row.weekly_hours),
    holidays: json.calendarHolidays.decode(row.holidays),
    closed_dates: json.calendarClosedDates.decode(row.closed_dates),
    open_dates: json.calendarOpenDates.decode(row.open_dates),
    ...decodeDecisions(row),
  };
}

function encodeCalendar<Row extends CalendarShape & CalendarDecisions>(row: Row) {
  return {
    ...row,
    weekly_hours: json.calendarWeeklyHours.encode(row.weekly_hours),
    holidays: json.calendarHolidays.encode(row.holidays),
    closed_dates: json.calendarClosedDates.encode(row.closed_dates),
    open_dates: json.calendarOpenDates.encode(row.open_dates),
    ...encodeDecisions(row),
  };
}

const decodePlan = (row: PlanTable): PlanRow => ({
  ...row,
  services: json.planServices.decode(row.services),
  targets: json.planTargets.decode(row.targets),
});

function encodePlan<Row extends Pick<PlanRow, "services" | "targets">>(row: Row) {
  return {
    ...row,
    services: json.planServices.encode(row.services),
    targets: json.planTargets.encode(row.targets),
  };
}

export async function listCalendarRows(db: Executor): Promise<CalendarRow[]> {
  const rows = await db.selectFrom("business_calendar").selectAll().orderBy("name").orderBy("id").execute();
  return rows.map(decodeCalendar);
}

/** `lock` takes a row lock on PostgreSQL so that concurrent changes to one calendar queue up. */
export async function findCalendarRow(
  db: Executor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<CalendarRow | undefined> {
  const row = await db
    .selectFrom("business_calendar")
    .selectAll()
    .where("id", "=", id)
    .$if(options.lock === true && dialectOf(db) === "postgres", (q) => q.forUpdate())
    .executeTakeFirst();
  return row && decodeCalendar(row);
}

export async function insertCalendar(db: Executor, row: CalendarRow): Promise<void> {
  await db.insertInto("business_calendar").values(encodeCalendar(row)).execute();
}

export async function updateCalendar(
  db: Executor,
  id: string,
  row: Omit<CalendarRow, "id" | "created_at" | "archived_at">,
): Promise<void> {
  await db.updateTable("business_calendar").set(encodeCalendar(row)).where("id", "=", id).execute();
}

/** Only the holiday decisions: the rest of the calendar stays as the admin last saved it. */
export async function updateCalendarHolidays(
  db: Executor,
  id: string,
  row: CalendarDecisions & Pick<CalendarRow, "updated_at">,
): Promise<void> {
  await db
    .updateTable("business_calendar")
    .set({ ...encodeDecisions(row), updated_at: row.updated_at })
    .where("id", "=", id)
    .execute();
}

export async function deleteCalendar(db: Executor, id: string): Promise<void> {
  await db.deleteFrom("business_calendar").where("id", "=", id).execute();
}

export async function calendarInUse(db: Executor, id: string): Promise<boolean> {
  return (
    (await db.selectFrom("plan").select("id").where("calendar_id", "=", id).executeTakeFirst()) !== undefined
  );
}

function plansWithCalendar(db: Executor) {
  return db
    .selectFrom("plan")
    .innerJoin("business_calendar as c", "c.id", "plan.calendar_id")
    .selectAll("plan")
    .select([
      "c.id as c_id",
      "c.name as c_name",
      "c.time_zone as c_time_zone",
      "c.weekly_hours as c_weekly_hours",
      "c.holidays as c_holidays",
      "c.closed_dates as c_closed_dates",
      "c.open_dates as c_open_dates",
      "c.custom_holidays as c_custom_holidays",
      "c.removed_holidays as c_removed_holidays",
      "c.archived_at as c_archived_at",
      "c.created_at as c_created_at",
      "c.updated_at as c_updated_at",
    ]);
}

type PlanJoinRow = Awaited<ReturnType<ReturnType<typeof plansWithCalendar>["executeTakeFirstOrThrow"]>>;

function withCalendar(row: PlanJoinRow): PlanWithCalendar {
  const {
    c_id,
    c_name,
    c_time_zone,
    c_weekly_hours,
    c_holidays,
    c_closed_dates,
    c_open_dates,
    c_custom_holidays,
    c_removed_holidays,
    c_archived_at,
    c_created_at,
    c_updated_at,
    ...plan
  } = row;
  return {
    ...decodePlan(plan),
    calendar: decodeCalendar({
      id: c_id,
      name: c_name,
      time_zone: c_time_zone,
      weekly_hours: c_weekly_hours,
      holidays: c_holidays,
      closed_dates: c_closed_dates,
      open_dates: c_open_dates,
      custom_holidays: c_custom_holidays,
      removed_holidays: c_removed_holidays,
      archived_at: c_archived_at,
      created_at: c_created_at,
      updated_at: c_updated_at,
    }),
  };
}

/** Every plan, or only `planId` (a customer sees only its company's). */
export async function listPlanRows(db: Executor, only?: string | null): Promise<PlanWithCalendar[]> {
  const rows = await plansWithCalendar(db)
    .$if(only !== undefined, (q) => q.where("plan.id", "=", only ?? ""))
    .orderBy("plan.name")
    .orderBy("plan.id")
    .execute();
  return rows.map(withCalendar);
}

export async function findPlanRow(db: Executor, id: string): Promise<PlanWithCalendar | undefined> {
  const row = await plansWithCalendar(db).where("plan.id", "=", id).executeTakeFirst();
  return row ? withCalendar(row) : undefined;
}

/** A plan that may be given to a company: it exists and is not archived. */
export async function planExists(db: Executor, id: string): Promise<boolean> {
  const row = await db
    .selectFrom("plan")
    .select("id")
    .where("id", "=", id)
    .where("archived_at", "is", null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function planNameTaken(db: Executor, name: string, exceptId: string | null): Promise<boolean> {
  const row = await db
    .selectFrom("plan")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["name"]), "=", name.toLowerCase()))
    .$if(exceptId !== null, (q) => q.where("id", "!=", exceptId ?? ""))
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertPlan(db: Executor, row: PlanRow): Promise<void> {
  await db.insertInto("plan").values(encodePlan(row)).execute();
}

export async function updatePlan(
  db: Executor,
  id: string,
  row: Omit<PlanRow, "id" | "created_at" | "archived_at">,
): Promise<void> {
  await db.updateTable("plan").set(encodePlan(row)).where("id", "=", id).execute();
}

export async function deletePlan(db: Executor, id: string): Promise<void> {
  await db.deleteFrom("plan").where("id", "=", id).execute();
}

export async function planInUse(db: Executor, id: string): Promise<boolean> {
  return (
    (await db.selectFrom("company").select("id").where("plan_id", "=", id).executeTakeFirst()) !== undefined
  );
}

export async function planOfCompany(db: Executor, companyId: string): Promise<string | null> {
  const row = await db.selectFrom("company").select("plan_id").where("id", "=", companyId).executeTakeFirst();
  return row?.plan_id ?? null;
}

/** Names of the companies (active or not) whose plan this is, by name. */
export async function companiesOnPlan(db: Executor, planId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("company")
    .select("name")
    .where("plan_id", "=", planId)
    .orderBy("name")
    .execute();
  return rows.map((r) => r.name);
}

/** Names of the plans not archived that count in this calendar, by name. */
export async function livePlansOnCalendar(db: Executor, calendarId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("plan")
    .select("name")
    .where("calendar_id", "=", calendarId)
    .where("archived_at", "is", null)
    .orderBy("name")
    .execute();
  return rows.map((r) => r.name);
}

export async function setPlanArchived(db: Executor, id: string, archivedAt: number | null, now: number) {
  await db
    .updateTable("plan")
    .set({ archived_at: archivedAt, updated_at: now })
    .where("id", "=", id)
    .execute();
}

export async function setCalendarArchived(db: Executor, id: string, archivedAt: number | null, now: number) {
  await db
    .updateTable("business_calendar")
    .set({ archived_at: archivedAt, updated_at: now })
    .where("id", "=", id)
    .execute();
}
