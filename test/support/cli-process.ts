import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const REGISTER = join(__dirname, 'ts-register.js');

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of our entry points (`apps/<app>/src/main.ts`) as a real process, with only the
 * environment given (and PATH), from the repository's root; resolves when it exits.
 */
export const runEntryPoint = (app: 'cli' | 'api' | 'projector', args: string[], env: Record<string, string>): Promise<ProcessResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', REGISTER, join(ROOT, 'apps', app, 'src', 'main.ts'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });

/** `npm run cli -- <args>`, as an operator runs it. */
export const runCli = (args: string[], env: Record<string, string>): Promise<ProcessResult> => runEntryPoint('cli', args, env);
