// Types for the slice of moment-business-time the benchmark uses (the package ships none).
declare module "moment-business-time" {
  interface WorkingMoment {
    /** Mutates and returns the moment. */
    addWorkingTime(amount: number, unit: "minutes"): WorkingMoment;
    valueOf(): number;
  }
  /** Weekday 0 = Sunday; ranges as flat "HH:mm:ss" start/end pairs; null closes the day. */
  type WorkingHours = Record<0 | 1 | 2 | 3 | 4 | 5 | 6, string[] | null>;
  interface MomentWithBusinessTime {
    utc(instant: number): WorkingMoment;
    locale(): string;
    updateLocale(locale: string, spec: { workinghours: WorkingHours; holidays: string[] }): unknown;
  }
  const moment: MomentWithBusinessTime;
  export default moment;
}
