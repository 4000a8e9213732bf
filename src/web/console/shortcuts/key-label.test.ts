// Hotkeys as the help overlay writes them.
import { describe, expect, it } from "vitest";
import { keyLabels } from "./key-label";

describe("keyLabels", () => {
  it("writes letters and digits as printed on the keyboard", () => {
    expect(keyLabels("j")).toEqual(["J"]);
    expect(keyLabels("3")).toEqual(["3"]);
  });

  it("names special keys and arrows", () => {
    expect(keyLabels("arrowdown")).toEqual(["↓"]);
    expect(keyLabels("Enter")).toEqual(["Enter"]);
    expect(keyLabels("escape")).toEqual(["Esc"]);
    expect(keyLabels("/")).toEqual(["/"]);
  });

  it("lists modifiers first, leaving out the Shift a symbol already needs", () => {
    expect(keyLabels("mod+k")).toEqual(["Ctrl", "K"]);
    expect(keyLabels("shift+?")).toEqual(["?"]);
    expect(keyLabels("shift+j")).toEqual(["Shift", "J"]);
  });
});
