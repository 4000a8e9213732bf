// Demo traffic across two server processes: a customer opens tickets on one while an agent answers
// each on the other (the demo's people and passwords).
import { expect } from "vitest";
import { signIn } from "../../bench/demo-session";
import { type ServerProcess, spawnServer, waitUntilHealthy } from "./server";
import { freshDataDir } from "./support";

export function jsonHeaders(cookie: string, server: Pick<ServerProcess, "baseUrl">) {
  return { cookie, origin: server.baseUrl, "content-type": "application/json" };
}

/**
 * Two `serve` processes on the same database, each with a data folder of its own: the first migrates
 * and seeds, then the second joins. Both are pushed onto `servers` (for the caller to stop) as they start.
 */
export async function startTwoServers(
  env: Record<string, string>,
  servers: ServerProcess[],
): Promise<[ServerProcess, ServerProcess]> {
  const started: ServerProcess[] = [];
  for (let i = 0; i < 2; i++) {
    const server = await spawnServer({ ...env, EXTRANET_DATA_DIR: freshDataDir() });
    servers.push(server);
    started.push(server);
    await waitUntilHealthy(server, 30_000);
  }
  const [a, b] = started;
  if (!a || !b) throw new Error("two servers expected");
  return [a, b];
}

/** Opens `count` tickets on `a` as Fernanda (orders `firstOrder`…) and has Juliana reply to each on `b`. */
export async function openAndReply(
  a: ServerProcess,
  b: ServerProcess,
  count: number,
  firstOrder: number,
): Promise<void> {
  const customer = await signIn(a.baseUrl, {
    email: "fernanda.lima@paulistaalimentos.com.br",
    password: "extranet-demo",
  });
  const agent = await signIn(b.baseUrl, { email: "juliana.prado@uno.com.br", password: "extranet-demo" });
  const categories = (await (
    await fetch(`${a.baseUrl}/api/v1/categories`, { headers: jsonHeaders(customer, a) })
  ).json()) as { items: { id: string }[] };
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const order = firstOrder + i;
      const opened = await fetch(`${a.baseUrl}/api/v1/tickets`, {
        method: "POST",
        headers: jsonHeaders(customer, a),
        body: JSON.stringify({
          categoryId: categories.items[0]?.id,
          subject: `Pedido ${order} não fatura`,
          description: `O pedido ${order} fica bloqueado na tela de faturamento. Favor verificar.`,
          screenCode: "FAT0001",
          exampleRecord: `pedido ${order}`,
          priority: "normal",
          attachmentIds: [],
        }),
      });
      expect(opened.status).toBe(201);
      const { number } = (await opened.json()) as { number: number };
      const replied = await fetch(`${b.baseUrl}/api/v1/tickets/${number}/messages`, {
        method: "POST",
        headers: jsonHeaders(agent, b),
        body: JSON.stringify({ body: `Bom dia, Fernanda. O pedido ${order} foi liberado.` }),
      });
      expect(replied.status).toBe(201);
    }),
  );
}
