// Side-effect entry: registers <diary-account> only (a clash with another copy warns, never throws).
import { DiaryAccount } from './account/diary-account';
import { defineElement } from './shared/define';

defineElement('diary-account', DiaryAccount);
