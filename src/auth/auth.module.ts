import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AccessGuard } from './access.guard.js';
import { ApiKey } from './api-key.entity.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import { ApiKeysService } from './api-keys.service.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthenticationService } from './authentication.service.js';
import { Membership } from './membership.entity.js';
import { MembershipsRepository } from './memberships.repository.js';
import { Organization } from './organization.entity.js';
import { OrganizationsService } from './organizations.service.js';
import { PrincipalCache } from './principal-cache.js';
import { PrincipalsRepository } from './principals.repository.js';
import { RateLimits } from './rate-limits.js';
import { RevokedToken } from './revoked-token.entity.js';
import { SecurityEvents } from './security-events.js';
import { SessionsRepository } from './sessions.repository.js';
import { SessionsService } from './sessions.service.js';
import { SignInService } from './sign-in.service.js';
import { SignedInFastPaths } from './signed-in-fast-paths.js';
import { UserRole } from './user-role.entity.js';
import { User } from './user.entity.js';
import { UsersRepository } from './users.repository.js';
import { UsersResolver } from './users.resolver.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([User, UserRole, Organization, Membership, ApiKey, RevokedToken]),
    AuditModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A key object, not the string: given a string, jsonwebtoken first tries to read it as a public key on every
        // verification, which cost about 700 µs of CPU per signed-in request.
        secret: config.tokenSecret === undefined ? undefined : createSecretKey(Buffer.from(config.tokenSecret)),
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [
    UsersRepository,
    MembershipsRepository,
    ApiKeysRepository,
    PrincipalsRepository,
    PrincipalCache,
    SessionsRepository,
    UsersService,
    SessionsService,
    OrganizationsService,
    ApiKeysService,
    SignInService,
    AuthenticationService,
    SignedInFastPaths,
    RateLimits,
    SecurityEvents,
    AuthResolver,
    UsersResolver,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [UsersService, UsersRepository, OrganizationsService, SecurityEvents, SignedInFastPaths],
})
export class AuthModule {}
