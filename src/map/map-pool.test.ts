import { describe, expect, it } from 'vitest';
import { MapPool, type PoolMember } from './map-pool.js';

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
  grant = () => {
    this.live = true;
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

const tick = () => new Promise((r) => setTimeout(r, 0));
const liveCount = (members: Member[]) => members.filter((m) => m.live).length;

describe('MapPool', () => {
  it('grants maps to the nearest members only, never more than its size', async () => {
    const pool = new MapPool();
    pool.size = 3;
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
    const pool = new MapPool();
    pool.size = 2;
    const a = new Member(0, true);
    const b = new Member(100, true);
    pool.join(a);
    pool.join(b);
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
    const pool = new MapPool();
    pool.size = 2;
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
    const pool = new MapPool();
    pool.size = 1;
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

  it('rejects a size that is not a whole number of at least 1, naming the value', () => {
    const pool = new MapPool();
    expect(() => (pool.size = 0)).toThrow(/at least 1, got 0/);
    expect(() => (pool.size = 2.5)).toThrow(/got 2.5/);
    expect(pool.size).toBe(6);
  });
});
