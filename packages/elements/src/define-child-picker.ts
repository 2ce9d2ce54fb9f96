// Side-effect entry: registers <diary-child-picker> only (a clash with another copy warns, never throws).
import { DiaryChildPicker } from './child-picker/diary-child-picker';
import { defineElement } from './shared/define';

defineElement('diary-child-picker', DiaryChildPicker);
