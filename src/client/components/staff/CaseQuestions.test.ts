// The case worker's side of a resident's questions: open questions first with the answer form
// and its B1 reminder; an empty answer is refused in the page; a refusal keeps the typed answer
// and says why; a sent answer moves the question to "Beantwoord" and says what happens next.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import type { StaffQuestion } from '../../../domain/questions-api';
import { installFeatureMessages, type MergeTarget } from '../../i18n/feature-messages';
import { staffMessages } from '../../i18n/staff/index';
import { apiError, createHarness, json, mockFetch } from '../../testing/harness';
import CaseQuestions from './CaseQuestions.vue';

const CASE_ID = '3f0c0000-0000-4000-8000-000000000001';
const OPEN: StaffQuestion = {
  id: '3f0c0000-0000-4000-8000-0000000000a1',
  text: 'Moet ik mijn spaarrekening laten zien?',
  askedAt: '2026-12-01T09:00:00.000Z',
  answer: null,
  answeredAt: null,
};
const OLD: StaffQuestion = {
  id: '3f0c0000-0000-4000-8000-0000000000a2',
  text: 'Hoe lang duurt het?',
  askedAt: '2026-11-20T09:00:00.000Z',
  answer: 'Uiterlijk 8 weken.',
  answeredAt: '2026-11-21T09:00:00.000Z',
};
const list = `GET /api/staff/cases/${CASE_ID}/questions`;
const answerUrl = `POST /api/staff/cases/${CASE_ID}/questions/${OPEN.id}/answer`;

afterEach(() => vi.unstubAllGlobals());

async function render(answer: () => Response) {
  const fetchMock = mockFetch({ [list]: () => json({ questions: [OPEN, OLD] }), [answerUrl]: answer });
  const harness = await createHarness('nl');
  installFeatureMessages(harness.i18n.global as unknown as MergeTarget, staffMessages);
  const wrapper = mount(CaseQuestions, { props: { caseId: CASE_ID }, global: { plugins: [...harness.plugins] } });
  await flushPromises();
  return { wrapper, fetchMock };
}

describe('Vragen van de inwoner', () => {
  it('shows the open question first with the answer form and the B1 reminder, then the answered ones', async () => {
    const { wrapper } = await render(() => json({}));
    const headings = wrapper.findAll('h3').map((h) => h.text());
    expect(headings).toEqual(['Open vragen (1)', 'Beantwoord (1)']);
    expect(wrapper.findAll('blockquote').map((b) => b.text())).toEqual([OPEN.text, OLD.text]);
    expect(wrapper.find(`label[for="answer-${OPEN.id}"]`).text()).toBe('Uw antwoord');
    expect(wrapper.text()).toContain('taalniveau B1');
    expect(wrapper.text()).toContain('Uiterlijk 8 weken.');
  });

  it('refuses an empty answer without sending, and keeps a refused answer with the reason', async () => {
    const { wrapper, fetchMock } = await render(() => apiError(409, 'QUESTION_ALREADY_ANSWERED'));
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    // The message at the field, which the field names as its description (read when it gets focus).
    const field = wrapper.find('textarea');
    expect(field.attributes('aria-invalid')).toBe('true');
    const describedBy = field.attributes('aria-describedby')!.split(' ');
    expect(describedBy.map((id) => wrapper.find(`[id="${id}"]`).text())).toContain('Schrijf een antwoord.');
    expect(fetchMock.mock.calls.filter(([url]) => String(url).endsWith('/answer'))).toHaveLength(0);

    await wrapper.find('textarea').setValue('Ja, stuur een afschrift.');
    await wrapper.find('form').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').text()).toContain('Deze vraag is al beantwoord.'));
    expect((wrapper.find('textarea').element as HTMLTextAreaElement).value).toBe('Ja, stuur een afschrift.');
  });

  it('sends the answer once with an Idempotency-Key and moves the question to the answered ones', async () => {
    const answered = { ...OPEN, answer: 'Ja, stuur een afschrift.', answeredAt: '2026-12-02T09:00:00.000Z' };
    const { wrapper, fetchMock } = await render(() => json({ question: answered }));
    await wrapper.find('textarea').setValue('  Ja, stuur een afschrift.  ');
    await wrapper.find('form').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('[role="status"]').text()).toContain('Uw antwoord is verstuurd.'));
    const [, init] = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/answer'))!;
    expect(JSON.parse(String(init!.body))).toEqual({ answer: 'Ja, stuur een afschrift.' });
    expect((init!.headers as Record<string, string>)['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(wrapper.findAll('h3').map((h) => h.text())).toEqual(['Beantwoord (2)']);
    expect(wrapper.find('textarea').exists()).toBe(false);
  });
});
