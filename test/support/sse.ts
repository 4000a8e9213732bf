// A Server-Sent Events client for tests: connects with a session cookie and waits for events.
export interface SseMessage {
  event: string;
  data: Record<string, unknown>;
}

export interface SseClient {
  /** Every message received so far, in order. */
  messages: SseMessage[];
  /** Resolves with the first message (already received or coming) that matches; rejects after `timeoutMs`. */
  next(match: (message: SseMessage) => boolean, timeoutMs?: number): Promise<SseMessage>;
  /** Resolves when the stream ends (the server closed it, or `close()` was called). */
  closed: Promise<void>;
  /** Resolves true once the stream has ended, false if it is still open after `timeoutMs`. */
  endsWithin(timeoutMs: number): Promise<boolean>;
  close(): void;
}

export async function connectSse(url: string, cookie: string): Promise<SseClient & { status: number }> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { cookie, accept: "text/event-stream" },
    signal: controller.signal,
  });
  const messages: SseMessage[] = [];
  const waiters = new Set<() => void>();
  let markClosed = () => {};
  const closed = new Promise<void>((resolve) => {
    markClosed = resolve;
  });
  if (response.status !== 200 || !response.body) markClosed();
  if (response.status === 200 && response.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = "";
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end = buffer.indexOf("\n\n");
          while (end !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data) {
              messages.push({ event, data: JSON.parse(data) });
              for (const wake of waiters) wake();
            }
            end = buffer.indexOf("\n\n");
          }
        }
      } catch {
        // aborted
      }
      markClosed();
    })();
  }
  return {
    status: response.status,
    messages,
    next(match, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        let seen = 0;
        const check = () => {
          for (; seen < messages.length; seen++) {
            const message = messages[seen] as SseMessage;
            if (match(message)) {
              waiters.delete(check);
              clearTimeout(timer);
              resolve(message);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(messages)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    closed,
    endsWithin: (timeoutMs) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        void closed.then(() => {
          clearTimeout(timer);
          resolve(true);
        });
      }),
    close: () => controller.abort(),
  };
}
