// Personal data (LGPD): an admin exports a person's data or anonymizes the person.
import { z } from "zod";
import { Id } from "./common";

export const PersonParams = z.strictObject({ userId: Id });

/** The person an admin is about to export or anonymize ("Dados pessoais"). */
export const PersonPrivacy = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  role: z.string(),
  companyName: z.string().nullable(),
  /** Null while never anonymized. */
  anonymizedAt: z.string().nullable(),
  ticketsOpened: z.number().int(),
  messages: z.number().int(),
  attachments: z.number().int(),
});
export type PersonPrivacy = z.infer<typeof PersonPrivacy>;

/** The shape every anonymized person takes: their tickets stay with the company. */
export const ANONYMIZED_NAME = "Titular anonimizado";
