// Side-effect entry: registers <diary-child-form> only (a clash with another copy warns, never throws).
import { DiaryChildForm } from './child-form/diary-child-form';
import { defineElement } from './shared/define';

defineElement('diary-child-form', DiaryChildForm);
