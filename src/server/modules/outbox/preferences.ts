// Each person's optional e-mails: a row per topic turned off; every topic is on until turned off.
import { type EmailPreferences, EmailTopic } from "../../../contracts/outbox";
import type { Db, Executor } from "../../db/schema";

export async function emailPreferencesOf(db: Executor, userId: string): Promise<EmailPreferences> {
  const off = await db.selectFrom("email_opt_out").select("topic").where("user_id", "=", userId).execute();
  const preferences = Object.fromEntries(
    EmailTopic.options.map((topic) => [topic, true]),
  ) as EmailPreferences;
  for (const row of off) preferences[row.topic] = false;
  return preferences;
}

/** Replaces the person's choices in one transaction. */
export async function setEmailPreferences(
  db: Db,
  userId: string,
  preferences: EmailPreferences,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("email_opt_out").where("user_id", "=", userId).execute();
    const off = EmailTopic.options.filter((topic) => !preferences[topic]);
    if (off.length > 0) {
      await trx
        .insertInto("email_opt_out")
        .values(off.map((topic) => ({ user_id: userId, topic })))
        .execute();
    }
  });
}
