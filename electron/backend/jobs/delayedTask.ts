/**
 * Work that starts after a delay, unless it is dropped first or asked for at once. The day's
 * backup is one: started with the window, it competed with the first screen for the disk and
 * the CPU (a slow laptop's two cores), and the first screen of the day was the slowest.
 */
export class DelayedTask {
  private timer: ReturnType<typeof setTimeout> | null = null
  private running: Promise<void> | null = null

  constructor(
    private readonly work: () => Promise<void>,
    delayMs: number,
  ) {
    if (delayMs <= 0) {
      this.running = work()
      return
    }
    this.timer = setTimeout(() => void this.now(), delayMs)
    // A process with nothing else to do (a CLI command) does not stay alive for it.
    this.timer.unref?.()
  }

  /** Starts the work if it has not started; resolves once it has finished. */
  now(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
      this.running = this.work()
    }
    return this.running ?? Promise.resolve()
  }

  /** Drops the work if it has not started; resolves once work already started has finished. */
  drop(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    return this.running ?? Promise.resolve()
  }

  /** Whether the work is still waiting for its delay. */
  get waiting(): boolean {
    return this.timer !== null
  }
}
