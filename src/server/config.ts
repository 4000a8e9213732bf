// The server's configuration: one object parsed from the environment at start, failing fast and readably.
import path from "node:path";
import { z } from "zod";

const MIB = 1024 * 1024;

const booleanFromEnv = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

export type TrustProxy = boolean | string | ((address: string, hop: number) => boolean);

const trustProxyFromEnv = z.string().transform((value, ctx): TrustProxy => {
  if (value === "true") return true;
  if (value === "false" || value === "") return false;
  if (/^\d+$/.test(value)) {
    // A hop count: trust that many proxies in front of us.
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  if (/^[\d.:/a-fA-F, ]+$/.test(value)) return value;
  ctx.addIssue({ code: "custom", message: "use true, false, a hop count or a list of addresses" });
  return z.NEVER;
});

/**
 * Seals the secrets the server reads back (ERP HS256 keys, webhook signing secrets) with AES-256-GCM:
 * 32 random bytes in base64 (`openssl rand -base64 32`). Unset: they are stored as given.
 */
const secretsKeySchema = z
  .string()
  .optional()
  .transform((value, check) => {
    if (value === undefined || value === "") return undefined;
    const key = Buffer.from(value, "base64");
    if (key.length !== 32 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
      check.addIssue({
        code: "custom",
        message: "must be 32 random bytes in base64 (openssl rand -base64 32)",
      });
      return z.NEVER;
    }
    return key;
  });

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("localhost"),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/, "must start with postgres://, postgresql:// or sqlite:")
    .optional(),
  EXTRANET_DATA_DIR: z.string().min(1).default("./data"),
  EXTRANET_ATTACHMENTS_DIR: z.string().min(1).optional(),
  EXTRANET_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  EXTRANET_BRAND: z.string().min(1).default("UNO"),
  EXTRANET_PRODUCT: z.string().min(1).default("UNO ERP"),
  /** Unset: seed only the embedded SQLite quick start (no DATABASE_URL postgres, no EXTRANET_PUBLIC_URL). */
  EXTRANET_SEED_DEMO: booleanFromEnv.optional(),
  TRUST_PROXY: trustProxyFromEnv.default(false),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 24)
    .default(12),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Requests one API token may make per minute (per server process). */
  API_TOKEN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  SET_PASSWORD_LINK_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .default(72),
  RESET_PASSWORD_LINK_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  SLA_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  HTTP_HEADERS_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(20),
  HTTP_REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  HTTP_IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  HTTP_KEEP_ALIVE_SECONDS: z.coerce.number().int().min(1).max(3600).default(65),
  COMPANY_STORAGE_QUOTA_MB: z.coerce.number().int().min(1).default(2048),
  UPLOAD_RATE_MAX_FILES: z.coerce.number().int().min(1).default(60),
  // At least one largest file (10 MiB), or no upload could ever pass.
  UPLOAD_RATE_MAX_MB: z.coerce.number().int().min(10).default(200),
  UPLOAD_RATE_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(10),
  PENDING_UPLOAD_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 24)
    .default(24),
  MAINTENANCE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(10),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** Off: commands write no ticket e-mails (a training copy of production must not write to real customers); account e-mails still go. */
  MAIL_NOTIFICATIONS: z.enum(["on", "off"]).default("on"),
  /** Outgoing mail: `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`. Unset: e-mails wait in "Caixa de saída". */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** The From of every e-mail; unset: the support e-mail address of the settings, named after the brand. */
  MAIL_FROM: z.string().min(3).max(300).optional(),
  /** The domain of reply addresses (`suporte+1042-…@<domain>`); unset: the support e-mail's domain. */
  MAIL_REPLY_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, "must be a domain name such as suporte.uno.com.br")
    .optional(),
  /** Seals the ERP and webhook secrets the server reads back (see secretsKeySchema). */
  SECRETS_KEY: secretsKeySchema,
  /** While changing SECRETS_KEY: the old key, which still opens what it sealed until each start seals it again. */
  SECRETS_KEY_PREVIOUS: secretsKeySchema,
  /** Signs reply addresses (at least 32 characters); unset: e-mails carry no reply address, and no reply by e-mail is taken. */
  MAIL_REPLY_SECRET: z.string().min(32, "must have at least 32 characters").optional(),
  /** Receive replies by SMTP on this port (e.g. 2525 behind the MX); unset: no listener. */
  SMTP_LISTEN_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_LISTEN_HOST: z.string().min(1).default("0.0.0.0"),
  /** Read replies from a hosted mailbox: `imaps://user:pass@imap.example.com:993/INBOX`. */
  IMAP_URL: z.url({ protocol: /^imaps?$/ }).optional(),
  IMAP_POLL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  /**
   * Webhook hosts allowed although they resolve to a loopback, private or link-local address
   * (hostnames or IPs, comma-separated; e.g. an ERP on the local network). Unset: public addresses only.
   */
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((host) =>
          host
            .trim()
            .toLowerCase()
            .replace(/^\[(.*)\]$/, "$1"),
        )
        .filter((host) => host !== ""),
    ),
  /** PostgreSQL: connections each process may hold, and how long a request waits for one before 503. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  DATABASE_POOL_WAIT_MS: z.coerce.number().int().min(1).max(600_000).default(3000),
  /** PostgreSQL: a statement running longer is cancelled (the request answers 503). */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(1).max(3_600_000).default(15_000),
  /** On SIGTERM: how long not-ready and refusing new requests before closing (load balancers notice). */
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number().min(0).max(600).default(5),
  /** GET /metrics answers only `Authorization: Bearer <METRICS_TOKEN>`; unset: 404. */
  METRICS_TOKEN: z.string().min(16, "must have at least 16 characters").optional(),
  /** A separate listener serving GET /metrics without a token (for a scraper on the same host or network). */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default("127.0.0.1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type DatabaseConfig = { dialect: "sqlite"; file: string } | { dialect: "postgres"; url: string };

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  dataDir: string;
  /** Where attachment files live (shared storage when scaled). */
  attachmentsDir: string;
  /** The origin the portal is reached at; when absent, the request's own Host is the origin. */
  publicUrl: string | undefined;
  brand: string;
  product: string;
  /** Seed the demo companies and users (whose password is public) on first start. */
  seedDemo: boolean;
  trustProxy: TrustProxy;
  session: { idleMinutes: number; absoluteHours: number };
  login: { maxFailuresPerAccount: number; maxFailuresPerIp: number; windowMinutes: number };
  links: { setPasswordHours: number; resetPasswordMinutes: number };
  /** API tokens: requests per minute each one may make, counted per server process. */
  apiTokens: { ratePerMinute: number };
  /** How often the sweeper looks for SLA warnings and breaches to raise. */
  slaSweepMs: number;
  uploads: {
    /** Attachment storage each company may use (its pending uploads included). */
    companyQuotaBytes: number;
    /** Per user: at most this many files and bytes uploaded within the window. */
    rateMaxFiles: number;
    rateMaxBytes: number;
    rateWindowMs: number;
    /** An upload not sent with a ticket or reply within this long is removed. */
    pendingTtlMs: number;
  };
  /** How often the maintenance job purges what has expired. */
  maintenanceMs: number;
  mail: {
    /** Ticket commands write their e-mails (MAIL_NOTIFICATIONS=on, the default). */
    notifications: boolean;
    smtpUrl: string | undefined;
    from: string | undefined;
    replyDomain: string | undefined;
    replySecret: string | undefined;
    /** Replies by e-mail are received (SMTP_LISTEN_PORT or IMAP_URL set, with MAIL_REPLY_SECRET). */
    inbound: boolean;
    listen: { port: number; host: string } | undefined;
    imap: { url: string; pollMs: number } | undefined;
  };
  /** Webhook hosts exempt from the public-address rule (WEBHOOK_ALLOWED_HOSTS). */
  webhooks: { allowedHosts: string[] };
  /** SECRETS_KEY: seals stored ERP and webhook secrets (secrets-at-rest.ts); undefined: stored as given. */
  secretsKey: Buffer | undefined;
  /** SECRETS_KEY_PREVIOUS: the key being replaced, still opening what it sealed. */
  secretsPreviousKey: Buffer | undefined;
  bodyLimitBytes: number;
  /**
   * Slow or stalled clients: headers must arrive within `headersMs` and the whole request within
   * `requestMs`; a connection silent for `idleMs` is closed (live streams excepted), and one kept
   * alive between requests for `keepAliveMs`.
   */
  http: { headersMs: number; requestMs: number; idleMs: number; keepAliveMs: number };
  /** PostgreSQL's pool: its size, the wait for a connection, the statement timeout (ms). */
  databasePool: { size: number; waitMs: number; statementTimeoutMs: number };
  /** SIGTERM: how long the server says it is not ready and refuses new requests before closing. */
  shutdownDrainMs: number;
  /**
   * Metrics: `token` is the bearer token GET /metrics on the main port requires (undefined: 404
   * there); `listen` an internal listener serving them without a token. Neither: no metrics kept.
   */
  metrics: { token: string | undefined; listen: { port: number; host: string } | undefined };
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
  /** Where the built single-page app lives; absent in API-only tests. */
  webRoot: string | undefined;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, webRoot?: string): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration in the environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (e.HTTP_HEADERS_TIMEOUT_SECONDS > e.HTTP_REQUEST_TIMEOUT_SECONDS) {
    throw new ConfigError(
      "Invalid configuration in the environment:\n  HTTP_HEADERS_TIMEOUT_SECONDS: must not exceed HTTP_REQUEST_TIMEOUT_SECONDS",
    );
  }
  if (e.SECRETS_KEY_PREVIOUS && !e.SECRETS_KEY) {
    throw new ConfigError(
      "Invalid configuration in the environment:\n  SECRETS_KEY_PREVIOUS: only beside SECRETS_KEY, the key that replaces it",
    );
  }
  const dataDir = path.resolve(e.EXTRANET_DATA_DIR);
  const database = databaseFrom(e.DATABASE_URL, dataDir);
  return {
    port: e.PORT,
    host: e.HOST,
    database,
    dataDir,
    attachmentsDir: path.resolve(e.EXTRANET_ATTACHMENTS_DIR ?? path.join(dataDir, "attachments")),
    publicUrl: e.EXTRANET_PUBLIC_URL ? new URL(e.EXTRANET_PUBLIC_URL).origin : undefined,
    brand: e.EXTRANET_BRAND,
    product: e.EXTRANET_PRODUCT,
    // Accounts with a password printed in the README must never reach production by default: only
    // the quick start (`npm install && npm start`) seeds them unless asked to.
    seedDemo: e.EXTRANET_SEED_DEMO ?? (database.dialect === "sqlite" && e.EXTRANET_PUBLIC_URL === undefined),
    trustProxy: e.TRUST_PROXY,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    login: {
      maxFailuresPerAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerIp: e.LOGIN_MAX_FAILURES_PER_IP,
      windowMinutes: e.LOGIN_WINDOW_MINUTES,
    },
    links: {
      setPasswordHours: e.SET_PASSWORD_LINK_HOURS,
      resetPasswordMinutes: e.RESET_PASSWORD_LINK_MINUTES,
    },
    apiTokens: { ratePerMinute: e.API_TOKEN_RATE_PER_MINUTE },
    slaSweepMs: e.SLA_SWEEP_SECONDS * 1000,
    uploads: {
      companyQuotaBytes: e.COMPANY_STORAGE_QUOTA_MB * MIB,
      rateMaxFiles: e.UPLOAD_RATE_MAX_FILES,
      rateMaxBytes: e.UPLOAD_RATE_MAX_MB * MIB,
      rateWindowMs: e.UPLOAD_RATE_WINDOW_MINUTES * 60 * 1000,
      pendingTtlMs: e.PENDING_UPLOAD_HOURS * 60 * 60 * 1000,
    },
    maintenanceMs: e.MAINTENANCE_MINUTES * 60 * 1000,
    mail: {
      notifications: e.MAIL_NOTIFICATIONS === "on",
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM,
      replyDomain: e.MAIL_REPLY_DOMAIN?.toLowerCase(),
      replySecret: e.MAIL_REPLY_SECRET,
      inbound:
        (e.SMTP_LISTEN_PORT !== undefined || e.IMAP_URL !== undefined) && e.MAIL_REPLY_SECRET !== undefined,
      imap: e.IMAP_URL === undefined ? undefined : { url: e.IMAP_URL, pollMs: e.IMAP_POLL_SECONDS * 1000 },
      listen:
        e.SMTP_LISTEN_PORT === undefined ? undefined : { port: e.SMTP_LISTEN_PORT, host: e.SMTP_LISTEN_HOST },
    },
    webhooks: { allowedHosts: e.WEBHOOK_ALLOWED_HOSTS },
    secretsKey: e.SECRETS_KEY,
    secretsPreviousKey: e.SECRETS_KEY_PREVIOUS,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    http: {
      headersMs: e.HTTP_HEADERS_TIMEOUT_SECONDS * 1000,
      requestMs: e.HTTP_REQUEST_TIMEOUT_SECONDS * 1000,
      idleMs: e.HTTP_IDLE_TIMEOUT_SECONDS * 1000,
      keepAliveMs: e.HTTP_KEEP_ALIVE_SECONDS * 1000,
    },
    databasePool: {
      size: e.DATABASE_POOL_SIZE,
      waitMs: e.DATABASE_POOL_WAIT_MS,
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    },
    shutdownDrainMs: Math.round(e.SHUTDOWN_DRAIN_SECONDS * 1000),
    metrics: {
      token: e.METRICS_TOKEN,
      listen: e.METRICS_PORT === undefined ? undefined : { port: e.METRICS_PORT, host: e.METRICS_HOST },
    },
    logLevel: e.LOG_LEVEL,
    webRoot,
  };
}

function databaseFrom(url: string | undefined, dataDir: string): DatabaseConfig {
  if (url === undefined) return { dialect: "sqlite", file: path.join(dataDir, "extranet.sqlite") };
  if (url.startsWith("sqlite:"))
    return { dialect: "sqlite", file: path.resolve(url.slice("sqlite:".length)) };
  return { dialect: "postgres", url };
}
