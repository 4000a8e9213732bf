// The one-time link carries its token after "#" so that it never reaches server logs or Referer headers.
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, "")).get("token");
  return token ? token : null;
}
