// hoodiecrow-imap: a scriptable IMAP server for client tests (by imapflow's author), untyped.
declare module "hoodiecrow-imap" {
  import type { Server } from "node:net";

  interface HoodiecrowOptions {
    plugins?: string[];
    users?: Record<string, { password: string }>;
    storage?: Record<string, { messages: { raw: string; flags?: string[] }[] }>;
  }
  interface HoodiecrowServer {
    server: Server;
    listen(port: number, callback: () => void): void;
    close(callback: () => void): void;
  }
  export default function hoodiecrow(options: HoodiecrowOptions): HoodiecrowServer;
}
