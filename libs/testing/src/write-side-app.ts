import { CommandBus } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';
import { ApplicationModule } from '@lib/application';
import { Clock, PlatformModule, validateConfig } from '@lib/platform';
import type { TestDatabase } from './test-database';

/** A clock the test moves by hand. */
export class FixedClock extends Clock {
  constructor(private instant = '2020-05-18T02:00:00.000Z') {
    super();
  }
  now(): string {
    return this.instant;
  }
  set(instant: string): void {
    this.instant = instant;
  }
}

export interface WriteSideApp {
  module: TestingModule;
  commands: CommandBus;
  clock: FixedClock;
  close(): Promise<void>;
}

/** The real write side (CQRS bus, handlers, PostgreSQL event store) on a test database. */
export const createWriteSideApp = async (db: TestDatabase, env: Record<string, string> = {}): Promise<WriteSideApp> => {
  const clock = new FixedClock();
  const module = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot({ config: validateConfig({ DATABASE_URL: db.url, DB_POOL_SIZE: '12', DB_ACQUIRE_TIMEOUT_MS: '60000', ...env }) }),
      ApplicationModule,
    ],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  await module.init();
  return { module, commands: module.get(CommandBus), clock, close: () => module.close() };
};
