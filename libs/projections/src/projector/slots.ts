/**
 * At most `size` tasks at once. A task waiting for a slot is started by rank (lowest first),
 * then in the order it asked: the projector ranks a batch by its place in the log, so the
 * projection furthest behind, which holds back the others' window, goes first.
 */
export class Slots {
  private running = 0;
  private readonly queue: { rank: number; start: () => void }[] = [];

  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>, rank = 0): Promise<T> {
    if (this.running >= this.size) {
      await new Promise<void>((start) => {
        const at = this.queue.findIndex((waiting) => waiting.rank > rank);
        this.queue.splice(at < 0 ? this.queue.length : at, 0, { rank, start });
      });
    } else this.running++;
    try {
      return await task();
    } finally {
      const next = this.queue.shift();
      if (next) next.start();
      else this.running--;
    }
  }
}
