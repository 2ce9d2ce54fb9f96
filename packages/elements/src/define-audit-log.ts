// Side-effect entry: registers <diary-audit-log> only (a clash with another copy warns, never throws).
import { DiaryAuditLog } from './audit-log/diary-audit-log';
import { defineElement } from './shared/define';

defineElement('diary-audit-log', DiaryAuditLog);
