import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** API answers are data, never pages: nothing loads from them, nothing frames them. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Swagger UI at /docs: its scripts, styles and init file are served from /docs itself (no
 * inline script, no eval); inline styles and data: images are what the UI uses.
 */
const DOCS_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

/**
 * helmet on every response: X-Content-Type-Options nosniff, X-Frame-Options DENY, no referrer,
 * and a CSP per kind of answer: the API's, the docs', and the console's own (set where the
 * console is served, which overrides this one).
 */
export const registerSecurityHeaders = async (app: NestFastifyApplication): Promise<void> => {
  await app.register(helmet as never, {
    contentSecurityPolicy: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  app.getHttpAdapter().getInstance().addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0];
    if (path.startsWith('/console')) return;
    reply.header('Content-Security-Policy', path === '/docs' || path.startsWith('/docs/') || path.startsWith('/docs-') ? DOCS_CSP : API_CSP);
  });
};
