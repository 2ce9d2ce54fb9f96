export {
  DiaryGradeTable,
  WHOLE_YEAR,
  type DiaryGradesExportDetail,
  type DiaryMarkReceivedDetail,
  type DiaryPeriodChangeDetail,
  type DiaryReportCardDownloadDetail,
} from './grade-table/diary-grade-table';
