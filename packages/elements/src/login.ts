export {
  DiaryLogin,
  type DiaryLoginDetail,
  type DiaryLogoutDetail,
  type LoginStep,
} from './login/diary-login';
