export {
  DiaryQrHandoff,
  HANDOFF_HASH,
  type DiaryHandoffDetail,
} from './qr-handoff/diary-qr-handoff';
