/**
 * The derived-data cache: what the build makes from a page's verification besides the verdicts —
 * the widgets' compiled formulas, the report's KaTeX — stored under the hash of everything it is
 * made from, beside the verdicts (`derived/<kind>/` in the verdict cache folder). Every key holds
 * the pipeline fingerprint (the engine's, Markdown's and verification's sources, the installed
 * packages; see page-cache.ts) and the caller's inputs (formula text, context, options), so an
 * edited formula, engine or renderer never reads what its previous self made. Unlike verdicts,
 * values are not kept in memory: they are large, and each is wanted once or twice per build.
 */
import { join } from 'node:path';
import { BYTES_CODEC, JSON_CODEC, replaceFile, VerdictCache, type CacheStats, type Codec } from './cache.js';

/** A content-addressed store of derived values, by kind. */
export class DerivedCache {
  private readonly stores = new Map<string, VerdictCache<unknown>>();
  /** Values computed without a cache folder, by kind (with one, the kind's store counts). */
  private readonly uncached = new Map<string, number>();

  /**
   * @param dir The verdict cache folder (values go in its `derived/`), or undefined for no cache.
   * @param fingerprint The pipeline's (see {@link pipelineFingerprint} in page-cache.ts).
   */
  constructor(
    private readonly dir: string | undefined,
    private readonly fingerprint: string,
  ) {}

  /** The codec each kind was first asked with. */
  private readonly codecs = new Map<string, Codec<unknown>>();

  /** A kind's store. A kind is one codec's: asked with another, its values would come back as the wrong type. */
  private store(kind: string, codec: Codec<unknown>): VerdictCache<unknown> | undefined {
    const first = this.codecs.get(kind) ?? codec;
    if (first !== codec) throw new Error(`derived values of kind "${kind}" are stored as ${first.extension}, not ${codec.extension}`);
    this.codecs.set(kind, codec);
    if (!this.dir) return undefined;
    let store = this.stores.get(kind);
    if (!store) {
      store = new VerdictCache<unknown>(join(this.dir, 'derived', kind), { memory: false, codec });
      this.stores.set(kind, store);
    }
    return store;
  }

  private key(kind: string, inputs: unknown): string {
    return VerdictCache.key({ kind, inputs, pipeline: this.fingerprint });
  }

  private made<T>(kind: string, codec: Codec<unknown>, inputs: unknown, compute: () => T): T {
    const store = this.store(kind, codec);
    if (store) return store.getOrCompute(this.key(kind, inputs), compute) as T;
    this.uncached.set(kind, (this.uncached.get(kind) ?? 0) + 1);
    return compute();
  }

  /**
   * The value made from `inputs`, from the cache or computed (and stored as JSON).
   *
   * @param kind What the value is (its folder): `report-katex` ...
   * @param inputs Everything the value depends on besides the pipeline's sources.
   * @param compute Makes the value (a pure function of `inputs` and those sources).
   */
  get<T>(kind: string, inputs: unknown, compute: () => T): T {
    return this.made(kind, JSON_CODEC, inputs, compute);
  }

  /**
   * Bytes made from `inputs`, stored as they are: for a value that is already serialized (a page's
   * widget JSON), which as a JSON string would be escaped on writing and parsed on every read, and
   * as text decoded on reading only to be encoded again on writing the page.
   *
   * @param kind What the bytes are (its folder): `widget-json` ...
   * @param inputs Everything the bytes depend on besides the pipeline's sources.
   * @param compute Makes the bytes (a pure function of `inputs` and those sources).
   */
  bytes(kind: string, inputs: unknown, compute: () => Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
    return this.made(kind, BYTES_CODEC as Codec<unknown>, inputs, compute);
  }

  /**
   * Bytes made from `inputs` written to a file: a hard link to the stored file when cached, or a
   * copy where it cannot link (a warm build writes its 39 MB of widget data at 10,000 formulas
   * without reading or writing it; see {@link VerdictCache.copyTo}), else computed, stored and written.
   *
   * @param kind What the bytes are (its folder).
   * @param inputs Everything the bytes depend on besides the pipeline's sources.
   * @param compute Makes the bytes (a pure function of `inputs` and those sources).
   * @param dest The file to write (its folder exists).
   */
  writeBytes(kind: string, inputs: unknown, compute: () => Uint8Array<ArrayBuffer>, dest: string): void {
    const store = this.store(kind, BYTES_CODEC as Codec<unknown>);
    if (store) return store.copyTo(this.key(kind, inputs), compute, dest);
    this.uncached.set(kind, (this.uncached.get(kind) ?? 0) + 1);
    replaceFile(dest, compute());
  }

  /** Hits and misses by kind so far. */
  stats(): Record<string, CacheStats> {
    return {
      ...Object.fromEntries([...this.uncached].map(([kind, misses]) => [kind, { hits: 0, misses }])),
      ...Object.fromEntries([...this.stores].map(([kind, store]) => [kind, { ...store.stats }])),
    };
  }
}
