import { AuditEventRow } from './audit-event.entity';
import { Invite } from '../invites/invite.entity';
import { RectificationRow, RectificationUpdateRow } from '../rectification/rectification.entity';

export const OVERSIGHT_ENTITIES = [AuditEventRow, Invite, RectificationRow, RectificationUpdateRow];
