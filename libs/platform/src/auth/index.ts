export * from './roles';
export * from './user.entity';
export * from './auth.decorators';
export * from './auth.guard';
export * from './auth.service';
export * from './users.service';
export * from './auth.module';
export * from './password';
