import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";
import { isSealed, openSecret, openSecretWith, SealedSecretError, sealSecret } from "./secrets-at-rest";

const key = randomBytes(32);
const keys = { secretsKey: key };
const here = { table: "webhook_endpoint", id: "0196b5f0-0000-7000-8000-000000000001" } as const;
const elsewhere = { table: "webhook_endpoint", id: "0196b5f0-0000-7000-8000-000000000002" } as const;

describe("secrets at rest", () => {
  it("seals under the key and opens back, each sealing different", () => {
    const first = sealSecret(key, "whsec_segredo", here);
    const second = sealSecret(key, "whsec_segredo", here);
    expect(isSealed(first)).toBe(true);
    expect(first).not.toContain("segredo");
    expect(first).not.toBe(second);
    expect(openSecret(keys, first, here)).toBe("whsec_segredo");
  });

  it("stores as given without a key, and reads values stored before the key", () => {
    expect(sealSecret(undefined, "whsec_segredo", here)).toBe("whsec_segredo");
    expect(openSecret(keys, "whsec_segredo", here)).toBe("whsec_segredo");
  });

  it("refuses another key, another row, an altered value, and no key", () => {
    const sealed = sealSecret(key, "whsec_segredo", here);
    expect(() => openSecret({ secretsKey: randomBytes(32) }, sealed, here)).toThrow(SealedSecretError);
    expect(() => openSecret(keys, sealed, elsewhere)).toThrow(SealedSecretError);
    // One bit of the ciphertext flipped.
    const raw = Buffer.from(sealed.slice("sealed:v1:".length), "base64url");
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    const altered = `sealed:v1:${raw.toString("base64url")}`;
    expect(altered).not.toBe(sealed);
    expect(() => openSecret(keys, altered, here)).toThrow(SealedSecretError);
    expect(() => openSecret({ secretsKey: undefined }, sealed, here)).toThrow(/SECRETS_KEY is not set/);
  });

  it("opens what the previous key sealed while the key changes, and says it should be sealed again", () => {
    const next = randomBytes(32);
    const old = sealSecret(key, "whsec_segredo", here);
    const rotating = { secretsKey: next, secretsPreviousKey: key };
    expect(openSecretWith(rotating, old, here)).toEqual({ plain: "whsec_segredo", byPrevious: true });
    const fresh = sealSecret(next, "whsec_novo", here);
    expect(openSecretWith(rotating, fresh, here)).toEqual({ plain: "whsec_novo", byPrevious: false });
    expect(() => openSecret({ secretsKey: next }, old, here)).toThrow(SealedSecretError);
  });

  it("takes SECRETS_KEY as 32 bytes of base64, and names it when it is not", () => {
    const encoded = key.toString("base64");
    expect(loadConfig({ SECRETS_KEY: encoded }).secretsKey?.equals(key)).toBe(true);
    expect(loadConfig({}).secretsKey).toBeUndefined();
    expect(() => loadConfig({ SECRETS_KEY: randomBytes(16).toString("base64") })).toThrow(/SECRETS_KEY/);
    expect(() => loadConfig({ SECRETS_KEY: "not a key at all, but long enough to be 44 chars" })).toThrow(
      /SECRETS_KEY/,
    );
    expect(() => loadConfig({ SECRETS_KEY_PREVIOUS: encoded })).toThrow(/SECRETS_KEY_PREVIOUS: only beside/);
    expect(
      loadConfig({
        SECRETS_KEY: randomBytes(32).toString("base64"),
        SECRETS_KEY_PREVIOUS: encoded,
      }).secretsPreviousKey?.equals(key),
    ).toBe(true);
  });
});
