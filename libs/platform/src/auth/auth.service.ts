import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { AccountStatus, type AccountSnapshot } from './account-status';
import { verifyPassword } from './password';
import type { AuthUser, Role } from './roles';
import { UserRow } from './user.entity';

interface TokenClaims {
  sub: string;
  username: string;
  name: string;
  role: Role;
  unit: string | null;
  /** The account's credentials generation when the token was minted; a bump revokes the token. */
  gen: number;
  iat?: number;
  exp?: number;
}

export interface LoginResult {
  accessToken: string;
  expiresIn: number;
  user: AuthUser;
}

const INVALID_LOGIN = 'Unknown user or wrong password';
const INVALID_TOKEN = 'The token is invalid or has expired; log in again';
const REVOKED_TOKEN = 'The token is no longer valid (the account was changed or deactivated); log in again';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AuthService {
  constructor(
    private readonly jwt: JwtService,
    private readonly accounts: AccountStatus,
    private readonly config: AppConfig,
    @InjectRepository(UserRow) private readonly users: Repository<UserRow>,
  ) {}

  /** Same answer and similar time for an unknown user as for a wrong password. */
  async login(username: string, password: string): Promise<LoginResult> {
    const row = await this.users.findOneBy({ username });
    const ok = await verifyPassword(row?.passwordHash ?? null, password);
    if (!row || !ok || !row.active) throw new UnauthorizedException(INVALID_LOGIN);
    return this.issue(row);
  }

  /** A token for an account as it is now (after login, or after the user changed their own password). */
  async issue(account: AccountSnapshot): Promise<LoginResult> {
    const user = toAuthUser(account);
    const claims: TokenClaims = {
      sub: user.id,
      username: user.username,
      name: user.displayName,
      role: user.role,
      unit: user.unitId,
      gen: account.credentialsGeneration,
    };
    const accessToken = await this.jwt.signAsync(claims);
    const { exp, iat } = this.jwt.decode<{ exp: number; iat: number }>(accessToken);
    return { accessToken, expiresIn: exp - iat, user };
  }

  /**
   * A signature alone is not enough: the token must carry a bounded lifetime, and its account must still exist,
   * be active and be on the same credentials generation. The caller is then who the account says now (role and
   * unit from the account, not from the token).
   */
  async verify(token: string): Promise<AuthUser> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new UnauthorizedException(INVALID_TOKEN);
    }
    const { exp, iat, sub, gen } = claims;
    const lifetimeOk = typeof exp === 'number' && typeof iat === 'number' && exp - iat <= this.config.jwt.ttlSeconds;
    if (!lifetimeOk || typeof sub !== 'string' || !UUID.test(sub) || !Number.isInteger(gen)) throw new UnauthorizedException(INVALID_TOKEN);
    const account = await this.accounts.current(sub);
    if (!account || !account.active || account.credentialsGeneration !== gen) throw new UnauthorizedException(REVOKED_TOKEN);
    return toAuthUser(account);
  }
}

export function toAuthUser(row: Pick<UserRow, 'id' | 'username' | 'displayName' | 'role' | 'unitId'>): AuthUser {
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role, unitId: row.unitId };
}
