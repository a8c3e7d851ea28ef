import { DynamicModule, Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { Home } from '../orgs/home.entity';
import { Org } from '../orgs/org.entity';
import { AccessService } from './access.service';
import { AuthController, DevAuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginAttempt } from './login-attempt.entity';
import { LoginLockout } from './login-lockout';
import { RoleGrant } from './role-grant.entity';
import { TokenVerifier } from './token-verifier';
import { User } from './user.entity';
import { WechatClient } from '../wechat/wechat.client';

@Global()
@Module({})
export class AuthModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AuthModule,
      imports: [
        TypeOrmModule.forFeature([User, RoleGrant, Org, Home, LoginAttempt]),
        // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails) to parse it
        // as a PEM public key on every verify, which cost more than the rest of the token check.
        JwtModule.register({ secret: createSecretKey(Buffer.from(config.jwtSecret)), signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
      ],
      controllers: config.devLogin ? [AuthController, DevAuthController] : [AuthController],
      providers: [WechatClient, AuthService, AccessService, TokenVerifier, LoginLockout],
      exports: [AuthService, AccessService, WechatClient, JwtModule, TokenVerifier, LoginLockout],
    };
  }
}
