// The queue's filters as the address holds them, and the search box's text, which reaches the
// address (and the list) once typing settles.
import { useDebouncedValue } from "@mantine/hooks";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import type { QueueFilters } from "../../../contracts/queue";
import { filtersFromSearch, searchFromFilters, withFilter } from "./queue-params";

const SEARCH_DEBOUNCE_MS = 300;

export function useQueueFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(params), [params]);
  const q = filters.q ?? "";
  const setFilters = useCallback(
    (next: QueueFilters) => setParams(searchFromFilters(next), { replace: true }),
    [setParams],
  );
  const setFilter = useCallback(
    <K extends keyof QueueFilters>(name: K, value: QueueFilters[K] | null) =>
      setFilters(withFilter(filters, name, value)),
    [filters, setFilters],
  );

  const [searchText, setSearchText] = useState(q);
  const [debounced] = useDebouncedValue(searchText, SEARCH_DEBOUNCE_MS);
  const written = useRef(q);
  // The address changed from outside (a saved view, "back"): the box shows what the list is asked with.
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
    setFilter("q", typed || null);
  }, [debounced, searchText, q, setFilter]);

  return { filters, setFilters, setFilter, searchText, setSearchText };
}
