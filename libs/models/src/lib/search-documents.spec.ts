import { searchKeyProblem } from './search-documents';
import { SEARCH_LIMITS } from './text-rules';

describe('searchKeyProblem', () => {
  it('takes keys up to SEARCH_LIMITS.keyBytes bytes of UTF-8 (Elasticsearch refuses longer document ids)', () => {
    expect(SEARCH_LIMITS.keyBytes).toBe(512);
    expect(searchKeyProblem('k'.repeat(512))).toBeUndefined();
    expect(searchKeyProblem('k'.repeat(513))).toBe('is longer than 512 bytes (UTF-8)');
    // 300 characters, 600 bytes: counted in bytes, not characters.
    expect(searchKeyProblem('é'.repeat(300))).toBe('is longer than 512 bytes (UTF-8)');
    expect(searchKeyProblem('é'.repeat(256))).toBeUndefined();
  });
});
