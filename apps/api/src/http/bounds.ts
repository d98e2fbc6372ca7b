/**
 * Upper bounds of the numbers clients send. Without them `offset=1e20` passes `@IsInt` (it is an integer)
 * and reaches PostgreSQL as a bigint out of range (a 500), and `expectedVersion=1e308` is a 409 about a
 * version no stream can reach. Each is far beyond any real value and within what the columns hold.
 */
/** Paging deeper than this is not browsing: narrow the filters instead. */
export const MAX_OFFSET = 1_000_000;
/** A stream's version (expectedVersion, a summary's version): an integer column. */
export const MAX_VERSION = 2_147_483_647;
/** A position in the global log (bigint, read as a JavaScript number). */
export const MAX_POSITION = Number.MAX_SAFE_INTEGER;
/** A count of enterprises (a city or province total). */
export const MAX_TOTAL = 10_000_000;
