// Calls the API directly from a test, as a signed-in user: for setup a journey does not need to click through.
import { DEMO_PASSWORD } from "./journeys";

export interface ApiSession {
  get: (path: string) => Promise<unknown>;
  post: (path: string, body: unknown) => Promise<unknown>;
  patch: (path: string, body: unknown) => Promise<unknown>;
  put: (path: string, body: unknown) => Promise<unknown>;
}

/** Signs in through POST /api/v1/auth/login and keeps the session cookie for later calls. */
export async function signInThroughApi(
  origin: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<ApiSession> {
  // Unsafe methods must carry our own Origin, as a browser would.
  const headers = { origin, "content-type": "application/json", accept: "application/json" };
  const login = await fetch(`${origin}/api/v1/auth/login`, {
    method: "POST",
    headers,
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200)
    throw new Error(`sign-in as ${email} answered ${login.status}: ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: { ...headers, cookie },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    const answer: unknown = await response.json();
    return answer;
  };
  return {
    get: (path) => call("GET", path),
    post: (path, body) => call("POST", path, body),
    patch: (path, body) => call("PATCH", path, body),
    put: (path, body) => call("PUT", path, body),
  };
}
