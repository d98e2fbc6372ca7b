import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import { toAuthUser } from './auth.service';
import { hashPassword } from './password';
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** More accounts than any one bureau has; the directory is bounded all the same. */
const DIRECTORY_LIMIT = 2000;

@Injectable()
export class UsersService {
  constructor(@InjectRepository(UserRow) private readonly users: Repository<UserRow>) {}

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
    });
    await this.users.insert(row);
    return toAuthUser(row);
  }

  async list(): Promise<AuthUser[]> {
    return (await this.users.find({ order: { username: 'ASC' } })).map(toAuthUser);
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
    const wellFormed = ids.filter((id) => UUID.test(id));
    const found = wellFormed.length === 0 ? [] : await this.users.find({ select: { id: true }, where: { id: In(wellFormed), role, active: true } });
    const ok = new Set(found.map((u) => u.id));
    return ids.filter((id) => !ok.has(id));
  }

  async count(): Promise<number> {
    return this.users.count();
  }
}
