// A separate process that migrates one database, for tests of concurrent start-up.
import { connect } from "../../../src/server/db/connect";
import { migrateToLatest } from "../../../src/server/db/migrate";

const [file] = process.argv.slice(2);
if (!file) throw new Error("usage: migrate.ts <sqlite file>");
const connection = connect({ dialect: "sqlite", file });
const applied = await migrateToLatest(connection.db);
await connection.db.destroy();
process.stdout.write(JSON.stringify(applied));
