// Business calendars and support plans in the database (their structured parts are JSON text).
import type { BusinessCalendarTable, Executor, PlanTable } from "../../db/schema";

export type CalendarRow = BusinessCalendarTable;
export type PlanRow = PlanTable;
export type PlanWithCalendar = PlanRow & { calendar_name: string };

export function listCalendarRows(db: Executor): Promise<CalendarRow[]> {
  return db.selectFrom("business_calendar").selectAll().orderBy("name").orderBy("id").execute();
}

export function findCalendarRow(db: Executor, id: string): Promise<CalendarRow | undefined> {
  return db.selectFrom("business_calendar").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertCalendar(db: Executor, row: CalendarRow): Promise<void> {
  await db.insertInto("business_calendar").values(row).execute();
}

export async function updateCalendar(
  db: Executor,
  id: string,
  row: Omit<CalendarRow, "id" | "created_at">,
): Promise<void> {
  await db.updateTable("business_calendar").set(row).where("id", "=", id).execute();
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
    .innerJoin("business_calendar", "business_calendar.id", "plan.calendar_id")
    .selectAll("plan")
    .select("business_calendar.name as calendar_name");
}

/** Every plan, or only `planId` (a customer sees only its company's). */
export function listPlanRows(db: Executor, only?: string | null): Promise<PlanWithCalendar[]> {
  return plansWithCalendar(db)
    .$if(only !== undefined, (q) => q.where("plan.id", "=", only ?? ""))
    .orderBy("plan.name")
    .orderBy("plan.id")
    .execute();
}

export function findPlanRow(db: Executor, id: string): Promise<PlanWithCalendar | undefined> {
  return plansWithCalendar(db).where("plan.id", "=", id).executeTakeFirst();
}

export async function planExists(db: Executor, id: string): Promise<boolean> {
  return (await db.selectFrom("plan").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
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
  await db.insertInto("plan").values(row).execute();
}

export async function updatePlan(
  db: Executor,
  id: string,
  row: Omit<PlanRow, "id" | "created_at">,
): Promise<void> {
  await db.updateTable("plan").set(row).where("id", "=", id).execute();
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
