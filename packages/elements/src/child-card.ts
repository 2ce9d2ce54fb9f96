export { DiaryChildCard } from './child-card/diary-child-card';
