// Side-effect entry: registers <diary-identity-desk> only (a clash with another copy warns, never throws).
import { DiaryIdentityDesk } from './identity-desk/diary-identity-desk';
import { defineElement } from './shared/define';

defineElement('diary-identity-desk', DiaryIdentityDesk);
