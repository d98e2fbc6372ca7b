/** Who may do what is decided by role; a unit handler is also bound to one handling unit. */
export const ROLES = ['caseworker', 'unit_handler', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated caller, as the JWT carries it. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Set for unit handlers: the handling unit whose problems they see and act on. */
  unitId: string | null;
}
