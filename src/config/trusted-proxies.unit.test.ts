import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env';
import { parseTrustedProxies } from './trusted-proxies';

describe('VNAID_TRUSTED_PROXIES', () => {
  it('trusts no proxy when unset, so a client cannot forge its address', () => {
    expect(loadConfig({}).trustedProxies).toBe(false);
    expect(parseTrustedProxies('  ')).toEqual({ value: false });
  });

  it('takes a hop count or a list of addresses and CIDR ranges', () => {
    expect(loadConfig({ VNAID_TRUSTED_PROXIES: '1' }).trustedProxies).toBe(1);
    expect(loadConfig({ VNAID_TRUSTED_PROXIES: '10.0.0.1, 10.1.0.0/16,::1,fd00::/8,loopback' }).trustedProxies).toEqual([
      '10.0.0.1',
      '10.1.0.0/16',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('stops vnaid at start with a message naming the variable and each bad entry', () => {
    expect(() => loadConfig({ VNAID_TRUSTED_PROXIES: '10.0.0.1,proxy.local,10.0.0.0/33' })).toThrow(ConfigError);
    try {
      loadConfig({ VNAID_TRUSTED_PROXIES: '10.0.0.1,proxy.local,10.0.0.0/33' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('VNAID_TRUSTED_PROXIES');
      expect(message).toContain('"proxy.local" is not an IP address or CIDR range');
      expect(message).toContain('"10.0.0.0/33"');
      expect(message).not.toContain('"10.0.0.1"');
    }
    expect(() => loadConfig({ VNAID_TRUSTED_PROXIES: '0' })).toThrow(/between 1 and 10/);
  });
});
