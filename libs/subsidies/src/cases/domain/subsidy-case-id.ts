import { createHash } from 'node:crypto';

/**
 * One enterprise has one case per policy item: the id is derived from both, so a second match or
 * application addresses the same stream and the decider sees the case already open. UUID-shaped so it
 * fits uuid path parameters.
 */
export function subsidyCaseId(enterpriseUscc: string, policyItemId: string): string {
  const h = createHash('sha256').update(`subsidy|${enterpriseUscc}|${policyItemId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
