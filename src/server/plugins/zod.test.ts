// Responses are written from the contract's JSON Schema: nullable fields as type lists (no validation
// of each value), undeclared properties left out, the same bytes as JSON.stringify of what is declared.
// Requests are validated by Zod, whose issues reach the handler without an `Error` made around them.

import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ValidationError } from "../errors";
import { nullableAsTypes, plainStringsRaw, serializerCompiler, validatorCompiler } from "./zod";

const Person = z.object({ id: z.uuid(), name: z.string() });
const Row = z.object({
  number: z.number().int(),
  assignee: Person.nullable(),
  dueAt: z.iso.datetime().nullable(),
  priority: z.enum(["low", "high"]).nullable(),
  score: z.number().int().nullable(),
  tags: z.array(z.string()),
  // A real union stays a union.
  source: z.union([
    z.object({ kind: z.literal("portal") }),
    z.object({ kind: z.literal("phone"), line: z.string() }),
  ]),
});
const Page = z.object({ items: z.array(Row), nextCursor: z.string().nullable() });
// A union validates its value against each branch to choose one: null must pass a nullable enum's.
const Either = z.union([
  z.object({ secret: z.string(), reason: z.enum(["failing"]).nullable(), mode: z.literal("x").nullable() }),
  z.object({ reason: z.enum(["failing"]).nullable(), mode: z.literal("x").nullable() }),
]);

const write = serializerCompiler({ schema: Page, method: "GET", url: "/", httpStatus: "200" }) as (
  value: unknown,
) => string;

const ID = "01a25095-e779-7221-ab33-3d8ea7d497d1";

describe("response serializer", () => {
  it("writes nullable fields, null or not, as JSON.stringify does", () => {
    const page = {
      items: [
        {
          number: 1,
          assignee: { id: ID, name: "Juliana Prado" },
          dueAt: "2026-12-07T13:00:00.000Z",
          priority: "high",
          score: 3,
          tags: ["fiscal", "nf-e"],
          source: { kind: "phone", line: "ramal 21" },
        },
        {
          number: 2,
          assignee: null,
          dueAt: null,
          priority: null,
          score: null,
          tags: [],
          source: { kind: "portal" },
        },
      ],
      nextCursor: null,
    };
    expect(write(page)).toBe(JSON.stringify(page));
    expect(JSON.parse(write({ ...page, nextCursor: "abc" })).nextCursor).toBe("abc");
  });

  it("leaves out what the contract does not declare, inside a nullable object too", () => {
    const row = {
      number: 1,
      assignee: { id: ID, name: "Juliana Prado", passwordHash: "$argon2id$…" },
      dueAt: null,
      priority: "low",
      score: null,
      tags: [],
      source: { kind: "portal" },
      internalNote: "não mostrar",
    };
    const written = write({ items: [row], nextCursor: null });
    expect(written).not.toContain("passwordHash");
    expect(written).not.toContain("internalNote");
    expect(JSON.parse(written).items[0].assignee).toEqual({ id: ID, name: "Juliana Prado" });
  });

  it("writes a union whose branches hold nullable enums and literals, null or not", () => {
    const warn = vi.spyOn(console, "warn");
    const either = serializerCompiler({ schema: Either, method: "GET", url: "/", httpStatus: "200" }) as (
      value: unknown,
    ) => string;
    for (const value of [
      { reason: null, mode: null },
      { reason: "failing", mode: "x" },
      { secret: "whsec_1", reason: null, mode: "x" },
    ]) {
      expect(either(value)).toBe(JSON.stringify(value));
    }
    // A schema with a union goes whole to Ajv, its ids and enums outside the union included.
    const Filters = z.object({
      id: z.uuid(),
      view: z.enum(["open", "mine"]),
      assigneeId: z.union([z.uuid(), z.literal("me")]).optional(),
    });
    const filters = serializerCompiler({ schema: Filters, method: "GET", url: "/", httpStatus: "200" }) as (
      value: unknown,
    ) => string;
    for (const value of [
      { id: ID, view: "mine", assigneeId: "me" },
      { id: ID, view: "open", assigneeId: ID },
      { id: ID, view: "open" },
    ]) {
      expect(filters(value)).toBe(JSON.stringify(value));
    }
    // Nothing is marked with a format Ajv does not know, and the branches keep their own.
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it("escapes free text as JSON.stringify does: quotes, backslashes, controls, emoji, a lone surrogate", () => {
    const row = {
      number: 3,
      assignee: { id: ID, name: 'Ana "Aninha" \\ Souza\n\t\u0001 ✅ 😀 \ud800' },
      dueAt: "2026-12-07T13:00:00.000Z",
      priority: "low",
      score: null,
      tags: ['"fiscal"', "a\\b", "x".repeat(60), "</script>"],
      source: { kind: "phone", line: 'ramal "21"' },
    };
    const page = { items: [row], nextCursor: 'a"b' };
    expect(write(page)).toBe(JSON.stringify(page));
    expect(JSON.parse(write(page))).toEqual(page);
  });

  it("writes as they are only ids, instants and enums of plain words, nullable or not", () => {
    const Strings = z.object({
      id: z.uuid(),
      at: z.iso.datetime().nullable(),
      state: z.enum(["open", "in_progress"]),
      maybe: z.enum(["a", "b"]).nullable(),
      label: z.enum(["Sim", "Não"]),
      text: z.string(),
      code: z.string().regex(/^[A-Z]{3}\d{4}$/),
    });
    const schema = plainStringsRaw(
      nullableAsTypes(z.toJSONSchema(Strings, { io: "output", target: "draft-7" })),
    ) as { properties: Record<string, { format?: string }> };
    const { id, at, state, maybe, label, text, code } = schema.properties;
    for (const raw of [id, at, state, maybe]) expect(raw?.format).toBe("unsafe");
    // "Não" is valid JSON as it is, but the rule stays narrow: letters of \w, digits and . : + - _ space.
    for (const escaped of [label, text, code]) expect(escaped?.format).not.toBe("unsafe");
  });

  it("turns only the nullable anyOf into type lists", () => {
    const schema = nullableAsTypes(z.toJSONSchema(Row, { io: "output", target: "draft-7" })) as {
      properties: Record<string, { type?: unknown; anyOf?: unknown[]; properties?: unknown }>;
    };
    const { assignee, dueAt, priority, score, source } = schema.properties;
    expect(assignee?.type).toEqual(["object", "null"]);
    expect(assignee?.properties).toBeDefined();
    expect(dueAt?.type).toEqual(["string", "null"]);
    expect(priority?.type).toEqual(["string", "null"]);
    expect(score?.type).toEqual(["integer", "null"]);
    for (const field of [assignee, dueAt, priority, score]) expect(field?.anyOf).toBeUndefined();
    expect(source?.anyOf).toHaveLength(2);
  });
});

describe("request validator", () => {
  const Query = z.object({
    limit: z.coerce.number().int().min(1).max(100),
    status: z.enum(["open", "resolved"]).optional(),
    q: z.string().min(2).optional(),
  });
  const validate = validatorCompiler({ schema: Query, method: "GET", url: "/x", httpPart: "querystring" });

  it("hands back the value when the input is valid", () => {
    expect(validate({ limit: "25", status: "open" })).toEqual({ value: { limit: 25, status: "open" } });
  });

  it("refuses bad input with the very issues Zod's safeParse reports", () => {
    const input = { limit: "abc", status: "nope", q: "x" };
    const answer = validate(input) as { error: ValidationError };
    expect(answer.error).toBeInstanceOf(ValidationError);
    const zods = Query.safeParse(input);
    expect(zods.success).toBe(false);
    expect(answer.error.issues).toEqual(zods.error?.issues);
    expect(answer.error.issues.map((issue) => issue.path.join("."))).toEqual(["limit", "status", "q"]);
    expect(answer.error.input).toBe(input);
  });
});
