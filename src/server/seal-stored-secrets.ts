// At every server start: with SECRETS_KEY, seals the ERP and webhook secrets stored before the key
// was set (or sealed under SECRETS_KEY_PREVIOUS), and checks that the keys open those already sealed;
// without it, refuses to start when sealed secrets exist (links and webhooks would fail one by one,
// later, instead of now).
import { ConfigError } from "./config";
import type { AppContext } from "./context";
import { isSealed, openSecretWith, SealedSecretError, type SecretOwner, sealSecret } from "./secrets-at-rest";

interface StoredSecret extends SecretOwner {
  column: "secret" | "previous_secret";
  id: string;
  value: string;
}

async function storedSecrets(ctx: AppContext): Promise<StoredSecret[]> {
  const installations = await ctx.db
    .selectFrom("erp_installation")
    .select(["id", "secret"])
    .where("secret", "is not", null)
    .execute();
  const endpoints = await ctx.db
    .selectFrom("webhook_endpoint")
    .select(["id", "secret", "previous_secret"])
    .execute();
  return [
    ...installations.map((row) => ({
      table: "erp_installation" as const,
      column: "secret" as const,
      id: row.id,
      value: row.secret ?? "",
    })),
    ...endpoints.flatMap((row) => [
      { table: "webhook_endpoint" as const, column: "secret" as const, id: row.id, value: row.secret },
      ...(row.previous_secret === null
        ? []
        : [
            {
              table: "webhook_endpoint" as const,
              column: "previous_secret" as const,
              id: row.id,
              value: row.previous_secret,
            },
          ]),
    ]),
  ];
}

/** `sealed`: how many it sealed now; `unsealed`: how many stay readable (no SECRETS_KEY). */
export async function sealStoredSecrets(ctx: AppContext): Promise<{ sealed: number; unsealed: number }> {
  const key = ctx.config.secretsKey;
  const secrets = await storedSecrets(ctx);
  const sealed = secrets.filter((secret) => isSealed(secret.value));
  if (!key) {
    if (sealed.length > 0) {
      throw new ConfigError(
        `SECRETS_KEY is not set, but ${sealed.length} stored ERP or webhook secrets are sealed with it: set it to the key they were sealed with`,
      );
    }
    return { sealed: 0, unsealed: secrets.length };
  }
  // Values only SECRETS_KEY_PREVIOUS opens are sealed again under SECRETS_KEY, with those stored readable.
  const toSeal: (StoredSecret & { plain: string })[] = [];
  for (const secret of secrets) {
    try {
      const opened = openSecretWith(ctx.config, secret.value, secret);
      if (!isSealed(secret.value) || opened.byPrevious) toSeal.push({ ...secret, plain: opened.plain });
    } catch (error) {
      if (!(error instanceof SealedSecretError)) throw error;
      throw new ConfigError(
        `SECRETS_KEY does not open the stored secret of ${secret.table} ${secret.id}: is it the key they were sealed with?`,
      );
    }
  }
  if (toSeal.length === 0) return { sealed: 0, unsealed: 0 };
  await ctx.db.transaction().execute(async (trx) => {
    for (const secret of toSeal) {
      const value = sealSecret(key, secret.plain, secret);
      // Only if unchanged: another process starting at once may have sealed it already.
      if (secret.table === "erp_installation") {
        await trx
          .updateTable("erp_installation")
          .set({ secret: value })
          .where("id", "=", secret.id)
          .where("secret", "=", secret.value)
          .execute();
      } else {
        await trx
          .updateTable("webhook_endpoint")
          .set({ [secret.column]: value })
          .where("id", "=", secret.id)
          .where(secret.column, "=", secret.value)
          .execute();
      }
    }
  });
  return { sealed: toSeal.length, unsealed: 0 };
}
