// Checks a new password before sending it: the contract's length rule, and that both copies match.
import { Password } from "../../contracts/common";
import type { Translate } from "../../i18n";
import { fieldMessages } from "../../i18n/zod-issues";

export interface NewPasswordProblems {
  password?: string;
  repeat?: string;
}

export function checkNewPassword(password: string, repeat: string, t: Translate): NewPasswordProblems {
  const result = Password.safeParse(password);
  // The same rule and wording the server would answer with, without the round trip.
  if (!result.success) return { password: Object.values(fieldMessages(result.error.issues, t, password))[0] };
  if (password !== repeat) return { repeat: t("validation.passwords_differ") };
  return {};
}

export function hasProblems(problems: NewPasswordProblems): boolean {
  return problems.password !== undefined || problems.repeat !== undefined;
}
