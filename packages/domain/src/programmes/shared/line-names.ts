import type { TProgrammeDefinition } from './definition';
import { listedNamesParams } from '../../display-params';

/**
 * Message parameters that name a budget line's section and cost category as the definition names
 * them (Japanese in `section`/`category`/`options`, English in the *En twins), never by their codes:
 * a Japanese screen shows 旅費, not travel.
 */
type Named = { code: string; name: { ja: string; en: string } };
type Names = Pick<TProgrammeDefinition, 'sections' | 'costCategories'>;

const nameOf = (list: readonly Named[], code: string): { ja: string; en: string } =>
  list.find((x) => x.code === code)?.name ?? { ja: code, en: code };

function namesOf(list: readonly Named[], codes: readonly string[]): { options: string; optionsEn: string } {
  return listedNamesParams('options', codes.map((c) => nameOf(list, c)));
}

/** grant.category_not_in_section: the line's category, its section and the categories it allows, by name. */
export function categoryNotInSectionParams(
  def: Names,
  line: string,
  sectionCode: string,
  categoryCode: string,
  allowed: readonly string[],
): Record<string, string> {
  const section = nameOf(def.sections, sectionCode);
  const category = nameOf(def.costCategories, categoryCode);
  return {
    line,
    category: category.ja,
    categoryEn: category.en,
    section: section.ja,
    sectionEn: section.en,
    ...namesOf(def.costCategories, allowed),
  };
}

/** grant.section_unknown: the line and the definition's sections, by name (the code given is no name to show). */
export function sectionUnknownParams(def: Names, line: string): Record<string, string> {
  return { line, ...namesOf(def.sections, def.sections.map((s) => s.code)) };
}
