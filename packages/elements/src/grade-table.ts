export {
  DiaryGradeTable,
  WHOLE_YEAR,
  type DiaryGradesExportDetail,
  type DiaryMarkReceivedDetail,
  type DiaryPeriodChangeDetail,
} from './grade-table/diary-grade-table';
