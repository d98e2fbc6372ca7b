/** Working-day arithmetic over the loaded calendar years, synchronous so deciders can use it purely. */
export interface WorkingDayCalculator {
  /** The n-th working day after `from`. Throws a DomainError naming the year when it is not loaded. */
  addWorkingDays(from: string, workingDays: number): string;
  /** Working days after `from` up to and including `to`. Throws like addWorkingDays. */
  workingDaysBetween(from: string, to: string): number;
}

/** The working-day calendar as the support context needs it: a snapshot of what is loaded now. */
export interface WorkingDayCalendar {
  calculator(): Promise<WorkingDayCalculator>;
}

export const WORKING_DAY_CALENDAR = Symbol('WorkingDayCalendar');
