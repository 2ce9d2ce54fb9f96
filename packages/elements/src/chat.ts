export {
  DiaryChat,
  type DiaryThreadOpenDetail,
  type DiaryMessageSentDetail,
} from './chat/diary-chat';
