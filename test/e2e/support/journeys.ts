// What a user does on the sign-in page, and the demo accounts the journeys use.
import type { Page } from "playwright-core";

export const DEMO_PASSWORD = "extranet-demo";

export const demo = {
  customer: {
    email: "fernanda.lima@paulistaalimentos.com.br",
    company: "Distribuidora Paulista de Alimentos Ltda",
  },
  customerAdmin: { email: "bruno.carvalho@paulistaalimentos.com.br" },
  agent: { email: "juliana.prado@uno.com.br" },
  supervisor: { email: "carlos.menezes@uno.com.br" },
  admin: { email: "renata.albuquerque@uno.com.br" },
} as const;

/** Labels of the sign-in form in each language. */
const SIGN_IN = {
  "pt-BR": { email: "E-mail", password: "Senha", submit: "Entrar" },
  en: { email: "E-mail", password: "Password", submit: "Sign in" },
} as const;

export async function signIn(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
  language: keyof typeof SIGN_IN = "pt-BR",
): Promise<void> {
  const labels = SIGN_IN[language];
  await page.getByLabel(labels.email, { exact: true }).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: labels.submit }).click();
}

/** Waits until the address bar shows this path (the SPA navigates without a page load). */
export async function waitForPath(page: Page, pathname: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === pathname);
}
