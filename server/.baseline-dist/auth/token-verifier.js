"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.TokenVerifier = void 0;
const common_1 = require("@nestjs/common");
const jwt_1 = require("@nestjs/jwt");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const domain_error_1 = require("../common/domain-error");
const user_entity_1 = require("./user.entity");
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;
// A token is good while its signature holds, it has not expired, and the user's token version is
// the one it was issued with: taking a role away bumps the version, so older tokens stop at once.
let TokenVerifier = class TokenVerifier {
    jwt;
    users;
    constructor(jwt, users) {
        this.jwt = jwt;
        this.users = users;
    }
    /** The user id behind an Authorization header; throws UNAUTHORIZED / TOKEN_INVALID. */
    async verify(header) {
        if (!header)
            throw new domain_error_1.DomainError('UNAUTHORIZED');
        const match = BEARER.exec(header);
        if (!match)
            throw new domain_error_1.DomainError('TOKEN_INVALID');
        let payload;
        try {
            payload = await this.jwt.verifyAsync(match[1], { algorithms: ['HS256'] });
        }
        catch {
            throw new domain_error_1.DomainError('TOKEN_INVALID');
        }
        if (typeof payload.sub !== 'string')
            throw new domain_error_1.DomainError('TOKEN_INVALID');
        // On every authenticated request: plain SQL (a cached prepared statement on SQLite) rather than a
        // repository find, whose query building cost more than the lookup itself.
        const rows = await this.users.query('SELECT token_version FROM users WHERE id = ?', [payload.sub]);
        if (!rows.length || Number(rows[0].token_version) !== (typeof payload.ver === 'number' ? payload.ver : 0))
            throw new domain_error_1.DomainError('TOKEN_INVALID');
        return payload.sub;
    }
};
exports.TokenVerifier = TokenVerifier;
exports.TokenVerifier = TokenVerifier = __decorate([
    (0, common_1.Injectable)(),
    __param(1, (0, typeorm_1.InjectRepository)(user_entity_1.User)),
    __metadata("design:paramtypes", [jwt_1.JwtService,
        typeorm_2.Repository])
], TokenVerifier);
//# sourceMappingURL=token-verifier.js.map