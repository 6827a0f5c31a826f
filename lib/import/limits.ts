/**
 * The importer's bounds (issue 9, "bounded imports"): one admin's upload must never stall or
 * kill the server other people are typing into. Numbers are generous for a real summary (a
 * half-year summary is a few dozen KB of text; its document.xml a few hundred KB) and small
 * against the machine (a 1.2 MB zip bomb used to expand to 318 MB and kill the process).
 */

/** Largest accepted upload: 10 MB (bytes). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** Most entries a .docx zip may list; Word writes ~12–40 (images add one each). */
export const MAX_ZIP_ENTRIES = 2_000;

/** Largest XML part read (document.xml, styles.xml, numbering.xml) after inflating: 20 MB (bytes). */
export const MAX_XML_BYTES = 20 * 1024 * 1024;

/** Largest sum of the uncompressed sizes the zip's central directory declares: 200 MB (bytes). */
export const MAX_UNZIPPED_TOTAL_BYTES = 200 * 1024 * 1024;

/** Time one import may take in its worker, start-up included (ms); then the worker is terminated. */
export const IMPORT_TIME_LIMIT_MS = 10_000;

/** Old-generation heap of an import worker (MB, V8 `maxOldGenerationSizeMb`). */
export const IMPORT_HEAP_MB = 256;

/** Import workers running at once; further imports wait their turn (each within its time limit). */
export const MAX_CONCURRENT_IMPORTS = 2;

/** "10 MB" style size for messages. */
export const mb = (bytes: number) => `${Math.round((bytes / 1048576) * 10) / 10} MB`;
