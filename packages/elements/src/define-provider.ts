// Side-effect entry: registers <diary-provider> only (a clash with another copy warns, never throws).
import { DiaryProvider } from './provider/diary-provider';
import { defineElement } from './shared/define';

defineElement('diary-provider', DiaryProvider);
