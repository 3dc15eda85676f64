import type { Actor } from '@lib/domain';
import type { CommandBinding } from '@lib/event-store';

/** What the HTTP layer knows about a request, handed to every command handler. */
export interface CommandContext {
  actor: Actor;
  /** Idempotency-Key, or a fresh id: a repeat of the same id returns the first result. */
  commandId: string;
  /** With an Idempotency-Key: what the key is used for; a repeat for anything else is refused (CommandIdReused). */
  binding?: CommandBinding;
  /**
   * The id made for this request when it carried no Idempotency-Key. While `commandId` is still
   * that id nothing can have used it, so the first-use lookup (a query per command) is skipped; a
   * context derived with an id of its own (an import's rows, named by import and row, which a
   * re-run repeats) is looked up as usual. The append refuses a repeat either way.
   */
  freshCommandId?: string;
  correlationId: string;
  /** From If-Match: without it, a concurrent change is retried on a fresh read. */
  expectedVersion?: number;
  /**
   * When the act happened, for trusted back-office imports only (the demo seeder replays 2020);
   * the HTTP layer never sets it, so officers' commands always carry the server's clock.
   */
  at?: string;
}

/** The body every command answers with (API.md). */
export interface CommandResult {
  id: string;
  status: string;
  version: number;
}

export class VersionMismatch extends Error {
  readonly code = 'version-mismatch';
  constructor(readonly expected: number, readonly actual: number) {
    super(`If-Match names version ${expected}, but the application is at version ${actual}`);
    this.name = 'VersionMismatch';
  }
}

export class TooMuchContention extends Error {
  readonly code = 'contention';
  constructor(streamId: string, readonly attempts: number) {
    super(`${streamId} kept changing under ${attempts} attempts; try again`);
    this.name = 'TooMuchContention';
  }
}
