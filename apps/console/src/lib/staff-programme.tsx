import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@tsumiki/ui';
import { useState } from 'react';

/**
 * A programme picker's width: a round's name runs long, most in English («[Demo] Support for
 * developing CO2 emission factors (open round)»), and a read-only select cuts it without a hint.
 */
export const PROGRAMME_PICKER_WIDTH = { w: 560, maw: '100%' } as const;

/**
 * The programme round a staff page (publication list, statistics) is about: the caller's
 * programmes where they are secretariat or office, the first by default, and the picker for it.
 */
export function useStaffProgramme() {
  const trpc = useTRPC();
  const programmes = useQuery(trpc.review.programmes.queryOptions());
  const options = (programmes.data ?? []).filter((p) => p.roles.some((r) => r === 'reviewer' || r === 'programme_admin'));
  const [chosen, setChosen] = useState<string | null>(null);
  const programmeId = chosen ?? options[0]?.id ?? '';
  const picker = (label: string, className?: string) => (
    <Select className={className} label={label} data={options.map((p) => ({ value: p.id, label: p.name }))} value={programmeId} onChange={setChosen} {...PROGRAMME_PICKER_WIDTH} allowDeselect={false} />
  );
  return { programmeId, picker };
}
