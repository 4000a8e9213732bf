// formatFileSize: binary steps, one decimal below 10, the locale's decimal mark.
import { describe, expect, it } from "vitest";
import { formatFileSize } from "./file-size";

describe("formatFileSize", () => {
  it("writes small files in bytes", () => {
    expect(formatFileSize(512, "pt-BR")).toBe("512 B");
  });

  it("uses a comma in pt-BR and a point in English", () => {
    expect(formatFileSize(1536 * 1024, "pt-BR")).toBe("1,5 MB");
    expect(formatFileSize(1536 * 1024, "en")).toBe("1.5 MB");
  });

  it("writes the upload limit as 10 MB", () => {
    expect(formatFileSize(10 * 1024 * 1024, "pt-BR")).toBe("10 MB");
  });

  it("rounds kilobytes above ten to whole numbers", () => {
    expect(formatFileSize(820 * 1024 + 300, "pt-BR")).toBe("820 KB");
  });
});
