import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, Repository, type EntityManager } from 'typeorm';
import { AccountStatus } from './account-status';
import { toAuthUser } from './auth.service';
import { hashPassword, verifyPassword } from './password';
import type { AuthUser, Role } from './roles';
import { UserRow } from './user.entity';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitId?: string | null;
  /** Given by a loader that must reproduce the same ids (the demo zone); otherwise a random UUID. */
  id?: string;
}

/** What an administrator may change on an account; absent fields stay as they are. */
export interface AccountChange {
  displayName?: string;
  role?: Role;
  unitId?: string | null;
  active?: boolean;
}

/** An account as the administrators' list shows it. */
export interface UserAccount extends AuthUser {
  active: boolean;
  createdAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** More accounts than any one bureau has; the directory is bounded all the same. */
const DIRECTORY_LIMIT = 2000;

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserRow) private readonly users: Repository<UserRow>,
    private readonly accounts: AccountStatus,
  ) {}

  async create(input: NewUser): Promise<AuthUser> {
    if (await this.users.existsBy({ username: input.username })) {
      throw new ConflictException({ message: `A user named ${input.username} exists already`, field: 'username' });
    }
    const row = this.users.create({
      id: input.id ?? randomUUID(),
      username: input.username,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      unitId: input.role === 'unit_handler' ? (input.unitId ?? null) : null,
      active: true,
      credentialsGeneration: 0,
    });
    await this.users.insert(row);
    return toAuthUser(row);
  }

  /** One page of accounts by username, with the total (a bureau has hundreds, a province a few thousand). */
  async list(page: { limit: number; offset: number }): Promise<{ items: UserAccount[]; total: number }> {
    const [rows, total] = await this.users.findAndCount({ order: { username: 'ASC' }, take: page.limit, skip: page.offset });
    return { items: rows.map(toUserAccount), total };
  }

  async findByUsernames(usernames: readonly string[]): Promise<AuthUser[]> {
    if (usernames.length === 0) return [];
    return (await this.users.find({ where: { username: In([...usernames]) } })).map(toAuthUser);
  }

  async get(id: string): Promise<UserAccount> {
    const row = await this.users.findOneBy({ id });
    if (!row) throw new NotFoundException(`No user ${id}`);
    return toUserAccount(row);
  }

  /**
   * Changes name, role, unit or active flag. A change to role, unit or active revokes the account's tokens (the
   * generation is bumped), so a deactivated user is out at once and a re-roled user logs in again as what they are
   * now. The last active administrator cannot be deactivated or re-roled: someone must be able to manage accounts.
   */
  async update(id: string, change: AccountChange): Promise<UserAccount> {
    const updated = await this.users.manager.transaction(async (tx) => {
      const row = await tx.findOne(UserRow, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundException(`No user ${id}`);
      const role = change.role ?? row.role;
      const unitId = role === 'unit_handler' ? (change.unitId !== undefined ? change.unitId : row.unitId) : null;
      if (role === 'unit_handler' && !unitId) {
        throw fieldError('unitId', 'unitId is required for unit_handler');
      }
      const active = change.active ?? row.active;
      const losesAdmin = row.role === 'admin' && row.active && (role !== 'admin' || !active);
      if (losesAdmin) await this.refuseIfLastAdmin(tx, row.id);
      const revokes = role !== row.role || unitId !== row.unitId || active !== row.active;
      row.displayName = change.displayName ?? row.displayName;
      Object.assign(row, { role, unitId, active, credentialsGeneration: row.credentialsGeneration + (revokes ? 1 : 0) });
      return tx.save(row);
    });
    this.accounts.forget(id);
    return toUserAccount(updated);
  }

  /** An administrator sets a new password (a user who forgot theirs); their tokens stop working. */
  async resetPassword(id: string, newPassword: string): Promise<void> {
    const passwordHash = await hashPassword(newPassword);
    const result = await this.users
      .createQueryBuilder()
      .update(UserRow)
      .set({ passwordHash, credentialsGeneration: () => 'credentials_generation + 1' })
      .where('id = :id', { id })
      .execute();
    if (!result.affected) throw new NotFoundException(`No user ${id}`);
    this.accounts.forget(id);
  }

  /**
   * A user changes their own password, proving the current one. Every token of theirs stops working, this
   * session's included: the caller gets the row back to issue a fresh token.
   */
  async changeOwnPassword(id: string, currentPassword: string, newPassword: string): Promise<UserRow> {
    const row = await this.users.findOneBy({ id });
    if (!row || !(await verifyPassword(row.passwordHash, currentPassword))) {
      // 400, not 401: the session is fine, only the field is wrong (a 401 would send the console to the login page).
      throw fieldError('currentPassword', 'The current password is wrong');
    }
    row.passwordHash = await hashPassword(newPassword);
    row.credentialsGeneration += 1;
    await this.users.save(row);
    this.accounts.forget(id);
    return row;
  }

  /**
   * The bureau's people as colleagues see them — id, name, role and unit, never credentials — so a page can
   * name who did a step and the visit form can offer its 同行人员. A bureau has hundreds of accounts, not more.
   */
  async directory(): Promise<Pick<AuthUser, 'id' | 'displayName' | 'role' | 'unitId'>[]> {
    const rows = await this.users.find({ where: { active: true }, order: { displayName: 'ASC' }, take: DIRECTORY_LIMIT });
    return rows.map(({ id, displayName, role, unitId }) => ({ id, displayName, role, unitId }));
  }

  /**
   * Which of the ids are not active users of the role (unknown, deactivated or another role), in the order
   * given. A malformed id is simply unknown: the id column is a uuid, and a query with 'abc' would fail.
   */
  async notActiveWithRole(ids: readonly string[], role: Role): Promise<string[]> {
    // Through the per-request account cache (a visit names its caseworkers on every request, and they are the
    // same few people): no query on the hot path, and as fresh as the caller's own token check.
    const accounts = await Promise.all(ids.map((id) => (UUID.test(id) ? this.accounts.current(id) : Promise.resolve(null))));
    return ids.filter((_, i) => !(accounts[i]?.active && accounts[i].role === role));
  }

  async count(): Promise<number> {
    return this.users.count();
  }

  private async refuseIfLastAdmin(tx: EntityManager, exceptId: string): Promise<void> {
    // Lock every active admin row so two concurrent demotions cannot both see "one other admin left".
    const admins = await tx.find(UserRow, { where: { role: 'admin', active: true }, lock: { mode: 'pessimistic_write' }, select: { id: true } });
    if (!admins.some((admin) => admin.id !== exceptId)) {
      throw new ConflictException({ message: 'This is the last active administrator; make another one first', field: 'role' });
    }
  }
}

function fieldError(field: string, message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'VALIDATION_FAILED', message: 'The request is invalid', errors: [{ field, messages: [message] }] });
}

function toUserAccount(row: UserRow): UserAccount {
  return { ...toAuthUser(row), active: row.active, createdAt: row.createdAt };
}
