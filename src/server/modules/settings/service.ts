// The settings in force: stored rows over the defaults, each checked by the contract (a row that no
// longer fits — a setting retired, a value out of a narrowed range — falls back to the default).
// Read on hot paths (every reply reads the reopen window), so each process keeps them for a few
// seconds; a change made here is seen at once by this process and within that time by the others.
import { DEFAULT_SETTINGS, Settings, type UpdateSettingsRequest } from "../../../contracts/settings";
import type { AppContext, CommandMeta } from "../../context";
import type { Executor } from "../../db/schema";
import { auditChanges } from "../audit/changes";
import { recordAudit } from "../audit/repository";
import { listSettingRows, upsertSetting } from "./repository";

const CACHE_MS = 2_000;
const DAY_MS = 24 * 60 * 60 * 1000;

type SettingKey = keyof Settings;
const KEYS = Object.keys(Settings.shape) as SettingKey[];

/** The settings as read from the database, defaults where nothing (valid) is stored. */
export async function readStoredSettings(db: Executor): Promise<Settings> {
  const stored: Record<string, unknown> = {};
  for (const row of await listSettingRows(db)) {
    if (!(KEYS as string[]).includes(row.key)) continue;
    try {
      stored[row.key] = JSON.parse(row.value);
    } catch {
      // A corrupt row reads as its default; the next save writes it anew.
    }
  }
  const settings: Settings = { ...DEFAULT_SETTINGS };
  for (const key of KEYS) {
    const parsed = Settings.shape[key].safeParse(stored[key]);
    if (parsed.success) Object.assign(settings, { [key]: parsed.data });
  }
  return settings;
}

const cache = new WeakMap<AppContext, { settings: Settings; readAt: number }>();

/** The settings in force for this process (kept up to CACHE_MS). */
export async function settingsOf(ctx: AppContext): Promise<Settings> {
  const now = Date.now();
  const cached = cache.get(ctx);
  if (cached && now - cached.readAt < CACHE_MS) return cached.settings;
  const settings = await readStoredSettings(ctx.db);
  cache.set(ctx, { settings, readAt: now });
  return settings;
}

/** What the ticket rules need of the settings, in the units they count in. */
export async function ticketSettingsOf(ctx: AppContext) {
  const settings = await settingsOf(ctx);
  return { reopenWindowMs: settings.reopenWindowDays * DAY_MS, slaWarningShare: settings.slaWarningShare };
}

/** The settings a request sent (a key left out keeps its value). */
const withoutUndefined = (props: UpdateSettingsRequest): Partial<Settings> =>
  Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined));

/** Saves every setting in one transaction, audited with what changed (before → after). */
export async function updateSettings(
  ctx: AppContext,
  meta: CommandMeta,
  props: UpdateSettingsRequest,
): Promise<Settings> {
  const saved = await ctx.db.transaction().execute(async (trx) => {
    const before = await readStoredSettings(trx);
    const after: Settings = { ...before, ...withoutUndefined(props) };
    const now = ctx.clock.now();
    for (const key of KEYS) {
      if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
      await upsertSetting(trx, {
        key,
        value: JSON.stringify(after[key]),
        updated_by: meta.actorId,
        updated_at: now,
      });
    }
    const changes = auditChanges(before, after);
    if (Object.keys(changes).length > 0) {
      await recordAudit(trx, meta, now, {
        action: "settings.update",
        targetType: "settings",
        targetId: "settings",
        changes,
      });
    }
    return after;
  });
  cache.set(ctx, { settings: saved, readAt: Date.now() });
  return saved;
}
