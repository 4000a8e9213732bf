// The operational variables: pool bounds, drain delay and metrics, with their defaults and refusals.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("operational configuration", () => {
  it("defaults: pool of 10 waiting 3 s, statements bounded to 15 s, 5 s drain, no metrics", () => {
    const config = loadConfig({});
    expect(config.databasePool).toEqual({ size: 10, waitMs: 3000, statementTimeoutMs: 15_000 });
    expect(config.shutdownDrainMs).toBe(5000);
    expect(config.metrics).toEqual({ token: undefined, listen: undefined });
  });

  it("reads each variable", () => {
    const config = loadConfig({
      DATABASE_POOL_SIZE: "25",
      DATABASE_POOL_WAIT_MS: "500",
      DATABASE_STATEMENT_TIMEOUT_MS: "60000",
      SHUTDOWN_DRAIN_SECONDS: "0.5",
      METRICS_TOKEN: "a-metrics-token-of-some-length",
      METRICS_PORT: "9464",
    });
    expect(config.databasePool).toEqual({ size: 25, waitMs: 500, statementTimeoutMs: 60_000 });
    expect(config.shutdownDrainMs).toBe(500);
    expect(config.metrics).toEqual({
      token: "a-metrics-token-of-some-length",
      listen: { port: 9464, host: "127.0.0.1" },
    });
  });

  it("refuses bad values, naming each variable", () => {
    expect(() =>
      loadConfig({
        DATABASE_POOL_SIZE: "0",
        DATABASE_POOL_WAIT_MS: "soon",
        SHUTDOWN_DRAIN_SECONDS: "-1",
        METRICS_TOKEN: "short",
        METRICS_PORT: "70000",
      }),
    ).toThrow(ConfigError);
    const bad = () =>
      loadConfig({ DATABASE_POOL_SIZE: "0", SHUTDOWN_DRAIN_SECONDS: "-1", METRICS_TOKEN: "short" });
    expect(bad).toThrow(/DATABASE_POOL_SIZE/);
    expect(bad).toThrow(/SHUTDOWN_DRAIN_SECONDS/);
    expect(bad).toThrow(/METRICS_TOKEN: must have at least 16 characters/);
  });
});
