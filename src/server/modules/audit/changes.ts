// What an audited change did, field by field: the before → after that "Auditoria" shows.
export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

/**
 * The fields of `after` whose value differs from `before` (compared as JSON), each with both
 * values. Fields absent from `after` were not part of the change and are left out.
 */
export function auditChanges(before: object, after: object): AuditChanges {
  const changes: AuditChanges = {};
  const old = before as Record<string, unknown>;
  for (const [field, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (JSON.stringify(old[field] ?? null) === JSON.stringify(value)) continue;
    changes[field] = { before: old[field] ?? null, after: value };
  }
  return changes;
}
