export { DiaryAccount } from './account/diary-account';
