// No DOM and no MapLibre here: the pool only decides who may hold a live map, so it is tested in Node.

/** One element that may hold a live map: the pool asks where it is and tells it when to build or give back. */
export interface PoolMember {
  /** Whether the member is near the viewport and wants a map now. */
  wanted(): boolean;
  /** How far the member is from the viewport, in CSS pixels (0 when on screen). */
  distance(): number;
  /** The member may build its map now. */
  grant(): void;
  /** The member must give its map back; the slot is free once the promise settles. */
  evict(): Promise<void>;
}

/** Default number of live maps on one page: well under Chromium's 16 live WebGL contexts. */
export const DEFAULT_POOL_SIZE = 6;

/** Maps built at the same time: the nearest first, so the one in view is not slowed by the ones below it. */
export const MAX_BUILDING = 2;

/** After this long a build no longer holds back the next one, finished or not (nothing waits on a stuck map). */
export const BUILD_TURN_MS = 10_000;

/** Default time a map has, from the start of its build, to reach its first idle before its element gives up on it. */
export const DEFAULT_LOAD_TIMEOUT_MS = 25_000;

/**
 * Grants at most `size` live maps for the whole page. Members near the viewport are ranked by
 * distance from it; the nearest `size` hold maps, and a nearer member that needs a slot takes it
 * from the farthest holder (which keeps its state and builds again when it is near once more).
 * A holder that is no longer near keeps its map until someone needs the slot: scrolling back is free.
 */
export class MapPool {
  private _size = DEFAULT_POOL_SIZE;
  private _loadTimeout = DEFAULT_LOAD_TIMEOUT_MS;
  private readonly members = new Set<PoolMember>();
  /** Members that were granted a slot and have not given it back. */
  private readonly holders = new Set<PoolMember>();
  /** Holders giving their slot back: still counted until their map is gone. */
  private readonly leaving = new Set<PoolMember>();
  /** Holders whose map is being built, each with the timer that ends its turn. */
  private readonly building = new Map<PoolMember, ReturnType<typeof setTimeout>>();

  /** The most live maps at once. */
  get size(): number {
    return this._size;
  }

  set size(value: number) {
    if (!Number.isInteger(value) || value < 1)
      throw new RangeError(`map pool size must be a whole number of at least 1, got ${String(value)}`);
    this._size = value;
    this.rebalance();
  }

  /**
   * Milliseconds a map may take from the start of its build to its first idle (25 000 unless set);
   * past that the element gives the map up and says so. Read when each build starts.
   */
  get loadTimeout(): number {
    return this._loadTimeout;
  }

  set loadTimeout(value: number) {
    if (!Number.isFinite(value) || value <= 0)
      throw new RangeError(`map load timeout must be a positive number of milliseconds, got ${String(value)}`);
    this._loadTimeout = value;
  }

  /** How many slots are taken now (maps live or on their way, and maps being given back). */
  get live(): number {
    return this.holders.size;
  }

  /** Whether `member` holds a slot. */
  holds(member: PoolMember): boolean {
    return this.holders.has(member) && !this.leaving.has(member);
  }

  /** Adds a member; it is granted a slot as soon as it is wanted and one is free or nearer than a holder. */
  join(member: PoolMember): void {
    this.members.add(member);
    this.rebalance();
  }

  /** Removes a member; its slot (if it had one) is free at once: the member has destroyed its map. */
  leave(member: PoolMember): void {
    this.members.delete(member);
    this.release(member);
  }

  /** The member gave its map back of its own accord (it failed, or its story was replaced). */
  release(member: PoolMember): void {
    this.holders.delete(member);
    this.leaving.delete(member);
    this.built(member);
  }

  /** The member's map is built (first idle, or failed): the next one may start. */
  built(member: PoolMember): void {
    clearTimeout(this.building.get(member));
    this.building.delete(member);
    this.rebalance();
  }

  /** Works out again who holds the slots; call when a member's place or wish changed. */
  rebalance(): void {
    const wanted = [...this.members].filter((m) => m.wanted());
    const distance = new Map(wanted.map((m) => [m, m.distance()]));
    wanted.sort((a, b) => distance.get(a)! - distance.get(b)!);
    const chosen = new Set(wanted.slice(0, this._size));
    for (const member of chosen) {
      if (this.holders.has(member)) continue;
      if (this.building.size >= MAX_BUILDING) return;
      if (this.holders.size >= this._size) {
        // Take the slot of the farthest holder that is not chosen; none: wait for one being given back.
        const victim = this.farthestUnchosen(chosen);
        if (!victim) return;
        this.evict(victim);
        if (this.holders.size >= this._size) return;
      }
      this.holders.add(member);
      this.building.set(
        member,
        setTimeout(() => this.built(member), BUILD_TURN_MS),
      );
      member.grant();
    }
  }

  private farthestUnchosen(chosen: Set<PoolMember>): PoolMember | undefined {
    let victim: PoolMember | undefined;
    let far = -Infinity;
    for (const holder of this.holders) {
      if (chosen.has(holder) || this.leaving.has(holder)) continue;
      // Not near at all counts as farthest of all.
      const d = holder.wanted() ? holder.distance() : Infinity;
      if (d > far) [victim, far] = [holder, d];
    }
    return victim;
  }

  private evict(member: PoolMember): void {
    this.leaving.add(member);
    const done = () => {
      if (!this.leaving.has(member)) return;
      this.release(member);
    };
    member.evict().then(done, done);
  }
}

/** The one pool of the page, shared by every `<geo-story>` (set `mapPool.size` to change the limit). */
export const mapPool = new MapPool();
