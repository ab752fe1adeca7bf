// Agreement kinds and states by their names in the string tables.
import {Agreement_Kind, Agreement_State} from '../gen/techmatch/v1/agreement_pb';
import type {StringKey} from '../i18n/i18n';

export const kKindKeys: Partial<Record<string, StringKey>> = {
  [Agreement_Kind[Agreement_Kind.FRAMEWORK_COOPERATION]]: 'kindFramework',
  [Agreement_Kind[Agreement_Kind.TECHNOLOGY_DEVELOPMENT]]: 'kindDevelopment',
  [Agreement_Kind[Agreement_Kind.TECHNOLOGY_TRANSFER]]: 'kindTransfer',
  [Agreement_Kind[Agreement_Kind.TECHNOLOGY_LICENSE]]: 'kindLicense',
  [Agreement_Kind[Agreement_Kind.TECHNOLOGY_CONSULTING]]: 'kindConsulting',
  [Agreement_Kind[Agreement_Kind.TECHNOLOGY_SERVICE]]: 'kindService',
};

export const kStateKeys: Partial<Record<Agreement_State, StringKey>> = {
  [Agreement_State.SIGNED]: 'agreementSigned',
  [Agreement_State.IMPLEMENTING]: 'agreementImplementing',
  [Agreement_State.COMPLETED]: 'agreementCompleted',
  [Agreement_State.TERMINATED]: 'agreementTerminated',
};
