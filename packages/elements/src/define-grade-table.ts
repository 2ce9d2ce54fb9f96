// Side-effect entry: registers <diary-grade-table> only (a clash with another copy warns, never throws).
import { DiaryGradeTable } from './grade-table/diary-grade-table';
import { defineElement } from './shared/define';

defineElement('diary-grade-table', DiaryGradeTable);
