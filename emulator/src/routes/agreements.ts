// Customer agreements (App+User only): template metadata, the partner's confirmation that a
// customer accepted the Microsoft Customer Agreement (required before any purchase: 13605),
// the list of confirmations, and the direct-signed status.

import { requireUser } from '../auth';
import { asRecord, parseEnum, queryParam } from '../casing';
import { AGREEMENT_TEMPLATES, AGREEMENT_TYPES, type AgreementType } from '../data/agreements';
import { type AgreementRecord } from '../data/model';
import { attributes, collection } from '../envelope';
import { ERRORS } from '../errorCodes';
import { ApiError, invalidInput } from '../errors';
import { type HttpAnswer, type RequestContext, type Router } from '../router';
import { requireCustomer } from './customers';

export function registerAgreements(router: Router): void {
  router.get('/agreements', metadata);
  router.get('/customers/{customerId}/agreements', listConfirmations);
  router.post('/customers/{customerId}/agreements', confirm);
  router.get('/customers/{customerId}/directSignedMicrosoftCustomerAgreementStatus', (ctx) => {
    requireUser(ctx.appOnly);
    requireCustomer(ctx);
    return { status: 200, body: { isSigned: false, attributes: attributes('DirectSignedCustomerAgreementStatus') } };
  });
}

/** `*` asks for every type; the metadata call defaults to the Microsoft Cloud Agreement. */
function typeFilter(ctx: RequestContext, fallback: AgreementType | '*'): AgreementType | '*' {
  const text = queryParam(ctx.url, 'agreementType');
  if (text === undefined || text === '') return fallback;
  return text.trim() === '*' ? '*' : parseEnum('agreementType', text, AGREEMENT_TYPES);
}

function metadata(ctx: RequestContext): HttpAnswer {
  requireUser(ctx.appOnly);
  const type = typeFilter(ctx, 'MicrosoftCloudAgreement');
  const items = AGREEMENT_TEMPLATES.filter((t) => type === '*' || t.agreementType === type).map((t) => ({
    ...t,
    attributes: attributes('AgreementMetaData'),
  }));
  return { status: 200, body: collection(items) };
}

function agreementWire(a: AgreementRecord): Record<string, unknown> {
  const template = AGREEMENT_TEMPLATES.find((t) => t.templateId === a.templateId);
  return {
    primaryContact: a.primaryContact,
    templateId: a.templateId,
    dateAgreed: a.dateAgreed,
    type: a.type,
    agreementLink: template?.agreementLink,
    userId: a.userId,
    attributes: attributes('Agreement'),
  };
}

function listConfirmations(ctx: RequestContext): HttpAnswer {
  requireUser(ctx.appOnly);
  const customer = requireCustomer(ctx);
  const type = typeFilter(ctx, '*');
  const items = ctx.store.listOf(ctx.store.agreements, customer.id).filter((a) => type === '*' || a.type === type);
  return { status: 200, body: collection(items.map(agreementWire)) };
}

function requiredText(record: Record<string, unknown>, key: string, path: string): string {
  const v = record[key];
  if (typeof v !== 'string' || v.trim() === '') throw invalidInput(`${path} is required.`);
  return v.trim();
}

function sameContact(a: AgreementRecord['primaryContact'], b: AgreementRecord['primaryContact']): boolean {
  const fold = (s: string | undefined) => (s ?? '').trim().toLowerCase();
  return (
    fold(a.firstName) === fold(b.firstName) &&
    fold(a.lastName) === fold(b.lastName) &&
    fold(a.email) === fold(b.email) &&
    fold(a.phoneNumber) === fold(b.phoneNumber)
  );
}

function confirm(ctx: RequestContext): HttpAnswer {
  requireUser(ctx.appOnly);
  const customer = requireCustomer(ctx);
  const body = asRecord(ctx.body);
  if (body.type === undefined) throw invalidInput('type is required (MicrosoftCustomerAgreement).');
  const type = parseEnum('type', body.type, AGREEMENT_TYPES);
  const templateId = requiredText(body, 'templateId', 'templateId').toLowerCase();
  const template = AGREEMENT_TEMPLATES.find((t) => t.agreementType === type);
  if (!template || template.templateId !== templateId) {
    throw invalidInput(
      `templateId ${templateId} is not the current ${type} template; get it from GET /v1/agreements?agreementType=${type}.`,
    );
  }
  const contact = asRecord(body.primaryContact);
  const primaryContact = {
    firstName: requiredText(contact, 'firstName', 'primaryContact.firstName'),
    lastName: requiredText(contact, 'lastName', 'primaryContact.lastName'),
    email: requiredText(contact, 'email', 'primaryContact.email'),
    ...(typeof contact.phoneNumber === 'string' && contact.phoneNumber !== '' ? { phoneNumber: contact.phoneNumber } : {}),
  };
  if (!primaryContact.email.includes('@')) throw invalidInput('primaryContact.email is not a valid email address.');
  const dateText = requiredText(body, 'dateAgreed', 'dateAgreed');
  const date = Date.parse(dateText);
  if (Number.isNaN(date)) throw invalidInput(`dateAgreed '${dateText}' is not a date.`);
  if (date > ctx.now + 86_400_000) throw invalidInput('dateAgreed cannot be in the future.');
  const existing = ctx.store.listOf(ctx.store.agreements, customer.id);
  // The docs allow a new confirmation when the first name, last name, email or phone number changed.
  if (existing.some((a) => a.templateId === templateId && sameContact(a.primaryContact, primaryContact))) {
    const description = 'A partner confirmed agreement already exists for the customer.';
    const { code } = ERRORS.agreementAlreadyConfirmed;
    throw new ApiError('agreementAlreadyConfirmed', description, {
      body: {
        code,
        message: description,
        description,
        errorName: 'PartnerConfirmedAgreementAlreadyExists',
        isRetryable: false,
        parameters: {},
        errorMessageExtended: `InternalErrorCode=${code}`,
      },
    });
  }
  const record: AgreementRecord = {
    customerId: customer.id,
    templateId,
    type,
    dateAgreed: dateText,
    primaryContact,
    userId: ctx.store.ids.guid(),
  };
  existing.push(record);
  return { status: 201, body: agreementWire(record) };
}
