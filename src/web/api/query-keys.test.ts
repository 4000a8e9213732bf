// Which cached answers a language switch makes stale.
import { describe, expect, it } from "vitest";
import { isWrittenInUserLanguage, queryKeys } from "./query-keys";

describe("isWrittenInUserLanguage", () => {
  it("covers a deadline's explanation and nothing else of the ticket", () => {
    expect(isWrittenInUserLanguage(queryKeys.ticketDeadline(1042, "first_response"))).toBe(true);
    expect(isWrittenInUserLanguage(queryKeys.ticket(1042))).toBe(false);
    expect(isWrittenInUserLanguage(queryKeys.plans)).toBe(false);
  });
});
