import { Slots } from './slots';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Slots', () => {
  it('runs at most `size` tasks at once, the rest in the order they asked', async () => {
    const slots = new Slots(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        slots.run(async () => {
          running++;
          most = Math.max(most, running);
          order.push(i);
          await tick();
          running--;
          if (i === 1) throw new Error('failed');
        }).catch(() => undefined),
      ),
    );
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(running).toBe(0);
  });

  it('a waiting task of lower rank starts first (the projection furthest behind), ties in the order they asked', async () => {
    const slots = new Slots(1);
    const order: string[] = [];
    let release: () => void = () => undefined;
    const holding = slots.run(() => new Promise<void>((resolve) => (release = resolve)));
    const waiting = [
      slots.run(async () => void order.push('batch 5'), 5),
      slots.run(async () => void order.push('batch 2, first'), 2),
      slots.run(async () => void order.push('batch 7'), 7),
      slots.run(async () => void order.push('batch 2, second'), 2),
    ];
    release();
    await Promise.all([holding, ...waiting]);
    expect(order).toEqual(['batch 2, first', 'batch 2, second', 'batch 5', 'batch 7']);
  });
});
