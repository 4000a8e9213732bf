// Errors the framework finds before a route runs — a bad URL encoding, an overlong parameter,
// headers over Node's limit, bytes that are not HTTP, a multipart body cut short — answer in the
// contract's error shape, with the right status, in the caller's language.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, TEST_HOST, TEST_ORIGIN, type TestApp } from "../../../test/support/app";
import { loginAs, makeUser } from "../../../test/support/factories";

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Sends bytes on a fresh connection and reads the answer until the server closes it. */
function rawExchange(port: number, request: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.setTimeout(5_000, () => socket.destroy(new Error("no answer within 5 s")));
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const [head = "", body = ""] = text.split("\r\n\r\n", 2);
      const [statusLine = "", ...headerLines] = head.split("\r\n");
      const headers = Object.fromEntries(
        headerLines.map((line) => {
          const colon = line.indexOf(":");
          return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
        }),
      );
      try {
        resolve({ status: Number(statusLine.split(" ")[1]), headers, body: JSON.parse(body) });
      } catch (error) {
        reject(new Error(`not a JSON answer: ${text.slice(0, 200)}`, { cause: error }));
      }
    });
    socket.write(request);
  });
}

describe("framework errors answer the contract's error shape, localized", () => {
  let t: TestApp;
  let port: number;
  let englishCookie: string;
  beforeAll(async () => {
    t = await buildTestApp();
    englishCookie = await loginAs(t.app, await makeUser(t.ctx, "customer", { locale: "en" }));
    await t.app.listen({ host: "127.0.0.1", port: 0 });
    const address = t.app.server.address();
    if (address === null || typeof address === "string") throw new Error("not listening on a port");
    port = address.port;
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "GET", url, headers: { host: TEST_HOST, ...headers } });

  it("a bad percent-encoding in the URL: 400 bad_url, in the browser's language", async () => {
    const portuguese = await get("/api/v1/tickets/%E0%A4%A");
    expect(portuguese.statusCode).toBe(400);
    expect(portuguese.headers["content-type"]).toMatch(/^application\/json/);
    expect(portuguese.headers["x-content-type-options"]).toBe("nosniff");
    expect(portuguese.json()).toEqual({
      error: { code: "bad_url", message: "O endereço da requisição tem uma codificação inválida." },
    });
    const english = await get("/api/v1/tickets/%E0%A4%A", { "accept-language": "en-US,en;q=0.9" });
    expect(english.json()).toEqual({
      error: { code: "bad_url", message: "The request address has an invalid encoding." },
    });
  });

  it("an overlong path parameter: 414 url_too_long", async () => {
    const response = await get(`/api/v1/tickets/${"1".repeat(200)}`);
    expect(response.statusCode).toBe(414);
    expect(response.json().error).toEqual({
      code: "url_too_long",
      message: "O endereço da requisição é longo demais.",
    });
  });

  const oversized = (acceptLanguage?: string) =>
    [
      "GET /api/v1/me HTTP/1.1",
      `Host: ${TEST_HOST}`,
      ...(acceptLanguage ? [`Accept-Language: ${acceptLanguage}`] : []),
      `Cookie: extranet_session=${"a".repeat(20_000)}`,
      "",
      "",
    ].join("\r\n");

  it("headers over Node's limit: 431 headers_too_large on the socket, in the Accept-Language's language", async () => {
    const english = await rawExchange(port, oversized("en-US,en;q=0.9"));
    expect(english.status).toBe(431);
    expect(english.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(english.headers["x-content-type-options"]).toBe("nosniff");
    expect(english.body).toEqual({
      error: { code: "headers_too_large", message: "The request headers are too large." },
    });
    const portuguese = await rawExchange(port, oversized());
    expect(portuguese.status).toBe(431);
    expect(portuguese.body).toEqual({
      error: { code: "headers_too_large", message: "Os cabeçalhos da requisição são grandes demais." },
    });
  });

  it("bytes that are not HTTP: 400 bad_request on the socket", async () => {
    const response = await rawExchange(port, "HELLO THERE\r\n\r\n");
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: "bad_request", message: "Requisição malformada." } });
  });

  it("a bad percent-encoding over a real connection answers the same", async () => {
    const response = await rawExchange(
      port,
      `GET /api/v1/tickets/%E0%A4%A HTTP/1.1\r\nHost: ${TEST_HOST}\r\nAccept-Language: en\r\nConnection: close\r\n\r\n`,
    );
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: { code: "bad_url", message: "The request address has an invalid encoding." },
    });
  });

  describe("a multipart upload that is cut short or malformed", () => {
    const boundary = "----extranet-cut";
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="log.txt"\r\nContent-Type: text/plain\r\n\r\n`;
    const storedFiles = () =>
      fs.existsSync(t.ctx.config.attachmentsDir)
        ? fs
            .readdirSync(t.ctx.config.attachmentsDir, { recursive: true })
            .filter((f) => fs.statSync(path.join(t.ctx.config.attachmentsDir, String(f))).isFile())
        : [];
    const upload = (payload: string, contentType = `multipart/form-data; boundary=${boundary}`) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/attachments",
        headers: { host: TEST_HOST, origin: TEST_ORIGIN, cookie: englishCookie, "content-type": contentType },
        payload,
      });

    it.each([
      ["cut in the middle of the file", `${head}first line of the log\nsecond li`],
      ["cut in the middle of the part's headers", `--${boundary}\r\nContent-Disposition: form-da`],
      ["with no boundary at all", "no boundary here"],
    ])("%s: 400 malformed_multipart, nothing stored", async (_label, payload) => {
      const response = await upload(payload);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        error: {
          code: "malformed_multipart",
          message: "The file upload arrived incomplete or malformed. Please send it again.",
        },
      });
      expect(await t.ctx.db.selectFrom("attachment").select("id").execute()).toEqual([]);
      expect(storedFiles()).toEqual([]);
    });

    it("a multipart content type without its boundary parameter: 400 malformed_multipart", async () => {
      const response = await upload(`${head}text\r\n--${boundary}--\r\n`, "multipart/form-data");
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe("malformed_multipart");
    });

    it("a form field before the file: 400 naming the file field", async () => {
      const field = `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n`;
      const response = await upload(`${field}${head}a\r\n--${boundary}--\r\n`);
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toEqual({
        code: "validation",
        message: "Please check the highlighted fields.",
        fields: { file: "Send a single file in the “file” field, and no other fields." },
      });
      expect(await t.ctx.db.selectFrom("attachment").select("id").execute()).toEqual([]);
    });
  });
});
