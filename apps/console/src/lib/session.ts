import { computed, reactive } from 'vue';

/** Who is logged in. The token lives in sessionStorage: closing the tab logs out, a reload does not. */
export type Role = 'caseworker' | 'unit_handler' | 'manager' | 'admin';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
}

interface StoredSession {
  token: string;
  /** Epoch milliseconds after which the API will refuse the token. */
  expiresAt: number;
  user: SessionUser;
}

const KEY = 'zhuqi.session';

function load(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as StoredSession) : null;
    return parsed && parsed.expiresAt > Date.now() ? parsed : null;
  } catch {
    return null;
  }
}

const state = reactive<{ current: StoredSession | null }>({ current: load() });

export const session = {
  user: computed(() => state.current?.user ?? null),
  token(): string | null {
    const current = state.current;
    if (!current) return null;
    if (current.expiresAt <= Date.now()) {
      this.clear();
      return null;
    }
    return current.token;
  },
  start(token: string, expiresInSeconds: number, user: SessionUser): void {
    state.current = { token, expiresAt: Date.now() + expiresInSeconds * 1000, user };
    sessionStorage.setItem(KEY, JSON.stringify(state.current));
  },
  clear(): void {
    state.current = null;
    sessionStorage.removeItem(KEY);
  },
  hasRole(...roles: Role[]): boolean {
    const user = state.current?.user;
    return !!user && roles.includes(user.role);
  },
};

export const ROLE_LABELS: Record<Role, string> = {
  caseworker: '服务专员',
  unit_handler: '责任单位经办人',
  manager: '管理人员',
  admin: '系统管理员',
};
