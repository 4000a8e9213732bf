// A ticket list's filters kept in the address (?status=…&q=…), so "back" from a ticket finds the same list.
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { TicketStatus } from "../../../contracts/tickets";
import type { TicketListFilters } from "../../api/query-keys";

const SEARCH_DEBOUNCE_MS = 300;

export interface ListFilters {
  /** What the list is asked with: the status and the debounced search. */
  filters: TicketListFilters;
  /** What the search box shows, as typed. */
  searchText: string;
  setSearchText: (text: string) => void;
  setStatus: (status: TicketStatus | null) => void;
}

export function useListFilters(): ListFilters {
  const [params, setParams] = useSearchParams();
  const parsedStatus = TicketStatus.safeParse(params.get("status"));
  const status = parsedStatus.success ? parsedStatus.data : null;
  const q = params.get("q") ?? "";
  const [searchText, setSearchText] = useState(q);
  const [debounced] = useDebouncedValue(searchText, SEARCH_DEBOUNCE_MS);
  const written = useRef(q);

  // The address changed from outside (the menu's link, "back"): the box shows what the list is asked with.
  useEffect(() => {
    if (q === written.current) return;
    written.current = q;
    setSearchText(q);
  }, [q]);

  // Typing settled: the address (and with it the list) follows.
  useEffect(() => {
    const typed = debounced.trim();
    if (typed !== searchText.trim() || typed === q) return;
    written.current = typed;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (typed) next.set("q", typed);
        else next.delete("q");
        return next;
      },
      { replace: true },
    );
  }, [debounced, searchText, q, setParams]);

  const setStatus = (next: TicketStatus | null) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next) updated.set("status", next);
        else updated.delete("status");
        return updated;
      },
      { replace: true },
    );

  return { filters: { status, q }, searchText, setSearchText, setStatus };
}
