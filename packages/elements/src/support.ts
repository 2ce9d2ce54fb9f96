export { DiarySupport, type DiaryTicketChangeDetail } from './support/diary-support';
