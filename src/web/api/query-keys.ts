// The cache keys of the web client's queries, in one place so that invalidation cannot drift.
export const queryKeys = {
  me: ["me"],
  appInfo: ["app-info"],
} as const;

/** Queries that do not belong to the signed-in user and survive a change of user. */
const PUBLIC_ROOTS: ReadonlySet<unknown> = new Set([queryKeys.me[0], queryKeys.appInfo[0]]);

export function belongsToUser(queryKey: readonly unknown[]): boolean {
  return !PUBLIC_ROOTS.has(queryKey[0]);
}
