// Who may receive a live event: the one rule every stream applies before writing an event.
import { isStaffRole } from "../../../contracts/common";
import type { Actor } from "../../../domain/policies";
import type { LiveEvent } from "../../events/bus";

export function mayReceive(actor: Actor, event: LiveEvent): boolean {
  const { audience } = event;
  switch (audience.kind) {
    case "user":
      return actor.userId === audience.userId;
    case "staff":
      return isStaffRole(actor.role);
    case "company":
      return isStaffRole(actor.role) || (actor.companyId !== null && actor.companyId === audience.companyId);
    case "internal":
      return false;
  }
}
