/** Reads a request body up to a limit, refusing early (by Content-Length) when it is bigger. */
import type { IncomingMessage } from 'node:http';

/** A 300 MB file is ~400 MB as base64 (contract MAX_IMPORT_BASE64_CHARS) plus JSON around it. */
export const MAX_BODY_BYTES = 450 * 1024 * 1024;

export class BodyTooLarge extends Error {}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new BodyTooLarge(); // chunked uploads declare no length
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}
