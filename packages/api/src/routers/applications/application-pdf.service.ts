import { findOrganisationById, findProgrammeById, listSubmissionsOfApplication } from '@tsumiki/db';
import { assessApplication, type TGrantResult } from '@tsumiki/domain/programmes';
import { appError } from '../../errors';
import { rulesOfApplication } from '../../lib/rules';
import { pdfFile } from '../../lib/pdf-file';
import type { Context, SignedInAuth } from '../../trpc-types';
import { applicationPdfModel } from './application-pdf';
import { applicationOfCaller } from './applications.service';
import { programmeKindOf } from './submission.service';

/**
 * The application as a PDF: a submitted version exactly as frozen (its content and the grant
 * computed then), or the draft as it stands.
 */
export async function applicationPdf(ctx: Context & { auth: SignedInAuth }, input: { id: string; versionNo?: number | undefined }) {
  const application = await applicationOfCaller(ctx.db, ctx.auth, input.id);
  const [programme, organisation] = await Promise.all([
    findProgrammeById(ctx.db, application.programme_id),
    findOrganisationById(ctx.db, application.applicant_organisation_id),
  ]);
  if (!programme) throw appError('programme.not_found');
  const kind = programmeKindOf(programme);
  const rules = await rulesOfApplication(ctx.db, application);
  let content = application.content;
  let result: TGrantResult | null;
  let frozen: { submittedAt: Date; versionNo: number } | null = null;
  if (input.versionNo !== undefined) {
    const version = (await listSubmissionsOfApplication(ctx.db, application.id)).find((s) => s.version_no === input.versionNo);
    if (!version) throw appError('application.not_found');
    content = version.content;
    result = assessApplication(kind, content, undefined, rules).result;
    frozen = { submittedAt: version.submitted_at, versionNo: version.version_no };
  } else result = assessApplication(kind, content, undefined, rules).result;
  const model = applicationPdfModel({
    kind,
    programmeName: programme.name_ja,
    organisationName: organisation?.name_ja ?? '',
    title: application.title,
    content,
    result,
    definition: rules,
    trackingNumber: frozen ? application.tracking_number : null,
    submittedAt: frozen?.submittedAt ?? null,
    versionNo: frozen?.versionNo ?? null,
  });
  const basename = frozen ? `${application.tracking_number ?? 'application'}-v${frozen.versionNo}` : `draft-${application.id.slice(0, 8)}`;
  return pdfFile(model, basename);
}
