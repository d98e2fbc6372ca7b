/** The unit code: what assignments and unit handlers have carried since before the registry (see the events). */
export const UNIT_ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
export const UNIT_ID_RULE = '1-40 of A-Z, a-z, 0-9, _ and -';
/** Codes that name something other than a unit where unit codes are read (the digest's escalation list is 'managers'). */
export const RESERVED_UNIT_IDS: readonly string[] = ['managers'];
export const MAX_UNIT_NAME_LENGTH = 60;
export const MAX_DEACTIVATION_REASON_LENGTH = 500;
/** Deeper than any real chain (province office → city bureau → district branch); a guard against a corrupt loop. */
export const MAX_PARENT_DEPTH = 20;
