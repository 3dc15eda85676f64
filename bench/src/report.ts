/* eslint-disable @typescript-eslint/no-explicit-any */
const n = (value: unknown) => (value === null || value === undefined ? '–' : typeof value === 'number' ? value.toLocaleString('en-US') : String(value));
const x = (value: unknown) => (value === null || value === undefined ? '–' : `${value}x`);

const table = (header: string[], rows: unknown[][]): string =>
  [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(n).join(' | ')} |`)].join('\n');

export const sections = (r: Record<string, any>): string[] => {
  const out: string[] = [];
  const load = `load average before ${r.meta.load_before.loadavg.join(' / ')}, after ${r.meta.load_after?.loadavg?.join(' / ') ?? '?'} (1/5/15 min) on ${r.meta.load_before.cpus} cores`;
  out.push(`Run ${r.meta.date}${r.meta.quick ? ' (--quick)' : ''}; PostgreSQL ${r.meta.postgres ?? '?'} (synchronous_commit=${r.meta.synchronous_commit ?? '?'}), Node ${r.meta.node}; ${load}; ${r.meta.seconds ?? '?'} s in all.`);
  if (r.append) {
    const rows: unknown[][] = [];
    for (const [w, e] of Object.entries<any>(r.append)) {
      for (const suffix of ['', '_x10']) {
        const d = e[`detail${suffix}`];
        if (!d) continue;
        rows.push([`${w.slice(1)} writer(s), ${suffix ? '10' : '1'} event(s)/append`, e[`ours_eps${suffix}`], `${d.ours.p50_ms} / ${d.ours.p99_ms}`, e[`peer_eps${suffix}`], `${d.peer.p50_ms} / ${d.peer.p99_ms}`, e[`ceiling_eps${suffix}`], e[`pgbench_eps${suffix}`],
          x(e[`ours_vs_peer${suffix}`]), x(e[`ours_vs_ceiling${suffix}`]), x(e[`ours_vs_pgbench${suffix}`])]);
      }
    }
    out.push('### Append throughput (events/s; latency p50 / p99 ms per append)\n\n' + table(['load', 'ours', 'ours ms', 'peer (Emmett 0.42.0)', 'peer ms', 'plain INSERT (pg)', 'pgbench', 'ours/peer', 'ours/plain', 'ours/pgbench'], rows));
  }
  if (r.consumer_gap) {
    out.push('### Events a tailing consumer never receives, 8 writers\n\n' + table(['store', 'appended', 'received', 'skipped for good', 'skipped %', 'not yet read when the drain stopped'],
      Object.entries<any>(r.consumer_gap.w8).map(([k, v]) => (v.error ? [k, 'failed', v.error, '', '', ''] : [k, v.appended, v.received, v.missed, v.missed_pct, v.behind ?? '–']))));
  }
  if (r.lists) {
    const l = r.lists;
    out.push(
      '### Lists (issue 13: aims 10,000 rows < 20 s, a 5,000-application act < 10 s)\n\n' +
        (l.error
          ? `failed: ${l.error}`
          : table(['what', 'size', 'seconds', 'notes'], [
              ['import (POST /imports)', l.import.rows, l.import.seconds, `${l.import.rows_per_s} rows/s`],
              ['one list act (ward approval)', l.list_act.applications, l.list_act.seconds, ''],
              ['one provincial decision', l.decision.applications, l.decision.seconds, `${l.decision.lists} lists, ${l.decision.events} events; projected in ${l.decision.projected_s ?? '?'} s; API peak RSS ${l.api_peak_rss_mb} MB (projector in the process)`],
            ])),
    );
  }
  const shapes: [string, any][] = [['API and projector in separate processes (docker/compose.yaml)', r.http], ['API and projector in one process (npm start)', r.http_one_process]];
  const measured = shapes.filter(([, h]) => h && !h.error);
  for (const [shape, h] of shapes) if (h?.error) out.push(`### HTTP (${shape})\n\nfailed: ${h.error}`);
  if (measured.length) {
    const h = measured[0][1];
    out.push(`### HTTP, realistic mix (${h.connections} connections, ${h.seconds} s each)\n\n` + table(['service', 'requests/s', 'vs ceiling', 'commands/s', 'reads/s', 'p50 ms', 'p99 ms', 'p99.9 ms', 'errors', 'lag p50 ms', 'lag p99 ms'],
      measured.map(([shape, m]) => [shape, m.rps, x(m.vs_ceiling), m.commands_per_s, m.reads_per_s, m.p50_ms, m.p99_ms, m.p99_9_ms, m.errors, m.lag.p50_ms, m.lag.p99_ms])
        .concat(r.http_ceiling ? r.http_ceiling.runs.filter((c: any) => !c.error).map((c: any, i: number) => [`ceiling: node:http + pg (bench/src/ceiling-server.ts), run ${i + 1}`, c.rps, '1x (mean ' + r.http_ceiling.rps + ')', c.commands_per_s, c.reads_per_s, c.p50_ms, c.p99_ms, c.p99_9_ms, c.errors, '–', '–']) : [])));
    const costed: [string, any][] = [...measured, ...(r.http_ceiling?.runs ?? []).filter((c: any) => !c.error).map((c: any, i: number): [string, any] => [`ceiling, run ${i + 1}`, c])].filter(([, m]) => m.cpu_ms_per_request);
    if (costed.length) {
      out.push('### Where a request\'s CPU went (ms per request during the timed mix)\n\n' + table(['service', 'API (in one process, with the projector)', 'projector', 'service in all', 'PostgreSQL backends', 'whole machine'],
        costed.map(([shape, m]) => { const c = m.cpu_ms_per_request; return [shape, c.by_process.api ?? '–', c.by_process.projector ?? '–', c.service, c.server, c.machine]; })));
    }
  }
  if (r.growth) {
    const sizes = Object.entries<any>(r.growth).filter(([, g]) => g.seed);
    const queryNames = Object.keys(sizes[sizes.length - 1]?.[1]?.queries ?? {}).filter((q) => q !== 'error');
    const rows: unknown[][] = [
      ['applications', ...sizes.map(([, g]) => g.seed.applications)],
      ['events', ...sizes.map(([, g]) => g.seed.events)],
      ['seed (cli seed --bulk) applications/s', ...sizes.map(([, g]) => g.seed.applications_per_s)],
      ['catch-up events/s', ...sizes.map(([, g]) => g.catchup?.eps)],
      ['catch-up s', ...sizes.map(([, g]) => g.catchup?.seconds)],
      ["catch-up events/s over the log's first tenth / last tenth", ...sizes.map(([, g]) => (g.catchup?.eps_first_tenth ? `${g.catchup.eps_first_tenth} / ${g.catchup.eps_last_tenth}` : undefined))],
      ['apply ms per 1,000 events by projection, first tenth → last tenth', ...sizes.map(([, g]) => {
        const ms = g.catchup?.apply_ms_per_1000_events;
        return ms ? Object.keys(ms.first_tenth).map((name) => `${name} ${ms.first_tenth[name]} → ${ms.last_tenth[name] ?? '–'}`).join('; ') : undefined;
      })],
      ['catch-up CPU s: projector process / whole machine', ...sizes.map(([, g]) => (g.catchup?.projector_cpu_s !== undefined ? `${g.catchup.projector_cpu_s} / ${g.catchup.machine_cpu_s ?? 'n/a'}` : undefined))],
      ['catch-up peak RSS MB', ...sizes.map(([, g]) => g.catchup?.peak_rss_mb)],
      ['read ceiling (same batches read and parsed) events/s', ...sizes.map(([, g]) => g.catchup?.read_ceiling_eps)],
      ['catch-up vs read ceiling', ...sizes.map(([, g]) => x(g.catchup?.vs_read_ceiling))],
      ['our append, 8 writers, events/s', ...sizes.map(([, g]) => g.append_w8?.eps)],
      ...queryNames.map((q) => [`${q} p50 / p95 ms`, ...sizes.map(([, g]) => (g.queries?.[q] ? `${g.queries[q].p50_ms} / ${g.queries[q].p95_ms}` : '–'))]),
      ...queryNames.map((q) => [`${q}: every statement uses an index`, ...sizes.map(([, g]) => !g.queries?.[q] ? '–' : (g.queries[q].plans.every((p: any) => p.uses_index) ? 'yes' : `no (seq scan: ${g.queries[q].plans.flatMap((p: any) => p.seq_scans).join(', ')})`))]),
    ];
    out.push('### Growth: province scale and 10x fewer\n\n' + table(['', ...sizes.map(([label]) => label)], rows));
  }
  return out;
};

export const markdownReport = (r: Record<string, any>): string => `# relief-ledger benchmark\n\n${sections(r).join('\n\n')}\n\nQuery plans (EXPLAIN ANALYZE) are in the JSON beside this file, under growth.<size>.queries.<name>.plans.\n`;

export const printTable = (r: Record<string, any>): void => {
  console.log('\n' + sections(r).join('\n\n') + '\n');
};
