"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OVERSIGHT_ENTITIES = void 0;
const audit_event_entity_1 = require("./audit-event.entity");
const invite_entity_1 = require("../invites/invite.entity");
const rectification_entity_1 = require("../rectification/rectification.entity");
exports.OVERSIGHT_ENTITIES = [audit_event_entity_1.AuditEventRow, invite_entity_1.Invite, rectification_entity_1.RectificationRow, rectification_entity_1.RectificationUpdateRow];
//# sourceMappingURL=oversight-entities.js.map