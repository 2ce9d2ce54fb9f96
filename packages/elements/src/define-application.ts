// Side-effect entry: registers <diary-application> only (a clash with another copy warns, never throws).
import { DiaryApplication } from './application/diary-application';
import { defineElement } from './shared/define';

defineElement('diary-application', DiaryApplication);
