import { UpcasterRegistry } from '@app/event-store';
import { problemUpcasters } from './problem.upcasters';

describe('problem upcasters', () => {
  const registry = new UpcasterRegistry(problemUpcasters);

  it('reads a v1 ProblemReopened (before 重办 had a time limit) as v2 with no new deadline', () => {
    expect(registry.upcast('ProblemReopened', 1, { reason: '仍未解决', reopenedOn: '2024-06-25' }, 'problem-x')).toEqual({
      schemaVersion: 2,
      data: { reason: '仍未解决', reopenedOn: '2024-06-25', workingDays: null, deadline: null },
    });
  });

  it('leaves a v2 ProblemReopened as it is', () => {
    const data = { reason: '仍未解决', reopenedOn: '2024-06-25', workingDays: 5, deadline: '2024-07-02' };
    expect(registry.upcast('ProblemReopened', 2, data, 'problem-x')).toEqual({ schemaVersion: 2, data });
  });
});
