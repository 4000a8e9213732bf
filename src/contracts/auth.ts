// Sign-in, sign-out, one-time password links and the signed-in user's own profile.
import { z } from "zod";
import { Email, Id, Instant, Locale, Password, Role } from "./common";

/** What a one-time link is for: a new account's first password, or a reset. */
export const TokenPurpose = z.enum(["set_password", "reset_password"]);
export type TokenPurpose = z.infer<typeof TokenPurpose>;

export const LoginRequest = z.strictObject({
  email: Email,
  // Any length is accepted here: an old password must still be able to sign in.
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** "Esqueci minha senha": the answer is the same whether or not the e-mail has an account. */
export const ForgotPasswordRequest = z.strictObject({ email: Email });
export type ForgotPasswordRequest = z.infer<typeof ForgotPasswordRequest>;

export const SetPasswordRequest = z.strictObject({
  /** The token from the one-time link. */
  token: z.string().min(20).max(200),
  password: Password,
});
export type SetPasswordRequest = z.infer<typeof SetPasswordRequest>;

export const ChangePasswordRequest = z.strictObject({
  /** Re-authentication: the password in use now. */
  currentPassword: z.string().min(1).max(1024),
  newPassword: Password,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

/** What the client may do, computed by the server's policies; the client never re-derives them. */
export const Abilities = z.object({
  openTickets: z.boolean(),
  viewCompanyTickets: z.boolean(),
  useConsole: z.boolean(),
  manageCompanies: z.boolean(),
  manageUsers: z.boolean(),
  /** "Empresas" in the console: every staff member reads; `manageCompanies` changes. */
  readCompanies: z.boolean(),
  /** Creating and changing the support team's accounts (and granting admin or supervisor): admins. */
  manageStaffAccounts: z.boolean(),
  /** "Pessoas da empresa" in the portal: a company's admin reads its people (and how to get more). */
  viewCompanyPeople: z.boolean(),
  /** Inviting and deactivating there: a company's admin, while the settings let company admins invite. */
  manageCompanyPeople: z.boolean(),
  /** Support plans and business calendars ("Planos e prazos"): admins edit, the rest of the team reads. */
  managePlans: z.boolean(),
  /** Anyone's logged time, or the whole team's ("Tempo registrado"): supervisors and admins. */
  readTeamTime: z.boolean(),
  /** "Configurações": admins. */
  manageSettings: z.boolean(),
  /** "Caixa de saída": the e-mails written, their state, "reenviar". */
  manageOutbox: z.boolean(),
  /** Writing categories and FAQ answers ("Categorias e perguntas"): supervisors and admins. */
  manageKnowledgeBase: z.boolean(),
  /** The monthly SLA compliance report ("Cumprimento do SLA"): supervisors and admins. */
  readSlaCompliance: z.boolean(),
  /** The monthly consultancy statement ("Extrato mensal"): supervisors and admins. */
  readBillingStatements: z.boolean(),
  /** "Telas do ERP": import, edit and deactivate screens (supervisors and admins; agents read). */
  manageScreens: z.boolean(),
  /** The portal's "Consumo do plano": the company's admin. */
  readPlanConsumption: z.boolean(),
  /** "Auditoria" (who changed what, before → after; it names people and addresses): admins. */
  readAudit: z.boolean(),
  /** A person's data (LGPD): export it, anonymize the person. Admins. */
  managePersonalData: z.boolean(),
  /** "Integrações" (ERP installations and the like): admins. */
  manageIntegrations: z.boolean(),
});
export type Abilities = z.infer<typeof Abilities>;

export const Me = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  role: Role,
  locale: Locale,
  company: z.object({ id: Id, name: z.string(), cnpj: z.string() }).nullable(),
  abilities: Abilities,
  /** The sign-in before this session's ("último acesso"); null on the first. */
  previousLoginAt: Instant.nullable(),
});
export type Me = z.infer<typeof Me>;

export const UpdateMeRequest = z.strictObject({
  locale: Locale.optional(),
  name: z.string().trim().min(2).max(120).optional(),
});
export type UpdateMeRequest = z.infer<typeof UpdateMeRequest>;

/** Public facts the sign-in page needs before anyone signs in. */
export const AppInfo = z.object({
  brand: z.string(),
  product: z.string(),
  locales: z.array(Locale),
});
export type AppInfo = z.infer<typeof AppInfo>;
