/**
 * The day the 34 provincial units replaced the 63 (Resolution 202/2025/QH15 of the National Assembly, in force on
 * 01/07/2025): an event dated before it is placed in the old provinces, from it in the new ones. The one copy of that
 * date, for the server, the domain rules, the demo and the screens.
 */
export const PROVINCE_REFORM_DATE = '2025-07-01';
