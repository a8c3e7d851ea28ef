import { CalendarDayRow } from './calendar-day.entity';
import { GrievanceSubscription, OutboxMessage } from './delivery.entity';
import { Grievance, GrievanceEventRow } from './grievance.entity';
import { IdempotencyKey } from './idempotency-key.entity';

export const GRIEVANCE_ENTITIES = [Grievance, GrievanceEventRow, GrievanceSubscription, OutboxMessage, IdempotencyKey, CalendarDayRow];
