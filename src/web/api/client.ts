// The typed HTTP client over fetch: JSON in, contract-checked JSON out, API errors as ApiError.
import type { ZodType } from "zod";
import { ErrorResponse } from "../../contracts/common";
import { type MessageKey, translate } from "../../i18n";
import { readStoredLocale } from "../i18n/locale-store";
import { ApiError } from "./api-error";

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** Calls the API and checks the answer against the endpoint's contract. */
export async function apiRequest<T>(
  method: Method,
  path: string,
  schema: ZodType<T>,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const response = await send(method, path, body, extraHeaders);
  const parsed = schema.safeParse(await readJson(response));
  if (!parsed.success) throw badResponse(response.status);
  return parsed.data;
}

/** Sends a multipart form (file uploads) and checks the answer against the endpoint's contract. */
export async function apiUpload<T>(path: string, form: FormData, schema: ZodType<T>): Promise<T> {
  return apiRequest("POST", path, schema, form);
}

/** Calls an endpoint that answers 204 No Content. */
export async function apiCommand(method: Method, path: string, body?: unknown): Promise<void> {
  await send(method, path, body);
}

async function send(
  method: Method,
  path: string,
  body: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    ...extraHeaders,
    accept: "application/json",
    // Signed-in users get their own language from the server; this covers everyone else.
    "accept-language": readStoredLocale(),
  };
  const payload = encodeBody(body);
  // A multipart form's content type (with its boundary) is written by the browser.
  if (typeof payload === "string") headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: payload,
    });
  } catch {
    throw new ApiError(0, "network", translate(readStoredLocale(), "error.unavailable"));
  }
  if (!response.ok) throw await errorFrom(response);
  return response;
}

function encodeBody(body: unknown): string | FormData | undefined {
  if (body === undefined || body instanceof FormData) return body;
  return JSON.stringify(body);
}

async function errorFrom(response: Response): Promise<ApiError> {
  const body = await readJson(response);
  const parsed = ErrorResponse.safeParse(body);
  // A proxy's HTML error page or an empty body: say something useful in the user's language.
  if (!parsed.success) return badResponse(response.status);
  const { code, message, fields } = parsed.data.error;
  return new ApiError(response.status, code, message, fields, (body as { error: unknown }).error);
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function badResponse(status: number): ApiError {
  return new ApiError(status, "bad_response", translate(readStoredLocale(), messageForStatus(status)));
}

function messageForStatus(status: number): MessageKey {
  // A proxy in front of the server can refuse a large upload before the API sees it.
  if (status === 413) return "error.body_too_large";
  if (status === 502 || status === 503 || status === 504) return "error.unavailable";
  return "error.internal";
}
