// Side-effect entry: registers <diary-child-card> only (a clash with another copy warns, never throws).
import { DiaryChildCard } from './child-card/diary-child-card';
import { defineElement } from './shared/define';

defineElement('diary-child-card', DiaryChildCard);
