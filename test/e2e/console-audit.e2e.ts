// "Configurações" → "Auditoria" → LGPD: the admin changes a setting, finds the change with its
// before → after in the audit trail, filters it, downloads the CSV, and anonymizes a person from
// the trail's link to their personal data.
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { describe, expect, inject, it } from "vitest";
import { Me } from "../../src/contracts/auth";
import { Settings } from "../../src/contracts/settings";
import { signInThroughApi } from "./support/api";
import { browserForThisFile, newPage, saveScreenshot } from "./support/browser";
import { demo, signIn, waitForPath } from "./support/journeys";

const origin = inject("origin");
const browser = browserForThisFile();

describe("audit trail, settings and personal data", () => {
  it("the admin changes a setting, sees it audited, downloads the CSV and anonymizes a person", async () => {
    const stamp = Date.now();
    const signature = `Equipe de suporte UNO ${stamp}`;
    const personName = `Gustavo Anonimizável ${stamp}`;
    // A person of the demo company to anonymize (the demo's own people stay for the other journeys).
    const customerApi = await signInThroughApi(origin, demo.customer.email);
    const company = Me.parse(await customerApi.get("/api/v1/me")).company;
    if (!company) throw new Error("the demo customer has no company");
    const adminApi = await signInThroughApi(origin, demo.admin.email);
    await adminApi.post("/api/v1/users", {
      name: personName,
      email: `gustavo.${stamp}@paulistaalimentos.com.br`,
      role: "customer",
      companyId: company.id,
    });
    const before = Settings.parse(await adminApi.get("/api/v1/settings"));

    const { page } = await newPage(browser(), origin);
    await page.goto("/console");
    await waitForPath(page, "/login");
    await signIn(page, demo.admin.email);
    await waitForPath(page, "/console");

    // Configurações: change the signature and save.
    await page.getByRole("navigation").getByRole("link", { name: "Configurações" }).click();
    await waitForPath(page, "/console/settings");
    const signatureField = page.getByLabel("Assinatura dos e-mails");
    await expect.poll(() => signatureField.inputValue()).toBe(before.supportSignature);
    await signatureField.fill(signature);
    await page.getByRole("button", { name: "Salvar configurações" }).click();
    await page.getByText("Configurações salvas.").waitFor();
    await saveScreenshot(page, "console-settings");

    // Auditoria: the change, before → after, first in the list.
    await page.getByRole("navigation").getByRole("link", { name: "Auditoria" }).click();
    await waitForPath(page, "/console/audit");
    const first = page.getByTestId("audit-entry").first();
    await first.getByText("Configurações alteradas").waitFor();
    await first.getByText("Assinatura do suporte:").waitFor();
    await first.getByText(before.supportSignature, { exact: true }).waitFor();
    await first.getByText(signature, { exact: true }).waitFor();
    await first.getByText("Renata Albuquerque", { exact: false }).waitFor();

    // Filters: kind and person, kept in the address.
    await page.getByRole("combobox", { name: "Tipo" }).click();
    await page.getByRole("option", { name: "Configurações", exact: true }).click();
    await page.getByRole("combobox", { name: "Pessoa" }).click();
    await page.getByRole("option", { name: "Renata Albuquerque", exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("kind")).toBe("settings");
    await expect.poll(() => new URL(page.url()).searchParams.get("actorId")).not.toBeNull();
    await page.getByTestId("audit-entry").first().getByText(signature, { exact: true }).waitFor();
    // Every entry listed is a settings change (once the list has followed both filters).
    await expect
      .poll(async () => {
        const entries = await page.getByTestId("audit-entry").count();
        const settings = await page
          .getByTestId("audit-entry")
          .getByText("Configurações", { exact: true })
          .count();
        return entries > 0 && settings === entries;
      })
      .toBe(true);
    await saveScreenshot(page, "console-audit-filtered");

    // The CSV of the same filters.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Baixar CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("auditoria.csv");
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(bytes, { delimiter: ";", bom: true, relax_column_count: true });
    expect(rows[0]).toEqual([
      "Data e hora",
      "Pessoa",
      "Tipo",
      "Ação",
      "Registro",
      "Campo",
      "Antes",
      "Depois",
      "Endereço IP",
    ]);
    const line = rows.find((row) => row[7] === signature);
    expect(line?.slice(1, 7)).toEqual([
      "Renata Albuquerque",
      "Configurações",
      "Configurações alteradas",
      "settings",
      "Assinatura do suporte",
      before.supportSignature,
    ]);
    expect(line?.[0]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(rows.slice(1).every((row) => row[2] === "Configurações" && row[1] === "Renata Albuquerque")).toBe(
      true,
    );

    // LGPD: from the person's entry to their personal data, then anonymize.
    await page.getByRole("button", { name: "Limpar filtros" }).click();
    await page.getByRole("combobox", { name: "Tipo" }).click();
    await page.getByRole("option", { name: "Usuário", exact: true }).click();
    const created = page.getByTestId("audit-entry").filter({ hasText: personName }).first();
    await created.getByRole("link", { name: "Dados pessoais" }).click();
    await page.waitForURL((url) => /^\/console\/people\/[^/]+\/privacy$/.test(url.pathname));
    await expect.poll(() => page.getByTestId("privacy-name").textContent()).toBe(personName);
    const anonymize = page.getByRole("button", { name: "Anonimizar titular" });
    expect(await anonymize.isDisabled()).toBe(true);
    await page.getByLabel("Digite ANONIMIZAR para confirmar").fill("ANONIMIZAR");
    await anonymize.click();
    await page.getByTestId("privacy-anonymized").waitFor();
    expect(await page.getByTestId("privacy-name").textContent()).toBe("Titular anonimizado");
    await saveScreenshot(page, "console-privacy-anonymized");

    // The trail says so, and no longer names the person.
    await page.getByRole("navigation").getByRole("link", { name: "Auditoria" }).click();
    await page.getByTestId("audit-entry").first().getByText("Titular anonimizado (LGPD)").waitFor();
    expect(await page.getByText(personName).count()).toBe(0);
  });
});
