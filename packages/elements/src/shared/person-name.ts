/** The parts of a person's name as the diary keeps them. */
export interface NameParts {
  readonly lastName: string;
  readonly firstName: string;
  readonly middleName?: string | null;
}

/**
 * A person's name as every widget shows it: surname, first name, patronymic (the order of Russian
 * school documents), blanks dropped — «Иванова Елена Сергеевна».
 *
 * @example
 * personName({ lastName: 'Иванова', firstName: 'Елена' }); // 'Иванова Елена'
 */
export function personName(p: NameParts): string {
  return [p.lastName, p.firstName, p.middleName]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
}
