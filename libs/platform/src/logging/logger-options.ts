import { stdSerializers, stdTimeFunctions, type LoggerOptions } from 'pino';
import { maskDeep, maskText } from './mask';

/**
 * One JSON object per line, for every process (api, projector, cli): ISO time, level name,
 * and personal data masked in every argument, including messages built by string
 * concatenation. Bearer tokens and cookies never appear.
 */
export const loggerOptions = (level: string): LoggerOptions => ({
  level,
  base: { service: 'relief-ledger' },
  timestamp: stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'authorization'], censor: '[redacted]' },
  hooks: {
    logMethod(args, method) {
      method.apply(this, args.map((arg) => maskDeep(arg)) as Parameters<typeof method>);
    },
  },
  serializers: {
    err: (error: Error) => {
      const serialized = stdSerializers.err(error);
      return { ...serialized, message: maskText(serialized.message), stack: serialized.stack && maskText(serialized.stack) };
    },
  },
});
