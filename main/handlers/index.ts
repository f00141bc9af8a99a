import type { Contract } from '../../shared/contract';
import { coreHandlers } from './core';
import { dashboardHandlers } from './dashboard';
import { documentsHandlers } from './documents';
import { mouVersionsHandlers } from './mouVersions';
import { officersHandlers } from './officers';
import { platformHandlers } from './platform';
import { recordsHandlers } from './records';
import { remindersHandlers } from './reminders';
import { seedHandlers } from './seed';
import { sheetsHandlers } from './sheets';
import { syncHandlers } from './sync';
import type { HandlersFor } from './types';

export type { HandlerContext } from './types';

/**
 * The one implementation of the contract, one group per feature. Inputs arrive
 * already parsed by the gate in dispatch.ts. A method missing here is a type error.
 */
export const handlers: HandlersFor<Contract> = {
  ...coreHandlers,
  ...recordsHandlers,
  ...mouVersionsHandlers,
  ...syncHandlers,
  ...documentsHandlers,
  ...platformHandlers,
  ...seedHandlers,
  ...sheetsHandlers,
  ...officersHandlers,
  ...dashboardHandlers,
  ...remindersHandlers,
};
