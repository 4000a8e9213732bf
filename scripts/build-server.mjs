// Bundles the server (src/server/main.ts and what it imports) into dist/server/main.mjs.
// Packages stay external: they load from node_modules as usual.
import { build } from "esbuild";

await build({
  entryPoints: ["src/server/main.ts"],
  outfile: "dist/server/main.mjs",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
