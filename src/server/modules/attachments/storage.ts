// Attachment files on disk (shared storage when scaled): server-generated names only.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

export interface StoredFile {
  key: string;
  size: number;
  sha256: string;
  /** The first bytes, for content sniffing. */
  head: Buffer;
}

const HEAD_BYTES = 4100;

export class AttachmentStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    return path.join(this.root, key.slice(0, 2), key);
  }

  /**
   * Streams an upload to disk under `key`. The caller's stream stops at its size limit (and reports
   * truncation); nothing is buffered in memory beyond the first bytes.
   */
  async write(key: string, stream: Readable): Promise<StoredFile> {
    const target = this.pathOf(key);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const hash = createHash("sha256");
    const headChunks: Buffer[] = [];
    let size = 0;
    stream.on("data", (chunk: Buffer) => {
      hash.update(chunk);
      if (size < HEAD_BYTES) headChunks.push(chunk.subarray(0, HEAD_BYTES - size));
      size += chunk.length;
    });
    await pipeline(stream, fs.createWriteStream(target, { flags: "wx" }));
    return { key, size, sha256: hash.digest("hex"), head: Buffer.concat(headChunks) };
  }

  read(key: string): fs.ReadStream {
    return fs.createReadStream(this.pathOf(key));
  }

  async remove(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true });
  }
}
