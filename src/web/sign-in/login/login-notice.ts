// Messages other pages leave for the sign-in page through the router's location state.
import type { MessageKey } from "../../../i18n";

export const PASSWORD_SET: LoginNotice = { notice: "setPassword.done" };

export interface LoginNotice {
  notice: Extract<MessageKey, "setPassword.done">;
}

export function noticeFrom(state: unknown): MessageKey | null {
  if (typeof state !== "object" || state === null || !("notice" in state)) return null;
  return state.notice === PASSWORD_SET.notice ? PASSWORD_SET.notice : null;
}
