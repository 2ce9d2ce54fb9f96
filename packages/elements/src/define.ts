// Side-effect entry: registers every tag of the kit. A tag already defined (by a second copy of
// the kit, or anything else) is kept, with a warning about the version clash; nothing throws.
import { DiaryApplication } from './application/diary-application';
import { DiaryChat } from './chat/diary-chat';
import { DiaryChildForm } from './child-form/diary-child-form';
import { DiaryChildPicker } from './child-picker/diary-child-picker';
import { DiaryGradeTable } from './grade-table/diary-grade-table';
import { DiaryLogin } from './login/diary-login';
import { DiaryProvider } from './provider/diary-provider';
import { DiaryTimelineChart } from './timeline-chart/diary-timeline-chart';
import { DiarySchedule } from './schedule/diary-schedule';
import { DiaryNotifications } from './notifications/diary-notifications';
import { DiaryPortfolio } from './portfolio/diary-portfolio';
import { DiarySupport } from './support/diary-support';
import { DiaryHomework } from './homework/diary-homework';
import { DiaryAccount } from './account/diary-account';
import { DiaryAttendance } from './attendance/diary-attendance';
import { DiaryJournal } from './journal/diary-journal';
import { DiaryNews } from './news/diary-news';
import { defineElement } from './shared/define';

defineElement('diary-provider', DiaryProvider);
defineElement('diary-login', DiaryLogin);
defineElement('diary-child-form', DiaryChildForm);
defineElement('diary-child-picker', DiaryChildPicker);
defineElement('diary-grade-table', DiaryGradeTable);
defineElement('diary-timeline-chart', DiaryTimelineChart);
defineElement('diary-schedule', DiarySchedule);
defineElement('diary-chat', DiaryChat);
defineElement('diary-notifications', DiaryNotifications);
defineElement('diary-application', DiaryApplication);
defineElement('diary-support', DiarySupport);
defineElement('diary-portfolio', DiaryPortfolio);
defineElement('diary-homework', DiaryHomework);
defineElement('diary-account', DiaryAccount);
defineElement('diary-attendance', DiaryAttendance);
defineElement('diary-journal', DiaryJournal);
defineElement('diary-news', DiaryNews);
