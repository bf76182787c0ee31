// A caller-side circuit breaker, exactly the question bank's state machine:
//   Closed -> Open      when the failure rate over the window passes the threshold
//                       (after a minimum number of calls)
//   Open -> HalfOpen    when the cool-down expires
//   HalfOpen -> Closed  when enough probes succeed
//   HalfOpen -> Open    when a probe fails
// Closed passes everything, Open fails fast, HalfOpen lets a limited number of probes through.
import type { CallProps } from '../model';
import { BREAKER_CLOSED, BREAKER_HALF_OPEN, BREAKER_OPEN } from './types';

const SLOTS = 10;

/** No transition happened in the last call. */
export const NO_TRANSITION = -1;

export class Breaker {
  state: number = BREAKER_CLOSED;
  /** The state entered by the last admit/record/probeDone, or NO_TRANSITION (no callbacks: hot path). */
  transition = NO_TRANSITION;
  openedAt = 0;
  opened = 0;
  private probesInFlight = 0;
  private probeSuccesses = 0;
  private readonly slotMs: number;
  private readonly ok = new Float64Array(SLOTS);
  private readonly bad = new Float64Array(SLOTS);
  private slotStart = 0;
  private slot = 0;

  constructor(private readonly p: CallProps) {
    this.slotMs = p.breakerWindowMs / SLOTS;
  }

  /**
   * Asks to send a call now. Returns 'pass', 'probe' (a half-open trial, report it with
   * `probeDone`) or 'reject'.
   */
  admit(now: number): 'pass' | 'probe' | 'reject' {
    this.transition = NO_TRANSITION;
    if (this.state === BREAKER_CLOSED) return 'pass';
    if (this.state === BREAKER_OPEN) {
      if (now - this.openedAt < this.p.breakerCooldownMs) return 'reject';
      this.state = BREAKER_HALF_OPEN;
      this.probesInFlight = 0;
      this.probeSuccesses = 0;
      this.transition = BREAKER_HALF_OPEN;
    }
    if (this.probesInFlight + this.probeSuccesses >= this.p.breakerProbes) return 'reject';
    this.probesInFlight++;
    return 'probe';
  }

  /** Outcome of a call that was let through while closed. */
  record(now: number, success: boolean): void {
    this.transition = NO_TRANSITION;
    if (this.state !== BREAKER_CLOSED) return;
    this.advance(now);
    if (success) this.ok[this.slot]++;
    else this.bad[this.slot]++;
    let ok = 0;
    let bad = 0;
    for (let i = 0; i < SLOTS; i++) {
      ok += this.ok[i];
      bad += this.bad[i];
    }
    const calls = ok + bad;
    if (calls >= this.p.breakerMinCalls && bad / calls >= this.p.breakerFailureRate) this.open(now);
  }

  probeDone(now: number, success: boolean): void {
    this.transition = NO_TRANSITION;
    if (this.state !== BREAKER_HALF_OPEN) return;
    this.probesInFlight--;
    if (!success) {
      this.open(now);
      return;
    }
    this.probeSuccesses++;
    if (this.probeSuccesses >= this.p.breakerProbes) {
      this.state = BREAKER_CLOSED;
      this.ok.fill(0);
      this.bad.fill(0);
      this.slotStart = now;
      this.transition = BREAKER_CLOSED;
    }
  }

  private open(now: number) {
    this.state = BREAKER_OPEN;
    this.openedAt = now;
    this.opened++;
    this.transition = BREAKER_OPEN;
  }

  private advance(now: number) {
    if (now - this.slotStart < this.slotMs) return;
    const steps = Math.min(SLOTS, Math.floor((now - this.slotStart) / this.slotMs));
    for (let i = 0; i < steps; i++) {
      this.slot = (this.slot + 1) % SLOTS;
      this.ok[this.slot] = 0;
      this.bad[this.slot] = 0;
    }
    this.slotStart += steps * this.slotMs;
    if (now - this.slotStart >= this.slotMs) this.slotStart = now;
  }
}
