import { validateAssessmentInput } from '@tsumiki/domain/carbon';
const N = 100_000;
const T = [
  { category: '3', subItem: '3.1', materialKey: 'concrete.ready_mixed', unit: 'm3' },
  { category: '3', subItem: '3.4', materialKey: 'steel.rebar', unit: 't' },
  { category: '3', subItem: '3.2', materialKey: 'wood.plywood_formwork', unit: 'm2', thickness: 0.012 },
];
const boq = [];
for (let i = 0; i < N; i++) boq.push({ ...T[i % 3], id: `L${i + 1}`, quantity: 1 + ((i * 7919) % 1000) / 10 });
const raw: any = JSON.parse(JSON.stringify({ project: { name: 'x', building: { use: 'office', structure: 'S', grossFloorAreaM2: 5000 } }, assessmentDate: '2026-04-01', method: 'detailed', boq }));
const time = (name: string, fn: () => void) => { for (let i = 0; i < 5; i++) fn(); const s: number[] = []; for (let i = 0; i < 30; i++) { const t = process.cpuUsage(); fn(); const d = process.cpuUsage(t); s.push((d.user + d.system) / 1000); } s.sort((a, b) => a - b); console.log(name, 'min', s[0]!.toFixed(2), 'p25', s[7]!.toFixed(2), 'med', s[15]!.toFixed(2)); };
time('validate', () => validateAssessmentInput(raw));
time('ids set', () => { const ids = new Set<string>(); for (const l of raw.boq) ids.add(l.id); });
time('ids set prealloc-ish map', () => { const ids = new Map<string, number>(); for (const l of raw.boq) ids.set(l.id, 1); });
time('ids obj', () => { const ids: Record<string, 1> = Object.create(null); for (const l of raw.boq) ids[l.id] = 1; });
