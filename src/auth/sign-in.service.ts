import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UnauthenticatedError } from '../common/errors/app-errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { LoginResult } from './dto/login-result.model.js';
import { decoyPasswordHash, verifyPassword } from './password-hasher.js';
import { RateLimits } from './rate-limits.js';
import { UsersRepository } from './users.repository.js';

/** Sign-in with email and password, for an access token. */
@Injectable()
export class SignInService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
    private readonly rateLimits: RateLimits,
  ) {
    // Computed now, so that even the first unknown-email sign-in costs one verification, like every other.
    void decoyPasswordHash();
  }

  /**
   * Wrong email, wrong password and a disabled account get the same answer, and all three run one scrypt
   * verification, so that neither the message nor the time tells which it was.
   */
  async login(email: string, password: string, address: string): Promise<LoginResult> {
    await this.rateLimits.assertLoginAllowed(address);
    const credentials = await this.users.credentials(email);
    const matches = await verifyPassword(password, credentials?.passwordHash ?? (await decoyPasswordHash()));
    if (!credentials || !matches || credentials.disabled) {
      await this.rateLimits.loginFailed(address);
      throw new UnauthenticatedError('the email or the password is wrong');
    }
    const expiresAt = new Date(Date.now() + this.config.tokenTtlSeconds * 1000);
    const token = await this.jwt.signAsync({ sub: credentials.id }, { expiresIn: this.config.tokenTtlSeconds });
    return { token, expiresAt, user: (await this.users.view(credentials.id))! };
  }
}
