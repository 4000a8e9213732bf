// Asks the operating system for a TCP port nobody listens on.
import { once } from "node:events";
import net from "node:net";

export async function freePort(host: string): Promise<number> {
  const probe = net.createServer();
  probe.listen(0, host);
  await once(probe, "listening");
  const address = probe.address();
  probe.close();
  await once(probe, "close");
  if (address === null || typeof address === "string") throw new Error("could not find a free port");
  return address.port;
}
