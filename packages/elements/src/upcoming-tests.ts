export { DiaryUpcomingTests } from './upcoming-tests/diary-upcoming-tests';
