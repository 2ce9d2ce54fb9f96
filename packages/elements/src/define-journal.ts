// Side-effect entry: registers <diary-journal> only (a clash with another copy warns, never throws).
import { DiaryJournal } from './journal/diary-journal';
import { defineElement } from './shared/define';

defineElement('diary-journal', DiaryJournal);
