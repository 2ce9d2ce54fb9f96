import { KIT_VERSION } from './kit-version';

export { KIT_VERSION };

/** What a kit element class carries so that another copy can tell which version defined a tag. */
interface KitElementClass extends CustomElementConstructor {
  readonly kitVersion?: string;
}

/**
 * Registers a custom element unless the tag is already taken. Widgets live on other people's
 * pages, where a second copy of the kit (another site script, a browser extension) may have
 * defined the tag first: `customElements.define` would throw and break the page, so this warns
 * about the clash instead and keeps the first definition.
 *
 * @returns whether this call defined the tag.
 * @example
 * defineElement('diary-login', DiaryLogin);
 */
export function defineElement(tag: string, element: KitElementClass): boolean {
  const registry = globalThis.customElements;
  if (!registry) return false;
  const existing = registry.get(tag) as KitElementClass | undefined;
  if (existing === undefined) {
    try {
      registry.define(tag, element);
      return true;
    } catch (error) {
      // The class is already registered under another tag, or the name is refused: not worth
      // breaking the host page over.
      console.warn(`<${tag}> could not be defined: ${String(error)}`);
      return false;
    }
  }
  if (existing !== element && existing.kitVersion !== element.kitVersion) {
    const other = existing.kitVersion
      ? `@school-diary/elements ${existing.kitVersion}`
      : 'another script';
    console.warn(
      `<${tag}> is already defined by ${other}; @school-diary/elements ${element.kitVersion ?? KIT_VERSION} ` +
        'kept that definition. Load one copy of the kit per page.',
    );
  }
  return false;
}
