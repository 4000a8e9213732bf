// Idempotent commands: a request carrying an Idempotency-Key runs its command once; a retry with
// the same key and the same request replays the first answer, and the same key with another
// request is refused (422), as Stripe's and the IETF draft's keys behave. The key is claimed in the
// command's own transaction, so it exists exactly when the command committed: a retry after a
// crash or a lost answer finds either nothing (and runs) or the committed result (and replays).
import { createHash } from "node:crypto";
import { isUniqueViolation } from "../../db/errors";
import type { Db, Executor } from "../../db/schema";
import { errors } from "../../errors";
import {
  findIdempotencyKey,
  type IdempotencyKeyRow,
  insertIdempotencyKey,
  setIdempotencyResult,
} from "./repository";

/** How long a key replays its command: a retry comes within minutes, a day is plenty. */
export const IDEMPOTENCY_KEY_HOURS = 24;

/** A command's key, as a route read it from the request. */
export interface IdempotencyKey {
  userId: string;
  key: string;
  /** The command: the same key used for another command is another request. */
  operation: string;
  /** What was asked (the route's parameters and body). */
  request: unknown;
}

/** How to read a stored answer back. */
export type ResultCodec<R> = { encode(result: R): string; decode(json: string): R };

const fingerprintOf = (key: IdempotencyKey) =>
  createHash("sha256")
    .update(JSON.stringify([key.operation, key.request]))
    .digest("hex");

function replay<R>(row: IdempotencyKeyRow, key: IdempotencyKey, codec: ResultCodec<R>): R {
  if (row.fingerprint !== fingerprintOf(key)) throw errors.idempotencyKeyReused();
  return codec.decode(row.result);
}

/**
 * Inside a command's transaction: the stored answer of an earlier run, or undefined after
 * claiming the key for this one (`finish` records its answer).
 */
export async function claimIdempotencyKey<R>(
  trx: Executor,
  key: IdempotencyKey,
  codec: ResultCodec<R>,
  now: number,
): Promise<{ replayed: R } | { finish: (result: R) => Promise<void> }> {
  const prior = await findIdempotencyKey(trx, key.userId, key.key);
  if (prior) return { replayed: replay(prior, key, codec) };
  await insertIdempotencyKey(trx, {
    user_id: key.userId,
    key: key.key,
    operation: key.operation,
    fingerprint: fingerprintOf(key),
    result: "null",
    created_at: now,
  });
  return { finish: (result) => setIdempotencyResult(trx, key.userId, key.key, codec.encode(result)) };
}

/**
 * After a command failed: when a concurrent request with the same key committed first (the claim
 * lost on the primary key), its answer; otherwise undefined and the error stands.
 */
export async function replayAfterRace<R>(
  db: Db,
  error: unknown,
  key: IdempotencyKey,
  codec: ResultCodec<R>,
): Promise<{ replayed: R } | undefined> {
  if (!isUniqueViolation(error)) return undefined;
  const prior = await findIdempotencyKey(db, key.userId, key.key);
  return prior ? { replayed: replay(prior, key, codec) } : undefined;
}

/** A command answering a ticket number. */
export const ticketNumberCodec: ResultCodec<number> = {
  encode: (number) => JSON.stringify(number),
  decode: (json) => {
    const value: unknown = JSON.parse(json);
    if (typeof value !== "number")
      throw new Error(`idempotency: stored result is not a ticket number: ${json}`);
    return value;
  },
};
