import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool } from 'pg';

/**
 * The HTTP ceiling (issue 15): the least a server can do for the bench's mix, in one Node.js
 * process, so the API's figures have something to be measured against in the same run. Per
 * request it checks the same HS256 bearer token (signature, algorithm, expiry), parses the JSON
 * body, and does one database statement: a durable INSERT per command (the server's
 * synchronous_commit, as the API's appends), a SELECT by key per read; JSON out.
 * No framework, no validation beyond the token, no event log, no projections.
 *
 *   node ceiling-server.js   (DATABASE_URL, JWT_SECRET, PORT; DB_POOL_SIZE as the API's, 20)
 */
const secret = Buffer.from(process.env.JWT_SECRET ?? '', 'utf8');
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 20) });
pool.on('error', () => undefined);

const HEADER_HS256 = new Set(['HS256']);

/** The claims of a valid HS256 token, or null. */
const verify = (authorization: string | undefined): Record<string, unknown> | null => {
  if (!authorization?.startsWith('Bearer ')) return null;
  const [head, body, signature] = authorization.slice(7).split('.');
  if (!head || !body || !signature) return null;
  try {
    if (!HEADER_HS256.has(JSON.parse(Buffer.from(head, 'base64url').toString()).alg)) return null;
    const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) return null;
    return claims;
  } catch {
    return null;
  }
};

const send = (response: ServerResponse, status: number, value: unknown) => {
  const text = JSON.stringify(value);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
};

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
  const url = new URL(request.url ?? '/', 'http://ceiling');
  if (url.pathname === '/health/live') return send(response, 200, { status: 'ok' });
  const claims = verify(request.headers.authorization);
  if (!claims) return send(response, 401, { title: 'unauthorised' });
  const parts = url.pathname.split('/').filter(Boolean);
  if (request.method === 'POST') {
    const body = JSON.parse((await readBody(request)) || '{}');
    // POST /applications (intake: a new key) or POST /applications/:id/<step...>
    const id = parts.length === 1 ? randomUUID() : parts[1];
    const ward = body.applicant?.ward ?? claims.ward ?? null;
    await pool.query({
      name: 'ceiling-insert',
      text: 'INSERT INTO bench_ceiling_records (application_id, ward, kind, actor, body) VALUES ($1, $2, $3, $4, $5)',
      values: [id, ward, parts.slice(2).join('/') || 'intake', claims.sub, body],
    });
    return send(response, parts.length === 1 ? 201 : 200, { id });
  }
  if (parts[0] === 'applications' && parts.length === 1) {
    const { rows } = await pool.query({
      name: 'ceiling-list',
      text: 'SELECT application_id, kind, body FROM bench_ceiling_records WHERE ward = $1 ORDER BY id DESC LIMIT $2',
      values: [url.searchParams.get('ward'), Number(url.searchParams.get('limit') ?? 20)],
    });
    return send(response, 200, { items: rows });
  }
  // GET /applications/:id, /applications/:id/history, /dashboards/wards/:ward
  const byWard = parts[0] === 'dashboards';
  const { rows } = await pool.query({
    name: byWard ? 'ceiling-by-ward' : 'ceiling-by-id',
    text: `SELECT application_id, kind, body FROM bench_ceiling_records WHERE ${byWard ? 'ward' : 'application_id'} = $1 ORDER BY id DESC LIMIT 1`,
    values: [byWard ? parts[2] : parts[1]],
  });
  return rows.length ? send(response, 200, rows[0]) : send(response, 404, { title: 'not found' });
};

export const CEILING_TABLE = `CREATE TABLE IF NOT EXISTS bench_ceiling_records (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, application_id uuid NOT NULL, ward text, kind text NOT NULL, actor text, body jsonb NOT NULL);
  CREATE INDEX IF NOT EXISTS bench_ceiling_records_application ON bench_ceiling_records (application_id, id);
  CREATE INDEX IF NOT EXISTS bench_ceiling_records_ward ON bench_ceiling_records (ward, id)`;

if (require.main === module) {
  pool
    .query(CEILING_TABLE)
    .then(() => {
      createServer((request, response) => {
        handle(request, response).catch((error) => send(response, 500, { title: String(error.message ?? error) }));
      }).listen(Number(process.env.PORT ?? 3000), '127.0.0.1');
      // A clean exit on SIGTERM, so that --cpu-prof (bench --profile) writes its profile.
      process.once('SIGTERM', () => process.exit(0));
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
