/**
 * The roles with children of their own in the diary: a parent's children, a student themself.
 * The route table gives the children's routes to them; a widget asks for children only for them.
 *
 * @example
 * FAMILY_ROLES.includes(user.role); // false for a teacher
 */
export const FAMILY_ROLES: readonly ['parent', 'student'] = ['parent', 'student'];
