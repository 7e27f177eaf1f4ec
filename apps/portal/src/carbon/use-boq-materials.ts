import {
  DATA_TYPE_NAMES,
  indexFactors,
  materialNameIndex,
  selectFactor,
  type TBoqDraftLine,
  type TEmissionFactor,
  type TRememberedName,
} from '@tsumiki/domain/carbon';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * How the grid names materials: the names it recognises (the library's and the organisation's
 * remembered ones), a material's label in the reader's language, and which factor a line rests on.
 */
export function useBoqMaterials({
  library,
  remembered,
  projectFactors,
  assessmentDate,
}: {
  library: readonly TEmissionFactor[];
  remembered: readonly TRememberedName[];
  projectFactors: readonly TEmissionFactor[];
  assessmentDate: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const names = useMemo(() => materialNameIndex(library, remembered), [library, remembered]);
  const factorIndex = useMemo(() => indexFactors(library, projectFactors), [library, projectFactors]);
  // Which factor each line rests on, by its name and data type: its provenance at a glance.
  const provenance = (line: TBoqDraftLine) => {
    if (!names.keys.has(line.materialKey) && line.factorId === undefined) return t('carbon.boq.auto');
    const s = selectFactor(factorIndex, line.materialKey, line.factorId, assessmentDate);
    if (!s.ok) return s.reason === 'factor_missing' ? t('carbon.boq.noFactor') : t('carbon.boq.auto');
    return `${lang === 'ja' ? s.factor.nameJa : s.factor.nameEn}・${DATA_TYPE_NAMES[s.factor.dataType][lang]}`;
  };
  const materialLabel = (key: string) => {
    const m = names.materials.get(key);
    return m ? (lang === 'ja' ? m.nameJa : m.nameEn) : key;
  };
  return { names, provenance, materialLabel };
}
