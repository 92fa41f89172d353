/**
 * For a loop of synchronous system calls, which must let timers, signals and messages run
 * now and then (or a cancel would wait for the whole loop): `due` once the loop has worked
 * for `ms` since they last ran, `pause()` to let them run and start a new slice.
 */
export class TimeSlice {
  private start = Date.now();

  constructor(private readonly ms: number) {}

  get due(): boolean {
    return Date.now() - this.start > this.ms;
  }

  /** Lets what waits in the event loop run, then starts a new slice. */
  async pause(): Promise<void> {
    await new Promise<void>(resolve => setImmediate(resolve));
    this.restart();
  }

  /** Starts a new slice (after the loop waited some other way). */
  restart(): void {
    this.start = Date.now();
  }
}
