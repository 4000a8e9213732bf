// The support team as the console lists it: who a ticket can be assigned to, who a note can mention.
import { z } from "zod";
import { Id, Role } from "./common";

export const StaffMember = z.object({
  id: Id,
  name: z.string(),
  role: Role,
  /** What "@handle" mentions them by in internal notes: the e-mail address before the "@". */
  handle: z.string(),
});
export type StaffMember = z.infer<typeof StaffMember>;

/** Every active staff member by name: a team, not a customer base, so one short list. */
export const StaffList = z.object({ items: z.array(StaffMember) });
export type StaffList = z.infer<typeof StaffList>;
