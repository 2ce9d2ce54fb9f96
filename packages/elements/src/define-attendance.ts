// Side-effect entry: registers <diary-attendance> only (a clash with another copy warns, never throws).
import { DiaryAttendance } from './attendance/diary-attendance';
import { defineElement } from './shared/define';

defineElement('diary-attendance', DiaryAttendance);
