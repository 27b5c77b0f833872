import path from 'node:path';
import { z } from 'zod';
import { isWebUrl } from '@common/contracts/primitives';
import { IATI_ORG_ID } from '@domain/iati/org-id';
import { parseTrustedProxies } from './trusted-proxies';

/**
 * Process configuration, validated once at start so a typo in an environment variable stops vnaid with a clear
 * message instead of surfacing later as a confusing failure.
 */
const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    VNAID_DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    // The schema owner that runs migrations, backup and restore; DATABASE_URL is then the runtime role (README).
    DATABASE_OWNER_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    VNAID_DEMO: z.enum(['0', '1']).optional(),
    VNAID_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    VNAID_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^/\s]+/, 'must be smtp://[user:password@]host[:port] or smtps://…')
      .optional(),
    SMTP_FROM: z.string().trim().min(3).optional(),
    VNAID_TRUSTED_PROXIES: z
      .string()
      .optional()
      .superRefine((value, ctx) => {
        const parsed = parseTrustedProxies(value);
        if ('problems' in parsed) for (const message of parsed.problems) ctx.addIssue({ code: 'custom', message });
      }),
    VNAID_DIRECTORY_SEARCH_PER_MINUTE: z.coerce.number().int().min(1).default(120),
    VNAID_DIRECTORY_EXPORT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    // Read where they are used (src/modules/iati/iati-publisher.ts, src/modules/stats/reports/report-retention.ts);
    // checked here so a bad value stops vnaid at start like any other setting.
    VNAID_IATI_ORG_ID: z.string().trim().regex(IATI_ORG_ID, 'must be an IATI organisation identifier, e.g. VN-COA-014').optional(),
    VNAID_REPORT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).optional(),
    VNAID_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
    VNAID_SCHEDULE_DELAY_SECONDS: z.coerce.number().int().min(0).max(86_400).optional(),
    VNAID_PUBLIC_URL: z
      .string()
      .trim()
      .refine((value) => isWebUrl(value), 'must be the http(s) address the public reaches vnaid at, e.g. https://vnaid.gov.vn')
      .optional(),
  })
  .refine((e) => !e.SMTP_URL || (e.SMTP_FROM && /<?[^\s<>@]+@[^\s<>@]+>?$/.test(e.SMTP_FROM)), {
    path: ['SMTP_FROM'],
    message: 'required with SMTP_URL: the sender address, e.g. "VNAID <no-reply@example.gov.vn>"',
  });

export type AppConfig = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Load demo data into an empty database. Defaults to on for the embedded server, off for an external one. */
  demo: boolean;
  /** The address the public reaches vnaid at (links in published files); default: the address of the request. */
  publicUrl?: string;
  /** The schema owner's connection (migrations, tools) when DATABASE_URL is the least-privileged runtime role. */
  databaseOwnerUrl?: string | undefined;
  logLevel: z.infer<typeof envSchema>['VNAID_LOG_LEVEL'];
  secureCookies: boolean;
  smtpUrl: string | undefined;
  /** Sender of the reminder e-mails (set whenever smtpUrl is). */
  smtpFrom?: string | undefined;
  /** Requests per minute and per IP on the public directory search and on its exports (defaults 120 and 10). */
  directoryRateLimit?: { searchPerMinute: number; exportPerMinute: number };
  /** Reverse proxies whose X-Forwarded-For is believed (Fastify's trustProxy): hop count or addresses/CIDRs. */
  trustedProxies?: number | string[] | false;
  /** Server processes sharing the port (node:cluster); 1 = the process itself serves (src/process/cluster.ts). */
  processes?: number;
  /** Seconds after start before the periodic tasks' first check (unset: each task's own delay, 1 to 5 minutes). */
  scheduleDelaySeconds?: number | undefined;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the environment; throws {@link ConfigError} listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.VNAID_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demo: e.VNAID_DEMO ? e.VNAID_DEMO === '1' : !e.DATABASE_URL,
    logLevel: e.VNAID_LOG_LEVEL,
    secureCookies: e.VNAID_SECURE_COOKIES === '1',
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    trustedProxies: (parseTrustedProxies(e.VNAID_TRUSTED_PROXIES) as { value: number | string[] | false }).value,
    directoryRateLimit: { searchPerMinute: e.VNAID_DIRECTORY_SEARCH_PER_MINUTE, exportPerMinute: e.VNAID_DIRECTORY_EXPORT_PER_MINUTE },
    processes: e.VNAID_PROCESSES,
    scheduleDelaySeconds: e.VNAID_SCHEDULE_DELAY_SECONDS,
    databaseOwnerUrl: e.DATABASE_OWNER_URL,
    publicUrl: e.VNAID_PUBLIC_URL,
  };
}
