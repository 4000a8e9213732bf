// The statement's CSV uses the shared Brazilian-spreadsheet writer (src/server/csv.ts).
export { csvCell, toCsv } from "../../csv";
