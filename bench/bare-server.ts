// The ceiling every HTTP scenario is compared with: Fastify with one route and nothing else.
import Fastify from "fastify";

const app = Fastify({ logger: false });
app.get("/", async () => ({ hello: "world" }));

// The bench stops its children with SIGTERM; exiting normally lets --cpu-prof write its profile.
process.once("SIGTERM", () => {
  void app.close().finally(() => process.exit(0));
});

await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? "127.0.0.1" });
