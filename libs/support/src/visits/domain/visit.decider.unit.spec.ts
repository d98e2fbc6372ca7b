import { deciderSpec } from '@app/event-store/testing';
import { VisitAlreadyLogged, VisitAlreadyVoided, VisitDatedInFuture, VisitNotFound, VisitProblemsStillCounted, visitDecider, type VisitCommand } from './visit.decider';
import type { VisitEvent } from './visit.events';

const spec = deciderSpec(visitDecider);

const logVisit: VisitCommand = {
  type: 'LogVisit',
  visitId: 'vst-0001',
  enterpriseUscc: '91410100MA44D5T1X5',
  visitedOn: '2024-06-28',
  caseworkerIds: ['user-caseworker', 'user-caseworker-2'],
  form: 'on_site',
  notes: '了解二期扩建进展',
  problemIds: ['prb-0001', 'prb-0002'],
};
const voidVisit = (on = '2024-07-03', countedProblemIds: string[] = []): VisitCommand => ({ type: 'VoidVisit', reason: '重复录入', on, countedProblemIds });

const visitLogged: VisitEvent = {
  type: 'VisitLogged',
  businessTime: '2024-06-28T00:00:00+08:00',
  data: {
    visitId: 'vst-0001',
    enterpriseUscc: '91410100MA44D5T1X5',
    visitedOn: '2024-06-28',
    caseworkerIds: ['user-caseworker', 'user-caseworker-2'],
    form: 'on_site',
    notes: '了解二期扩建进展',
    problemIds: ['prb-0001', 'prb-0002'],
  },
};
// A correction of the visit as dated: it files under the visit's date; when it took effect is its recorded instant.
const visitVoided: VisitEvent = {
  type: 'VisitVoided',
  businessTime: '2024-06-28T00:00:00+08:00',
  data: { reason: '重复录入', voidedOn: '2024-07-03' },
};

describe('visit decider', () => {
  describe('LogVisit', () => {
    it('logs the visit, with the problems raised in it, dated by the visit day in Asia/Shanghai', () => {
      spec.given([]).when(logVisit).then([visitLogged]);
    });

    it('dates a late-logged visit by its visit date, not the logging date', () => {
      // Logged in July for a 30 June visit: midnight in Shanghai is still 29 June in UTC, so it counts in June.
      const late: VisitCommand = { ...logVisit, visitedOn: '2024-06-30' };
      const [event] = visitDecider.decide(late, visitDecider.initialState());
      expect(event.businessTime).toBe('2024-06-30T00:00:00+08:00');
      expect(new Date(event.businessTime!).toISOString()).toBe('2024-06-29T16:00:00.000Z');
    });

    it('refuses to log the same visit twice', () => {
      spec.given([visitLogged]).when(logVisit).thenThrows(VisitAlreadyLogged, 'Visit vst-0001 is logged already');
    });

    it('refuses to log again over a voided visit', () => {
      spec.given([visitLogged, visitVoided]).when(logVisit).thenThrows(VisitAlreadyLogged);
    });
  });

  describe('VoidVisit', () => {
    it('voids a logged visit with a reason: a correction of the visit, filed under the visit date, not the day it was voided', () => {
      spec.given([visitLogged]).when(voidVisit()).then([visitVoided]);
    });

    it('refuses while a problem raised in the visit still counts on its own: merge it into the original or withdraw it first', () => {
      spec
        .given([visitLogged])
        .when(voidVisit('2024-07-03', ['prb-0002']))
        .thenThrows(VisitProblemsStillCounted, 'Visit vst-0001 raised problems that still count (prb-0002): merge them into the originals or withdraw them first');
    });

    it('ignores counted problems that the visit did not raise', () => {
      spec.given([visitLogged]).when(voidVisit('2024-07-03', ['prb-other'])).then([visitVoided]);
    });

    it('refuses to void twice', () => {
      spec.given([visitLogged, visitVoided]).when(voidVisit('2024-07-04')).thenThrows(VisitAlreadyVoided, 'Visit vst-0001 is void already');
    });

    it('refuses to void an unknown visit', () => {
      spec.given([]).when(voidVisit()).thenThrows(VisitNotFound, 'No such visit');
    });
  });

  describe('evolve', () => {
    const fold = (events: VisitEvent[]) => events.reduce(visitDecider.evolve, visitDecider.initialState());

    it('folds logged then voided', () => {
      expect(fold([])).toEqual({ status: 'none', visitId: null, visitedOn: null, problemIds: [] });
      const logged = { visitId: 'vst-0001', visitedOn: '2024-06-28', problemIds: ['prb-0001', 'prb-0002'] };
      expect(fold([visitLogged])).toEqual({ status: 'logged', ...logged });
      expect(fold([visitLogged, visitVoided])).toEqual({ status: 'voided', ...logged });
    });

    it('never throws, whatever the state', () => {
      for (const history of [[], [visitLogged], [visitLogged, visitVoided]]) {
        for (const event of [visitLogged, visitVoided]) expect(() => visitDecider.evolve(fold(history), event)).not.toThrow();
      }
    });
  });
});

describe('visit dates', () => {
  it('refuses a visit dated in the future', () => {
    const command = { ...logVisitCommandForDateCheck(), visitedOn: '2024-07-02', today: '2024-07-01' };
    deciderSpec(visitDecider).given([]).when(command).thenThrows(VisitDatedInFuture, /future/);
  });
});

function logVisitCommandForDateCheck() {
  return {
    type: 'LogVisit' as const,
    visitId: 'visit-date-check',
    enterpriseUscc: '91410100MA44D5T1X5',
    visitedOn: '2024-06-14',
    caseworkerIds: ['user-caseworker'],
    form: 'on_site' as const,
    notes: '',
    problemIds: [],
  };
}
