import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The service's Prometheus metrics, served at /metrics. One registry per process (not
 * prom-client's global one, which tests that start several apps would fill twice); other
 * modules import the metric they move from here.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'relief_' });

export const commandsTotal = new Counter({
  name: 'relief_commands_total',
  help: 'Commands handled, by command type and outcome (ok, or the problem code that refused it)',
  labelNames: ['type', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const commandDuration = new Histogram({
  name: 'relief_command_duration_seconds',
  help: 'Time from dispatch to answer of a command, retries included',
  labelNames: ['type'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const appendDuration = new Histogram({
  name: 'relief_event_append_duration_seconds',
  help: 'Time of one append to the event log, by outcome (appended, duplicate, conflict, error)',
  labelNames: ['outcome'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});

export const concurrencyConflicts = new Counter({
  name: 'relief_concurrency_conflicts_total',
  help: 'Appends refused because a stream moved past the expected version, by stream type',
  labelNames: ['stream'] as const,
  registers: [metricsRegistry],
});

export const projectionLagEvents = new Gauge({
  name: 'relief_projection_lag_events',
  help: 'Committed events a projection has not applied yet',
  labelNames: ['projection'] as const,
  registers: [metricsRegistry],
});

export const projectionLagSeconds = new Gauge({
  name: 'relief_projection_lag_seconds',
  help: 'How long the oldest event a projection has not applied has waited (since it was recorded or since the projection last moved, whichever is later)',
  labelNames: ['projection'] as const,
  registers: [metricsRegistry],
});

/** Fraud detection increments this when a rule raises an alert: `alertsRaised.inc({ rule: 'F3', severity: 'high' })`. */
export const alertsRaised = new Counter({
  name: 'relief_alerts_raised_total',
  help: 'Fraud alerts raised, by rule and severity',
  labelNames: ['rule', 'severity'] as const,
  registers: [metricsRegistry],
});

export const httpDuration = new Histogram({
  name: 'relief_http_request_duration_seconds',
  help: 'HTTP requests, by method, route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});
