// `npx tsx bench/opening-wal.ts`: how much SQLite writes to disk per ticket opened, one opening at a
// time against twenty at once (grouped commits). In one process, on the demo data, through the real
// routes (app.inject); automatic checkpoints off, so the write-ahead log's growth is every page written.
// A count of pages, not a timing: it does not move with other work on the machine.

import fs from "node:fs";
import { seedDemo } from "../src/server/seed/demo";
import { buildTestApp, call } from "../test/support/app";
import { loginAs } from "../test/support/factories";

const t = await buildTestApp({ env: { EXTRANET_SEED_DEMO: "true" } });
await seedDemo(t.ctx, { actorId: null, ip: null, origin: "http://extranet.test" });
const sqlite = t.ctx.connection.sqlite;
if (!sqlite) throw new Error("bench/opening-wal.ts measures SQLite: unset EXTRANET_TEST_DB");
const file = sqlite.name;
const cookie = await loginAs(t.app, {
  email: "bruno.carvalho@paulistaalimentos.com.br",
  password: "extranet-demo",
});
const cats = JSON.parse((await call(t.app, "GET", "/api/v1/categories", undefined, { cookie })).body);
const scr = JSON.parse((await call(t.app, "GET", "/api/v1/screens?q=ATW", undefined, { cookie })).body);
const body = {
  categoryId: cats.items[0].id,
  subject: "E-mail do contato não foi gravado",
  description:
    "Cadastrei o cliente código 100 pela tela de atendimento, porém o e-mail do contato Bruno não foi gravado. Favor verificar.",
  screenCode: scr.items[0].code,
  exampleRecord: "cliente código 100",
  priority: "normal",
};
const pageSize = sqlite.pragma("page_size", { simple: true }) as number;
async function run(n: number, conc: number) {
  let left = n;
  await Promise.all(
    Array.from({ length: conc }, async () => {
      while (left-- > 0) {
        const r = await call(t.app, "POST", "/api/v1/tickets", body, { cookie });
        if (r.statusCode !== 201) throw new Error(r.body);
      }
    }),
  );
}
await run(200, 1);
for (const conc of [1, 20, 1, 20]) {
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.pragma("wal_autocheckpoint = 0");
  const before = fs.statSync(`${file}-wal`).size;
  const n = 400;
  await run(n, conc);
  const after = fs.statSync(`${file}-wal`).size;
  console.log(
    `concurrency ${conc}: ${((after - before) / (pageSize + 24) / n).toFixed(1)} WAL pages per opening`,
  );
}
await t.close();
