// The per-user upload rate limit as arithmetic: how long until one more upload fits the window.
export interface UploadRateLimits {
  maxFiles: number;
  maxBytes: number;
  windowMs: number;
}

/** An upload the user made within the window. */
export interface RecentUpload {
  at: number;
  bytes: number;
}

/**
 * Milliseconds until an upload of `bytes` fits beside `recent` (the user's uploads within the
 * window, oldest first): 0 when it fits now, else when enough of the oldest have left the window.
 */
export function uploadWaitMs(
  recent: readonly RecentUpload[],
  bytes: number,
  now: number,
  limits: UploadRateLimits,
): number {
  let files = recent.length;
  let total = recent.reduce((sum, upload) => sum + upload.bytes, 0);
  const fits = () => files < limits.maxFiles && total + bytes <= limits.maxBytes;
  if (fits()) return 0;
  for (const upload of recent) {
    files -= 1;
    total -= upload.bytes;
    if (fits()) return Math.max(1, upload.at + limits.windowMs - now);
  }
  // Larger than the window allows at all (the configuration keeps the byte limit above the file cap).
  return limits.windowMs;
}
