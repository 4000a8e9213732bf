import { describe, expect, it } from "vitest";
import { catalogs, localeFromAcceptLanguage, translate } from "./index";
import { ptBR } from "./pt-BR";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogs", () => {
  it("every locale has exactly pt-BR's keys, none empty", () => {
    const keys = Object.keys(ptBR).sort();
    for (const [locale, catalog] of Object.entries(catalogs)) {
      expect(Object.keys(catalog).sort(), locale).toEqual(keys);
      for (const [key, text] of Object.entries(catalog)) expect(text.trim(), `${locale} ${key}`).not.toBe("");
    }
  });

  it("every translation uses the same placeholders as pt-BR", () => {
    for (const [locale, catalog] of Object.entries(catalogs)) {
      for (const [key, text] of Object.entries(ptBR)) {
        expect(placeholders(catalog[key as keyof typeof ptBR]), `${locale} ${key}`).toEqual(
          placeholders(text),
        );
      }
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translate("pt-BR", "error.rate_limited", { minutes: 3 })).toBe(
      "Muitas tentativas. Tente novamente em 3 min.",
    );
    expect(translate("en", "app.title", { brand: "UNO" })).toBe("UNO Extranet");
    expect(translate("en", "app.title")).toBe("{brand} Extranet");
  });
});

describe("localeFromAcceptLanguage", () => {
  it.each([
    [undefined, "pt-BR"],
    ["", "pt-BR"],
    ["en-US,en;q=0.9", "en"],
    ["pt-BR,pt;q=0.9,en;q=0.8", "pt-BR"],
    ["fr-FR,en;q=0.5,pt;q=0.9", "pt-BR"],
    ["de-DE,en-GB;q=0.7", "en"],
    ["de-DE", "pt-BR"],
  ])("%s → %s", (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });
});
