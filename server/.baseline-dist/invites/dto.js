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
Object.defineProperty(exports, "__esModule", { value: true });
exports.AcceptInviteDto = exports.OrgInviteDto = exports.HomeInviteDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
class HomeInviteDto {
    role;
}
exports.HomeInviteDto = HomeInviteDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['chair'] }),
    (0, class_validator_1.IsIn)(['chair']),
    __metadata("design:type", String)
], HomeInviteDto.prototype, "role", void 0);
class OrgInviteDto {
    role;
}
exports.OrgInviteDto = OrgInviteDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['federation_admin'] }),
    (0, class_validator_1.IsIn)(['federation_admin']),
    __metadata("design:type", String)
], OrgInviteDto.prototype, "role", void 0);
class AcceptInviteDto {
    username;
    password;
}
exports.AcceptInviteDto = AcceptInviteDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'a new H5 account (letters, digits, . _ -), or to give a WeChat account a password' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(/^[A-Za-z0-9._-]{3,64}$/),
    __metadata("design:type", String)
], AcceptInviteDto.prototype, "username", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'at least 10 characters' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Length)(10, 200),
    __metadata("design:type", String)
], AcceptInviteDto.prototype, "password", void 0);
//# sourceMappingURL=dto.js.map