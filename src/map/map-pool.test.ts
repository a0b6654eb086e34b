import { describe, expect, it, vi } from 'vitest';
import { BUILD_TURN_MS, MapPool, type PoolMember } from './map-pool.js';

/** A member at a given distance that builds at once when granted and gives back after `evictDelay` promises. */
class Member implements PoolMember {
  near = true;
  live = false;
  evictions = 0;
  private pending: (() => void) | undefined;
  constructor(
    public at: number,
    private readonly manual = false,
  ) {}
  wanted = () => this.near;
  distance = () => this.at;
  /** The pool, told at once that the map is built unless the test says when. */
  pool: MapPool | undefined;
  reportsBuilt = true;
  grant = () => {
    this.live = true;
    if (this.reportsBuilt) queueMicrotask(() => this.pool?.built(this));
  };
  evict = () => {
    this.evictions++;
    if (!this.manual) {
      this.live = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      this.pending = () => {
        this.live = false;
        resolve();
      };
    });
  };
  /** Finishes a manual eviction. */
  finish(): void {
    this.pending?.();
  }
}

const tick = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

/** A pool of `size` whose members report their maps built. */
function poolOf(size: number): MapPool {
  const pool = new MapPool();
  pool.size = size;
  const join = pool.join.bind(pool);
  pool.join = (m) => {
    (m as Member).pool = pool;
    join(m);
  };
  return pool;
}
const liveCount = (members: Member[]) => members.filter((m) => m.live).length;

describe('MapPool', () => {
  it('grants maps to the nearest members only, never more than its size', async () => {
    const pool = poolOf(3);
    const members = [50, 0, 400, 10, 200].map((d) => new Member(d));
    for (const m of members) {
      pool.join(m);
      expect(liveCount(members)).toBeLessThanOrEqual(3);
    }
    await tick();
    expect(members.map((m) => m.live)).toEqual([true, true, false, true, false]);
    expect(pool.live).toBe(3);
  });

  it('takes the slot of the farthest holder for a nearer member, and only once that map is gone', async () => {
    const pool = poolOf(2);
    const a = new Member(0, true);
    const b = new Member(100, true);
    pool.join(a);
    pool.join(b);
    await tick();
    const c = new Member(10);
    pool.join(c);
    // b is asked to give back; c waits until it has.
    expect(b.evictions).toBe(1);
    expect(a.evictions).toBe(0);
    expect(c.live).toBe(false);
    expect(liveCount([a, b, c])).toBe(2);
    b.finish();
    await tick();
    expect([a.live, b.live, c.live]).toEqual([true, false, true]);
    expect(pool.live).toBe(2);
  });

  it('keeps a holder that is no longer near until a slot is needed, then evicts it first', async () => {
    const pool = poolOf(2);
    const a = new Member(0);
    const b = new Member(5);
    pool.join(a);
    pool.join(b);
    a.near = false;
    a.at = 5000;
    pool.rebalance();
    expect(a.live).toBe(true);
    const c = new Member(20);
    pool.join(c);
    await tick();
    expect([a.live, b.live, c.live]).toEqual([false, true, true]);
  });

  it('gives a leaving member’s slot to the nearest waiting one', () => {
    const pool = poolOf(1);
    const a = new Member(0);
    const far = new Member(300);
    const nearer = new Member(100);
    pool.join(a);
    pool.join(far);
    pool.join(nearer);
    expect([far.live, nearer.live]).toEqual([false, false]);
    a.live = false;
    pool.leave(a);
    expect([far.live, nearer.live]).toEqual([false, true]);
  });

  it('builds at most two maps at once, nearest first; a build that never finishes holds back the next only so long', async () => {
    vi.useFakeTimers();
    try {
      const pool = new MapPool();
      const members = [300, 0, 100, 200].map((d) => new Member(d));
      for (const m of members) {
        m.near = false;
        m.reportsBuilt = false;
        pool.join(m);
      }
      // All four come near at once (a jump to the middle of the page).
      for (const m of members) m.near = true;
      pool.rebalance();
      expect(members.map((m) => m.live)).toEqual([false, true, true, false]);
      pool.built(members[1]!);
      expect(members.map((m) => m.live)).toEqual([false, true, true, true]);
      // members[2] and [3] never report; after their turn the last one starts anyway.
      vi.advanceTimersByTime(BUILD_TURN_MS);
      expect(members.map((m) => m.live)).toEqual([true, true, true, true]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects a size that is not a whole number of at least 1, naming the value', () => {
    const pool = new MapPool();
    expect(() => (pool.size = 0)).toThrow(/at least 1, got 0/);
    expect(() => (pool.size = 2.5)).toThrow(/got 2.5/);
    expect(pool.size).toBe(6);
  });

  it('takes a load timeout of any positive number of milliseconds, 25 s unless set, and rejects others', () => {
    const pool = new MapPool();
    expect(pool.loadTimeout).toBe(25_000);
    pool.loadTimeout = 1500;
    expect(pool.loadTimeout).toBe(1500);
    expect(() => (pool.loadTimeout = 0)).toThrow(/positive number of milliseconds, got 0/);
    expect(() => (pool.loadTimeout = Number.NaN)).toThrow(/got NaN/);
    expect(pool.loadTimeout).toBe(1500);
  });
});
