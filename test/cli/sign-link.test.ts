// `extranet sign-link`: prints a link the ERP would build, verifiable with the installation's key;
// HS256 takes the secret from the database, EdDSA a private key file; clear refusals otherwise.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { decodeJwt, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealSecret } from "../../src/server/secrets-at-rest";
import { databaseFile } from "./sqlite";
import { cleanUp, ensureBuilt, freshDataDir, runCli } from "./support";

beforeAll(ensureBuilt);
afterAll(cleanUp);

const HS_ID = "0193a1b2-0000-7000-8000-000000000001";
const ED_ID = "0193a1b2-0000-7000-8000-000000000002";
const COMPANY_ID = "0193a1b2-0000-7000-8000-0000000000c1";
const SECRET = "um-segredo-compartilhado-de-teste-com-32-bytes-ou-mais";
const SEALED_ID = "0193a1b2-0000-7000-8000-000000000003";
const SECRETS_KEY = randomBytes(32);

describe("extranet sign-link", () => {
  const dataDir = freshDataDir();
  const env = { EXTRANET_DATA_DIR: dataDir, EXTRANET_PUBLIC_URL: "https://suporte.uno.com.br" };
  const pair = generateKeyPairSync("ed25519");
  const keyFile = path.join(dataDir, "erp-private.pem");

  beforeAll(async () => {
    expect((await runCli(["migrate"], env)).code).toBe(0);
    fs.writeFileSync(keyFile, pair.privateKey.export({ type: "pkcs8", format: "pem" }));
    const db = new SQLite(databaseFile(dataDir));
    try {
      const now = Date.now();
      db.prepare(
        "insert into company (id, name, cnpj, state, city, active, plan_id, created_at, updated_at) values (?, 'Laticínios Serra Azul Ltda', '11444777000161', 'MG', 'Juiz de Fora', 1, null, ?, ?)",
      ).run(COMPANY_ID, now, now);
      const insert = db.prepare(
        "insert into erp_installation (id, name, company_id, algorithm, secret, public_key, creates_users, active, revoked_at, last_used_at, created_by, created_at, updated_at) values (?, 'ERP', ?, ?, ?, ?, 0, 1, null, null, null, ?, ?)",
      );
      insert.run(HS_ID, COMPANY_ID, "HS256", SECRET, null, now, now);
      const sealed = sealSecret(SECRETS_KEY, SECRET, { table: "erp_installation", id: SEALED_ID });
      insert.run(SEALED_ID, COMPANY_ID, "HS256", sealed, null, now, now);
      insert.run(
        ED_ID,
        COMPANY_ID,
        "EdDSA",
        null,
        pair.publicKey.export({ type: "spki", format: "pem" }).toString(),
        now,
        now,
      );
    } finally {
      db.close();
    }
  });

  const tokenOf = (stdout: string) => {
    const url = new URL(stdout.trim());
    expect(`${url.origin}${url.pathname}`).toBe("https://suporte.uno.com.br/sso/erp");
    return url.searchParams.get("token") ?? "";
  };

  it("signs an HS256 link with the installation's secret, naming the screen and the record", async () => {
    const result = await runCli(
      [
        "sign-link",
        "--installation",
        HS_ID,
        "--email",
        "Ana@SerraAzul.com.br",
        "--screen",
        "ATW0001",
        "--record",
        "cliente código 100",
        "--minutes",
        "2",
      ],
      env,
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const { payload, protectedHeader } = await jwtVerify(
      tokenOf(result.stdout),
      new TextEncoder().encode(SECRET),
      {
        audience: "extranet",
        issuer: HS_ID,
      },
    );
    expect(protectedHeader.alg).toBe("HS256");
    expect(payload).toMatchObject({
      email: "ana@serraazul.com.br",
      cnpj: "11444777000161",
      screen: "ATW0001",
      record: "cliente código 100",
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(120);
    expect(payload.jti).toMatch(/^[\w-]{36}$/);
  });

  it("signs an EdDSA link with the private key file, verifiable with the registered public key", async () => {
    const result = await runCli(
      ["sign-link", "--installation", ED_ID, "--email", "ana@serraazul.com.br", "--key", keyFile],
      env,
    );
    expect(result.code).toBe(0);
    const { protectedHeader } = await jwtVerify(tokenOf(result.stdout), pair.publicKey, {
      audience: "extranet",
    });
    expect(protectedHeader.alg).toBe("EdDSA");
    expect(decodeJwt(tokenOf(result.stdout))).not.toHaveProperty("screen");
  });

  it("refuses an EdDSA installation without --key, an unknown installation, a long life and a bad screen", async () => {
    const noKey = await runCli(
      ["sign-link", "--installation", ED_ID, "--email", "ana@serraazul.com.br"],
      env,
    );
    expect(noKey.code).not.toBe(0);
    expect(noKey.stderr).toContain("--key: EdDSA precisa da chave privada");
    const unknown = await runCli(
      ["sign-link", "--installation", "0193a1b2-0000-7000-8000-00000000dead", "--email", "a@b.com.br"],
      env,
    );
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("Instalação do ERP não encontrada.");
    const long = await runCli(
      ["sign-link", "--installation", HS_ID, "--email", "a@b.com.br", "--minutes", "60"],
      env,
    );
    expect(long.code).not.toBe(0);
    expect(long.stderr).toContain("no máximo 5 minutos");
    const screen = await runCli(
      ["sign-link", "--installation", HS_ID, "--email", "a@b.com.br", "--screen", "NF"],
      env,
    );
    expect(screen.code).not.toBe(0);
    expect(screen.stderr).toContain("Código de tela inválido");
  });

  it("opens a secret sealed under SECRETS_KEY, and says the key is missing without it", async () => {
    const args = ["sign-link", "--installation", SEALED_ID, "--email", "ana@serraazul.com.br"];
    const signed = await runCli(args, { ...env, SECRETS_KEY: SECRETS_KEY.toString("base64") });
    expect(signed.code, signed.stderr).toBe(0);
    await jwtVerify(tokenOf(signed.stdout), new TextEncoder().encode(SECRET));
    const refused = await runCli(args, env);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("SECRETS_KEY");
  });
});
