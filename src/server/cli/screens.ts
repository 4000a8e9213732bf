// `extranet import-screens FILE.csv`: the ERP screen catalog from `code;name;module` lines.
import fs from "node:fs";
import { importScreens } from "../modules/screens/service";
import { out, withContext } from "./context";
import { CliError } from "./errors";
import { progress } from "./progress";

export function importScreensCommand(file: string) {
  return withContext(async (ctx) => {
    if (!fs.existsSync(file)) throw new CliError(`${file}: no such file`);
    const result = await importScreens(ctx, fs.readFileSync(file, "utf8"), progress("screens"));
    if (result.problems.length > 0) {
      throw new CliError(
        `nothing imported; fix these lines of ${file}:\n${result.problems.map((p) => `  ${p}`).join("\n")}`,
      );
    }
    out(`imported ${result.imported} screens from ${file}`);
  });
}
