import { SubsidyEventTypes as T, type SubsidyEvent } from './subsidy.events';

/** Where the case stands; `paid` once the approved amount has been paid in full. Recoveries leave it. */
export type SubsidyStatus = 'none' | 'matched' | 'applied' | 'approved' | 'rejected' | 'announced' | 'partially_paid' | 'paid';

export interface SubsidyState {
  status: SubsidyStatus;
  caseId: string | null;
  /** How the case was opened: by 免申即享 matching or by an application. */
  origin: 'matched' | 'applied' | null;
  enterpriseUscc: string | null;
  policyItemId: string | null;
  policyYear: number | null;
  approvedFen: number | null;
  publicityTo: string | null;
  paidFen: number;
  recoveredFen: number;
  firstPaidOn: string | null;
  /** Every disbursement by its id, to recognise a repeated one. */
  disbursements: Record<string, { amountFen: number; paidOn: string }>;
  /** Every recovery with its date: a later recovery is bounded by what had been paid by its own date. */
  recoveries: { amountFen: number; recoveredOn: string }[];
}

export const initialSubsidyState = (): SubsidyState => ({
  status: 'none',
  caseId: null,
  origin: null,
  enterpriseUscc: null,
  policyItemId: null,
  policyYear: null,
  approvedFen: null,
  publicityTo: null,
  paidFen: 0,
  recoveredFen: 0,
  firstPaidOn: null,
  disbursements: {},
  recoveries: [],
});

/** Folds one event. Total over the event union, never throws, never reads the clock. */
export function evolveSubsidy(state: SubsidyState, event: SubsidyEvent): SubsidyState {
  switch (event.type) {
    case T.Matched:
    case T.Applied: {
      const { caseId, enterpriseUscc, policyItemId, policyYear } = event.data;
      const origin = event.type === T.Matched ? 'matched' : 'applied';
      return { ...state, status: origin, origin, caseId, enterpriseUscc, policyItemId, policyYear };
    }
    case T.Approved:
      return { ...state, status: 'approved', approvedFen: event.data.approvedAmountFen };
    case T.Rejected:
      return { ...state, status: 'rejected' };
    case T.Announced:
      return { ...state, status: 'announced', publicityTo: event.data.to };
    case T.Disbursed: {
      const { disbursementId, amountFen, paidOn } = event.data;
      const paidFen = state.paidFen + amountFen;
      return {
        ...state,
        status: paidFen >= (state.approvedFen ?? 0) ? 'paid' : 'partially_paid',
        paidFen,
        firstPaidOn: state.firstPaidOn === null || paidOn < state.firstPaidOn ? paidOn : state.firstPaidOn,
        disbursements: { ...state.disbursements, [disbursementId]: { amountFen, paidOn } },
      };
    }
    case T.Recovered:
      return {
        ...state,
        recoveredFen: state.recoveredFen + event.data.amountFen,
        // A case sees a handful of recoveries at most, so copying this short list is cheap.
        recoveries: [...state.recoveries, { amountFen: event.data.amountFen, recoveredOn: event.data.recoveredOn }],
      };
    default:
      return state;
  }
}
