/**
 * The entries of a zip file (an .xlsx), read from its central directory and inflated with a
 * ceiling: the size an entry claims is not trusted, inflating stops at the limit, so a small file
 * that expands to gigabytes (a ratio bomb) is refused after at most the limit is produced.
 */
import { inflateRawSync } from 'node:zlib';
import { SheetRefusal } from './limits';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface TZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

const unreadable = (detail: string) => new SheetRefusal('ccus.import_xlsx_unreadable', { detail });

function endOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  const lowest = Math.max(0, zip.length - 22 - 0xffff);
  for (let i = zip.length - 22; i >= lowest; i -= 1) if (zip.readUInt32LE(i) === EOCD) return i;
  throw unreadable('zip: no central directory (truncated?)');
}

/** The central directory's entries; at most maxEntries. */
export function zipEntries(zip: Buffer, maxEntries: number): TZipEntry[] {
  if (zip.length < 22) throw unreadable('zip: too short');
  const end = endOfCentralDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  const offset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) throw unreadable('zip64 is not supported');
  if (count > maxEntries) throw new SheetRefusal('sheet.too_many_parts', { limit: maxEntries, found: count });
  const entries: TZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) throw unreadable('zip: damaged central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      declaredSize: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's bytes, inflated to at most `limit` bytes (else a refusal naming `totalLimit`). */
export function inflateEntry(zip: Buffer, entry: TZipEntry, limit: number, totalLimit: number): Buffer {
  if (entry.flags & 0x1) throw unreadable('zip: encrypted entry');
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL) throw unreadable('zip: damaged entry');
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) throw unreadable('zip: truncated');
  const data = zip.subarray(start, end);
  const tooLarge = () => new SheetRefusal('sheet.too_large_unpacked', { limitMb: Math.round(totalLimit / 1024 / 1024) });
  if (entry.method === 0) {
    if (data.length > limit) throw tooLarge();
    return data;
  }
  if (entry.method !== 8) throw unreadable(`zip: compression method ${String(entry.method)}`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });
  } catch (error) {
    if (error instanceof RangeError) throw tooLarge();
    throw unreadable(`zip: ${error instanceof Error ? error.message.slice(0, 100) : 'inflate'}`);
  }
}
