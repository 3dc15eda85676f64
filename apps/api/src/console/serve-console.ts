import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Response } from 'express';

/** The repository (or image) root: the nearest folder above this file holding package.json. */
const projectRoot = (): string => {
  let dir = __dirname;
  for (let i = 0; i < 8; i += 1) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
};

export const consoleDir = (): string => resolve(projectRoot(), 'console', 'dist');

/** The page may talk only to this service; nothing is framed or fetched from elsewhere. */
const CSP = "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/**
 * The web console (console/, built by `npm run build` into console/dist) at /console. It is a
 * static page that speaks only the public HTTP API with the user's bearer token, so it needs no
 * route, guard or session of its own. Hashed assets are cached for good; index.html never.
 */
export const serveConsole = (app: NestExpressApplication, dir = consoleDir()): void => {
  if (!existsSync(join(dir, 'index.html'))) {
    app.use('/console', (_request: unknown, response: Response) => {
      response.status(404).type('text/plain').send('The web console is not built here: run `npm run build` (it builds console/ into console/dist).\n');
    });
    return;
  }
  app.useStaticAssets(dir, {
    prefix: '/console',
    index: 'index.html',
    setHeaders: (response: Response, path: string) => {
      response.setHeader('X-Content-Type-Options', 'nosniff');
      if (path.endsWith('.html')) {
        response.setHeader('Cache-Control', 'no-cache');
        response.setHeader('Content-Security-Policy', CSP);
        response.setHeader('Referrer-Policy', 'no-referrer');
      } else if (path.includes('/assets/')) {
        response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      }
    },
  });
};
