// Uploading files the way the portal does: one multipart part named `file`, same-origin, signed in.
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { TEST_HOST, TEST_ORIGIN } from "./app";

// The smallest valid PNG (1x1 pixel).
export const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6300010000000500010d0a2db40000000049454e44ae426082",
  "hex",
);

/** A plain-text log of exactly `bytes` bytes. */
export const textOf = (bytes: number) => Buffer.alloc(bytes, "log line\n");

export function multipart(filename: string, content: Buffer, contentType = "application/octet-stream") {
  const boundary = "----extranet-test-boundary";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  return {
    body: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

export function uploadFile(
  app: FastifyInstance,
  cookie: string,
  filename: string,
  content: Buffer,
): Promise<LightMyRequestResponse> {
  const { body, type } = multipart(filename, content);
  return app.inject({
    method: "POST",
    url: "/api/v1/attachments",
    headers: { host: TEST_HOST, origin: TEST_ORIGIN, cookie, "content-type": type },
    payload: body,
  });
}
