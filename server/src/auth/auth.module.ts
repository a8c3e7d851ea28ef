import { DynamicModule, Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { WechatModule } from '../wechat/wechat.module';
import { AuthController, DevAuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginAttempt } from './login-attempt.entity';
import { LoginLockout } from './login-lockout';
import { RoleGrant } from './role-grant.entity';
import { TokenVerifier } from './token-verifier';
import { TokenVersions } from './token-versions';
import { User } from './user.entity';

// Who the caller is: accounts, role grants, logins and tokens. Global because every request's guard
// and most features need the caller's account; where they may act is the orgs module's access policy.
@Global()
@Module({})
export class AuthModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AuthModule,
      imports: [
        TypeOrmModule.forFeature([User, RoleGrant, LoginAttempt]),
        // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails) to parse it
        // as a PEM public key on every verify, which cost more than the rest of the token check.
        JwtModule.register({
          secret: createSecretKey(Buffer.from(config.jwtSecret)),
          signOptions: { algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
        WechatModule,
      ],
      controllers: config.devLogin ? [AuthController, DevAuthController] : [AuthController],
      providers: [AuthService, TokenVerifier, TokenVersions, LoginLockout],
      exports: [TypeOrmModule, AuthService, TokenVerifier, TokenVersions, LoginLockout],
    };
  }
}
