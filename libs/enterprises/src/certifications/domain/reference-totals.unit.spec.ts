import { deciderSpec } from '@app/event-store/testing';
import {
  InvalidReferenceTotalError,
  REFERENCE_TOTAL_ENTERED,
  referenceTotalsDecider,
  type EnterReferenceTotal,
  type ReferenceTotalEntered,
} from './reference-totals';

const spec = deciderSpec(referenceTotalsDecider);
const enter = (overrides: Partial<EnterReferenceTotal> = {}): EnterReferenceTotal => ({
  type: 'EnterReferenceTotal',
  certificationType: 'specialized_sme',
  level: 'province',
  scope: 'city',
  measure: 'currently_valid',
  asOf: '2024-06-30',
  total: 232,
  source: '市工信局通报',
  ...overrides,
});
const entered = (total = 232): ReferenceTotalEntered => ({
  type: REFERENCE_TOTAL_ENTERED,
  schemaVersion: 1,
  data: { type: 'specialized_sme' as const, level: 'province' as const, scope: 'city' as const, measure: 'currently_valid' as const, asOf: '2024-06-30', total, source: '市工信局通报' },
  businessTime: '2024-06-30T00:00:00+08:00',
});

describe('reference totals decider', () => {
  it('records a dated total; the same figure again decides nothing; a correction is a new entry', () => {
    spec.given([]).when(enter()).then([entered()]);
    spec.given([entered()]).when(enter()).then([]);
    spec.given([entered()]).when(enter({ total: 240 })).then([entered(240)]);
  });

  it('refuses an unknown type, a level the type lacks, a bad scope, date or total', () => {
    spec.given([]).when(enter({ certificationType: 'x' })).thenThrows(InvalidReferenceTotalError, 'type');
    spec.given([]).when(enter({ level: 'national' })).thenThrows(InvalidReferenceTotalError, 'level');
    spec.given([]).when(enter({ scope: 'county' as 'city' })).thenThrows(InvalidReferenceTotalError, 'scope');
    spec.given([]).when(enter({ asOf: '2024-02-30' })).thenThrows(InvalidReferenceTotalError, 'asOf');
    spec.given([]).when(enter({ total: 0 })).thenThrows(InvalidReferenceTotalError, 'total');
    spec.given([]).when(enter({ total: 1.5 })).thenThrows(InvalidReferenceTotalError, 'total');
  });
});
