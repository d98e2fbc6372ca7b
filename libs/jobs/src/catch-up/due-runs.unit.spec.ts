import { dueRuns } from './due-runs';

const at = (iso: string) => new Date(iso);

describe('the runs a schedule owed since go-live', () => {
  it('owes every month whose summary tick (02:00 on the 1st, Shanghai) has passed, from the go-live month on', () => {
    const goLive = at('2024-03-15T10:00:00+08:00');
    expect(dueRuns('monthly-summary', goLive, at('2024-07-01T01:59:00+08:00'))).toEqual(['2024-03', '2024-04', '2024-05']);
    expect(dueRuns('monthly-summary', goLive, at('2024-07-01T02:00:00+08:00'))).toEqual(['2024-03', '2024-04', '2024-05', '2024-06']);
  });

  it('does not owe the month before go-live, although the first tick after going live on the 1st closes it', () => {
    expect(dueRuns('monthly-summary', at('2024-09-01T00:00:00+08:00'), at('2024-10-05T00:00:00+08:00'))).toEqual(['2024-09']);
  });

  it('owes nothing before the first tick after go-live', () => {
    expect(dueRuns('monthly-summary', at('2024-09-02T00:00:00+08:00'), at('2024-09-30T23:00:00+08:00'))).toEqual([]);
    expect(dueRuns('overdue-check', at('2024-09-02T12:00:00+08:00'), at('2024-09-03T00:30:00+08:00'), { latestOnly: true })).toEqual([]);
  });

  it('owes only the latest daily overdue check, on its Shanghai day', () => {
    const goLive = at('2024-01-01T00:00:00+08:00');
    expect(dueRuns('overdue-check', goLive, at('2024-09-03T00:30:00+08:00'), { latestOnly: true })).toEqual(['2024-09-02']);
    expect(dueRuns('overdue-check', goLive, at('2024-09-03T01:00:00+08:00'), { latestOnly: true })).toEqual(['2024-09-03']);
  });
});
