// Side-effect entry: registers <diary-school-setup> only (a clash with another copy warns, never throws).
import { DiarySchoolSetup } from './school-setup/diary-school-setup';
import { defineElement } from './shared/define';

defineElement('diary-school-setup', DiarySchoolSetup);
