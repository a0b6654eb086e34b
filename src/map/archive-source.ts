import type { RangeResponse, Source } from 'pmtiles';

/**
 * A PMTiles `Source` over `fetch` that reads an archive by HTTP range requests where the host
 * answers them (206), and otherwise keeps the whole archive: a host without range support
 * (`python3 -m http.server`, some CDNs and dev servers) answers a range request with 200 and the
 * whole file, which this keeps in memory and serves every later read from, so the archive is
 * downloaded once instead of failing (pmtiles' own `FetchSource` refuses such an answer).
 * Each request is abandoned after `timeoutMs`.
 * @example const archive = new PMTiles(new RangeOrWholeSource(url, 8000));
 */
export class RangeOrWholeSource implements Source {
  /** The whole archive, once a host has sent it. */
  private whole: Promise<ArrayBuffer> | undefined;

  constructor(
    /** The archive's absolute URL. */
    readonly url: string,
    /** How long one request may take. */
    readonly timeoutMs: number,
  ) {}

  /** The archive's URL: what the reader's caches key on. */
  getKey(): string {
    return this.url;
  }

  /** `length` bytes from `offset`: by a range request, or from the whole archive once a host has sent it. */
  async getBytes(offset: number, length: number, signal?: AbortSignal): Promise<RangeResponse> {
    if (this.whole) return { data: (await this.whole).slice(offset, offset + length) };
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const response = await fetch(this.url, {
      headers: { range: `bytes=${offset}-${offset + length - 1}` },
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    if (response.status === 206) return { data: await response.arrayBuffer() };
    if (response.status !== 200) {
      void response.body?.cancel();
      throw new Error(`HTTP ${response.status}`);
    }
    // Read again: another request may have brought the whole archive meanwhile.
    let whole: Promise<ArrayBuffer> | undefined = this.whole;
    if (whole) void response.body?.cancel();
    else {
      const kept = response.arrayBuffer();
      this.whole = whole = kept;
      // A body that breaks off is forgotten, so that the next read asks again.
      kept.catch(() => {
        if (this.whole === kept) this.whole = undefined;
      });
    }
    return { data: (await whole).slice(offset, offset + length) };
  }
}
