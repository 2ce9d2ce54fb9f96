// Side-effect entry: registers <diary-substitutions> only (a clash with another copy warns, never throws).
import { DiarySubstitutions } from './substitutions/diary-substitutions';
import { defineElement } from './shared/define';

defineElement('diary-substitutions', DiarySubstitutions);
