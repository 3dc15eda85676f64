import { isIP } from 'node:net';
import { ValidateBy, type ValidationOptions } from 'class-validator';

const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal']);

const isProxy = (item: string): boolean => {
  if (NAMED.has(item.toLowerCase())) return true;
  const [address, bits, ...rest] = item.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
};

/** A number of proxy hops, or proxy addresses, subnets (CIDR) and Express's named ranges, comma-separated. */
export const isTrustProxy = (value: unknown): boolean =>
  typeof value === 'string' && (/^\d{1,2}$/.test(value) || value.split(',').every((item) => isProxy(item.trim())));

export const IsTrustProxy = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy({ name: 'isTrustProxy', validator: { validate: isTrustProxy } }, options);
