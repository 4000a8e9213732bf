// What an admin changes without a restart ("Configurações"): stored in the database, validated,
// audited. Environment variables stay for infrastructure.
import { z } from "zod";

export const Settings = z.strictObject({
  /** A customer's reply reopens a resolved ticket for this many days (0: never). */
  reopenWindowDays: z.number().int().min(0).max(365),
  /** Share of a deadline's target after which it is "vence em breve" (e.g. 0.8). */
  slaWarningShare: z.number().min(0.5).max(0.95).multipleOf(0.01),
  /** Company admins may invite colleagues and deactivate them ("Pessoas da empresa"). */
  companyAdminsMayInvite: z.boolean(),
  /** Where customers write to the support team (shown in the portal and, later, e-mails). */
  supportEmail: z.email().max(254),
  /** Closes the team's e-mails; plain text. */
  supportSignature: z.string().trim().max(1000),
  /**
   * Attachments of tickets finalized (resolved or cancelled) more than this many months ago have
   * their files removed by the maintenance job (LGPD retention); 0 keeps them for ever.
   */
  attachmentRetentionMonths: z.number().int().min(0).max(120),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  reopenWindowDays: 7,
  slaWarningShare: 0.8,
  companyAdminsMayInvite: false,
  supportEmail: "suporte@example.com.br",
  supportSignature: "Equipe de suporte",
  attachmentRetentionMonths: 0,
};

/**
 * PUT /api/v1/settings: every setting, as the form shows them. The retention setting came later:
 * a client that does not send it leaves it as it is (rather than resetting it to "keep for ever").
 */
export const UpdateSettingsRequest = Settings.extend({
  attachmentRetentionMonths: Settings.shape.attachmentRetentionMonths.optional(),
});
export type UpdateSettingsRequest = z.infer<typeof UpdateSettingsRequest>;
