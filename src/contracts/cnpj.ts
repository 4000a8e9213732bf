// CNPJ: the Brazilian company registry number, numeric or (since July 2026) alphanumeric.
import { z } from "zod";

const SHAPE = /^[0-9A-Z]{12}[0-9]{2}$/;
const FIRST_WEIGHTS = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const SECOND_WEIGHTS = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/** Strips punctuation and upper-cases: "12.ABC.345/01DE-35" → "12ABC34501DE35". */
export function normalizeCnpj(input: string): string {
  return input.replace(/[.\-/\s]/g, "").toUpperCase();
}

/** Receita Federal's check digits; each character counts as its ASCII code minus 48. */
function checkDigit(base: string, weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (base.charCodeAt(i) - 48) * (weights[i] ?? 0);
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

export function isValidCnpj(input: string): boolean {
  const cnpj = normalizeCnpj(input);
  if (!SHAPE.test(cnpj) || /^(\d)\1{13}$/.test(cnpj)) return false;
  const first = checkDigit(cnpj.slice(0, 12), FIRST_WEIGHTS);
  const second = checkDigit(cnpj.slice(0, 12) + String(first), SECOND_WEIGHTS);
  return cnpj.endsWith(`${first}${second}`);
}

/** "11222333000181" → "11.222.333/0001-81". */
export function formatCnpj(cnpj: string): string {
  const c = normalizeCnpj(cnpj);
  if (c.length !== 14) return cnpj;
  return `${c.slice(0, 2)}.${c.slice(2, 5)}.${c.slice(5, 8)}/${c.slice(8, 12)}-${c.slice(12)}`;
}

/** Completes a 12-character base with its two check digits (demo data, tests). */
export function withCheckDigits(base: string): string {
  const first = checkDigit(base, FIRST_WEIGHTS);
  return `${base}${first}${checkDigit(base + String(first), SECOND_WEIGHTS)}`;
}

export const Cnpj = z.string().transform(normalizeCnpj).refine(isValidCnpj, { message: "validation.cnpj" });
