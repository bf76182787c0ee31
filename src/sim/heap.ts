// The event queue: a binary min-heap on (time, sequence). Events at the same instant run in the
// order they were scheduled, which keeps cause before effect when times tie (constant service
// times, zero network delay). flatqueue orders by one number only, so ties would run in heap
// order instead; see docs/decisions.md.
//
// Keys live in typed arrays beside the heap order, so sifting compares contiguous numbers
// rather than chasing event objects around memory; the event's payload sits in slot arrays.
/** The event last popped, as a union over event types, so a switch on `type` narrows `target`. */
export type HeapEvent<P> = { [K in keyof P]: { readonly type: K; readonly target: P[K]; readonly n: number } }[keyof P];

/** An event heap whose payload type follows from the event type (`P` maps each type to its target). */
export class EventHeap<P extends { [K in keyof P]: unknown }> {
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  /** Heap position -> slot. */
  private slots = new Int32Array(1024);
  private types = new Int32Array(1024);
  private ns = new Float64Array(1024);
  private targets: unknown[] = new Array(1024);
  private free: number[] = [];
  private nextSlot = 0;
  private length = 0;
  private seq = 0;
  private readonly last = { type: 0, target: null as unknown, n: 0 };
  /** The event last popped: read it after `pop`. One object, rewritten by every pop. */
  readonly event = this.last as unknown as HeapEvent<P>;
  time = 0;

  get size(): number {
    return this.length;
  }

  push<K extends keyof P & number>(time: number, type: K, target: P[K], n = 0): void {
    if (this.length === this.times.length) this.grow();
    let slot = this.free.pop();
    if (slot === undefined) slot = this.nextSlot++;
    this.types[slot] = type;
    this.ns[slot] = n;
    this.targets[slot] = target;
    const seq = this.seq++;
    const times = this.times;
    const seqs = this.seqs;
    const slots = this.slots;
    let i = this.length++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (pt < time || (pt === time && seqs[parent] < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent];
      slots[i] = slots[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    slots[i] = slot;
  }

  peekTime(): number {
    return this.length > 0 ? this.times[0] : Infinity;
  }

  /** Removes the earliest event into `event` and `time`; false when empty. */
  pop(): boolean {
    if (this.length === 0) return false;
    const times = this.times;
    const seqs = this.seqs;
    const slots = this.slots;
    const slot = slots[0];
    this.time = times[0];
    const last = this.last;
    last.type = this.types[slot];
    last.n = this.ns[slot];
    last.target = this.targets[slot];
    this.targets[slot] = null;
    this.free.push(slot);
    const n = --this.length;
    if (n > 0) {
      const lt = times[n];
      const ls = seqs[n];
      const lslot = slots[n];
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        let c = l;
        let ct = times[l];
        if (r < n) {
          const rt = times[r];
          if (rt < ct || (rt === ct && seqs[r] < seqs[l])) {
            c = r;
            ct = rt;
          }
        }
        if (lt < ct || (lt === ct && ls < seqs[c])) break;
        times[i] = ct;
        seqs[i] = seqs[c];
        slots[i] = slots[c];
        i = c;
      }
      times[i] = lt;
      seqs[i] = ls;
      slots[i] = lslot;
    }
    return true;
  }

  private grow(): void {
    const size = this.times.length * 2;
    const grown = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.times = grown(this.times, (n) => new Float64Array(n));
    this.seqs = grown(this.seqs, (n) => new Float64Array(n));
    this.slots = grown(this.slots, (n) => new Int32Array(n));
    this.types = grown(this.types, (n) => new Int32Array(n));
    this.ns = grown(this.ns, (n) => new Float64Array(n));
    this.targets.length = size;
  }
}
