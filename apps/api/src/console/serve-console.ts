import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';

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

const NOT_BUILT = JSON.stringify({
  type: 'about:blank',
  title: 'The web console is not built here',
  status: 404,
  detail: 'run `npm run build`: it builds console/ into console/dist',
  code: 'not-found',
});

/**
 * The web console (console/, built by `npm run build` into console/dist) at /console. It is a
 * static page that speaks only the public HTTP API with the user's bearer token, so it needs no
 * route, guard or session of its own. Hashed assets are cached for good; index.html never.
 */
export const serveConsole = (app: NestFastifyApplication, dir = consoleDir()): void => {
  const fastify = app.getHttpAdapter().getInstance();
  // The page's relative asset paths need the slash.
  fastify.get('/console', (_request, reply) => reply.redirect('/console/'));
  if (!existsSync(join(dir, 'index.html'))) {
    fastify.get('/console/*', (_request, reply) => reply.code(404).type('application/problem+json').send(NOT_BUILT));
    return;
  }
  app.useStaticAssets({
    root: dir,
    prefix: '/console/',
    index: 'index.html',
    // @fastify/static 10 hands over Fastify's reply, whatever Nest's typing of it says.
    setHeaders: (response: object, path: string) => {
      const reply = response as FastifyReply;
      reply.header('X-Content-Type-Options', 'nosniff');
      if (path.endsWith('.html')) {
        reply.header('Cache-Control', 'no-cache');
        reply.header('Content-Security-Policy', CSP);
        reply.header('Referrer-Policy', 'no-referrer');
      } else if (path.includes('/assets/')) {
        reply.header('Cache-Control', 'public, max-age=31536000, immutable');
      }
    },
  });
};
