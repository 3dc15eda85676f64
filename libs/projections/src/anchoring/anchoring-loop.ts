import type { AnchorSigner } from './anchor-signer';

export interface AnchoringLoopOptions {
  intervalMs: number;
  onSigned?: (anchors: number, position: number) => void;
  onError?: (error: unknown) => void;
}

/**
 * Signs what the log gained every `intervalMs` (counted from the start of the last round, so a
 * round's own time does not stretch the interval); nothing when it gained nothing.
 */
export class AnchoringLoop {
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;
  private running = false;

  constructor(private readonly signer: AnchorSigner, private readonly options: AnchoringLoopOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Finishes the round in hand, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.round;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      const started = Date.now();
      this.round = this.signer
        .signPending()
        .then((signed) => {
          if (signed.length > 0) this.options.onSigned?.(signed.length, signed[signed.length - 1].position);
        })
        .catch((error) => this.options.onError?.(error))
        .finally(() => {
          this.round = null;
          if (this.running) this.schedule(Math.max(0, this.options.intervalMs - (Date.now() - started)));
        });
    }, delayMs);
    // A process with nothing else to do may exit; shutdown stops the loop first anyway.
    this.timer.unref();
  }
}
