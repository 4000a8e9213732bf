// One Idempotency-Key per submission: sending the same thing again (a retry after a network error,
// a second click) reuses the key, so the server writes it once; anything else sent gets a new key.
import { useRef } from "react";

export interface SubmissionKeys {
  /** The key for sending `payload` now. */
  keyFor(payload: unknown): string;
  /** After a success: the next submission, even an identical one, is a new one. */
  reset(): void;
}

/** 128 random bits in hex (crypto.randomUUID exists only on https and localhost; this works anywhere). */
function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, "0"),
  ).join("");
}

export function submissionKeys(newKey: () => string = randomKey): SubmissionKeys {
  let last: { payload: string; key: string } | undefined;
  return {
    keyFor(payload) {
      const text = JSON.stringify(payload);
      if (last?.payload !== text) last = { payload: text, key: newKey() };
      return last.key;
    },
    reset() {
      last = undefined;
    },
  };
}

/** The submission keys of one form, kept across renders. */
export function useSubmissionKeys(): SubmissionKeys {
  const keys = useRef<SubmissionKeys | null>(null);
  keys.current ??= submissionKeys();
  return keys.current;
}
