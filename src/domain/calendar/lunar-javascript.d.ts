/**
 * Minimal typings for `lunar-javascript` (ships none). Only lunar.test.ts uses it, as an independent oracle:
 * it implements the Chinese calendar (UTC+8) with its own high-precision ephemeris.
 */
declare module 'lunar-javascript' {
  interface LunarMonthJs {
    getYear(): number;
    /** Negative for a leap month. */
    getMonth(): number;
    getDayCount(): number;
    getFirstJulianDay(): number;
  }
  interface LunarYearJs {
    getMonthsInYear(): LunarMonthJs[];
  }
  const lunarJs: {
    LunarYear: { fromYear(year: number): LunarYearJs };
  };
  export default lunarJs;
}
