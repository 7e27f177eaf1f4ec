import {
  ZCreateProgrammeFromTemplate,
  ZProgrammeCodeCheck,
  ZProgrammeDefinitionRef,
  ZPublishDefinitionVersion,
  ZTryDefinitionInput,
  ZUpdateDraftDefinition,
} from '@tsumiki/domain/programmes';
import { createTRPCRouter, roleProcedure } from '../../trpc';
import * as service from './programme-definitions.service';

/** Programmes as an office defines them: only its programme admins read and change them here. */
const adminProcedure = roleProcedure('programme_admin');

export const programmeDefinitionsRouter = createTRPCRouter({
  templates: adminProcedure.query(() => service.listTemplates()),
  list: adminProcedure.query(({ ctx }) => service.listOwnProgrammes(ctx)),
  get: adminProcedure.input(ZProgrammeDefinitionRef).query(({ ctx, input }) => service.programmeWithVersions(ctx, input.id)),
  codeAvailable: adminProcedure.input(ZProgrammeCodeCheck).query(({ ctx, input }) => service.codeAvailable(ctx, input.code)),
  createFromTemplate: adminProcedure.input(ZCreateProgrammeFromTemplate).mutation(({ ctx, input }) => service.createFromTemplate(ctx, input)),
  openDraft: adminProcedure.input(ZProgrammeDefinitionRef).mutation(({ ctx, input }) => service.openDraft(ctx, input.id)),
  updateDraft: adminProcedure.input(ZUpdateDraftDefinition).mutation(({ ctx, input }) => service.updateDraft(ctx, input)),
  publish: adminProcedure.input(ZPublishDefinitionVersion).mutation(({ ctx, input }) => service.publish(ctx, input)),
  // A mutation only so the draft (tens of kB) travels in the body, not the URL; it changes nothing.
  tryIt: adminProcedure.input(ZTryDefinitionInput).mutation(({ ctx, input }) => service.tryIt(ctx, input)),
});
