// Side-effect entry: registers <diary-support> only (a clash with another copy warns, never throws).
import { DiarySupport } from './support/diary-support';
import { defineElement } from './shared/define';

defineElement('diary-support', DiarySupport);
