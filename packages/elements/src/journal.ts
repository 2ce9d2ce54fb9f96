export {
  DiaryJournal,
  type DiaryJournalChangeDetail,
  type JournalClient,
} from './journal/diary-journal';
