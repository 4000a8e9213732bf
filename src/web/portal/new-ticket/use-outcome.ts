// A result shown in place of the steps (ticket opened, answer solved it) until the address changes:
// following the menu's "Abertura de ocorrência" again starts afresh.
import { useState } from "react";
import { useLocation } from "react-router";

export function useOutcome<T>(): [T | null, (value: T | null) => void] {
  const { key } = useLocation();
  const [outcome, setOutcome] = useState<{ value: T; at: string } | null>(null);
  const current = outcome?.at === key ? outcome.value : null;
  const set = (value: T | null) => setOutcome(value === null ? null : { value, at: key });
  return [current, set];
}
