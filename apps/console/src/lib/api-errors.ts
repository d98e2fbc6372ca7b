import { sayFieldMessages } from './field-messages';

/**
 * The API's error bodies (see apps/api/src/http): validation failures carry
 * errors: [{ field: 'problems[0].category', messages: [...] }]; business refusals a code and a message.
 */
export interface ApiErrorBody {
  statusCode?: number;
  error?: string;
  message?: string | string[];
  errors?: { field: string; messages: string[]; codes?: string[] }[];
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(messageOf(body, status));
  }

  /** Field path → messages, for showing each next to its field. */
  get fields(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.body.errors ?? []) {
      out[e.field] = sayFieldMessages(e.messages, e.codes);
      // coUnitIds[1] also under coUnitIds: a multi-select is one form field.
      const list = e.field.replace(/\[\d+\]$/, '');
      if (list !== e.field) out[list] = out[list] ? `${out[list]}；${out[e.field]}` : out[e.field];
    }
    return out;
  }

  get isConflict(): boolean {
    return this.status === 409;
  }
}

function messageOf(body: ApiErrorBody, status: number): string {
  const message = Array.isArray(body?.message) ? body.message.join('；') : body?.message;
  if (status === 400 && body?.errors?.length) return `提交的内容有误，请按提示修改（${body.errors.map((e) => `${e.field}：${sayFieldMessages(e.messages, e.codes)}`).join('；')}）`;
  if (status === 403) return message ? `无权执行此操作：${message}` : '无权执行此操作';
  if (status === 404) return message ?? '记录不存在或无权查看';
  if (status === 409) return message ? `数据已被他人更新：${message}` : '数据已被他人更新，请刷新后重试';
  if (status >= 500) return '服务器出错，请稍后重试';
  return message ?? `请求失败（${status}）`;
}

/** Unwraps an openapi-fetch answer: the data, or an ApiFailure carrying the API's error body. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiFailure(response.status, (error ?? {}) as ApiErrorBody);
  return data as T;
}
