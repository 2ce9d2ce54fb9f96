// Side-effect entry: registers <diary-news-editor> only (a clash with another copy warns, never throws).
import { DiaryNewsEditor } from './news-editor/diary-news-editor';
import { defineElement } from './shared/define';

defineElement('diary-news-editor', DiaryNewsEditor);
