// Every staff form that can refuse input in the page answers as the resident forms do
// (ErrorSummary): focus to a summary that links to the field, the field marked aria-invalid and
// described by its message, what was typed kept, and nothing sent (fetch mocked at the edge).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { todayInAmsterdam } from '../../../domain/dates';
import type { PlanningLocation, QueuedHomeVisit } from '../../../domain/planning-api';
import type { StaffDocumentRequest, StaffMe } from '../../../domain/staff-api';
import { balieMessages } from '../../i18n/balie/index';
import { installFeatureMessages, type MergeTarget } from '../../i18n/feature-messages';
import { staffMessages } from '../../i18n/staff/index';
import { useStaffStore } from '../../stores/staff';
import { createHarness, json, mockFetch } from '../../testing/harness';
import AgendaPage from '../../pages/beheer/planning/AgendaPage.vue';
import DeskCheckIn from '../balie/DeskCheckIn.vue';
import CapacityForm from '../planning/CapacityForm.vue';
import VisitActions from '../planning/VisitActions.vue';
import CaseSearchForm from './CaseSearchForm.vue';
import QuestionAnswerForm from './QuestionAnswerForm.vue';
import RequestCard from './RequestCard.vue';

const CASE_ID = '3f0c0000-0000-4000-8000-000000000001';
let mounted: VueWrapper | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
  vi.unstubAllGlobals();
});

async function render(
  component: Parameters<typeof mount>[0],
  props: Record<string, unknown>,
  { routes = {}, planner = false }: { routes?: Parameters<typeof mockFetch>[0]; planner?: boolean } = {},
) {
  const fetchMock = mockFetch({
    ...routes,
    'GET /api/staff/appointments/locations': () => json({ locations: [{ id: 'centraal', name: 'Centraal' }] }),
    'GET /api/staff/appointments/locations/centraal/today': () =>
      json({ location: { id: 'centraal', name: 'Centraal' }, date: '2026-12-01', appointments: [] }),
  });
  const harness = await createHarness('nl');
  const global = harness.i18n.global as unknown as MergeTarget;
  installFeatureMessages(global, staffMessages);
  installFeatureMessages(global, balieMessages);
  if (planner) {
    const staff = useStaffStore(harness.pinia);
    staff.me = {
      staff: { id: CASE_ID, name: 'Priya Smit', grants: [{ role: 'planner', municipalityCode: null }] },
      session: { idleExpiresAt: '2099-01-01T00:00:00.000Z', absoluteExpiresAt: '2099-01-01T00:00:00.000Z' },
    } as unknown as StaffMe;
    staff.status = 'authenticated';
  }
  // Attached to the document: where focus goes is part of the pattern.
  mounted = mount(component, { props, global: { plugins: [...harness.plugins] }, attachTo: document.body });
  await flushPromises();
  fetchMock.mockClear();
  return { wrapper: mounted, fetchMock };
}

/** The pattern, for the field `id` with `message` (the summary may prefix the field's label). */
async function expectRefused(wrapper: VueWrapper, id: string, message: string, typed: string) {
  await wrapper.find('form').trigger('submit');
  await flushPromises();
  const summary = wrapper.find('.loket-error-summary');
  expect(summary.exists(), 'an error summary').toBe(true);
  expect(document.activeElement).toBe(summary.element);
  const link = summary.find(`a[href="#${id}"]`);
  expect(link.text()).toContain(message);
  const field = wrapper.find(`#${id}`);
  expect(field.attributes('aria-invalid')).toBe('true');
  expect(field.attributes('aria-describedby')).toContain(`${id}-error`);
  expect(wrapper.find(`#${id}-error`).text()).toBe(message);
  expect((field.element as HTMLInputElement).value).toBe(typed);
  // The summary's link takes the user to the field.
  await link.trigger('click');
  expect(document.activeElement).toBe(field.element);
}

describe('error summary on the staff forms', () => {
  it('the case search (back office)', async () => {
    const { wrapper, fetchMock } = await render(CaseSearchForm, { headingId: 'x' });
    await wrapper.find('#case-reference').setValue('   ');
    await expectRefused(wrapper, 'case-reference', 'Vul een zaaknummer in.', '   ');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('the answer to a question', async () => {
    const questionId = '3f0c0000-0000-4000-8000-0000000000a1';
    const { wrapper, fetchMock } = await render(QuestionAnswerForm, {
      caseId: CASE_ID,
      questionId,
      afterAnswer: () => undefined,
    });
    await expectRefused(wrapper, `answer-${questionId}`, 'Schrijf een antwoord.', '');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('the reason for rejecting a document', async () => {
    const request: StaffDocumentRequest = {
      id: '3f0c0000-0000-4000-8000-0000000000b1',
      title: { nl: 'Huurcontract', en: 'Rental contract' },
      reason: { nl: 'Wij willen uw huur zien.', en: 'We want to see your rent.' },
      requestedOn: '2026-11-20',
      dueDate: '2026-12-04',
      state: 'received',
      rejectionReason: null,
      awaitsJudgement: true,
    } as StaffDocumentRequest;
    const { wrapper, fetchMock } = await render(RequestCard, { caseId: CASE_ID, request, files: [] });
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Afwijzen')!
      .trigger('click');
    await flushPromises();
    await wrapper.find(`#reject-${request.id}`).setValue(' ');
    await expectRefused(wrapper, `reject-${request.id}`, 'Vul dit in.', ' ');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('the number of desks (capacity)', async () => {
    const location: PlanningLocation = {
      id: 'centraal',
      name: 'Centraal',
      municipalityCode: null,
      desks: [{ id: 'balie-1', units: 2, types: [] }],
    } as unknown as PlanningLocation;
    const { wrapper, fetchMock } = await render(CapacityForm, { location });
    await wrapper.find('#capacity-units').setValue('99');
    await expectRefused(wrapper, 'capacity-units', 'Vul een heel getal in van 0 tot en met 50.', '99');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('the reason for declining a home visit', async () => {
    const visit = {
      id: '3f0c0000-0000-4000-8000-0000000000aa',
      reference: 'HB-DEMO032',
      state: 'requested',
      planned: null,
    } as unknown as QueuedHomeVisit;
    const { wrapper, fetchMock } = await render(VisitActions, { visit });
    const radios = wrapper.findAll('input[type="radio"]');
    await radios[radios.length - 1]!.setValue(true);
    await expectRefused(wrapper, `visit-${visit.id}-reason`, 'Vul dit in.', '');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('the appointment reference at the desk check-in', async () => {
    const { wrapper, fetchMock } = await render(DeskCheckIn, {});
    await expectRefused(wrapper, 'desk-reference', 'Vul het afspraaknummer in.', '');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('the day of the agenda (cleared)', async () => {
    const today = todayInAmsterdam();
    const day = () => json({ location: { id: 'centraal', name: 'Centraal' }, date: today, closures: [], entries: [] });
    const { wrapper, fetchMock } = await render(
      AgendaPage,
      {},
      {
        planner: true,
        routes: {
          'GET /api/staff/planning/locations': () =>
            json({ locations: [{ id: 'centraal', name: 'Centraal', municipalityCode: null, desks: [] }] }),
          [`GET /api/staff/planning/locations/centraal/agenda?date=${today}`]: day,
        },
      },
    );
    await wrapper.find('#agenda-day').setValue('');
    await expectRefused(wrapper, 'agenda-day', 'Kies een dag.', '');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
