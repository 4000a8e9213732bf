// `extranet create-user`: a password from stdin signs in over HTTP; otherwise a set-password link.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login, startServer } from "./server";
import { countRows, databaseFile, readSqlite } from "./sqlite";
import { cleanUp, copyOfDataDir, ensureBuilt, freshDataDir, runCli } from "./support";

const CNPJ = "11222333000181";
// A data dir holding one company, made once; each test works on its own copy.
const withCompany = fs.mkdtempSync(path.join(os.tmpdir(), "extranet-cli-template-"));

beforeAll(async () => {
  await ensureBuilt();
  const result = await runCli(["create-company", "--name", "Acme Ltda", "--cnpj", CNPJ], {
    EXTRANET_DATA_DIR: withCompany,
  });
  expect(result.code).toBe(0);
});
afterAll(cleanUp);
afterAll(() => fs.rmSync(withCompany, { recursive: true, force: true }));

function dataDirWithCompany(): string {
  return copyOfDataDir(withCompany);
}

const customer = ["create-user", "--email", "Ana@Acme.com.br", "--name", "Ana Souza", "--role", "customer"];

// Child processes share the CPU with each other (and with other suites): generous, bounded time.
describe.concurrent("extranet create-user", { timeout: 60_000 }, () => {
  it("sets the password read from stdin, and the user can then sign in over HTTP", async () => {
    const dataDir = dataDirWithCompany();

    const created = await runCli(
      [...customer, "--company", "11.222.333/0001-81", "--password-stdin"],
      { EXTRANET_DATA_DIR: dataDir },
      { stdin: "correct horse battery\n" },
    );

    expect(created.code).toBe(0);
    expect(created.stdout.trim()).toBe("user created: ana@acme.com.br (customer); password set");
    expect(created.stdout).not.toContain("correct horse battery");

    const server = await startServer({ EXTRANET_DATA_DIR: dataDir, EXTRANET_SEED_DEMO: "false" });
    const wrong = await login(server, "ana@acme.com.br", "correct horse battery!");
    expect(wrong.status).toBe(401);
    const right = await login(server, "ana@acme.com.br", "correct horse battery");
    expect(right.status).toBe(200);
    expect(await right.json()).toMatchObject({ email: "ana@acme.com.br", role: "customer" });
  });

  it("without --password-stdin prints a one-time set-password link and sets no password", async () => {
    const dataDir = freshDataDir();

    const created = await runCli(
      ["create-user", "--email", "joao@uno.com.br", "--name", "João Lima", "--role", "agent"],
      { EXTRANET_DATA_DIR: dataDir },
    );

    expect(created.code).toBe(0);
    expect(created.stdout).toContain("user created: joao@uno.com.br (agent)");
    expect(created.stdout).toMatch(
      /set-password link \(valid until [^)]+\): https?:\/\/\S+\/set-password#token=\S{20,}/,
    );
    const hashes = readSqlite(databaseFile(dataDir), (db) =>
      db.prepare("select password_hash from app_user").all(),
    );
    expect(hashes).toEqual([{ password_hash: null }]);
  });

  it("refuses a customer without --company", async () => {
    const dataDir = dataDirWithCompany();

    const result = await runCli(customer, { EXTRANET_DATA_DIR: dataDir });

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("Usuários de cliente precisam de uma empresa.");
    expect(countRows(databaseFile(dataDir), "app_user")).toBe(0);
  });

  it("refuses a --company CNPJ that no company has", async () => {
    const dataDir = dataDirWithCompany();

    const result = await runCli([...customer, "--company", "34.567.890/0001-00"], {
      EXTRANET_DATA_DIR: dataDir,
    });

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("Empresa não encontrada. (CNPJ 34.567.890/0001-00)");
    expect(countRows(databaseFile(dataDir), "app_user")).toBe(0);
  });

  it("refuses a password shorter than 10 characters with a field message naming it, creating nobody", async () => {
    const dataDir = dataDirWithCompany();

    const result = await runCli(
      [...customer, "--company", CNPJ, "--password-stdin"],
      { EXTRANET_DATA_DIR: dataDir },
      { stdin: "short1234\n" },
    );

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("Deve ter pelo menos 10 caracteres.");
    expect(countRows(databaseFile(dataDir), "app_user")).toBe(0);
    // The message must point at the input at fault, as --cnpj's does, not at a nameless field.
    expect(result.stderr).not.toContain("--_:");
    expect(result.stderr).toMatch(/password[\w-]*: Deve ter pelo menos 10 caracteres\./i);
  });

  it("prints a link to EXTRANET_PUBLIC_URL when set, and to the quick start's localhost otherwise", async () => {
    const configured = await runCli(
      ["create-user", "--email", "rui@uno.com.br", "--name", "Rui Lima", "--role", "agent"],
      {
        EXTRANET_DATA_DIR: freshDataDir(),
        HOST: "0.0.0.0",
        EXTRANET_PUBLIC_URL: "https://suporte.uno.com.br",
      },
    );
    expect(configured.code).toBe(0);
    expect(configured.stdout).toMatch(/: https:\/\/suporte\.uno\.com\.br\/set-password#token=\S{20,}/);

    const quickStart = await runCli(
      ["create-user", "--email", "rui@uno.com.br", "--name", "Rui Lima", "--role", "agent"],
      {
        EXTRANET_DATA_DIR: freshDataDir(),
        PORT: "3456",
      },
    );
    expect(quickStart.code).toBe(0);
    expect(quickStart.stdout).toMatch(/: http:\/\/localhost:3456\/set-password#token=\S{20,}/);
  });

  it("refuses to print a link when the server is not on loopback and EXTRANET_PUBLIC_URL is unset, creating nobody", async () => {
    const dataDir = freshDataDir();

    const result = await runCli(
      ["create-user", "--email", "rui@uno.com.br", "--name", "Rui Lima", "--role", "agent"],
      {
        EXTRANET_DATA_DIR: dataDir,
        HOST: "0.0.0.0",
      },
    );

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("Peça ao administrador do servidor para definir EXTRANET_PUBLIC_URL.");
    expect(countRows(databaseFile(dataDir), "app_user")).toBe(0);
  });
});
