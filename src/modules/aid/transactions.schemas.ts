import { z } from 'zod';
import { pageQuery } from '@http/pagination';
import { isoDate } from '@http/primitives';
import { amountString } from './aid-items.schemas';

/** The kinds of money recorded in vnaid (manual entry, reports): commitments and disbursements. */
export const transactionKinds = ['COMMITMENT', 'DISBURSEMENT'] as const;
/**
 * Every kind a stored transaction may have: an IATI import also keeps the publisher's expenditure (IATI type 4)
 * and incoming funds (type 1), which count in no official figure (src/domain/statistics/definitions.ts).
 */
export const storedTransactionKinds = [...transactionKinds, 'EXPENDITURE', 'INCOMING_FUNDS'] as const;
export type StoredTransactionKind = (typeof storedTransactionKinds)[number];
export const transactionSources = ['MANUAL', 'REPORT', 'IATI', 'IMPORT', 'DEMO'] as const;
export type TransactionKind = (typeof transactionKinds)[number];
export type TransactionSource = (typeof transactionSources)[number];

export const addTransactionBody = z.object({
  kind: z.enum(transactionKinds),
  date: isoDate,
  amount: amountString,
  currency: z.string().length(3).toUpperCase(),
  description: z.string().trim().max(1000).optional(),
});
export type AddTransactionBody = z.infer<typeof addTransactionBody>;

export const listTransactionsQuery = pageQuery.extend({
  kind: z.enum(storedTransactionKinds).optional(),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const transactionView = z.object({
  id: z.string(),
  aidItemId: z.string(),
  kind: z.enum(storedTransactionKinds),
  date: z.string(),
  /** The amount in its original currency, exactly as recorded. */
  amount: z.string(),
  currency: z.string(),
  /** USD and VND values rounded for display (2 and 0 decimals); sums are made on the exact values. */
  amountUsd: z.string(),
  amountVnd: z.string(),
  /** The exchange-rate date used: the latest on or before the transaction date. */
  rateDate: z.string().nullable(),
  description: z.string().nullable(),
  source: z.enum(transactionSources),
});
export type TransactionView = z.infer<typeof transactionView>;
