// A company's consultancy in a month: approved hours use up the plan's included hours first, and
// only what exceeds them is billed.

export interface ConsultancyFigures {
  /** The plan's included consultancy, in minutes. */
  includedMinutes: number;
  /** Estimates the customer approved in the month. */
  approvedMinutes: number;
  /** The part of the approved minutes the plan covers. */
  usedIncludedMinutes: number;
  /** The part beyond the plan: max(0, approved − included). */
  billableMinutes: number;
}

/** A plan's hours per month ("consultancyHoursPerMonth", maybe fractional) in whole minutes. */
export function includedMinutesOf(hoursPerMonth: number): number {
  return Math.round(Math.max(0, hoursPerMonth) * 60);
}

export function consultancyFigures(includedMinutes: number, approvedMinutes: number): ConsultancyFigures {
  return {
    includedMinutes,
    approvedMinutes,
    usedIncludedMinutes: Math.min(includedMinutes, approvedMinutes),
    billableMinutes: Math.max(0, approvedMinutes - includedMinutes),
  };
}
