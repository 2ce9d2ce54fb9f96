export { DiaryHomework, type DiaryHomeworkDoneDetail } from './homework/diary-homework';
export type { HomeworkPeriod } from './homework/homework-range';
