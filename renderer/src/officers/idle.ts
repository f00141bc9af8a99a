/**
 * When the window locks: after `idleMs` with no input from the person at it
 * (keys, pointer, wheel, touch). Calls do not count: a page polling a job is
 * not a person. Time comes from an injected clock, so tests move it by hand.
 */
export interface IdleClock {
  now(): number;
}

export class IdleTimer {
  private last: number;
  private fired = false;

  constructor(
    private idleMs: number,
    private readonly clock: IdleClock,
    private readonly onIdle: () => void,
  ) {
    this.last = clock.now();
  }

  /** The person did something: the idle time starts again. */
  activity(): void {
    this.last = this.clock.now();
    this.fired = false;
  }

  setIdleMs(idleMs: number): void {
    this.idleMs = idleMs;
  }

  /** Checked on a timer (and when the window comes back into view); fires once per idle spell. */
  tick(): void {
    if (!this.fired && this.clock.now() - this.last >= this.idleMs) {
      this.fired = true;
      this.onIdle();
    }
  }
}

/** The input events that count as the person being there. */
export const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
