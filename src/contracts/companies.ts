// Customer companies: who they are and where (holidays depend on state and city).
import { z } from "zod";
import { Cnpj } from "./cnpj";
import { Id, Instant, PageQuery, pageOf } from "./common";
import { TicketStatus } from "./tickets";

export const BRAZILIAN_STATES = [
  "AC",
  "AL",
  "AP",
  "AM",
  "BA",
  "CE",
  "DF",
  "ES",
  "GO",
  "MA",
  "MT",
  "MS",
  "MG",
  "PA",
  "PB",
  "PR",
  "PE",
  "PI",
  "RJ",
  "RN",
  "RS",
  "RO",
  "RR",
  "SC",
  "SP",
  "SE",
  "TO",
] as const;
export const BrazilianState = z.enum(BRAZILIAN_STATES);
export type BrazilianState = z.infer<typeof BrazilianState>;

export const CreateCompanyRequest = z.strictObject({
  name: z.string().trim().min(2).max(160),
  /** With or without punctuation; numeric or alphanumeric. */
  cnpj: Cnpj,
  state: BrazilianState,
  city: z.string().trim().min(2).max(120),
  /** The support plan; when absent, the plan named by EXTRANET_DEFAULT_PLAN if any. */
  planId: Id.optional(),
});
export type CreateCompanyRequest = z.infer<typeof CreateCompanyRequest>;

export const UpdateCompanyRequest = z.strictObject({
  name: z.string().trim().min(2).max(160).optional(),
  state: BrazilianState.optional(),
  city: z.string().trim().min(2).max(120).optional(),
  active: z.boolean().optional(),
  planId: Id.optional(),
});
export type UpdateCompanyRequest = z.infer<typeof UpdateCompanyRequest>;

export const Company = z.object({
  id: Id,
  name: z.string(),
  /** 14 characters, unformatted. */
  cnpj: z.string(),
  state: BrazilianState,
  city: z.string(),
  active: z.boolean(),
  planId: Id.nullable(),
  createdAt: Instant,
  /** Bytes of attachments the company stores (pending uploads included); staff and the company's admin only. */
  storageBytes: z.number().int().nonnegative().optional(),
  /** Its attachment storage quota (COMPANY_STORAGE_QUOTA_MB); present with `storageBytes`. */
  storageQuotaBytes: z.number().int().positive().optional(),
});
export type Company = z.infer<typeof Company>;
export type CompanyStorage = Required<Pick<Company, "storageBytes" | "storageQuotaBytes">>;

export const CompanyIdParams = z.strictObject({ companyId: Id });

export const CompanyListQuery = PageQuery.extend({
  /** Matches name or CNPJ. */
  q: z.string().trim().max(100).optional(),
  /** "true": active companies only; "false": deactivated ones only. */
  active: z.enum(["true", "false"]).optional(),
  planId: Id.optional(),
  state: BrazilianState.optional(),
});
export type CompanyListQuery = z.infer<typeof CompanyListQuery>;

/** A company in the console's list ("Empresas"): its plan's name and two counts beside it. */
export const CompanyListItem = Company.extend({
  planName: z.string().nullable().optional(),
  /** Active accounts of the company (staff only). */
  activeUsers: z.number().int().nonnegative().optional(),
  /** Tickets not yet resolved or cancelled (staff only). */
  openTickets: z.number().int().nonnegative().optional(),
});
export type CompanyListItem = z.infer<typeof CompanyListItem>;
export const CompanyPage = pageOf(CompanyListItem);

/**
 * A company's page in the console: the company with its counts, its latest tickets and the
 * consultancy hours of the current month against those its plan includes (the statement's figures).
 */
export const CompanyOverview = z.object({
  company: CompanyListItem,
  recentTickets: z.array(
    z.object({
      number: z.number().int(),
      subject: z.string(),
      status: TicketStatus,
      createdAt: Instant,
    }),
  ),
  consultancy: z.object({
    /** São Paulo's month, "2026-12". */
    month: z.string(),
    includedMinutes: z.number().int(),
    approvedMinutes: z.number().int(),
    usedIncludedMinutes: z.number().int(),
    billableMinutes: z.number().int(),
    loggedMinutes: z.number().int(),
  }),
});
export type CompanyOverview = z.infer<typeof CompanyOverview>;
