// A queue row's deadline in words and colour.
import { describe, expect, it } from "vitest";
import { translate } from "../../../i18n";
import { dueText } from "./due-text";

const NOW = Date.parse("2026-04-22T13:00:00Z");
const at = (minutesFromNow: number) => new Date(NOW + minutesFromNow * 60_000).toISOString();
const say = (locale: "pt-BR" | "en", due: ReturnType<typeof dueText>) =>
  due.message ? translate(locale, due.message.key, due.message.params) : null;

describe("dueText", () => {
  it("says how long is left, rounded down: minutes, then hours, then days", () => {
    expect(say("pt-BR", dueText(at(35), "due_soon", NOW))).toBe("vence em 35 min");
    expect(say("pt-BR", dueText(at(0.5), "due_soon", NOW))).toBe("vence em 1 min");
    expect(say("pt-BR", dueText(at(119), "on_time", NOW))).toBe("vence em 1 h");
    expect(say("pt-BR", dueText(at(120), "on_time", NOW))).toBe("vence em 2 h");
    expect(say("pt-BR", dueText(at(47 * 60 + 59), "on_time", NOW))).toBe("vence em 47 h");
    expect(say("pt-BR", dueText(at(3 * 24 * 60 + 5), "on_time", NOW))).toBe("vence em 3 d");
    expect(say("en", dueText(at(120), "on_time", NOW))).toBe("due in 2 h");
  });

  it("says how long ago a deadline passed", () => {
    expect(say("pt-BR", dueText(at(-3 * 60 - 10), "breached", NOW))).toBe("venceu há 3 h");
    expect(say("pt-BR", dueText(at(0), "breached", NOW))).toBe("venceu há 1 min");
    expect(say("en", dueText(at(-5 * 24 * 60), "breached", NOW))).toBe("breached 5 d ago");
  });

  it("colours by the server's state, and red once the deadline has passed on this clock", () => {
    expect(dueText(at(60), "on_time", NOW).tone).toBe("on_time");
    expect(dueText(at(60), "due_soon", NOW).tone).toBe("due_soon");
    expect(dueText(at(-1), "due_soon", NOW).tone).toBe("breached");
    expect(dueText(at(-1), "on_time", NOW).tone).toBe("breached");
  });

  it("has nothing to say without a running deadline", () => {
    expect(dueText(null, "none", NOW)).toEqual({ tone: "none", message: null });
  });
});
