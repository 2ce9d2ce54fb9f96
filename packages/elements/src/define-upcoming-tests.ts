// Side-effect entry: registers <diary-upcoming-tests> only (a clash with another copy warns, never throws).
import { DiaryUpcomingTests } from './upcoming-tests/diary-upcoming-tests';
import { defineElement } from './shared/define';

defineElement('diary-upcoming-tests', DiaryUpcomingTests);
