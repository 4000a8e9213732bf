// The same-bytes baselines: a bare Fastify server answering, from memory, the very bytes an Extranet
// endpoint answered. `PUT /bytes/<name>` (body and content-type) registers an answer, which
// `GET /bytes/<name>` then sends with status 200; nothing else runs per request.
import Fastify from "fastify";

interface Answer {
  contentType: string;
  body: Buffer;
}

const answers = new Map<string, Answer>();
const app = Fastify({ logger: false, bodyLimit: 64 * 1024 * 1024 });
// Any content type arrives as raw bytes, kept exactly.
app.removeAllContentTypeParsers();
app.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));

app.get("/health", async () => ({ status: "ok" }));
app.put<{ Params: { name: string } }>("/bytes/:name", async (request, reply) => {
  const contentType = request.headers["content-type"] ?? "application/octet-stream";
  answers.set(request.params.name, {
    contentType,
    body: (request.body as Buffer | undefined) ?? Buffer.alloc(0),
  });
  return reply.code(204).send();
});
app.get<{ Params: { name: string } }>("/bytes/:name", (request, reply) => {
  const answer = answers.get(request.params.name);
  if (!answer) return reply.code(404).send();
  return reply.header("content-type", answer.contentType).send(answer.body);
});

// The bench stops its children with SIGTERM; exiting normally lets --cpu-prof write its profile.
process.once("SIGTERM", () => {
  void app.close().finally(() => process.exit(0));
});

await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? "127.0.0.1" });
