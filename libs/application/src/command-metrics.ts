import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { isDatabaseUnavailable } from '@lib/platform';
import { commandDuration, commandsTotal } from '@lib/platform';

/** The problem code a refused command gets (API.md), or `error` for a fault. */
const outcomeOf = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[a-z]+(-[a-z]+)*$/.test(code)) return code;
  return isDatabaseUnavailable(error) ? 'unavailable' : 'error';
};

/**
 * Counts every command by type and outcome and times it. @nestjs/cqrs has no middleware, so
 * the bus's `execute` is wrapped once at start-up; every handler, present and future, is covered.
 */
@Injectable()
export class CommandMetrics implements OnModuleInit {
  constructor(private readonly bus: CommandBus) {}

  onModuleInit(): void {
    const execute = this.bus.execute.bind(this.bus);
    this.bus.execute = (async (command: object) => {
      const type = command.constructor.name.replace(/Command$/, '');
      const end = commandDuration.startTimer({ type });
      try {
        const result = await execute(command as never);
        commandsTotal.inc({ type, outcome: 'ok' });
        return result;
      } catch (error) {
        commandsTotal.inc({ type, outcome: outcomeOf(error) });
        throw error;
      } finally {
        end();
      }
    }) as CommandBus['execute'];
  }
}
