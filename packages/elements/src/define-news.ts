// Side-effect entry: registers <diary-news> only (a clash with another copy warns, never throws).
import { DiaryNews } from './news/diary-news';
import { defineElement } from './shared/define';

defineElement('diary-news', DiaryNews);
