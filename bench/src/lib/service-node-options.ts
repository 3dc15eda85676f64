import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The V8 flags the image runs every service process with (docker/Dockerfile's NODE_OPTIONS;
 * package.json's start scripts pass the same): the bench measures the services as they are
 * shipped, the projector's catch-up included.
 */
export const serviceNodeOptions = (root = join(__dirname, '..', '..', '..', '..')): string[] => {
  const dockerfile = readFileSync(join(root, 'docker', 'Dockerfile'), 'utf8');
  const line = /^ENV NODE_OPTIONS=(.+)$/m.exec(dockerfile);
  if (!line) throw new Error('docker/Dockerfile sets no NODE_OPTIONS');
  return line[1].trim().split(/\s+/);
};
