/**
 * Public API of the working-day calendar: Vietnamese lunar dates, default public holidays, the Prime
 * Minister's yearly decisions, the working calendar built from both, and statutory deadline clocks.
 * Pure code: no I/O, no clock, no process time zone.
 */
export type { IsoDate, Weekday, DateParts } from './iso-date';
export {
  parseIsoDate,
  isIsoDate,
  isoFromParts,
  toDayNumber,
  fromDayNumber,
  addDays,
  daysBetween,
  weekday,
  compareIsoDates,
} from './iso-date';
export type { LunarDate, LunarCalendar, LunarCalendarOptions } from './lunar';
export {
  lunarNewYear,
  lunarNewYearsEve,
  solarFromLunar,
  lunarFromSolar,
  createLunarCalendar,
  vietnameseLunarCalendar,
  LUNAR_YEAR_RANGE,
} from './lunar';
export type { CalendarEntry, CalendarEntryKind, HolidayOccasion } from './calendar-entry';
export { CALENDAR_ENTRY_KINDS, HOLIDAY_OCCASIONS, isDayOffKind } from './calendar-entry';
export type { HolidayRuleOptions } from './holidays';
export { defaultHolidays, nationalDayAdjacentDate } from './holidays';
export type { HolidayDecision, DecisionProblem } from './decisions';
export { publishedDecisions, validateDecisions } from './decisions';
export type { WorkingCalendar, BuildCalendarOptions, NonWorkingDay, NonWorkingKind, DayInfo, DaysBeforeOptions } from './working-calendar';
export { buildCalendar } from './working-calendar';
export type { ClockPause, WorkingDayClockInput, WorkingDayClock, CalendarDayClockInput, CalendarDayClock } from './deadline';
export { computeDeadline, computeCalendarDeadline } from './deadline';
