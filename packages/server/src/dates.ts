/** Date-only arithmetic on 'YYYY-MM-DD' strings (UTC-based, so no time zone can shift the day). */
export const addDaysToDate = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
