// The queue's address: filters in and out, bad values dropped, defaults left out.
import { describe, expect, it } from "vitest";
import {
  activeBarFilters,
  DEFAULT_FILTERS,
  filtersFromSearch,
  sameFilters,
  searchFromFilters,
  withFilter,
  withoutBarFilters,
} from "./queue-params";

const COMPANY = "0196b5f0-0000-7000-8000-000000000002";

describe("the queue's address", () => {
  it("reads the filters, with the open view by due instant by default", () => {
    expect(filtersFromSearch(new URLSearchParams(""))).toEqual({ view: "open", sort: "due" });
    expect(
      filtersFromSearch(
        new URLSearchParams(
          `view=mine&sort=priority&companyId=${COMPANY}&screenCode=fis0001&priority=high&kind=consultancy&channel=phone&assigneeId=me&tag=nfe&q=+boleto+`,
        ),
      ),
    ).toEqual({
      view: "mine",
      sort: "priority",
      companyId: COMPANY,
      screenCode: "FIS0001",
      priority: "high",
      kind: "consultancy",
      channel: "phone",
      assigneeId: "me",
      tag: "nfe",
      q: "boleto",
    });
  });

  it("drops what it cannot read and keeps the rest", () => {
    expect(
      filtersFromSearch(
        new URLSearchParams(
          "view=todas&sort=x&priority=altissima&companyId=123&assigneeId=you&tag=nfe&q=%20",
        ),
      ),
    ).toEqual({ view: "open", sort: "due", tag: "nfe" });
  });

  it("writes only what differs from the defaults, in a stable order", () => {
    expect(searchFromFilters(DEFAULT_FILTERS).toString()).toBe("");
    expect(
      searchFromFilters({ sort: "due", tag: "nfe", view: "at_risk", q: "", priority: "urgent" }).toString(),
    ).toBe("view=at_risk&priority=urgent&tag=nfe");
  });

  it("round-trips any filters through the address", () => {
    const filters = { ...DEFAULT_FILTERS, view: "waiting" as const, companyId: COMPANY, q: "nota fiscal" };
    expect(filtersFromSearch(searchFromFilters(filters))).toEqual(filters);
  });

  it("sets and clears one filter; a cleared view or sort goes back to its default", () => {
    const withTag = withFilter(DEFAULT_FILTERS, "tag", "nfe");
    expect(withTag).toEqual({ view: "open", sort: "due", tag: "nfe" });
    expect(withFilter(withTag, "tag", null)).toEqual(DEFAULT_FILTERS);
    expect(withFilter(withTag, "tag", "")).toEqual(DEFAULT_FILTERS);
    expect(withFilter({ ...withTag, view: "mine" }, "view", null).view).toBe("open");
  });

  it("counts and clears the filter bar's filters, keeping view, sort and text", () => {
    const filters = {
      view: "mine" as const,
      sort: "updated" as const,
      q: "boleto",
      tag: "nfe",
      priority: "low" as const,
    };
    expect(activeBarFilters(filters)).toBe(2);
    expect(withoutBarFilters(filters)).toEqual({ view: "mine", sort: "updated", q: "boleto" });
    expect(activeBarFilters(withoutBarFilters(filters))).toBe(0);
  });

  it("tells when two sets of filters ask the same question", () => {
    expect(sameFilters({ view: "open", sort: "due", q: "" }, DEFAULT_FILTERS)).toBe(true);
    expect(sameFilters({ ...DEFAULT_FILTERS, tag: "nfe" }, DEFAULT_FILTERS)).toBe(false);
  });
});
