export {
  DiaryApplication,
  type DiaryApplicationChangeDetail,
} from './application/diary-application';
