import type { IsoDate } from '@domain/calendar';

/** Vietnam has no daylight saving time: UTC+7 all year. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * The legal date in Vietnam at `now`, the day every deadline, status and report period is counted in (deadlines run by Vietnamese calendar days, whatever the server's zone:
 * a dossier filed at 23:30 in Hà Nội is filed that day, even though it is still the afternoon in UTC).
 */
export function todayInVietnam(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}
