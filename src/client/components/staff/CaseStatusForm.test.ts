// The case worker's status form: only the statuses the server allows, a refusal shown in words
// with the typed note kept, and the new status after success (fetch mocked at the edge).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import type { CaseHandling } from '../../../domain/casework-api';
import { installFeatureMessages, type MergeTarget } from '../../i18n/feature-messages';
import { staffMessages } from '../../i18n/staff/index';
import { useStaffCasesStore } from '../../stores/staff-cases';
import { apiError, createHarness, json, mockFetch } from '../../testing/harness';
import CaseStatusForm from './CaseStatusForm.vue';

const CASE_ID = '3f0c0000-0000-4000-8000-000000000001';
const url = `POST /api/staff/cases/${CASE_ID}/status`;
const label = (nl: string) => ({ nl, en: nl });
const handling: CaseHandling = {
  status: { code: 'in_progress', label: label('Wij bekijken uw aanvraag') },
  history: [
    {
      status: { code: 'in_progress', label: label('Wij bekijken uw aanvraag') },
      setAt: '2026-11-20T09:00:00.000Z',
      note: null,
    },
  ],
  allowedStatuses: [{ code: 'information_requested', label: label('Wij hebben meer informatie van u nodig') }],
  decisionTerm: null,
  decision: null,
};

afterEach(() => vi.unstubAllGlobals());

async function render(answer: () => Response) {
  const fetchMock = mockFetch({ [url]: answer });
  const harness = await createHarness('nl');
  installFeatureMessages(harness.i18n.global as unknown as MergeTarget, staffMessages);
  const cases = useStaffCasesStore(harness.pinia);
  cases.detailId = CASE_ID;
  cases.detail = { case: {} as never, requests: [], arrivals: [], handling, appointments: [] };
  const wrapper = mount(CaseStatusForm, {
    props: { caseId: CASE_ID, handling },
    global: { plugins: [...harness.plugins] },
  });
  return { wrapper, fetchMock, cases };
}

async function choose(wrapper: Awaited<ReturnType<typeof render>>['wrapper'], note: string) {
  await wrapper.find('select').setValue('information_requested');
  await wrapper.find('textarea').setValue(note);
  await wrapper.find('form').trigger('submit');
  await flushPromises();
}

describe('Status wijzigen', () => {
  it('offers only the allowed statuses, labelled; on a refusal shows the reason and keeps the note', async () => {
    const { wrapper, fetchMock } = await render(() => apiError(409, 'STATUS_TRANSITION_NOT_ALLOWED'));
    expect(wrapper.find('label[for="status-change-status"]').text()).toBe('Nieuwe status');
    expect(wrapper.findAll('option').map((o) => o.text())).toEqual([
      'Kies een status',
      'Wij hebben meer informatie van u nodig',
    ]);
    await choose(wrapper, 'Wij wachten op advies.');
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').text()).toContain('Deze status kan nu niet.'));
    expect((wrapper.find('textarea').element as HTMLTextAreaElement).value).toBe('Wij wachten op advies.');
    const [, init] = fetchMock.mock.calls[0]!;
    expect(JSON.parse(String(init!.body))).toEqual({ status: 'information_requested', note: 'Wij wachten op advies.' });
    expect((init!.headers as Record<string, string>)['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('asks for a status before sending anything', async () => {
    const { wrapper, fetchMock } = await render(() => json({ handling }));
    await wrapper.find('form').trigger('submit');
    expect(wrapper.find('[role="alert"] li a').text()).toBe('Kies een nieuwe status.');
    expect(wrapper.find('[role="alert"] li a').attributes('href')).toBe('#status-change-status');
    expect(wrapper.find('#status-change-status').attributes('aria-invalid')).toBe('true');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('after success says the resident sees it, and the case on screen gets the new status', async () => {
    const updated: CaseHandling = {
      ...handling,
      status: { code: 'information_requested', label: label('Wij hebben meer informatie van u nodig') },
    };
    const { wrapper, cases } = await render(() => json({ handling: updated }));
    await choose(wrapper, 'Stuur uw loonstrook.');
    await vi.waitFor(() =>
      expect(wrapper.find('[role="status"]').text()).toBe('De status is gewijzigd. De inwoner ziet dit nu in Loket.'),
    );
    expect(cases.detail?.handling.status.code).toBe('information_requested');
    expect((wrapper.find('textarea').element as HTMLTextAreaElement).value).toBe('');
  });
});
