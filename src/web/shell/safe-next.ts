// Where to go after signing in: the `next` the guard recorded, only if it is a page of this app.
const HOME = "/";

/** Refuses other origins ("//evil.example", "https://…"), API URLs and the sign-in page itself. */
export function safeNextPath(next: string | null, origin: string): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return HOME;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return HOME;
  }
  if (url.origin !== origin) return HOME;
  if (url.pathname === "/login" || url.pathname === "/api" || url.pathname.startsWith("/api/")) return HOME;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in URL that brings the user back to `path` afterwards. */
export function loginPathFor(path: string): string {
  return path === HOME ? "/login" : `/login?next=${encodeURIComponent(path)}`;
}
