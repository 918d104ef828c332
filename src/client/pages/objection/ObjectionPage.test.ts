// The objection page shares the application page's loading states (ApplicationLoadState): the
// same words while loading, for an application that is not there or not the resident's, and
// for a failure with a retry (fetch mocked at the edge).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { apiError, createHarness, mockFetch } from '../../testing/harness';
import ObjectionPage from './ObjectionPage.vue';

const ID = '0b6f1d4e-1111-4c3a-9d7e-000000000001';
afterEach(() => vi.unstubAllGlobals());

async function render(answer: () => Response | Promise<Response>) {
  const fetchMock = mockFetch({ [`GET /api/applications/${ID}`]: answer });
  const { plugins } = await createHarness('nl');
  const wrapper = mount(ObjectionPage, { props: { id: ID }, global: { plugins: [...plugins] } });
  return { wrapper, fetchMock };
}

describe('Bezwaar maken: loading the application', () => {
  it('says it is loading until the answer comes', async () => {
    const { wrapper } = await render(() => new Promise<Response>(() => undefined));
    await flushPromises();
    expect(wrapper.find('[role="status"]').text()).toMatch(/laden/i);
  });

  it.each([404, 403])('answers %i with "does not exist or is not yours", nothing else', async (status) => {
    const { wrapper } = await render(() => apiError(status, status === 404 ? 'NOT_FOUND' : 'FORBIDDEN'));
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toBe('Deze aanvraag bestaat niet of is niet van u.');
    expect(wrapper.find('[role="status"].loket-loading').exists()).toBe(false);
  });

  it('offers to try again after a failure, and asks the server again', async () => {
    const { wrapper, fetchMock } = await render(() => apiError(503, 'SERVICE_UNAVAILABLE'));
    await flushPromises();
    const retry = wrapper.findAll('button').find((b) => /opnieuw/i.test(b.text()));
    expect(retry).toBeDefined();
    await retry!.trigger('click');
    await flushPromises();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
