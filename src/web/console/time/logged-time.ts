// "Tempo registrado": a month's work dates as the API's range, whose time a person may see, and the
// figures in words. Work dates are São Paulo calendar days, so a month is just its first and last day.
/** "2026-02" → { from: "2026-02-01", to: "2026-02-28" }, inclusive, as the API asks. */
export function monthRange(month: string): { from: string; to: string } {
  const [year = 1970, monthOfYear = 1] = month.split("-").map(Number);
  const lastDay = new Date(Date.UTC(year, monthOfYear, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, "0")}` };
}

/** The select's value for "the whole team": the API is then asked without userId. */
export const EVERYONE = "all";

/**
 * The person select's value → the API's userId. Whoever may not read the team's time (the server's
 * `readTeamTime` ability) is always asked about themselves.
 */
export function userIdFor(choice: string | null, readTeamTime: boolean, selfId: string): string | undefined {
  if (!readTeamTime) return selfId;
  return choice === null || choice === EVERYONE ? undefined : choice;
}
