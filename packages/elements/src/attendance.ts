export { DiaryAttendance, type DiaryAbsenceReportDetail } from './attendance/diary-attendance';
