// The custom-elements manifest as a designer should meet it in the args tables: attributes,
// properties that have no attribute (`marks`, `client`), events, slots, parts and custom
// properties. Private (`#x`) and protected members, internal state, statics and read-only
// getters are left out; a property with an attribute is listed once, under its attribute.

interface Member {
  readonly kind?: string;
  readonly name?: string;
  readonly privacy?: string;
  readonly static?: boolean;
  readonly readonly?: boolean;
  readonly attribute?: string;
}
interface Declaration {
  readonly members?: readonly Member[];
  readonly [key: string]: unknown;
}
interface Module {
  readonly declarations?: readonly Declaration[];
  readonly [key: string]: unknown;
}

/** Whether a member belongs in a designer's args table. */
export function isPublicProperty(member: Member): boolean {
  return (
    member.kind === 'field' &&
    !member.name?.startsWith('#') &&
    (member.privacy === undefined || member.privacy === 'public') &&
    !member.static &&
    !member.readonly &&
    member.attribute === undefined
  );
}

/** `manifest` with each declaration's members reduced to its public properties. */
export function publicManifest<T extends { readonly modules: readonly Module[] }>(manifest: T): T {
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => ({
        ...declaration,
        members: declaration.members?.filter(isPublicProperty),
      })),
    })),
  };
}
