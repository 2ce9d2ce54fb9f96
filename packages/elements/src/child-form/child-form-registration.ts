import {
  normalizeOneTimeCode,
  normalizePersonName,
  normalizeRosterId,
  normalizeSnils,
  type Application,
  type Challenge,
  type Child,
  type School,
} from '@school-diary/core';
import { datePartsToIso } from '../shared/date-of-birth';
import type { WidgetClient } from '../shared/client';
import type { ChildDraft } from './child-form-validation';

/** The school year an application is for: from June on, the one starting in September. */
export function currentSchoolYear(today: string): string {
  const year = Number(today.slice(0, 4));
  const first = Number(today.slice(5, 7)) >= 6 ? year : year - 1;
  return `${first}/${first + 1}`;
}

/** The personal details a card is created from: another card is needed when they change. */
function personalDetails(d: ChildDraft): string {
  return JSON.stringify([d.lastName, d.firstName, d.middleName, datePartsToIso(d), d.sex, d.snils]);
}

/**
 * What the form's steps did on the server for one child, so that going back and submitting again
 * repeats nothing already done: the details step creates the card (again only when the personal
 * details changed), the code step confirms it, and the last call links it to the school and
 * applies for the diary.
 */
export class ChildRegistration {
  /** The card, once created. */
  child: Child | undefined;
  /** The SMS code that confirms the card. */
  challenge: Challenge | undefined;
  /** The application, once made. */
  application: Application | undefined;
  #childFor: string | undefined;
  #linked = false;

  /**
   * The details step: creates the card unless one for the same details awaits its code or is
   * confirmed. Says what comes next: `confirmed` (link and apply at once) or `code`.
   */
  async submitDetails(client: WidgetClient, d: ChildDraft): Promise<'confirmed' | 'code'> {
    const details = personalDetails(d);
    if (this.child?.status === 'confirmed' && this.#childFor === details) return 'confirmed';
    if (this.child && this.#childFor === details && this.challenge) return 'code';
    const created = await client.children.create({
      lastName: normalizePersonName(d.lastName) ?? d.lastName,
      firstName: normalizePersonName(d.firstName) ?? d.firstName,
      middleName: d.middleName.trim() ? (normalizePersonName(d.middleName) ?? d.middleName) : '',
      birthDate: datePartsToIso(d) ?? '',
      sex: d.sex as 'male' | 'female',
      snils: d.snils.trim() ? (normalizeSnils(d.snils) ?? d.snils) : '',
    });
    this.child = created.child;
    this.#childFor = details;
    this.#linked = false;
    this.challenge = created.challenge;
    return 'code';
  }

  /** The code step: confirms the card with the code typed (once). */
  async confirm(client: WidgetClient, code: string): Promise<void> {
    const { child, challenge } = this;
    if (!child || !challenge || child.status === 'confirmed') return;
    this.child = await client.children.confirm({
      childId: child.id,
      challengeId: challenge.challengeId,
      code: normalizeOneTimeCode(code) ?? code,
    });
  }

  /** Sends the code again; the new challenge replaces the old one. */
  async resend(client: WidgetClient): Promise<Challenge | undefined> {
    const challenge = this.challenge;
    if (!challenge) return undefined;
    this.challenge = await client.auth.resend({ challengeId: challenge.challengeId });
    return this.challenge;
  }

  /** Links the confirmed card to the school (once) and applies for the diary. */
  async finish(
    client: WidgetClient,
    school: School,
    rosterId: string,
    schoolYear: string,
  ): Promise<Application | undefined> {
    const child = this.child;
    if (!child) return undefined;
    if (!this.#linked) {
      await client.children.linkSchool({
        childId: child.id,
        schoolCode: school.code,
        rosterId: normalizeRosterId(rosterId) ?? rosterId,
      });
      this.#linked = true;
    }
    this.application = await client.applications.create({ childId: child.id, schoolYear });
    return this.application;
  }

  /** Forgets everything: the next child starts from the details step. */
  reset(): void {
    this.child = undefined;
    this.challenge = undefined;
    this.application = undefined;
    this.#childFor = undefined;
    this.#linked = false;
  }
}
