// `extranet import-screens FILE.csv`: the ERP screen catalog from `code;name;module` lines.
import fs from "node:fs";
import { describeProblem, importScreens } from "../modules/screens/service";
import { cliMeta, out, withContext } from "./context";
import { CliError } from "./errors";
import { progress } from "./progress";

export function importScreensCommand(file: string) {
  return withContext(async (ctx) => {
    if (!fs.existsSync(file)) throw new CliError(`${file}: no such file`);
    const csv = fs.readFileSync(file, "utf8");
    const result = await importScreens(ctx, cliMeta(ctx), csv, progress("screens"));
    if (result.problems.length > 0) {
      const lines = result.problems.map((p) => `  ${describeProblem(p, "en")}`).join("\n");
      throw new CliError(`nothing imported; fix these lines of ${file}:\n${lines}`);
    }
    out(`imported ${result.imported} screens from ${file}`);
  });
}
