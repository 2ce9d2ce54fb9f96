export { DiaryIdentityDesk } from './identity-desk/diary-identity-desk';
