// Signs in as a seeded demo user, the way the portal does, and hands back the session cookie.

/** A customer: the commonest caller of the portal. Seeded with EXTRANET_SEED_DEMO=true. */
const DEMO_CUSTOMER = { email: "fernanda.lima@paulistaalimentos.com.br", password: "extranet-demo" };
const SESSION_COOKIE = "extranet_session";

/** The `cookie` header value that authenticates as the demo customer. */
export function signInAsDemoCustomer(origin: string): Promise<string> {
  return signIn(origin, DEMO_CUSTOMER);
}

/** The `cookie` header value that authenticates as the given user. */
export async function signIn(
  origin: string,
  credentials: { email: string; password: string },
): Promise<string> {
  const response = await fetch(`${origin}/api/v1/auth/login`, {
    method: "POST",
    // Unsafe API requests must carry our own origin (CSRF defence).
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify(credentials),
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`sign-in of ${credentials.email} answered ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0] ?? "")
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error(`demo sign-in set no ${SESSION_COOKIE} cookie`);
  return cookie;
}
