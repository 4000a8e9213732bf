// Setup for console tests: a company on the Profissional plan (so tickets have SLA clocks) and file uploads.
import { demoCalendar, demoPlans } from "../../src/server/seed/content/plans";
import { call, TEST_HOST, TEST_ORIGIN, type TestApp } from "./app";
import { loginAs, makeCompany, makeUser } from "./factories";

/** The Profissional plan of each test app, made by its first `makeCompanyWithPlan`. */
const plans = new WeakMap<TestApp, string>();

/**
 * A company whose tickets run the Profissional plan's clocks (normal: 4 business hours to first
 * response). The companies of one test app share the plan (its name is unique); a setup step that
 * fails says so instead of leaving a company without a plan.
 */
export async function makeCompanyWithPlan(t: TestApp, name?: string) {
  const admin = await loginAs(t.app, await makeUser(t.ctx, "admin"));
  const created = async (url: string, body: unknown) => {
    const response = await call(t.app, "POST", url, body, { cookie: admin });
    if (response.statusCode !== 201) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    return response.json() as { id: string };
  };
  let planId = plans.get(t);
  if (!planId) {
    const calendar = await created("/api/v1/calendars", demoCalendar);
    planId = (await created("/api/v1/plans", { ...demoPlans[1], calendarId: calendar.id })).id;
    plans.set(t, planId);
  }
  const company = await makeCompany(t.ctx, name ? { name } : {});
  const changed = await call(
    t.app,
    "PATCH",
    `/api/v1/companies/${company.id}`,
    { planId },
    { cookie: admin },
  );
  if (changed.statusCode !== 200) throw new Error(`plan not set: ${changed.body}`);
  return company;
}

/** The smallest valid PNG (1x1 pixel). */
export const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6300010000000500010d0a2db40000000049454e44ae426082",
  "hex",
);

/** Uploads a file as the signed-in user (POST /api/v1/attachments); returns its id. */
export async function uploadFile(t: TestApp, cookie: string, filename: string, content: Buffer = PNG) {
  const boundary = "----extranet-test-boundary";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const response = await t.app.inject({
    method: "POST",
    url: "/api/v1/attachments",
    headers: {
      host: TEST_HOST,
      origin: TEST_ORIGIN,
      cookie,
      "content-type": `multipart/form-data; boundary=${boundary}`,
    },
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
  if (response.statusCode !== 201) throw new Error(`upload failed: ${response.body}`);
  return (response.json() as { id: string }).id;
}
