import { isEditableByApplicant, type TApplicationStatus } from '../application';
import { transitionSpec, type TWorkflowEvent } from '../review/workflow';
import { CHANGEABLE_STATUSES } from './change-requests';

/**
 * What the applicant may do with an application in each status. The workflow's own rows decide
 * where there is one (answer, resubmit, report, withdraw), so the portal's buttons, the API's
 * checks and the state machine cannot disagree.
 */

/** After submission the applicant uploads only for an answer, a correction, a change or the results report. */
export const UPLOAD_STATUSES: readonly TApplicationStatus[] = [
  'information_requested',
  'returned',
  'selected',
  'grant_decided',
  'in_progress',
];

export interface ApplicantActions {
  /** Edit the content (a draft, or one returned for correction). */
  edit: boolean;
  /** 追加資料の提出. */
  answer: boolean;
  /** 再提出 after a 差戻し. */
  resubmit: boolean;
  /** Write and submit the results report (実績報告). */
  report: boolean;
  /** Ask for a change (変更申請). */
  change: boolean;
  upload: boolean;
  withdraw: boolean;
}

const allowedFrom = (event: TWorkflowEvent, status: TApplicationStatus) =>
  transitionSpec(event)?.from.includes(status) ?? false;

export function applicantActions(status: TApplicationStatus): ApplicantActions {
  return {
    edit: isEditableByApplicant(status),
    answer: allowedFrom('answer_request', status),
    resubmit: allowedFrom('resubmit', status),
    report: allowedFrom('report_results', status),
    change: CHANGEABLE_STATUSES.includes(status),
    upload: UPLOAD_STATUSES.includes(status),
    withdraw: allowedFrom('withdraw', status),
  };
}

/** Submitting a returned application is a resubmission (due by the correction's date, not the call's window). */
export const submissionEventFor = (status: TApplicationStatus): 'submit' | 'resubmit' =>
  allowedFrom('resubmit', status) ? 'resubmit' : 'submit';

/** Whether the office reviews the results report now (line reviews, the amount to fix). */
export const isResultsReportUnderReview = (status: TApplicationStatus) => allowedFrom('fix_amount', status);
