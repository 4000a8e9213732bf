#!/usr/bin/env node
// The `extranet` command: runs the bundled server (built by `npm install` through the prepare script).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const entry = fileURLToPath(new URL("../dist/server/main.mjs", import.meta.url));
if (!existsSync(entry)) {
  process.stderr.write("extranet: not built yet; run `npm run build` (npm install does it for you)\n");
  process.exit(1);
}
await import(entry);
