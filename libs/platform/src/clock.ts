/** Time enters the write side here, and only here; tests and the seeder supply their own. */
export abstract class Clock {
  abstract now(): string;
}

export class SystemClock extends Clock {
  now(): string {
    return new Date().toISOString();
  }
}
