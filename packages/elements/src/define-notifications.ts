// Side-effect entry: registers <diary-notifications> only (a clash with another copy warns, never throws).
import { DiaryNotifications } from './notifications/diary-notifications';
import { defineElement } from './shared/define';

defineElement('diary-notifications', DiaryNotifications);
