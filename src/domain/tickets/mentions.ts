// @mentions in internal notes: "@juliana.prado" (the colleague's e-mail local part) or
// "@[Juliana Prado]" (the name as written, accents and case aside). Pure: the caller passes the team.

/** A mention as written: by handle or by bracketed name. */
export interface MentionToken {
  /** The whole token, "@juliana.prado" or "@[Juliana Prado]". */
  raw: string;
  handle?: string;
  name?: string;
}

export interface MentionableMember {
  id: string;
  name: string;
  email: string;
}

// Not after a letter, digit or e-mail character, so "bruno@empresa.com.br" is no mention. A handle
// ends with a letter or digit: the sentence's full stop after "@juliana.prado." is not part of it.
const MENTION =
  /(?<![\p{L}\p{N}_.@/+-])@(?:\[([^\]\n]{1,120})\]|([\p{L}\p{N}](?:[\p{L}\p{N}._+-]*[\p{L}\p{N}])?))/gu;

export function findMentionTokens(text: string): MentionToken[] {
  const tokens: MentionToken[] = [];
  for (const match of text.matchAll(MENTION)) {
    const [raw, name, handle] = match;
    if (name !== undefined) tokens.push({ raw, name });
    else if (handle !== undefined) tokens.push({ raw, handle });
  }
  return tokens;
}

/** "Juliana Prado" and "juliana  prado" and "Juliana Prâdo" compare equal. */
export function foldName(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** What a colleague is mentioned by: the part of the e-mail address before the "@". */
export function mentionHandle(email: string): string {
  return (email.split("@")[0] ?? "").toLowerCase();
}

/** The member a token names, if exactly one matches. */
export function memberOfToken<T extends MentionableMember>(
  token: MentionToken,
  team: readonly T[],
): T | undefined {
  const matches =
    token.handle !== undefined
      ? team.filter((member) => mentionHandle(member.email) === token.handle?.toLowerCase())
      : team.filter((member) => foldName(member.name) === foldName(token.name ?? ""));
  return matches.length === 1 ? matches[0] : undefined;
}

/** Every member the text mentions, each once, in order of first mention. */
export function mentionedMembers<T extends MentionableMember>(text: string, team: readonly T[]): T[] {
  const found = new Map<string, T>();
  for (const token of findMentionTokens(text)) {
    const member = memberOfToken(token, team);
    if (member && !found.has(member.id)) found.set(member.id, member);
  }
  return [...found.values()];
}

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
};

/**
 * Wraps each mention of a team member in HTML-escaped text with `<span class="mention">`; other
 * "@words" stay as they are. The text stays escaped: only the span is added.
 */
export function highlightMentions(escapedText: string, team: readonly MentionableMember[]): string {
  return escapedText.replace(MENTION, (raw, name: string | undefined, handle: string | undefined) => {
    const token: MentionToken =
      name !== undefined
        ? { raw, name: name.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e) }
        : { raw, handle };
    return memberOfToken(token, team) ? `<span class="mention">${raw}</span>` : raw;
  });
}
