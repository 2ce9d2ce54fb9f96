export { DiaryLogin, type DiaryLoginDetail, type LoginStep } from './login/diary-login';
