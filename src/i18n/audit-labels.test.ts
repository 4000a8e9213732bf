// The audit trail in words: known actions, kinds, fields and codes by the catalog; unknown ones as written.
import { describe, expect, it } from "vitest";
import { auditActionLabel, auditFieldLabel, auditFieldValueText, auditKindLabel } from "./audit-labels";
import { translator } from "./index";

const t = translator("pt-BR");

describe("audit labels", () => {
  it("names kinds, actions and fields from the catalog, and falls back to the code", () => {
    expect(auditKindLabel(t, "company")).toBe("Empresa");
    expect(auditActionLabel(t, "settings.update", "settings")).toBe("Configurações alteradas");
    expect(auditActionLabel(t, "company.merged", "company")).toBe("Empresa: company.merged");
    expect(auditFieldLabel(t, "supportEmail")).toBe("E-mail do suporte");
    expect(auditFieldLabel(t, "somethingNew")).toBe("somethingNew");
  });

  it("writes values the reader's way", () => {
    expect(auditFieldValueText(t, "pt-BR", "role", "customer_admin")).toBe("Administrador da empresa");
    expect(auditFieldValueText(t, "pt-BR", "companyAdminsMayInvite", true)).toBe("sim");
    expect(auditFieldValueText(t, "pt-BR", "slaWarningShare", 0.75)).toBe("0,75");
    expect(auditFieldValueText(t, "pt-BR", "supportSignature", null)).toBe("—");
    expect(auditFieldValueText(t, "pt-BR", "closedDates", ["2026-12-24", "2026-12-31"])).toBe(
      "2026-12-24, 2026-12-31",
    );
    expect(auditFieldValueText(translator("en"), "en", "active", false)).toBe("no");
  });
});
