// API tokens' rows: the lookup every bearer request runs, the lists, revocation.

import type { ApiTokenKind } from "../../../contracts/tokens";
import { json } from "../../db/json";
import { PreparedQuery } from "../../db/prepared";
import type { ApiTokenTable, Executor } from "../../db/schema";
import { ACCOUNT_COLUMNS } from "../auth/repository";

export type ApiTokenRow = ApiTokenTable;

function tokenWithUserQuery(db: Executor, tokenHash: string) {
  return db
    .selectFrom("api_token as t")
    .innerJoin("app_user as u", "u.id", "t.user_id")
    .leftJoin("company as c", "c.id", "u.company_id")
    .select([
      "t.id as tokenId",
      "t.token_hash as tokenHash",
      "t.kind",
      "t.name as tokenName",
      "t.scopes",
      "t.expires_at as tokenExpiresAt",
      "t.last_used_at as lastUsedAt",
      "t.revoked_at as revokedAt",
      ...ACCOUNT_COLUMNS,
    ])
    .where("t.token_hash", "=", tokenHash);
}

export type TokenWithUser = Awaited<
  ReturnType<ReturnType<typeof tokenWithUserQuery>["executeTakeFirstOrThrow"]>
>;

// Every bearer request runs this query: compiled once per database, then run with new values.
const tokenWithUser = PreparedQuery.single((db, values: { tokenHash: string }) =>
  tokenWithUserQuery(db, values.tokenHash),
);

/** The token behind a hash, with everything a request needs about the account it acts as. */
export function findTokenWithUser(db: Executor, tokenHash: string): Promise<TokenWithUser | undefined> {
  return tokenWithUser.executeTakeFirst(db, null, { tokenHash });
}

export async function touchToken(db: Executor, id: string, at: number): Promise<void> {
  await db.updateTable("api_token").set({ last_used_at: at }).where("id", "=", id).execute();
}

export async function insertToken(db: Executor, row: ApiTokenRow): Promise<void> {
  await db.insertInto("api_token").values(row).execute();
}

export function findToken(db: Executor, id: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom("api_token").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Revokes a token still in force; false when it was already revoked (a racing revocation won). */
export async function revokeToken(db: Executor, id: string, by: string | null, at: number): Promise<boolean> {
  const result = await db
    .updateTable("api_token")
    .set({ revoked_at: at, revoked_by: by })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface TokenListFilter {
  kind: ApiTokenKind;
  /** Personal tokens: this person's only. */
  userId?: string;
}

/** Tokens in force (not revoked), newest first, with the company and the creator's name. */
export async function listTokens(db: Executor, filter: TokenListFilter) {
  const rows = await db
    .selectFrom("api_token as t")
    .innerJoin("app_user as u", "u.id", "t.user_id")
    .leftJoin("company as c", "c.id", "u.company_id")
    .leftJoin("app_user as creator", "creator.id", "t.created_by")
    .select([
      "t.id",
      "t.kind",
      "t.name",
      "t.scopes",
      "t.hint",
      "t.created_at",
      "t.expires_at",
      "t.last_used_at",
      "t.created_by",
      "creator.name as creator_name",
      "c.id as company_id",
      "c.name as company_name",
    ])
    .where("t.kind", "=", filter.kind)
    .where("t.revoked_at", "is", null)
    .$if(filter.userId !== undefined, (qb) => qb.where("t.user_id", "=", filter.userId ?? ""))
    .orderBy("t.created_at", "desc")
    .orderBy("t.id", "desc")
    .limit(500)
    .execute();
  return rows.map((row) => ({ ...row, scopes: json.apiTokenScopes.decode(row.scopes) }));
}

export type ApiTokenListRow = Awaited<ReturnType<typeof listTokens>>[number];
