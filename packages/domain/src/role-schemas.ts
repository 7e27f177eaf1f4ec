import { z } from 'zod';
import { ORGANISATION_KINDS, ROLES } from './roles';

export const ZRole = z.enum(ROLES);
export const ZOrganisationKind = z.enum(ORGANISATION_KINDS);
