"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var AuthModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuthModule = void 0;
const common_1 = require("@nestjs/common");
const jwt_1 = require("@nestjs/jwt");
const node_crypto_1 = require("node:crypto");
const typeorm_1 = require("@nestjs/typeorm");
const home_entity_1 = require("../orgs/home.entity");
const org_entity_1 = require("../orgs/org.entity");
const access_service_1 = require("./access.service");
const auth_controller_1 = require("./auth.controller");
const auth_service_1 = require("./auth.service");
const role_grant_entity_1 = require("./role-grant.entity");
const token_verifier_1 = require("./token-verifier");
const user_entity_1 = require("./user.entity");
const wechat_client_1 = require("../wechat/wechat.client");
let AuthModule = AuthModule_1 = class AuthModule {
    static register(config) {
        return {
            module: AuthModule_1,
            imports: [
                typeorm_1.TypeOrmModule.forFeature([user_entity_1.User, role_grant_entity_1.RoleGrant, org_entity_1.Org, home_entity_1.Home]),
                // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails) to parse it
                // as a PEM public key on every verify, which cost more than the rest of the token check.
                jwt_1.JwtModule.register({ secret: (0, node_crypto_1.createSecretKey)(Buffer.from(config.jwtSecret)), signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
            ],
            controllers: config.devLogin ? [auth_controller_1.AuthController, auth_controller_1.DevAuthController] : [auth_controller_1.AuthController],
            providers: [wechat_client_1.WechatClient, auth_service_1.AuthService, access_service_1.AccessService, token_verifier_1.TokenVerifier],
            exports: [auth_service_1.AuthService, access_service_1.AccessService, wechat_client_1.WechatClient, jwt_1.JwtModule, token_verifier_1.TokenVerifier],
        };
    }
};
exports.AuthModule = AuthModule;
exports.AuthModule = AuthModule = AuthModule_1 = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({})
], AuthModule);
//# sourceMappingURL=auth.module.js.map