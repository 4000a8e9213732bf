// The company a scoped query is limited to: undefined means every company (staff).
import type { Scope } from "../../domain/policies";

export const scopedCompanyId = (scope: Scope): string | undefined =>
  scope.kind === "company" ? scope.companyId : undefined;
