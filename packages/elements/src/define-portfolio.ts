// Side-effect entry: registers <diary-portfolio> only (a clash with another copy warns, never throws).
import { DiaryPortfolio } from './portfolio/diary-portfolio';
import { defineElement } from './shared/define';

defineElement('diary-portfolio', DiaryPortfolio);
