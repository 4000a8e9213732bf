// Canned response rows to the contract's shape, with what the reader may do to each.
import type { CannedResponse } from "../../../contracts/canned";
import { type Actor, policies } from "../../../domain/policies";
import { toIso } from "../../db/time";
import type { CannedResponseRow } from "./repository";

export function presentCannedResponse(row: CannedResponseRow, reader: Actor): CannedResponse {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    shared: row.owner_id === null,
    editable: policies.cannedResponse.change(reader, { ownerId: row.owner_id }) === "allow",
    updatedAt: toIso(row.updated_at),
  };
}
