/** What decide needs to know about one enterprise: its current name and location, and the last changes. */
export type EnterpriseState =
  | { status: 'unregistered' }
  | {
      status: 'registered';
      uscc: string;
      name: string;
      address: string;
      park: string;
      industry: string;
      /** Kept to recognise a repeated rename/relocation, and to keep effective dates in order. */
      lastRename: { to: string; effectiveOn: string } | null;
      lastRelocation: { address: string; park: string; effectiveOn: string } | null;
    };

export type RegisteredEnterprise = Extract<EnterpriseState, { status: 'registered' }>;

export const ENTERPRISE_STREAM_PREFIX = 'enterprise-';

/** One stream per enterprise, keyed by its USCC, so a second registration of the same code is a conflict. */
export const enterpriseStreamId = (uscc: string): string => `${ENTERPRISE_STREAM_PREFIX}${uscc}`;

/** The USCC behind a stream id, or null for another aggregate's stream. */
export function usccOfStream(streamId: string): string | null {
  return streamId.startsWith(ENTERPRISE_STREAM_PREFIX) ? streamId.slice(ENTERPRISE_STREAM_PREFIX.length) : null;
}
