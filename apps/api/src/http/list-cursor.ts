import { registerDecorator, type ValidationArguments } from 'class-validator';
import { isCalendarDate } from '@app/platform';
import type { FigureCursor } from '@app/support';

/**
 * A keyset cursor over a list in the problem list's order (newest registration first, then id), written
 * `<registeredOn>~<problemId>`: readable in a log, and a page that starts from it neither skips nor repeats a row
 * when problems are registered meanwhile — which an offset does.
 */
const CURSOR = /^(\d{4}-\d{2}-\d{2})~([A-Za-z0-9-]{1,64})$/;

export function formatCursor(cursor: FigureCursor): string {
  return `${cursor.registeredOn}~${cursor.problemId}`;
}

/** The cursor a valid `cursor` field holds (IsListCursor has refused every other). */
export function parseCursor(text: string): FigureCursor {
  const [, registeredOn, problemId] = CURSOR.exec(text)!;
  return { registeredOn, problemId };
}

/** A cursor from a previous page's nextCursor; it starts a page on its own, so it excludes a non-zero offset. */
export function IsListCursor(): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isListCursor',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown, { object }: ValidationArguments) => {
          const match = typeof value === 'string' ? CURSOR.exec(value) : null;
          const offset = (object as { offset?: unknown }).offset;
          return match !== null && isCalendarDate(match[1]) && (offset === undefined || offset === 0);
        },
        defaultMessage: ({ property, value, object }: ValidationArguments) =>
          typeof value === 'string' && CURSOR.test(value) && isCalendarDate(CURSOR.exec(value)![1])
            ? `${property} starts a page by itself: leave offset out (it is ${String((object as { offset?: unknown }).offset)})`
            : `${property} must be a previous page's nextCursor (<YYYY-MM-DD>~<problem id>)`,
      },
    });
  };
}
