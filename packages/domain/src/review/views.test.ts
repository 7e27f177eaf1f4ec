import { describe, expect, it } from 'vitest';
import { queueFromSearchParams, queueSearchParams, ZQueueFilters, type TQueueFilters } from './views';

const address = (params: [string, string][]) => new URLSearchParams(params);
const PROGRAMME = '0b6f6c52-3d3c-4d7e-9a55-2f0b8d8f1a10';

describe('the queue in its address', () => {
  it('reads back every filter, the sort and the page it wrote', () => {
    const filters: TQueueFilters = { programmeId: PROGRAMME, statuses: ['submitted', 'under_review'], search: '杉山 木材', minRequestedYen: 1_000_000, maxRequestedYen: 30_000_000, sort: 'requested_grant', direction: 'asc' };
    const params = address(queueSearchParams(filters, 3));
    expect(params.toString()).toContain('q=%E6%9D%89');
    expect(queueFromSearchParams(params)).toEqual({ filters, page: 3 });
  });

  it('leaves defaults out, so the default list has a bare address', () => {
    expect(queueSearchParams(ZQueueFilters.parse({}), 1)).toEqual([]);
    expect(queueFromSearchParams(address([]))).toEqual({ filters: ZQueueFilters.parse({}), page: 1 });
  });

  it('drops a parameter that does not parse and keeps the others', () => {
    const read = queueFromSearchParams(address([['programme', 'not-a-uuid'], ['status', 'bogus'], ['status', 'submitted'], ['min', '-5'], ['max', '1.5'], ['sort', 'drop table'], ['dir', 'asc'], ['page', '0'], ['q', 'CLT']]));
    expect(read).toEqual({ filters: { statuses: ['submitted'], search: 'CLT', sort: 'submitted_at', direction: 'asc' }, page: 1 });
  });
});
