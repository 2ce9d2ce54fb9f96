export { DiarySchoolSetup } from './school-setup/diary-school-setup';
