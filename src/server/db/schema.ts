// Kysely's view of the database. Instants are epoch milliseconds (bigint), flags are 0/1 integers and
// JSON is text, so that one set of queries runs unchanged on SQLite and PostgreSQL.
import type { Kysely, Transaction } from "kysely";

export interface CompanyTable {
  id: string;
  name: string;
  /** 14 digits, no punctuation. */
  cnpj: string;
  /** Federative unit, two letters (SP, RJ…). */
  state: string;
  city: string;
  active: number;
  created_at: number;
  updated_at: number;
}

export interface UserTable {
  id: string;
  company_id: string | null;
  name: string;
  /** Lower-cased: e-mail addresses are unique case-insensitively. */
  email: string;
  password_hash: string | null;
  role: string;
  locale: string;
  active: number;
  last_login_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token: a stolen table grants no session. */
  id: string;
  user_id: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  ip: string;
  user_agent: string;
}

export interface UserTokenTable {
  /** SHA-256 of the one-time link's token. */
  id: string;
  user_id: string;
  purpose: string;
  created_by: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface LoginFailureTable {
  /** `account:<email>` or `ip:<address>`. */
  key: string;
  at: number;
}

export interface AuditLogTable {
  id: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string;
  /** JSON. */
  details: string;
  ip: string | null;
  created_at: number;
}

export interface AppMetaTable {
  key: string;
  value: string;
}

export interface Database {
  company: CompanyTable;
  app_user: UserTable;
  session: SessionTable;
  user_token: UserTokenTable;
  login_failure: LoginFailureTable;
  audit_log: AuditLogTable;
  app_meta: AppMetaTable;
}

export type Db = Kysely<Database>;
/** A connection or an open transaction: repositories accept either. */
export type Executor = Kysely<Database> | Transaction<Database>;
