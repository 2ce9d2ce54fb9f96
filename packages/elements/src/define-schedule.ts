// Side-effect entry: registers <diary-schedule> only (a clash with another copy warns, never throws).
import { DiarySchedule } from './schedule/diary-schedule';
import { defineElement } from './shared/define';

defineElement('diary-schedule', DiarySchedule);
