/**
 * Bounded reading of a zip archive (.docx): the central directory is read first and judged
 * (entry count, declared sizes) before a single byte is inflated, and each inflate runs with an
 * output cap, because the sizes in the headers can lie. Node's zlib does the inflating; only
 * the directory walk is ours (APPNOTE.TXT §4.3.12 central directory, §4.3.16 end record).
 */
import zlib from "node:zlib";
import { ImportError } from "./errors";
import { MAX_UNZIPPED_TOTAL_BYTES, MAX_ZIP_ENTRIES, mb } from "./limits";

/** One file listed in the central directory. Sizes in bytes, as declared (may lie). */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate; anything else is refused when read. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const corrupt = (why: string) => new ImportError("not_docx", `文件不是有效的 Word 文档（.docx）：${why}。`);

/**
 * Lists the archive's entries from its central directory.
 * @param bytes the whole file.
 * @param limits `maxEntries` (default 2,000) and `maxTotal` declared uncompressed bytes (200 MB).
 * @throws ImportError "not_docx" (no end record, truncated directory, ZIP64), "too_large" (too
 *   many entries or declared sizes over the limit).
 */
export function listZip(bytes: Uint8Array, limits = { maxEntries: MAX_ZIP_ENTRIES, maxTotal: MAX_UNZIPPED_TOTAL_BYTES }): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  // The end record is 22 bytes plus a comment of at most 65,535 bytes at the end of the file.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) { end = i; break; }
  }
  if (end < 0) throw corrupt("找不到压缩包目录");
  const count = view.getUint16(end + 10, true);
  const dirOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) throw corrupt("不支持 ZIP64 格式");
  if (count > limits.maxEntries) {
    throw new ImportError("too_large", `压缩包内文件过多（${count} 个，上限 ${limits.maxEntries} 个），不像是 Word 文档，已拒绝。`);
  }
  const entries: ZipEntry[] = [];
  let total = 0;
  let at = dirOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) throw corrupt("压缩包目录已损坏");
    const nameLength = view.getUint16(at + 28, true);
    const entry: ZipEntry = {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    if (entry.uncompressedSize === 0xffffffff || entry.compressedSize === 0xffffffff) throw corrupt("不支持 ZIP64 格式");
    total += entry.uncompressedSize;
    if (total > limits.maxTotal) {
      throw new ImportError("too_large", `文件解压后超过 ${mb(limits.maxTotal)}（压缩炸弹？），已拒绝。`);
    }
    entries.push(entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/**
 * Inflates one entry, refusing it when it declares or turns out to hold more than `maxBytes`:
 * zlib stops at `maxBytes + 1` output bytes, so a lying header costs at most that much memory.
 * @param bytes the whole file; @param entry from `listZip`; @param maxBytes cap in bytes.
 * @returns the entry's bytes.
 * @throws ImportError "too_large" (over the cap, declared or real), "not_docx" (bad local
 *   header, unknown compression, corrupt deflate data, real size differing from the header).
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Buffer {
  const tooLarge = () => new ImportError("too_large", `文档内容「${entry.name}」解压后超过 ${mb(maxBytes)}，已拒绝。`);
  if (entry.uncompressedSize > maxBytes) throw tooLarge();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw corrupt("文件头已损坏");
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw corrupt("文件被截断");
  let out: Buffer;
  if (entry.method === 0) out = Buffer.from(data);
  else if (entry.method === 8) {
    try {
      out = zlib.inflateRawSync(data, { maxOutputLength: maxBytes + 1 });
    } catch (err) {
      if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge();
      throw corrupt("压缩数据已损坏");
    }
  } else throw corrupt(`不支持的压缩方式 ${entry.method}`);
  if (out.length > maxBytes) throw tooLarge();
  if (out.length !== entry.uncompressedSize) throw corrupt("压缩包记录的大小与实际不符");
  return out;
}

/** Bytes `data` inflates to, counted on the thread pool and discarded; rejects past `cap`. */
function inflatedSize(data: Uint8Array, cap: number, tooLarge: () => Error): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
    let size = 0;
    inflate.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) {
        inflate.destroy();
        reject(tooLarge());
      }
    });
    inflate.on("end", () => resolve(size));
    inflate.on("error", () => reject(corrupt("压缩数据已损坏")));
    inflate.end(data);
  });
}

/**
 * Inflates the named entries on libuv's thread pool (not the event loop), counting and
 * discarding the output, and stops past the cap: a cheap check, before any worker starts, that
 * none of them is a bomb whose headers lie. At most one 256 KB chunk is held at a time.
 * @param names entries to check (missing ones are skipped); @param maxBytes cap per entry.
 * @throws ImportError "too_large" / "not_docx" as `readZipEntry`.
 */
export async function checkZipEntries(bytes: Uint8Array, names: readonly string[], maxBytes: number): Promise<void> {
  const entries = listZip(bytes);
  for (const name of names) {
    const entry = entries.find((e) => e.name === name);
    if (!entry || entry.method !== 8) continue;
    if (entry.uncompressedSize > maxBytes) readZipEntry(bytes, entry, maxBytes); // throws too_large
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const at = entry.localHeaderOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw corrupt("文件头已损坏");
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const tooLarge = () => new ImportError("too_large", `文档内容「${entry.name}」解压后超过 ${mb(maxBytes)}，已拒绝。`);
    await inflatedSize(bytes.subarray(start, start + entry.compressedSize), maxBytes, tooLarge);
  }
}
