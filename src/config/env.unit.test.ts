import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env';

describe('configuration', () => {
  it('starts with defaults when nothing is set', () => {
    expect(loadConfig({})).toMatchObject({ port: 3000, host: '127.0.0.1', demo: true, secureCookies: false });
  });

  it('names every bad variable, including the settings read by the modules', () => {
    const attempt = () =>
      loadConfig({
        PORT: 'eighty',
        VNAID_IATI_ORG_ID: 'MOFA 14',
        VNAID_REPORT_RETENTION_DAYS: '0',
        VNAID_DIRECTORY_SEARCH_PER_MINUTE: '-1',
      });
    expect(attempt).toThrow(ConfigError);
    const message = (() => {
      try {
        attempt();
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    for (const name of ['PORT', 'VNAID_IATI_ORG_ID', 'VNAID_REPORT_RETENTION_DAYS', 'VNAID_DIRECTORY_SEARCH_PER_MINUTE']) {
      expect(message).toContain(name);
    }
  });

  it('accepts a well-formed IATI organisation identifier and retention period', () => {
    expect(() => loadConfig({ VNAID_IATI_ORG_ID: 'XM-DAC-41114', VNAID_REPORT_RETENTION_DAYS: '30' })).not.toThrow();
  });
});
