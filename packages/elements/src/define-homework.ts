// Side-effect entry: registers <diary-homework> only (a clash with another copy warns, never throws).
import { DiaryHomework } from './homework/diary-homework';
import { defineElement } from './shared/define';

defineElement('diary-homework', DiaryHomework);
