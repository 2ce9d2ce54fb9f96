import { translator } from '../shared/localize';

/** The child picker's own words. */
export const childPickerText = translator({
  label: ['Ребёнок', 'Child'],
  only: ['Ребёнок: {name}', 'Child: {name}'],
});
