// One webhook request, by the Standard Webhooks specification: the body as written with the change,
// `webhook-id` (the delivery's, the same on every attempt), `webhook-timestamp` (this attempt's) and
// `webhook-signature` (`v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, by each secret in force). The
// host is checked again now and the connection made to the address checked; redirects are not
// followed (a 3xx is a failure); connecting and the whole exchange have short timeouts; at most
// READ_LIMIT bytes of the answer are read and RESPONSE_KEPT kept.
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { Webhook } from "standardwebhooks";
import { checkWebhookUrl } from "./address";

export const CONNECT_TIMEOUT_MS = 5_000;
export const REQUEST_TIMEOUT_MS = 10_000;
/** Bytes of the answer kept to show on the deliveries' list. */
export const RESPONSE_KEPT = 1024;
/** Reading stops here: the answer's body is not ours to store. */
export const READ_LIMIT = 64 * 1024;

export interface WebhookRequest {
  url: string;
  id: string;
  payload: string;
  /** The secrets that sign it: the current one, and the previous one during a rotation's grace period. */
  secrets: readonly string[];
  at: number;
  allowedHosts: readonly string[];
  /** Defaults: CONNECT_TIMEOUT_MS and REQUEST_TIMEOUT_MS. */
  timeouts?: { connectMs: number; requestMs: number } | undefined;
}

export interface WebhookResponse {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  /** The answer's first bytes, as text. */
  body: string | null;
  /** Why it failed, when it did. */
  error: string | null;
}

export function signatureOf(secrets: readonly string[], id: string, at: number, payload: string): string {
  return secrets.map((secret) => new Webhook(secret).sign(id, new Date(at), payload)).join(" ");
}

export async function sendWebhook(request: WebhookRequest): Promise<WebhookResponse> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const check = await checkWebhookUrl(request.url, request.allowedHosts);
  if (!check.ok) {
    const error =
      check.reason === "forbidden_address"
        ? `address not allowed: ${check.detail}`
        : `host not resolved: ${check.detail}`;
    return { ok: false, statusCode: null, durationMs: elapsed(), body: null, error };
  }
  const url = new URL(request.url);
  // Whatever the resolver would say now, the socket goes to the address checked above.
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [{ address: check.address, family: check.family }]);
    else callback(null, check.address, check.family);
  };
  const headers = {
    "content-type": "application/json",
    "user-agent": "Extranet-Webhooks/1",
    "webhook-id": request.id,
    "webhook-timestamp": String(Math.floor(request.at / 1000)),
    "webhook-signature": signatureOf(request.secrets, request.id, request.at, request.payload),
  };
  const client = url.protocol === "https:" ? https : http;
  const { connectMs, requestMs } = request.timeouts ?? {
    connectMs: CONNECT_TIMEOUT_MS,
    requestMs: REQUEST_TIMEOUT_MS,
  };
  return new Promise<WebhookResponse>((resolve) => {
    let settled = false;
    const finish = (response: Omit<WebhookResponse, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(whole);
      resolve({ ...response, durationMs: elapsed() });
    };
    const req = client.request(url, {
      method: "POST",
      headers,
      lookup: pinned,
      agent: false,
      // The TLS name is the URL's host, whatever address the socket reaches.
      ...(url.protocol === "https:" && { servername: url.hostname }),
    });
    const whole = setTimeout(() => {
      req.destroy();
      finish({ ok: false, statusCode: null, body: null, error: `timed out after ${requestMs} ms` });
    }, requestMs);
    req.on("socket", (socket) => {
      const connect = setTimeout(() => {
        req.destroy();
        finish({
          ok: false,
          statusCode: null,
          body: null,
          error: `no connection within ${connectMs} ms`,
        });
      }, connectMs);
      socket.once(url.protocol === "https:" ? "secureConnect" : "connect", () => clearTimeout(connect));
      socket.once("close", () => clearTimeout(connect));
    });
    req.on("error", (error) => {
      finish({ ok: false, statusCode: null, body: null, error: error.message });
    });
    req.on("response", (res) => {
      const statusCode = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let read = 0;
      const done = () => {
        const body = Buffer.concat(chunks).subarray(0, RESPONSE_KEPT).toString("utf8");
        const ok = statusCode >= 200 && statusCode < 300;
        const redirect = statusCode >= 300 && statusCode < 400;
        const error = ok
          ? null
          : redirect
            ? `redirect not followed (HTTP ${statusCode}${res.headers.location ? ` to ${res.headers.location}` : ""})`
            : `HTTP ${statusCode}`;
        finish({ ok, statusCode, body, error });
      };
      res.on("data", (chunk: Buffer) => {
        if (read < RESPONSE_KEPT) chunks.push(chunk);
        read += chunk.length;
        if (read >= READ_LIMIT) {
          res.destroy();
          done();
        }
      });
      res.on("end", done);
      res.on("error", done);
      res.on("close", done);
    });
    req.end(request.payload);
  });
}
