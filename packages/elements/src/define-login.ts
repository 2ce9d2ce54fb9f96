// Side-effect entry: registers <diary-login> only (a clash with another copy warns, never throws).
import { DiaryLogin } from './login/diary-login';
import { defineElement } from './shared/define';

defineElement('diary-login', DiaryLogin);
