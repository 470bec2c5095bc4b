/**
 * Reading zip archives (Shapefile zips, KMZ) without trusting them. The central directory is read
 * first and the sizes it declares are checked against the limit before anything is inflated; then each
 * wanted entry is inflated in small steps, and one that yields more than it declared is refused at
 * once. A zip bomb (a gigabyte of zeros in a megabyte) is thus refused after at most one step of output,
 * whatever its headers claim. Stored (0) and deflated (8) entries are read; ZIP64, encryption and other
 * methods are refused. CRCs are not checked: a damaged deflate stream fails on its own, and a damaged
 * stored entry fails when its content is parsed.
 */
import { Inflate } from "fflate";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As declared by the archive (not trusted). */
  size: number;
  localHeaderOffset: number;
}

export type ZipProblem =
  | { code: "invalid-zip"; detail: string }
  | { code: "zip-bomb"; declaredBytes: number; maxBytes: number };

export class ZipError extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem.code);
  }
}

const fail = (detail: string): never => {
  throw new ZipError({ code: "invalid-zip", detail });
};

/** Whether bytes start like a zip (local file header or an empty archive's end record). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 3 || bytes[2] === 5) &&
    (bytes[3] === 4 || bytes[3] === 6)
  );
}

/** Lists a zip's entries from its central directory. Throws ZipError. */
export function listZip(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end of central directory record is in the last 22 + 65535 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) fail("no end of central directory");
  const count = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) fail("ZIP64 archives are not supported");
  if (count > maxEntries) fail(`more than ${maxEntries} entries`);
  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50)
      fail("damaged central directory");
    const flags = view.getUint16(offset + 8, true);
    if (flags & 1) fail("encrypted entries are not supported");
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const entry: ZipEntry = {
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff)
      fail("ZIP64 entries are not supported");
    entries.push(entry);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Refuses entries whose declared sizes add up to more than `maxBytes`. */
export function checkDeclaredSizes(entries: readonly ZipEntry[], maxBytes: number): void {
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > maxBytes) throw new ZipError({ code: "zip-bomb", declaredBytes: declared, maxBytes });
}

/** Compressed bytes pushed per inflate step: deflate expands at most ~1032-fold, so ≤ 4 MB per step. */
const STEP = 4096;

/**
 * The content of one entry, inflated in steps; refused as a zip bomb when it grows past its declared
 * size or past `budget` bytes. Throws ZipError.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, budget: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) fail(`damaged entry ${entry.name}`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) fail(`entry ${entry.name} ends early`);
  const limit = Math.min(entry.size, budget);
  if (entry.method === 0) {
    if (data.length > limit)
      throw new ZipError({ code: "zip-bomb", declaredBytes: data.length, maxBytes: budget });
    return data.slice();
  }
  if (entry.method !== 8) fail(`compression method ${entry.method} is not supported`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) over = true;
    else chunks.push(chunk);
  });
  try {
    for (let i = 0; i < data.length && !over; i += STEP) {
      inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
    }
  } catch (error) {
    fail(`entry ${entry.name}: ${(error as Error).message}`);
  }
  if (over)
    throw new ZipError({ code: "zip-bomb", declaredBytes: Math.max(total, entry.size), maxBytes: limit });
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * Reads the entries whose names `wanted` accepts (folders and macOS resource forks skipped), within
 * `maxBytes` in total. Throws ZipError.
 */
export function readZip(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits: { maxBytes: number; maxEntries: number },
): Map<string, Uint8Array> {
  const entries = listZip(bytes, limits.maxEntries).filter(
    (e) => !e.name.endsWith("/") && !e.name.startsWith("__MACOSX/") && wanted(e.name),
  );
  checkDeclaredSizes(entries, limits.maxBytes);
  const files = new Map<string, Uint8Array>();
  let budget = limits.maxBytes;
  for (const entry of entries) {
    const content = readZipEntry(bytes, entry, budget);
    budget -= content.length;
    files.set(entry.name, content);
  }
  return files;
}

/** Names of every entry (for reporting what a zip without geodata holds). */
export function zipEntryNames(bytes: Uint8Array, maxEntries: number): string[] {
  return listZip(bytes, maxEntries).map((e) => e.name);
}
