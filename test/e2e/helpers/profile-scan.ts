import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

/**
 * Searches every file under a Chromium user-data-dir for byte patterns. Files are read as
 * bytes; LevelDB files (chrome.storage.local, IndexedDB, Local Storage…) are also searched
 * decoded, because their table blocks are usually Snappy-compressed and their write-ahead
 * log splits records at 32 KiB boundaries — a plain byte search would miss a secret there.
 */

export interface Pattern {
  name: string;
  bytes: Buffer;
}

export interface Hit {
  pattern: string;
  file: string;
  where: 'raw' | 'leveldb-block' | 'leveldb-log';
}

export interface ScanReport {
  files: number;
  bytes: number;
  ldbBlocks: number;
  /** LevelDB blocks in a compression we cannot decode (reported, never silently skipped). */
  undecodable: string[];
  hits: Hit[];
}

/** UTF-8 and UTF-16LE forms of a text. */
export function textPatterns(name: string, text: string): Pattern[] {
  return [
    { name: `${name} (utf8)`, bytes: Buffer.from(text, 'utf8') },
    { name: `${name} (utf16le)`, bytes: Buffer.from(text, 'utf16le') },
  ];
}

function walk(dir: string, out: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return; // vanished while walking (Chromium deletes temp files)
  }
  for (const name of entries) {
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) walk(p, out);
    else if (st.isFile()) out.push(p);
  }
}

function isLevelDbDir(dir: string): boolean {
  return existsSync(join(dir, 'CURRENT')) && readdirSync(dir).some((f) => f.startsWith('MANIFEST-'));
}

// ---- Snappy (raw block format, as LevelDB stores it) -----------------------------

function varint(buf: Buffer, pos: number): [number, number] {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = buf[pos++];
    if (b === undefined) throw new Error('varint past end');
    result += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [result, pos];
    shift += 7;
  }
}

export function snappyDecompress(src: Buffer): Buffer {
  const [length, start] = varint(src, 0);
  const out = Buffer.alloc(length);
  let op = 0;
  let ip = start;
  while (ip < src.length) {
    const tag = src[ip++]!;
    const type = tag & 3;
    if (type === 0) {
      let len = (tag >> 2) + 1;
      if (len > 60) {
        const extra = len - 60;
        len = src.readUIntLE(ip, extra) + 1;
        ip += extra;
      }
      src.copy(out, op, ip, ip + len);
      ip += len;
      op += len;
      continue;
    }
    let len: number;
    let offset: number;
    if (type === 1) {
      len = ((tag >> 2) & 7) + 4;
      offset = ((tag >> 5) << 8) | src[ip++]!;
    } else if (type === 2) {
      len = (tag >> 2) + 1;
      offset = src.readUInt16LE(ip);
      ip += 2;
    } else {
      len = (tag >> 2) + 1;
      offset = src.readUInt32LE(ip);
      ip += 4;
    }
    if (offset === 0 || offset > op) throw new Error('bad snappy offset');
    for (let i = 0; i < len; i++, op++) out[op] = out[op - offset]!;
  }
  if (op !== length) throw new Error('snappy length mismatch');
  return out;
}

// ---- LevelDB table (.ldb / .sst) ---------------------------------------------------

const TABLE_MAGIC = Buffer.from([0x57, 0xfb, 0x80, 0x8b, 0x24, 0x75, 0x47, 0xdb]);

function readBlock(file: Buffer, offset: number, size: number, report: ScanReport, name: string): Buffer | null {
  const contents = file.subarray(offset, offset + size);
  const type = file[offset + size];
  report.ldbBlocks++;
  if (type === 0) return contents;
  if (type === 1) return snappyDecompress(contents);
  report.undecodable.push(`${name}@${offset} (compression type ${type})`);
  return null;
}

/** The values of a block's entries are what we search; the block itself is returned whole. */
function blockHandles(index: Buffer): [number, number][] {
  const numRestarts = index.readUInt32LE(index.length - 4);
  const end = index.length - 4 - numRestarts * 4;
  const handles: [number, number][] = [];
  let pos = 0;
  while (pos < end) {
    let shared, nonShared, valueLen;
    [shared, pos] = varint(index, pos);
    [nonShared, pos] = varint(index, pos);
    [valueLen, pos] = varint(index, pos);
    void shared;
    pos += nonShared;
    const value = index.subarray(pos, pos + valueLen);
    pos += valueLen;
    const [off, p1] = varint(value, 0);
    const [size] = varint(value, p1);
    handles.push([off, size]);
  }
  return handles;
}

/** Every data block of a LevelDB table, decompressed. */
export function levelDbTableBlocks(file: Buffer, report: ScanReport, name: string): Buffer[] {
  if (file.length < 48 || !file.subarray(file.length - 8).equals(TABLE_MAGIC)) return [];
  const footer = file.subarray(file.length - 48);
  // metaindex handle, then index handle (varint offset, varint size each)
  const [, p1] = varint(footer, 0);
  const [, p2] = varint(footer, p1);
  const [indexOff, p3] = varint(footer, p2);
  const [indexSize] = varint(footer, p3);
  const index = readBlock(file, indexOff, indexSize, report, name);
  if (!index) return [];
  const blocks: Buffer[] = [];
  for (const [off, size] of blockHandles(index)) {
    const b = readBlock(file, off, size, report, name);
    if (b) blocks.push(b);
  }
  return blocks;
}

// ---- LevelDB write-ahead log (.log) ------------------------------------------------

/** Reassembles the log's records (FULL / FIRST+MIDDLE*+LAST) across its 32 KiB blocks. */
export function levelDbLogRecords(file: Buffer): Buffer[] {
  const BLOCK = 32768;
  const records: Buffer[] = [];
  let partial: Buffer[] = [];
  let pos = 0;
  while (pos + 7 <= file.length) {
    const left = BLOCK - (pos % BLOCK);
    if (left < 7) {
      pos += left;
      continue;
    }
    const len = file.readUInt16LE(pos + 4);
    const type = file[pos + 6];
    const data = file.subarray(pos + 7, pos + 7 + len);
    pos += 7 + len;
    if (type === 0 && len === 0) {
      pos += BLOCK - (pos % BLOCK || BLOCK); // zero padding: skip to the next block
      continue;
    }
    if (type === 1) records.push(Buffer.from(data));
    else if (type === 2) partial = [data];
    else if (type === 3) partial.push(data);
    else if (type === 4) {
      partial.push(data);
      records.push(Buffer.concat(partial));
      partial = [];
    }
  }
  return records;
}

export function scanDir(root: string, patterns: Pattern[]): ScanReport {
  const files: string[] = [];
  walk(root, files);
  const report: ScanReport = { files: 0, bytes: 0, ldbBlocks: 0, undecodable: [], hits: [] };
  const search = (buf: Buffer, file: string, where: Hit['where']) => {
    for (const p of patterns) {
      if (buf.includes(p.bytes)) report.hits.push({ pattern: p.name, file: relative(root, file), where });
    }
  };
  for (const file of files) {
    let buf: Buffer;
    try {
      buf = readFileSync(file);
    } catch {
      continue; // deleted meanwhile, or a lock file Chromium holds exclusively
    }
    report.files++;
    report.bytes += buf.length;
    search(buf, file, 'raw');
    if (!isLevelDbDir(dirname(file))) continue;
    const name = basename(file);
    try {
      if (name.endsWith('.ldb') || name.endsWith('.sst')) for (const b of levelDbTableBlocks(buf, report, file)) search(b, file, 'leveldb-block');
      else if (name.endsWith('.log')) for (const r of levelDbLogRecords(buf)) search(r, file, 'leveldb-log');
    } catch (err) {
      report.undecodable.push(`${relative(root, file)}: ${(err as Error).message}`);
    }
  }
  return report;
}
