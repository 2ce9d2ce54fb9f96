import type { Group, WidgetClient } from '../shared/client';

/**
 * The SDK client as `<diary-substitutions>` needs it: the school's classes, teachers and
 * subjects, a class's week, and substituting a lesson or removing its substitution.
 */
export interface SubstitutionsClient extends WidgetClient {
  readonly classes: Group<'classes', 'list'>;
  readonly setup: Group<'setup', 'staff' | 'subjects'>;
  readonly schedule: Group<'schedule', 'week' | 'substitute' | 'cancelSubstitution'>;
}

const OPERATIONS = [
  ['classes', 'list'],
  ['setup', 'staff'],
  ['setup', 'subjects'],
  ['schedule', 'week'],
  ['schedule', 'substitute'],
  ['schedule', 'cancelSubstitution'],
] as const;

/** Whether the provider's client can serve `<diary-substitutions>` (a full SDK client can). */
export const isSubstitutionsClient = (
  client: WidgetClient | undefined,
): client is SubstitutionsClient =>
  OPERATIONS.every(([group, op]) => {
    const part = (client as Record<string, unknown> | undefined)?.[group];
    return typeof (part as Record<string, unknown> | undefined)?.[op] === 'function';
  });
