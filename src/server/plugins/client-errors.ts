// Errors Node's HTTP parser finds before Fastify sees a request (headers over the size limit, a
// request that never finished arriving, bytes that are not HTTP): answered on the raw socket with
// the contract's error body, in the language the request's Accept-Language asked for when it can
// still be read from the bytes received.
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { ConnectionError } from "fastify";
import { localeFromAcceptLanguage } from "../../i18n";
import { type AppError, errors } from "../errors";
import { errorBody } from "./error-handler";
import { SECURITY_HEADERS } from "./security-headers";

function appErrorOf(error: ConnectionError): AppError {
  if (error.code === "HPE_HEADER_OVERFLOW") return errors.headersTooLarge();
  if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") return errors.requestTimeout();
  return errors.badRequest();
}

/** `rawPacket` is what the parser had received when it gave up: a Buffer, whatever Fastify's types say. */
function acceptLanguageIn(rawPacket: unknown): string | undefined {
  if (!Buffer.isBuffer(rawPacket)) return undefined;
  // Headers are Latin-1 on the wire; only the first 16 KiB matter (Node's header limit).
  return /\r\naccept-language:[ \t]*([^\r\n]*)/i.exec(rawPacket.toString("latin1", 0, 16_384))?.[1];
}

export function answerClientError(error: ConnectionError, socket: Socket): void {
  // A reset connection has no one left to answer.
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const appError = appErrorOf(error);
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify(
    errorBody(appError, localeFromAcceptLanguage(acceptLanguageIn(error.rawPacket))),
  );
  const status = appError.statusCode;
  const headers = {
    ...SECURITY_HEADERS,
    ...appError.headers,
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(body)),
    connection: "close",
  };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}\r\n${head.join("")}\r\n${body}`);
}
