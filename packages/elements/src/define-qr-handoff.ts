// Side-effect entry: registers <diary-qr-handoff> only (a clash with another copy warns, never throws).
import { DiaryQrHandoff } from './qr-handoff/diary-qr-handoff';
import { defineElement } from './shared/define';

defineElement('diary-qr-handoff', DiaryQrHandoff);
