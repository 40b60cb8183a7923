/**
 * The verdict cache: a verdict is stored under the hash of what decides it (the formula, its
 * context, the seed and the engine version), one small JSON file per verdict in a folder CI can
 * keep between runs (`.cache/verdicts/` unless told otherwise). An unchanged formula is never
 * re-derived; a changed context or engine gives a new key.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where verdicts are cached by default, relative to the project root. */
export { DEFAULT_CACHE_DIR } from './cache-dir.mjs';

/** Hit and miss counts, for the build log and the benchmark. */
export interface CacheStats {
  hits: number;
  misses: number;
}

/**
 * The file format, part of every key: version 2 writes Infinity and NaN as `{"$number": "Infinity"}`
 * (version 1 wrote JSON's null, so a shape conflict's infinite error came back as null).
 */
const FORMAT = '2';
const NON_FINITE = '$number';

/** JSON has no Infinity or NaN: written as an object that says which, so a value reads back as it was (a JSON.stringify replacer). */
export function encodeNonFinite(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? { [NON_FINITE]: String(value) } : value;
}

function decodeNonFinite(_key: string, value: unknown): unknown {
  return typeof value === 'object' && value !== null && NON_FINITE in value ? Number((value as Record<string, string>)[NON_FINITE]) : value;
}

/** How a cache writes its values to files and reads them back. */
export interface Codec<T> {
  /** The files' extension (a store's files are never read with another codec). */
  extension: string;
  encode(value: T): string | Uint8Array;
  /** Reads a file; throws on one it cannot read (a torn write): that is a miss. */
  read(path: string): T;
}

/**
 * JSON written with {@link encodeNonFinite}, read back with its Infinity and NaN.
 *
 * @param text The JSON.
 */
export function parseWithNonFinite(text: string): unknown {
  // A reviver makes JSON.parse several times slower: only for the texts that need one.
  return text.includes(`"${NON_FINITE}"`) ? JSON.parse(text, decodeNonFinite) : JSON.parse(text);
}

/** Values as JSON, Infinity and NaN included (the default). */
export const JSON_CODEC: Codec<unknown> = {
  extension: 'json',
  encode: (value) => JSON.stringify(value, encodeNonFinite),
  read: (path) => parseWithNonFinite(readFileSync(path, 'utf8')),
};

/**
 * Bytes as they are: a value that is already serialized (a page's widget JSON) is written without
 * being quoted again, and read without a parse or a decoding, to be written out as it was read.
 * The files are written whole, then renamed, so a file that exists is complete.
 */
export const BYTES_CODEC: Codec<Uint8Array<ArrayBuffer>> = { extension: 'raw', encode: (bytes) => bytes, read: (path) => readFileSync(path) };

/**
 * Write a build's output file afresh: whatever `dest` was is unlinked first, never written through,
 * since it may be a hard link to a stored file that an earlier build into the same folder left
 * (see {@link VerdictCache.copyTo}), and stored files never change. Every file the build writes
 * from this cache, or beside it into the same folder, is written by this or linked by `copyTo`.
 *
 * @param dest The file to write (its folder exists).
 * @param data What it holds.
 */
export function replaceFile(dest: string, data: string | Uint8Array): void {
  rmSync(dest, { force: true });
  writeFileSync(dest, data);
}

/**
 * Link `dest` to the stored file `path`, or copy it where a link cannot be made. A missing `path`
 * throws (a miss), as does a failed copy.
 */
function linkOrCopy(path: string, dest: string): void {
  try {
    linkSync(path, dest);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    // EXDEV (another file system), EPERM or ENOTSUP (no hard links there), EMLINK (too many links).
    copyFileSync(path, dest);
  }
}

/** A content-addressed store of values on disk (JSON unless told otherwise), with an in-memory layer. */
export class VerdictCache<T> {
  readonly stats: CacheStats = { hits: 0, misses: 0 };
  /** Values read or computed in this process (none when the cache keeps nothing in memory). */
  private readonly memory: Map<string, T> | undefined;

  /** How values are written and read. */
  private readonly codec: Codec<T>;

  /**
   * @param dir Folder of the cache, or undefined for memory only.
   * @param options `memory: false` keeps no value in memory (for large values wanted once; needs a
   *   folder); `codec` writes and reads the files (default {@link JSON_CODEC}).
   */
  constructor(
    private readonly dir: string | undefined,
    options: { memory?: boolean; codec?: Codec<T> } = {},
  ) {
    if (dir) mkdirSync(dir, { recursive: true });
    this.memory = options.memory === false && dir ? undefined : new Map<string, T>();
    this.codec = options.codec ?? (JSON_CODEC as Codec<T>);
  }

  /**
   * The key of a value: SHA-256 of its inputs' JSON.
   *
   * @param inputs Everything the value depends on.
   */
  static key(inputs: unknown): string {
    return createHash('sha256').update(FORMAT).update(JSON.stringify(inputs)).digest('hex');
  }

  /**
   * The cached value for a key, computing and storing it on a miss.
   *
   * @param key From {@link VerdictCache.key}.
   * @param compute Produces the value when it is not cached.
   */
  getOrCompute(key: string, compute: () => T): T {
    const cached = this.memory?.get(key) ?? this.read(key);
    if (cached !== undefined) {
      this.stats.hits += 1;
      this.memory?.set(key, cached);
      return cached;
    }
    this.stats.misses += 1;
    const value = compute();
    this.memory?.set(key, value);
    this.write(key, value);
    return value;
  }

  /**
   * Write the value for a key to a file of its own: when it is stored, a hard link to the stored
   * file (a copy where the two folders cannot share a file: another file system, or one without
   * links), so nothing is read into memory or written again; else the value computed, stored and
   * written. Either way `dest` is replaced, never written through (see {@link replaceFile}).
   *
   * @param key From {@link VerdictCache.key}.
   * @param compute Produces the value when it is not cached.
   * @param dest The file to write (its folder exists).
   */
  copyTo(key: string, compute: () => T, dest: string): void {
    rmSync(dest, { force: true }); // A link needs `dest` gone, and a write must not go through one.
    const path = this.path(key);
    if (path && !this.memory?.has(key)) {
      try {
        linkOrCopy(path, dest);
        this.stats.hits += 1;
        return;
      } catch {
        // Not stored (or not readable): computed below, as any miss.
      }
    }
    writeFileSync(dest, this.codec.encode(this.getOrCompute(key, compute))); // `dest` is gone (above)
  }

  /**
   * The cached value for a key, or undefined; counts nothing (see {@link VerdictCache.countHits}).
   *
   * @param key From {@link VerdictCache.key}.
   */
  peek(key: string): T | undefined {
    const cached = this.memory?.get(key) ?? this.read(key);
    if (cached !== undefined) this.memory?.set(key, cached);
    return cached;
  }

  /**
   * Whether a value is cached, without reading it; counts nothing.
   *
   * @param key From {@link VerdictCache.key}.
   */
  has(key: string): boolean {
    const path = this.path(key);
    return (this.memory?.has(key) ?? false) || (path !== undefined && existsSync(path));
  }

  /**
   * Count hits made elsewhere: values read with {@link VerdictCache.peek} and used, or a worker's hits.
   *
   * @param hits Number of hits.
   * @param misses Number of misses (values derived).
   */
  count(hits: number, misses = 0): void {
    this.stats.hits += hits;
    this.stats.misses += misses;
  }

  private path(key: string): string | undefined {
    return this.dir ? join(this.dir, key.slice(0, 2), `${key}.${this.codec.extension}`) : undefined;
  }

  private read(key: string): T | undefined {
    const path = this.path(key);
    if (!path) return undefined;
    try {
      return this.codec.read(path);
    } catch {
      return undefined; // A missing, torn or foreign file is a miss, not an error.
    }
  }

  private write(key: string, value: T): void {
    const path = this.path(key);
    if (!path) return;
    mkdirSync(join(path, '..'), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, this.codec.encode(value));
    renameSync(temporary, path); // Atomic: parallel builds never read half a file.
  }
}
