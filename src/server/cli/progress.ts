// A one-line progress report on stderr for long jobs: redrawn in a terminal, every 10% otherwise.
export function progress(label: string): (done: number, total: number) => void {
  const tty = process.stderr.isTTY;
  let lastDecile = -1;
  const started = Date.now();
  return (done, total) => {
    const percent = total === 0 ? 100 : Math.floor((100 * done) / total);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const line = `${label}: ${done}/${total} (${percent}%) ${seconds}s`;
    if (tty) {
      process.stderr.write(`\r${line}${done === total ? "\n" : ""}`);
      return;
    }
    const decile = Math.floor(percent / 10);
    if (decile !== lastDecile || done === total) {
      lastDecile = decile;
      process.stderr.write(`${line}\n`);
    }
  };
}
