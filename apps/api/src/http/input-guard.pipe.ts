import { BadRequestException, Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';

/** Deeper than any request the API takes (a visit's problems are 3 levels); far below what recursion survives. */
export const MAX_INPUT_DEPTH = 16;
/** Enough to show a client what to fix; a body full of NULs need not be listed whole. */
const MAX_REPORTED = 20;

// PostgreSQL text and jsonb cannot hold U+0000, and a lone surrogate is not Unicode at all (jsonb refuses
// it; text would store garbage): refuse both here, naming the field, instead of a 500 from the database.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(field: string, text: string): string | null {
  if (text.includes('\u0000')) return `${field} must not contain the NUL character (U+0000)`;
  if (LONE_SURROGATE.test(text)) return `${field} must not contain a lone surrogate (U+D800–U+DFFF without its pair): it is not valid Unicode text`;
  return null;
}

// JSON.parse makes these own properties, and the ValidationPipe's whitelist lets them through where any other
// extra field is a 400 (hostile-input.e2e.spec shows it): no DTO has such a field, so refuse them everywhere.
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const child = (parent: string, key: string | number) =>
  typeof key === 'number' ? `${parent}[${key}]` : parent === '' ? key : `${parent}.${key}`;

/**
 * Every body, query and path parameter, before class-transformer sees it: too deep a nesting (class-transformer
 * recurses and overflows the stack at ~2000 levels), `__proto__`, `constructor` or `prototype` as a key
 * (see PROTOTYPE_KEYS), and text PostgreSQL cannot store. Iterative, so a hostile
 * depth cannot overflow here either.
 */
@Injectable()
export class InputGuardPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const root = metadata.type === 'param' ? (metadata.data ?? 'param') : metadata.type === 'body' && metadata.data ? metadata.data : '';
    const errors = inspect(value, root);
    if (errors.length > 0) {
      throw new BadRequestException({ statusCode: 400, error: 'VALIDATION_FAILED', message: 'The request is invalid', errors });
    }
    return value;
  }
}

function inspect(value: unknown, root: string): { field: string; messages: string[] }[] {
  const errors: { field: string; messages: string[] }[] = [];
  const stack: { value: unknown; path: string; depth: number; top: string }[] = [{ value, path: root, depth: 0, top: root }];
  while (stack.length > 0 && errors.length < MAX_REPORTED) {
    const { value: v, path, depth, top } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(path || 'body', v);
      if (problem) errors.push({ field: path || 'body', messages: [problem] });
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      // Name the top-level field: the full path of a 2000-level array says nothing a person can act on.
      const field = top || 'body';
      errors.push({ field, messages: [`${field} is nested more than ${MAX_INPUT_DEPTH} levels deep`] });
      continue;
    }
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((item, i) => [i, item]) : Object.entries(v);
    // Pushed in reverse so errors come out in document order.
    for (const [key, item] of entries.reverse()) {
      const path2 = child(path, key);
      const top2 = top || String(key);
      if (typeof key === 'string' && PROTOTYPE_KEYS.has(key)) {
        errors.push({ field: path2, messages: [`property ${path2} should not exist`] });
        continue;
      }
      if (typeof key === 'string') {
        const problem = textProblem(`the name of ${path2}`, key);
        if (problem) {
          errors.push({ field: path2, messages: [problem] });
          continue;
        }
      }
      stack.push({ value: item, path: path2, depth: depth + 1, top: top2 });
    }
  }
  return errors;
}
