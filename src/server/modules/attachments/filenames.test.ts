// Attachment names keep nothing invisible: control and format characters (a right-to-left override,
// zero-width spaces, bidi isolates, a BOM) are stripped from the name shown and the download's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, TEST_HOST, TEST_ORIGIN, type TestApp } from "../../../../test/support/app";
import { loginAs, makeUser } from "../../../../test/support/factories";
import { cleanFilename } from "./file-types";

describe("cleanFilename", () => {
  it.each([
    ["relatório\u202Etxt.exe", "relatóriotxt.exe"],
    ["log\u200B\u200C\u200D\u200E\u200F.txt", "log.txt"],
    ["\uFEFFnota\u2066fiscal\u2069.pdf", "notafiscal.pdf"],
    ["a\u202A\u202B\u202C\u202Db\u2060\u2061c.png", "abc.png"],
    ["linha\u2028quebra\u2029.csv", "linhaquebra.csv"],
    ["tab\there\u0000\u001b\u007f\u0085.txt", "tabhere.txt"],
    ["C:\\Users\\ana\\tela.png", "tela.png"],
    ['aspas "e" <sinais>?.txt', "aspas _e_ _sinais__.txt"],
    ["\u202E\u200B", "arquivo"],
    ["ação — nº 12.txt", "ação — nº 12.txt"],
  ])("%j → %j", (input, expected) => {
    expect(cleanFilename(input)).toBe(expected);
  });
});

describe("attachment names over HTTP", () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await buildTestApp();
    cookie = await loginAs(t.app, await makeUser(t.ctx, "customer"));
  });
  afterAll(() => t.close());

  const upload = (filename: string, content: string) => {
    const boundary = "----extranet-names";
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/plain\r\n\r\n`,
        "utf8",
      ),
      Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return t.app.inject({
      method: "POST",
      url: "/api/v1/attachments",
      headers: {
        host: TEST_HOST,
        origin: TEST_ORIGIN,
        cookie,
        "content-type": `multipart/form-data; boundary=${boundary}`,
      },
      payload,
    });
  };

  it("strips them from the name shown and from Content-Disposition", async () => {
    const uploaded = await upload("log\u200B da\u202E semana\u2066\uFEFF.txt", "linha 1\nlinha 2\n");
    expect(uploaded.statusCode).toBe(201);
    expect(uploaded.json().filename).toBe("log da semana.txt");
    const row = await t.ctx.db
      .selectFrom("attachment")
      .select("filename")
      .where("id", "=", uploaded.json().id)
      .executeTakeFirstOrThrow();
    expect(row.filename).toBe("log da semana.txt");
    const download = await call(t.app, "GET", uploaded.json().url, undefined, { cookie });
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-disposition"]).toBe(
      `attachment; filename="log da semana.txt"; filename*=UTF-8''log%20da%20semana.txt`,
    );
  });

  it("judges the file by the extension it really has once the override is gone", async () => {
    // Shown by a bidi-aware screen as "fotoexe.txt"; really "fototxt.exe".
    const response = await upload("foto\u202Etxt.exe", "MZ not really text");
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toHaveProperty("file");
    expect(
      await t.ctx.db.selectFrom("attachment").select("id").where("filename", "like", "foto%").execute(),
    ).toEqual([]);
  });
});
