/** How much of an uploaded list is read at most (IMPORT_MAX_ROWS, IMPORT_MAX_UNCOMPRESSED_BYTES). */
export interface ImportLimits {
  maxRows: number;
  maxUncompressedBytes: number;
}

/** The upload is beyond a limit: a 413 naming it; reading stopped there and nothing was stored. */
export class ImportTooLargeError extends Error {
  constructor(
    readonly code: 'IMPORT_TOO_MANY_ROWS' | 'IMPORT_TOO_LARGE_UNCOMPRESSED',
    message: string,
    readonly limit: { maxRows?: number; maxUncompressedBytes?: number },
  ) {
    super(message);
    this.name = 'ImportTooLargeError';
  }
}

export const tooManyRows = (maxRows: number) =>
  new ImportTooLargeError(
    'IMPORT_TOO_MANY_ROWS',
    `The list has more than ${maxRows} rows (IMPORT_MAX_ROWS): split it into several files, or ask an administrator to raise the limit`,
    { maxRows },
  );

export const tooLargeUncompressed = (declared: number, maxUncompressedBytes: number) =>
  new ImportTooLargeError(
    'IMPORT_TOO_LARGE_UNCOMPRESSED',
    `The workbook expands to ${Number.isFinite(declared) ? `${declared} bytes` : 'more than 4 GB'}, more than the ${maxUncompressedBytes} bytes allowed (IMPORT_MAX_UNCOMPRESSED_BYTES): save only the list, without other sheets or images`,
    { maxUncompressedBytes },
  );
