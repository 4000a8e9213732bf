// A form's field messages between two submits: all shown at the submit, each gone as soon as its
// field becomes valid, and no field turns red while the person is still filling it in.
import { useState } from "react";
import { fieldError } from "../../api/api-error";
import type { FieldProblems } from "./ticket-draft";

export interface FieldProblemsState {
  /** The message to show under a field: ours, else the server's until the field is edited. */
  errorOf: (field: string) => string | undefined;
  /** At a submit: the problems found are shown, and the server's next answer counts again. */
  showAll: (found: FieldProblems) => void;
  /** After an edit: the fields changed and the problems the draft has now. */
  settle: (changedFields: readonly string[], now: FieldProblems) => void;
}

export function useFieldProblems(serverError: Error | null): FieldProblemsState {
  const [shown, setShown] = useState<FieldProblems>({});
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  return {
    errorOf: (field) => shown[field] ?? (edited.has(field) ? undefined : fieldError(serverError, field)),
    showAll: (found) => {
      setShown(found);
      setEdited(new Set());
    },
    settle: (changedFields, now) => {
      setShown((current) => settleProblems(current, now));
      setEdited((current) => new Set([...current, ...changedFields]));
    },
  };
}

/**
 * The problems still to show after an edit: those shown whose field is still wrong, with its current
 * message ("Campo obrigatório." becomes "Deve ter pelo menos 5 caracteres."); none added.
 */
export function settleProblems(shown: FieldProblems, now: FieldProblems): FieldProblems {
  const settled: FieldProblems = {};
  for (const field of Object.keys(shown)) {
    const message = now[field];
    if (message !== undefined) settled[field] = message;
  }
  return settled;
}

/** The contract's field an edit of the draft touches: the screen field sends `screenCode`. */
export function fieldsOf(changes: object): string[] {
  return Object.keys(changes).map((key) => (key === "screen" ? "screenCode" : key));
}
