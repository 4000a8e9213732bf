import { describe, expect, it } from "vitest";
import { currentViewers, PRESENCE_TTL_MS } from "./presence-state";

const maria = { userId: "m", name: "Maria Souza" };
const carlos = { userId: "c", name: "Carlos Menezes" };

describe("currentViewers", () => {
  it("starts from the fetched list and follows the live news, the latest per person", () => {
    const fetched = [{ ...maria, state: "viewing" as const, at: "2026-04-22T13:00:00.000Z" }];
    expect(currentViewers(fetched, 1_000, [], 2_000, "me")).toEqual([{ ...maria, state: "viewing" }]);
    const news = [
      { ...carlos, state: "viewing" as const, heardAt: 1_500 },
      { ...maria, state: "replying" as const, heardAt: 1_800 },
    ];
    expect(currentViewers(fetched, 1_000, news, 2_000, "me")).toEqual([
      { ...carlos, state: "viewing" },
      { ...maria, state: "replying" },
    ]);
    // A fetch after the news is newer than it.
    expect(currentViewers(fetched, 1_900, news, 2_000, "me")).toEqual([
      { ...carlos, state: "viewing" },
      { ...maria, state: "viewing" },
    ]);
  });

  it("drops those who left, those not heard from for 40 s, and the reader", () => {
    const news = [
      { ...carlos, state: "viewing" as const, heardAt: 0 },
      { ...maria, state: "viewing" as const, heardAt: 10 },
      { ...maria, state: "left" as const, heardAt: 20 },
      { userId: "me", name: "Eu", state: "replying" as const, heardAt: 30 },
    ];
    expect(currentViewers([], 0, news, PRESENCE_TTL_MS, "me")).toEqual([{ ...carlos, state: "viewing" }]);
    expect(currentViewers([], 0, news, PRESENCE_TTL_MS + 1, "me")).toEqual([]);
  });
});
