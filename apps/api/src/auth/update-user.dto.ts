import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '@app/platform';

const UNIT_ID = /^[A-Za-z0-9_-]{1,40}$/;
const PASSWORD_RULE = { message: 'password must be 12-200 characters' };

/** What an administrator may change on an account; absent fields stay as they are. */
export class UpdateUserDto {
  @ApiPropertyOptional({ example: '张伟' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES, description: 'Changing it revokes the user\'s tokens' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'The handling unit of a unit_handler; changing it revokes the user\'s tokens' })
  @ValidateIf((o: UpdateUserDto) => o.unitId !== undefined && o.unitId !== null)
  @Matches(UNIT_ID, { message: 'unitId must be 1-40 of A-Z, a-z, 0-9, _ and -' })
  unitId?: string | null;

  @ApiPropertyOptional({ description: 'false deactivates the account: it cannot log in and its tokens stop working at once' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** An administrator sets a new password for a user (who forgot theirs). */
export class ResetPasswordDto {
  @ApiProperty({ minLength: 12 })
  @IsString()
  @Length(12, 200, PASSWORD_RULE)
  newPassword: string;
}

/** A user changes their own password. */
export class ChangeOwnPasswordDto {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  currentPassword: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @Length(12, 200, PASSWORD_RULE)
  newPassword: string;
}
