// @ts-check
/**
 * A stamp of the files a verdict cache was made from: the listing of each folder the page cache's
 * keys read (the notes, the engine's and the pipeline's sources) and each file's size and
 * modification time. The build's integration takes it when its check begins and writes it into the
 * verdict cache once the check has passed (every note is then in the page cache, whole). The next
 * `npm run build` compares it with the files, reading none of them: when every folder lists the
 * same entries and every file has the stamped size and time, the page cache holds every note whole
 * and the verdict prefetch would find nothing to do, so the launcher (scripts/astro-build.mjs) does
 * not start it — the process and its TypeScript loader cost a warm build 0.2 s of CPU for nothing.
 *
 * Plain JavaScript, so that the launcher loads it without a TypeScript loader. A stamp only ever
 * spares the prefetch: the build's check keys every page and verdict by content, so a file changed
 * without its size or time changing (or any stamp gone wrong) costs at most the prefetch's head start.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The stamp's file name in the verdict cache folder. */
export const STAMP_FILE = 'inputs-stamp.json';

/**
 * @typedef {object} InputStamp
 * @property {Record<string, string[]>} folders Each folder's entries, recursively, sorted ([] when it is missing).
 * @property {Record<string, [number, number] | null>} files Each file's size and modification time (ms), or null when it is missing.
 */

/**
 * @param {string} root
 * @param {string} folder
 * @returns {string[]}
 */
function listing(root, folder) {
  try {
    return readdirSync(join(root, folder), { recursive: true }).map(String).sort();
  } catch {
    return [];
  }
}

/**
 * @param {string} root
 * @param {string} file
 * @returns {[number, number] | null}
 */
function sizeAndTime(root, file) {
  try {
    const stat = statSync(join(root, file));
    return stat.isFile() ? [stat.size, stat.mtimeMs] : null;
  } catch {
    return null;
  }
}

/**
 * The stamp of some folders (every file in them, recursively) and files.
 *
 * @param {string} root Project root; the paths are relative to it.
 * @param {{ folders: string[], files: string[] }} inputs
 * @returns {InputStamp}
 */
export function stampInputs(root, inputs) {
  /** @type {InputStamp} */
  const stamp = { folders: {}, files: {} };
  for (const folder of inputs.folders) {
    stamp.folders[folder] = listing(root, folder);
    for (const entry of stamp.folders[folder]) {
      const file = join(folder, entry);
      const stat = sizeAndTime(root, file);
      if (stat) stamp.files[file] = stat; // Folders are in the listing; only files have a size and time.
    }
  }
  for (const file of inputs.files) stamp.files[file] = sizeAndTime(root, file);
  return stamp;
}

/**
 * Write a stamp into a verdict cache folder.
 *
 * @param {string} cacheDir
 * @param {InputStamp} stamp
 */
export function writeStamp(cacheDir, stamp) {
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, STAMP_FILE), JSON.stringify(stamp));
}

/**
 * Whether the folders and files stamped in a verdict cache folder are as they were (false without
 * a stamp, or with one that cannot be read).
 *
 * @param {string} root Project root.
 * @param {string} cacheDir The verdict cache folder.
 * @returns {boolean}
 */
export function inputsUnchanged(root, cacheDir) {
  /** @type {InputStamp} */
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(cacheDir, STAMP_FILE), 'utf8'));
  } catch {
    return false;
  }
  if (typeof stamp?.folders !== 'object' || typeof stamp?.files !== 'object') return false;
  for (const [folder, entries] of Object.entries(stamp.folders)) {
    if (listing(root, folder).join('\0') !== entries.join('\0')) return false;
  }
  for (const [file, stamped] of Object.entries(stamp.files)) {
    const now = sizeAndTime(root, file);
    if (now?.[0] !== stamped?.[0] || now?.[1] !== stamped?.[1]) return false;
  }
  return true;
}
