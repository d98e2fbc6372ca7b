import type { ValueTransformer } from 'typeorm';

/**
 * bigint columns come back from pg as strings. A single case's amounts are safe integers by the decider's
 * rule, so entities read them as numbers; sums over many cases are read as text and BigInt instead.
 */
export const fenColumn: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
