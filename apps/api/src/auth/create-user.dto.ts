import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '@app/platform';

export class CreateUserDto {
  @ApiProperty({ example: 'zhang.wei' })
  @Matches(/^[a-z0-9._-]{3,40}$/, { message: 'username must be 3-40 of a-z, 0-9 and ._-' })
  username: string;

  @ApiProperty({ example: '张伟' })
  @IsString()
  @Length(1, 50)
  displayName: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @Length(12, 200, { message: 'password must be 12-200 characters' })
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ description: 'Required for unit_handler: the handling unit the user acts for' })
  @ValidateIf((o: CreateUserDto) => o.role === 'unit_handler' || o.unitId !== undefined)
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'unitId is required for unit_handler and must be 1-40 of A-Z, a-z, 0-9, _ and -' })
  unitId?: string;
}
