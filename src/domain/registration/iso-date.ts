/**
 * Dates of the registration rules: the calendar's ISO-date arithmetic (one implementation, in
 * src/domain/calendar/iso-date.ts), plus the check that reports a malformed date as a domain rule error.
 *
 * Working days are NOT handled here: the holiday calendar is injected where needed (see {@link AddWorkingDays}).
 */
import { isIsoDate, type IsoDate } from '../calendar/iso-date';
import { DomainRuleError } from '../rule-error';

export { addDays, addMonths, addYears, daysBetween, isIsoDate, maxDate, minDate, type IsoDate } from '../calendar/iso-date';

/**
 * Asserts that `value` is a valid ISO date.
 * @param field name reported in the error details
 * @throws DomainRuleError `invalid_date`
 */
export function assertIsoDate(value: unknown, field: string): asserts value is IsoDate {
  if (!isIsoDate(value)) throw new DomainRuleError('invalid_date', { field, value });
}

/**
 * Injected working-day arithmetic: the date `n` working days after `date` (the start day is not
 * counted, Civil Code Art. 147). Provided by the calendar module, which knows holidays and swaps.
 */
export type AddWorkingDays = (date: IsoDate, n: number) => IsoDate;
