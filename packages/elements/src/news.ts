export { DiaryNews, type DiaryNewsOpenDetail, type NewsKindFilter } from './news/diary-news';
