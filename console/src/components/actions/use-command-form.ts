import { useState, type FormEvent } from 'react';
import { newIdempotencyKey } from '../../api/client';
import { toProblem, type Problem } from '../../api/problem';
import type { CommandResult } from '../../api/types';

/**
 * A one-command form: its problem, whether it is sending, and a submit handler that sends with
 * the form's own Idempotency-Key (a double click records once) and reports the result.
 */
export const useCommandForm = (onDone: (result: CommandResult) => void) => {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const send = (command: (idempotencyKey: string) => Promise<CommandResult>) => async (event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      onDone(await command(key));
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  return { problem, busy, send };
};
