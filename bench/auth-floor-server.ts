// The floor of an authenticated request: `GET /api/v1/me` with only what any implementation must do.
// Fastify with the cookie plugin, the API's security headers, the session cookie's token hashed, the
// app's own session query (session, account and company by the token's hash, one statement) run on
// the Extranet server's database, the app's presenter and its compiled response serializer. Nothing
// else: no logger, no drain or CSRF checks, no sliding session, no settings read. What this answers
// per second is what no `/me` on this stack and this database can beat, measured in the same run
// as `me` and `bare` (scenario `me-floor`).
//
// EXTRANET_DATA_DIR names the SQLite server's data directory (its file is opened read-only on the
// first request, once that server has written it); DATABASE_URL a PostgreSQL database instead
// (PGOPTIONS may set its search_path).
import path from "node:path";
import fastifyCookie from "@fastify/cookie";
import Database from "better-sqlite3";
import Fastify from "fastify";
import {
  DummyDriver,
  Kysely,
  type Dialect as KyselyDialect,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from "kysely";
import pg from "pg";
import { Me } from "../src/contracts/auth";
import { ErrorResponse } from "../src/contracts/common";
import { hashToken } from "../src/server/crypto";
import type { Database as Schema } from "../src/server/db/schema";
import { presentMe } from "../src/server/modules/auth/presenter";
import { type SessionWithUser, sessionWithUserQuery } from "../src/server/modules/auth/repository";
import { API_SECURITY_HEADERS } from "../src/server/plugins/security-headers";
import { SESSION_COOKIE, toRequestAuth } from "../src/server/plugins/session";
import { serializerCompiler, validatorCompiler } from "../src/server/plugins/zod";

type FindSession = (sessionId: string) => Promise<SessionWithUser | undefined>;

/** The app's session query as SQL with one parameter, compiled for the database's dialect. */
function sessionSql(dialect: "sqlite" | "postgres"): string {
  const compiling: KyselyDialect = {
    createAdapter: () => (dialect === "sqlite" ? new SqliteAdapter() : new PostgresAdapter()),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) =>
      dialect === "sqlite" ? new SqliteIntrospector(db) : new PostgresIntrospector(db),
    createQueryCompiler: () =>
      dialect === "sqlite" ? new SqliteQueryCompiler() : new PostgresQueryCompiler(),
  };
  const db = new Kysely<Schema>({ dialect: compiling });
  return sessionWithUserQuery(db, "").compile().sql;
}

function sqliteSessions(dataDir: string): FindSession {
  let statement: Database.Statement<[string], SessionWithUser> | undefined;
  return async (sessionId) => {
    if (!statement) {
      const database = new Database(path.join(dataDir, "extranet.sqlite"), { readonly: true });
      statement = database.prepare<[string], SessionWithUser>(sessionSql("sqlite"));
    }
    return statement.get(sessionId);
  };
}

function postgresSessions(url: string): FindSession {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // Bigint columns (the instants) arrive as numbers, as the app's driver reads them.
  pg.types.setTypeParser(pg.types.builtins.INT8, Number);
  const query = { name: "session-with-user", text: sessionSql("postgres") };
  return async (sessionId) => (await pool.query<SessionWithUser>({ ...query, values: [sessionId] })).rows[0];
}

const findSession = process.env.DATABASE_URL
  ? postgresSessions(process.env.DATABASE_URL)
  : sqliteSessions(process.env.EXTRANET_DATA_DIR ?? "data");

const app = Fastify({ logger: false });
app.setValidatorCompiler(validatorCompiler);
app.setSerializerCompiler(serializerCompiler);
await app.register(fastifyCookie);
app.decorateRequest("session", null);

declare module "fastify" {
  interface FastifyRequest {
    session: SessionWithUser | null;
  }
}

app.addHook("onRequest", async (request, reply) => {
  reply.headers(API_SECURITY_HEADERS);
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return;
  const row = await findSession(hashToken(token));
  // The app's test too (`authenticate`), but for the idle timeout and the sliding touch.
  if (row && row.expiresAt > Date.now() && row.active === 1 && row.companyActive !== 0) request.session = row;
});

const UNAUTHENTICATED = {
  error: { code: "unauthenticated", message: "Sua sessão expirou ou você não entrou. Entre novamente." },
};

app.get("/health", async () => ({ status: "ok" }));
app.get("/api/v1/me", { schema: { response: { 200: Me, 401: ErrorResponse } } }, async (request, reply) => {
  if (!request.session) return reply.code(401).send(UNAUTHENTICATED);
  return presentMe(toRequestAuth(request.session), { companyAdminsMayInvite: false });
});

// The bench stops its children with SIGTERM; exiting normally lets --cpu-prof write its profile.
process.once("SIGTERM", () => {
  void app.close().finally(() => process.exit(0));
});

await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? "127.0.0.1" });
