// fetch is mocked at the edge (see testing/harness.ts); the real API is tested in test/server.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import ApiErrorMessage from './ApiErrorMessage.vue';
import { ApiError, getJson } from '../api/http';
import { apiError, createHarness, mockFetch } from '../testing/harness';

afterEach(() => vi.unstubAllGlobals());

async function errorFrom(response: () => Response | Promise<Response>): Promise<ApiError> {
  mockFetch({ 'GET /api/thing': response });
  const error = await getJson('/api/thing').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('API errors', () => {
  it('parses { error: { code, message } } into an ApiError with status and code', async () => {
    const error = await errorFrom(() => apiError(404, 'NOT_FOUND', 'Application 42 not found'));
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'Application 42 not found' });
  });

  it('uses NETWORK_ERROR when fetch rejects and UNKNOWN for a body without a code', async () => {
    expect((await errorFrom(() => Promise.reject(new TypeError('Failed to fetch')))).code).toBe('NETWORK_ERROR');
    expect((await errorFrom(() => new Response('<h1>Bad gateway</h1>', { status: 502 }))).code).toBe('UNKNOWN');
  });

  it('sends same-origin credentials and asks for JSON', async () => {
    const fetchMock = mockFetch({ 'GET /api/thing': () => new Response('{}') });
    await getJson('/api/thing');
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  });

  it.each([
    ['nl', 'NOT_FOUND', 'Wij kunnen dit niet vinden.'],
    ['en', 'NOT_FOUND', 'We cannot find this.'],
    ['nl', 'SOMETHING_NEW', 'Er ging iets mis. Probeer het later nog een keer.'],
    ['nl', 'errors.NOT_FOUND', 'Er ging iets mis. Probeer het later nog een keer.'],
  ] as const)('in %s, code %s reads "%s", never the server text', async (locale, code, expected) => {
    const { plugins } = await createHarness(locale);
    const wrapper = mount(ApiErrorMessage, { props: { code }, global: { plugins: [...plugins] } });
    expect(wrapper.find('p').text()).toBe(expected);
    expect(wrapper.attributes('role')).toBe('alert');
    await wrapper.find('button').trigger('click');
    expect(wrapper.emitted('retry')).toHaveLength(1);
  });
});
