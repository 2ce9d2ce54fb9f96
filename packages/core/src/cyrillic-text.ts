// The reader of Cyrillic text as core's build writes it into dist/. Russian wording is two bytes
// a letter in UTF-8, which gzip compresses poorly; the build (tools/cyrillic-strings.mjs) writes
// each string literal that holds Cyrillic with one ASCII character a letter, and wraps it in a
// call of this function, which gives back the original text when the module loads. The source
// keeps the plain text: this module is reached only through the build.

/** The codes of а…я in order; a code after `` ` `` is the capital letter. */
const CODES = 'abcdefghijklmnopqrstuvwxyz[]^_|~';

/**
 * The text an encoded string stands for: `#` + any character is that character; a code of
 * {@link CODES} (or `$`, for ё) is a lowercase Cyrillic letter, and the capital after `` ` ``;
 * anything else is itself.
 *
 * @example
 * cyrillicText('`ccfeisf #S#M#S'); // 'Введите SMS'
 */
/* @__NO_SIDE_EFFECTS__ */
export function cyrillicText(encoded: string): string {
  return encoded.replace(
    /#([^])|(`?)([a-z[\]^_|~$])/g,
    (_match, escaped: string | undefined, capital: string, code: string) => {
      if (escaped !== undefined) return escaped;
      const letter = code === '$' ? '\u0451' : String.fromCharCode(0x430 + CODES.indexOf(code));
      return capital ? letter.toUpperCase() : letter;
    },
  );
}
