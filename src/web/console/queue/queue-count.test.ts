import { describe, expect, it } from "vitest";
import { formatQueueCount } from "./queue-count";

describe("a queue tab's count", () => {
  it("reads as the number in the user's language, up to the cap", () => {
    expect(formatQueueCount(0, 1000, "pt-BR")).toBe("0");
    expect(formatQueueCount(1000, 1000, "pt-BR")).toBe("1.000");
    expect(formatQueueCount(1000, 1000, "en")).toBe("1,000");
  });

  it('reads "1.000+" where counting stopped at the cap', () => {
    expect(formatQueueCount(1001, 1000, "pt-BR")).toBe("1.000+");
    expect(formatQueueCount(1001, 1000, "en")).toBe("1,000+");
  });
});
