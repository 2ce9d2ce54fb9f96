/** The frame of a diary e-mail in each language the server writes. */
const FRAME = {
  ru: {
    subject: 'Электронный дневник',
    footer:
      'Это письмо отправил электронный дневник школы. Какие уведомления приходят на почту, можно изменить в настройках дневника.',
  },
  en: {
    subject: 'School diary',
    footer:
      'This e-mail was sent by the school diary. You can choose which notifications arrive by e-mail in the diary settings.',
  },
} as const;

/** The e-mail's language: `en` when asked for, Russian otherwise. */
export function emailLang(lang: string | null | undefined): 'ru' | 'en' {
  return lang === 'en' ? 'en' : 'ru';
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** Subject, plain text and HTML of an e-mail carrying a diary message. */
export interface ComposedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/**
 * Builds both parts of an e-mail: the message's text, then a footer, in the recipient's language.
 * Without a subject of its own, the subject is the text's first sentence (a notification's title).
 */
export function composeEmail(
  message: { readonly text: string; readonly subject: string | null },
  lang: string | null | undefined,
): ComposedEmail {
  const frame = FRAME[emailLang(lang)];
  const firstSentence = /^(.{1,120}?)[.!?](\s|$)/.exec(message.text)?.[1];
  const subject =
    message.subject ?? `${frame.subject}: ${firstSentence ?? message.text.slice(0, 80)}`;
  const paragraphs = message.text.split(/\n{2,}/);
  const html = [
    `<!doctype html><html lang="${emailLang(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.5;color:#1a1a1a">',
    ...paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`),
    `<hr><p style="color:#555;font-size:small">${escapeHtml(frame.footer)}</p>`,
    '</body></html>',
  ].join('');
  return { subject, text: `${message.text}\n\n-- \n${frame.footer}\n`, html };
}
