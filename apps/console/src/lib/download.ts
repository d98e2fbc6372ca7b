import { ApiFailure, type ApiErrorBody } from './api-errors';

export type ExportFormat = 'xlsx' | 'csv';

/** Hands a downloaded body to the browser as a file (the API's routes need the bearer header, so no plain link). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

/** The name the API gave (RFC 5987 filename*), else the fallback. */
export function fileNameOf(response: Response, fallback: string): string {
  const given = /filename\*=UTF-8''([^;]+)/i.exec(response.headers.get('Content-Disposition') ?? '');
  return given ? decodeURIComponent(given[1]) : fallback;
}

/** An answer fetched with parseAs: 'blob' saved under the API's file name, or its error thrown as an ApiFailure. */
export function saveExport(answer: { data?: unknown; error?: unknown; response: Response }, fallback: string): void {
  if (!answer.response.ok) throw new ApiFailure(answer.response.status, (answer.error ?? {}) as ApiErrorBody);
  saveBlob(answer.data as Blob, fileNameOf(answer.response, fallback));
}
