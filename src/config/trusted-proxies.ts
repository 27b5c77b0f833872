import { isIP } from 'node:net';

/** proxy-addr's names for whole address ranges, accepted as they are. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Reads `VNAID_TRUSTED_PROXIES`: the reverse proxies whose `X-Forwarded-For` is believed, so rate limits, sign-in
 * throttles and the audit trail see the real client address instead of the proxy's. Either a number of hops
 * (`1`: the nearest proxy) or a comma-separated list of addresses and CIDR ranges (`10.0.0.1, 10.1.0.0/16`).
 * Unset or empty: no proxy is trusted and the header is ignored (a client could otherwise forge its address).
 * Returns the value Fastify's `trustProxy` takes, or the problems with the setting.
 */
export function parseTrustedProxies(value: string | undefined): { value: number | string[] | false } | { problems: string[] } {
  const text = value?.trim() ?? '';
  if (text === '') return { value: false };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops >= 1 && hops <= 10 ? { value: hops } : { problems: ['a number of proxy hops must be between 1 and 10'] };
  }
  const entries = text.split(',').map((entry) => entry.trim());
  const problems = entries.filter((entry) => !validEntry(entry)).map((entry) => `"${entry}" is not an IP address or CIDR range`);
  return problems.length ? { problems } : { value: entries };
}

function validEntry(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, extra] = entry.split('/');
  const version = isIP(address ?? '');
  if (!version || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}
