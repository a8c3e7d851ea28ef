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
exports.RosterEntry = void 0;
const typeorm_1 = require("typeorm");
// One line of a roster home's member list, stored only as what verification needs: a keyed hash of
// (home, member number, name). No name, number or phone in clear.
let RosterEntry = class RosterEntry {
    id;
    homeId;
    entryHash;
    phoneHash;
    /** the WeChat account this entry is bound to; one entry, one account */
    boundUserId;
};
exports.RosterEntry = RosterEntry;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], RosterEntry.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'home_id', type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], RosterEntry.prototype, "homeId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'entry_hash', type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], RosterEntry.prototype, "entryHash", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'phone_hash', type: 'varchar', length: 64, nullable: true }),
    __metadata("design:type", Object)
], RosterEntry.prototype, "phoneHash", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'bound_user_id', type: 'varchar', length: 36, nullable: true }),
    __metadata("design:type", Object)
], RosterEntry.prototype, "boundUserId", void 0);
exports.RosterEntry = RosterEntry = __decorate([
    (0, typeorm_1.Entity)('roster_entries'),
    (0, typeorm_1.Index)('uq_roster_entry', ['homeId', 'entryHash'], { unique: true }),
    (0, typeorm_1.Index)('uq_roster_binding', ['homeId', 'boundUserId'], { unique: true })
], RosterEntry);
//# sourceMappingURL=roster-entry.entity.js.map