// Agreement templates the emulator knows. The MCA template id is the one every Microsoft example
// uses; the Microsoft Cloud Agreement id is the emulator's own (no public value is documented).

export const MCA_TEMPLATE_ID = '117a77b0-9360-443b-8795-c6dedc750cf9';
export const CLOUD_AGREEMENT_TEMPLATE_ID = '998b88de-aa99-4388-a42c-1b3517d49490';

export type AgreementType = 'MicrosoftCloudAgreement' | 'MicrosoftCustomerAgreement';
export const AGREEMENT_TYPES: readonly AgreementType[] = ['MicrosoftCloudAgreement', 'MicrosoftCustomerAgreement'];

export interface AgreementTemplate {
  templateId: string;
  agreementType: AgreementType;
  agreementLink: string;
  versionRank: number;
}

export const AGREEMENT_TEMPLATES: readonly AgreementTemplate[] = [
  {
    templateId: CLOUD_AGREEMENT_TEMPLATE_ID,
    agreementType: 'MicrosoftCloudAgreement',
    agreementLink: 'https://aka.ms/microsoftcloudagreement',
    versionRank: 1,
  },
  {
    templateId: MCA_TEMPLATE_ID,
    agreementType: 'MicrosoftCustomerAgreement',
    agreementLink: 'https://aka.ms/customeragreement',
    versionRank: 1,
  },
];
