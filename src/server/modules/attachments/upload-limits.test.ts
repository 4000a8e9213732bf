import { describe, expect, it } from "vitest";
import { uploadWaitMs } from "./upload-limits";

const limits = { maxFiles: 3, maxBytes: 100, windowMs: 60_000 };
const now = 1_000_000;

describe("uploadWaitMs", () => {
  it("is 0 while both the file count and the bytes fit", () => {
    expect(uploadWaitMs([], 100, now, limits)).toBe(0);
    expect(uploadWaitMs([{ at: now - 10, bytes: 40 }], 60, now, limits)).toBe(0);
  });

  it("past the file count, waits until the oldest upload leaves the window", () => {
    const recent = [
      { at: now - 50_000, bytes: 1 },
      { at: now - 20_000, bytes: 1 },
      { at: now - 5_000, bytes: 1 },
    ];
    expect(uploadWaitMs(recent, 1, now, limits)).toBe(10_000);
  });

  it("past the bytes, waits until enough bytes have left the window for this upload", () => {
    const recent = [
      { at: now - 50_000, bytes: 30 },
      { at: now - 20_000, bytes: 50 },
    ];
    // 80 used: 20 more fit now, 30 need the first upload gone, 60 need both.
    expect(uploadWaitMs(recent, 20, now, limits)).toBe(0);
    expect(uploadWaitMs(recent, 30, now, limits)).toBe(10_000);
    expect(uploadWaitMs(recent, 60, now, limits)).toBe(40_000);
  });

  it("an upload larger than the window allows waits a whole window", () => {
    expect(uploadWaitMs([], 101, now, limits)).toBe(60_000);
  });
});
