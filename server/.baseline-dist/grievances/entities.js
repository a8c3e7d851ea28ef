"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GRIEVANCE_ENTITIES = void 0;
const calendar_day_entity_1 = require("./calendar-day.entity");
const delivery_entity_1 = require("./delivery.entity");
const grievance_entity_1 = require("./grievance.entity");
const idempotency_key_entity_1 = require("./idempotency-key.entity");
exports.GRIEVANCE_ENTITIES = [grievance_entity_1.Grievance, grievance_entity_1.GrievanceEventRow, delivery_entity_1.GrievanceSubscription, delivery_entity_1.OutboxMessage, idempotency_key_entity_1.IdempotencyKey, calendar_day_entity_1.CalendarDayRow];
//# sourceMappingURL=entities.js.map